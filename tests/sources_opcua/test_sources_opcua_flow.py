"""Values flow from the PLC through the runtime, and survive a PLC restart."""

from __future__ import annotations

import time

from asyncua import ua
from opcua_plc import VARIABLES, FreezingProxy, PlcServer, site_toml, wait_for

from app.model import LinkState, Quality

TAGS = ("Temperature", "Setpoint", "Count", "Running", "State")


def test_values_flow_good_with_source_timestamps(plc: PlcServer, make_runtime) -> None:
    rt = make_runtime(site_toml(plc, {n.lower(): plc.node_id(n) for n in TAGS}))
    rt.wait_state(LinkState.CONNECTED)
    for name in TAGS:
        s = rt.wait_value(name.lower(), lambda s: s.quality is Quality.GOOD)
        assert s.value == VARIABLES[name][1], name
        assert abs(s.ts - time.time()) < 60
    assert isinstance(rt.value("count").value, int)
    assert isinstance(rt.value("running").value, bool)
    assert rt.value("setpoint").value == 20.0

    before = time.time()
    plc.set("Temperature", 23.25)
    plc.set("State", "STOP")
    s = rt.wait_value("temperature", lambda s: s.value == 23.25, what="the new temperature")
    assert s.quality is Quality.GOOD
    assert s.ts >= before - 1  # the PLC's source timestamp of the change
    rt.wait_value("state", lambda s: s.value == "STOP")


def test_changes_arrive_in_batches_per_notification(plc: PlcServer, make_runtime) -> None:
    rt = make_runtime(site_toml(plc, {n.lower(): plc.node_id(n) for n in TAGS}))
    rt.wait_value("state", lambda s: s.quality is Quality.GOOD)
    # the initial values of all five tags come as one notification message
    assert any(len(b) == len(TAGS) for b in rt.batches)


def test_plc_restart_goes_bad_then_good_again(plc: PlcServer, make_runtime) -> None:
    rt = make_runtime(site_toml(plc, {n.lower(): plc.node_id(n) for n in TAGS}))
    rt.wait_state(LinkState.CONNECTED)
    wait_for(lambda: rt.all_quality(Quality.GOOD), 5, "all tags GOOD")

    t0 = time.monotonic()
    plc.stop()
    wait_for(lambda: rt.all_quality(Quality.BAD), 1.0, "all tags BAD within 2 keep-alives")
    assert time.monotonic() - t0 <= 1.0
    detail = rt.wait_state(LinkState.RECONNECTING, timeout=1)
    assert plc.endpoint in detail

    plc.start()
    rt.wait_state(LinkState.CONNECTED, timeout=8)
    wait_for(lambda: rt.all_quality(Quality.GOOD), 5, "all tags GOOD again")
    plc.set("Count", 42)
    rt.wait_value("count", lambda s: s.value == 42 and s.quality is Quality.GOOD)


def test_silent_plc_is_noticed_by_the_keepalive(plc: PlcServer, make_runtime) -> None:
    """A pulled cable closes no socket: only the keep-alive watchdog can tell."""
    proxy = FreezingProxy(plc)
    try:
        rt = make_runtime(site_toml(proxy, {n.lower(): plc.node_id(n) for n in TAGS}))
        wait_for(lambda: rt.all_quality(Quality.GOOD), 5, "all tags GOOD")
        t0 = time.monotonic()
        proxy.freeze()
        wait_for(lambda: rt.all_quality(Quality.BAD), 1.0, "all tags BAD within 2 keep-alives")
        assert time.monotonic() - t0 <= 1.0
        assert "is not answering" in rt.wait_state(LinkState.RECONNECTING, timeout=1)
    finally:
        proxy.close()


def test_quality_follows_the_plc_status(plc: PlcServer, make_runtime) -> None:
    rt = make_runtime(site_toml(plc, {"temperature": plc.node_id("Temperature")}))
    rt.wait_value("temperature", lambda s: s.quality is Quality.GOOD)
    plc.set_status("Temperature", ua.StatusCodes.UncertainLastUsableValue)
    s = rt.wait_value("temperature", lambda s: s.quality is Quality.UNCERTAIN)
    assert s.value == 21.5
    plc.set_status("Temperature", ua.StatusCodes.BadSensorFailure)
    rt.wait_value("temperature", lambda s: s.quality is Quality.BAD)
    plc.set("Temperature", 22.0)
    rt.wait_value("temperature", lambda s: s.quality is Quality.GOOD and s.value == 22.0)


def test_text_and_unsupported_values(plc: PlcServer, make_runtime, caplog) -> None:
    rt = make_runtime(site_toml(plc, {"mode": plc.node_id("Mode"),
                                      "profile": plc.node_id("Profile"),
                                      "count": plc.node_id("Count")}))
    assert rt.wait_value("mode", lambda s: True).value == "Automatic"
    assert rt.value("mode").quality is Quality.GOOD
    assert rt.wait_value("profile", lambda s: True).quality is Quality.BAD
    plc.set("Profile", [5.0, 6.0])
    plc.set("Count", 8)  # a later notification: the array's error is not logged again
    rt.wait_value("count", lambda s: s.value == 8)
    errors = [r for r in caplog.records if "line1/profile" in r.getMessage()]
    assert len(errors) == 1 and "arrays are not supported" in errors[0].getMessage()
