"""Setpoint writes: the node's own variant type, read-back, clear refusals."""

from __future__ import annotations

import pytest
from asyncua import ua
from opcua_plc import PlcServer, site_toml

from app.model import LinkState, Quality
from app.sources.base import SourceError


def _setup(plc: PlcServer, make_runtime):
    toml = site_toml(plc, {n.lower(): plc.node_id(n) for n in
                           ("Setpoint", "Count", "Running", "Temperature")})
    # the read-only PLC variable, configured writable by mistake on the terminal
    toml = toml.replace('address = "' + plc.node_id("Temperature") + '"\ntype = "float"\n'
                        'sampling_ms = 50\nwritable = false',
                        'address = "' + plc.node_id("Temperature") + '"\ntype = "float"\n'
                        'sampling_ms = 50\nwritable = true')
    rt = make_runtime(toml)
    rt.wait_state(LinkState.CONNECTED)
    return rt


def test_write_float_and_int32_with_their_own_types(plc: PlcServer, make_runtime) -> None:
    rt = _setup(plc, make_runtime)
    back = rt.runtime.safety_write("line1/setpoint", 21.3).result(5)
    assert back.value == 21.3 and back.quality is Quality.GOOD
    assert plc.get("Setpoint").VariantType is ua.VariantType.Float

    back = rt.runtime.safety_write("line1/count", 12).result(5)
    assert back.value == 12 and isinstance(back.value, int)
    assert plc.get("Count") == ua.Variant(12, ua.VariantType.Int32)

    back = rt.runtime.safety_write("line1/running", False).result(5)
    assert back.value is False
    assert plc.get("Running").VariantType is ua.VariantType.Boolean
    # the read-back is also the tag's latest value
    assert rt.value("setpoint").value == 21.3


def test_write_to_read_only_node_is_refused_clearly(plc: PlcServer, make_runtime) -> None:
    rt = _setup(plc, make_runtime)
    with pytest.raises(SourceError, match=r"PLC refused the write to line1/temperature "
                                          r"\(ns=\d+;s=Line1.Temperature\): not writable"):
        rt.runtime.safety_write("line1/temperature", 30.0).result(5)
    assert plc.get("Temperature").Value == 21.5


def test_write_out_of_type_range_is_refused_before_sending(plc: PlcServer, make_runtime) -> None:
    rt = _setup(plc, make_runtime)
    with pytest.raises(SourceError, match=r"outside the range .*Int32"):
        rt.runtime.safety_write("line1/count", 2**40).result(5)
    assert plc.get("Count").Value == 7


def test_write_when_not_connected_says_so(plc: PlcServer, make_runtime) -> None:
    rt = _setup(plc, make_runtime)
    plc.stop()
    rt.wait_state(LinkState.RECONNECTING, timeout=2)
    with pytest.raises(SourceError, match=r"not connected to opc\.tcp://"):
        rt.runtime.safety_write("line1/setpoint", 22.0).result(5)
