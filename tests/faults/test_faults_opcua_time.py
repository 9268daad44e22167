"""A PLC whose clock is off (1990, the year 3000): its values are shown and stored at
the time they came, never at an impossible time; counted and logged once per tag."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from faultkit import wait_for

from app import config
from app.local_broker import free_port
from app.runtime import Runtime
from app.store import Store


@pytest.fixture
def plc():
    from asyncua import ua
    from asyncua.sync import Server

    port = free_port()
    srv = Server()
    srv.set_endpoint(f"opc.tcp://127.0.0.1:{port}/clock")
    idx = srv.register_namespace("urn:lineside:test:clock")
    obj = srv.nodes.objects.add_object(idx, "Clock")
    var = obj.add_variable(ua.NodeId("Clock.Value", idx), "Value", 1.0)
    srv.start()

    def put(v: float, when: datetime) -> None:
        var.write_value(ua.DataValue(ua.Variant(v, ua.VariantType.Double),
                                     SourceTimestamp=when, ServerTimestamp=when))

    yield port, idx, put
    srv.stop()


@pytest.mark.slow
def test_impossible_plc_times_are_not_stored(plc, tmp_path, caplog):
    port, idx, put = plc
    site = tmp_path / "site.toml"
    site.write_text(f"""
[site]
id = "p1"
name = "Plant 1"

[[sources]]
id = "plc"
kind = "opcua"
endpoint = "opc.tcp://127.0.0.1:{port}/clock"

[[tags]]
path = "p1/clock/value"
source = "plc"
address = "ns={idx};s=Clock.Value"
sampling_ms = 50
""")
    store = Store(tmp_path / "t.db", terminal_id="t1").open()
    rt = Runtime(config.load(site), store)
    rt.start()
    try:
        src = rt.sources["plc"]
        for v, when in ((2.0, datetime(1990, 1, 1, tzinfo=UTC)),
                        (3.0, datetime(2999, 12, 31, tzinfo=UTC))):
            time.sleep(0.3)
            put(v, when)
            s = wait_for(lambda v=v: (x := rt.latest.get("p1/clock/value")) is not None
                         and x.value == v and x, timeout=20, what=f"value {v}")
            assert abs(s.ts - time.time()) < 60, s
        assert src.bad_timestamps["p1/clock/value"] == 2
        assert len([r for r in caplog.records if "impossible" in r.getMessage()]) == 1
        store.flush()
        with store.read() as c:
            times = [t for (t,) in c.execute("SELECT ts FROM samples")]
        assert times and all(946684800 < t < time.time() + 60 for t in times), times
    finally:
        rt.stop()
        store.close()
