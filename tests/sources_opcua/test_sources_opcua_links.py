"""Link problems a user sees: unknown nodes, an unreachable PLC, security and passwords,
and a clean stop."""

from __future__ import annotations

import time

from opcua_plc import PlcServer, Security, site_toml, wait_for

from app.config import SourceConfig, TagConfig
from app.model import LinkState, LinkStatus, Quality, Sample
from app.sources.opcua import OpcUaOptions, OpcUaSource


def test_unknown_node_is_bad_and_the_others_flow(plc: PlcServer, make_runtime, caplog) -> None:
    missing = f"ns={plc.ns};s=Line1.NoSuchThing"
    rt = make_runtime(site_toml(plc, {"temperature": plc.node_id("Temperature"),
                                      "ghost": missing, "count": plc.node_id("Count")}))
    rt.wait_state(LinkState.CONNECTED)
    assert rt.wait_value("ghost", lambda s: True).quality is Quality.BAD
    rt.wait_value("temperature", lambda s: s.quality is Quality.GOOD)
    plc.set("Count", 99)
    rt.wait_value("count", lambda s: s.value == 99 and s.quality is Quality.GOOD)
    assert rt.value("ghost").quality is Quality.BAD
    assert any("line1/ghost" in r.getMessage() and missing in r.getMessage()
               and "BadNodeIdUnknown" in r.getMessage() for r in caplog.records)


def test_unreachable_plc_at_start_is_offline_with_reason_then_connects(make_runtime) -> None:
    plc = PlcServer()  # not started yet: nothing listens on its port
    try:
        rt = make_runtime(site_toml(plc, {"count": "ns=2;s=Line1.Count"}))
        detail = rt.wait_state(LinkState.OFFLINE, timeout=3)
        assert f"cannot connect to {plc.endpoint}: connection refused" in detail
        assert rt.wait_value("count", lambda s: True).quality is Quality.BAD
        plc.start()
        rt.wait_state(LinkState.CONNECTED, timeout=5)
        rt.wait_value("count", lambda s: s.quality is Quality.GOOD and s.value == 7)
    finally:
        plc.close()


def test_secure_connection_with_user_and_password(secure_plc: PlcServer, security: Security,
                                                  make_runtime) -> None:
    rt = make_runtime(site_toml(
        secure_plc, {"count": secure_plc.node_id("Count")},
        security_policy="Basic256Sha256", security_mode="SignAndEncrypt",
        certificate=str(security.client_cert), private_key=str(security.client_key),
        pki=str(security.pki), username=security.user), secret=security.password)
    rt.wait_state(LinkState.CONNECTED, timeout=10)
    rt.wait_value("count", lambda s: s.quality is Quality.GOOD and s.value == 7)
    assert rt.runtime.safety_write("line1/count", 8).result(5).value == 8


def test_wrong_password_is_a_clear_link_error(secure_plc: PlcServer, security: Security,
                                              make_runtime) -> None:
    rt = make_runtime(site_toml(
        secure_plc, {"count": secure_plc.node_id("Count")},
        security_policy="Basic256Sha256", security_mode="SignAndEncrypt",
        certificate=str(security.client_cert), private_key=str(security.client_key),
        pki=str(security.pki), username=security.user), secret="wrong")
    detail = rt.wait_state(LinkState.OFFLINE, timeout=10)
    assert "refused user 'operator': wrong user name or password" in detail
    assert rt.value("count").quality is Quality.BAD


def test_hand_built_source_streams_and_stops_within_a_second(plc: PlcServer) -> None:
    """The CLI probe builds the source by hand (`--opcua URL --node NODEID`)."""
    import asyncio

    batches: list[list[Sample]] = []
    states: list[LinkStatus] = []
    config = SourceConfig("probe", "opcua", OpcUaOptions(endpoint=plc.endpoint))
    tags = [TagConfig(path="probe/count", source="probe", address=plc.node_id("Count"))]
    src = OpcUaSource(config, tags, batches.append, states.append)

    before = plc.sessions()  # other tests' clients may have left sessions behind
    ours: set[str] = set()

    async def main() -> float:
        task = asyncio.create_task(src.run())
        while not batches:
            await asyncio.sleep(0.02)
        ours.update(plc.sessions() - before)
        t0 = time.monotonic()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return time.monotonic() - t0

    took = asyncio.run(asyncio.wait_for(main(), 10))
    assert batches[0][0].value == 7.0 and batches[0][0].quality is Quality.GOOD
    assert states[-1].state is LinkState.CONNECTED
    assert took < 1.0
    # the session was closed on the PLC, not left to time out
    assert len(ours) == 1
    wait_for(lambda: not ours & plc.sessions(), 2, "the PLC to have closed the probe's session")

