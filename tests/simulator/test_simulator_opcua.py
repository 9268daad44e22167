"""The simulated PLC over OPC UA: live values, typed nodes, writes, e-stop, going offline."""

from __future__ import annotations

import asyncio
import time

import pytest
from asyncua import Client, ua

from app.simulator import Fault


def node(c: Client, name: str):
    return c.get_node(f"ns=2;s={name}")


async def poll(read, pred, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = await read()
        if pred(value):
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}; last value {value!r}")
        await asyncio.sleep(0.02)


def test_values_change_over_time_with_proper_types(plc) -> None:
    async def main() -> None:
        async with Client(plc.endpoint, timeout=5) as c:
            assert await c.get_namespace_index("urn:lineside:simulator") == 2
            for name, vt in [("Press.OilTemp", ua.VariantType.Double),
                             ("Press.CycleCount", ua.VariantType.Int32),
                             ("Robot1.SafeSpeed", ua.VariantType.Boolean),
                             ("EStop.CircuitState", ua.VariantType.String)]:
                assert (await node(c, name).read_data_value()).Value.VariantType == vt, name
            pressure = node(c, "Press.HydraulicPressure")
            first = await pressure.read_value()
            await poll(pressure.read_value, lambda v: abs(v - first) > 5, 5, "pressure to move")
            access = await node(c, "Press.StrokeRateSetpoint").get_access_level()
            assert ua.AccessLevel.CurrentWrite in access
            assert ua.AccessLevel.CurrentWrite not in await node(c, "Press.OilTemp") \
                .get_access_level()

    asyncio.run(main())


def test_setpoint_write_is_applied_or_refused_with_read_back(plc) -> None:
    async def main() -> None:
        async with Client(plc.endpoint, timeout=5) as c:
            sp = node(c, "Conveyor.SpeedSetpoint")
            await sp.write_value(ua.Variant(6.0, ua.VariantType.Double))
            assert await sp.read_value() == 6.0
            speed = node(c, "Conveyor.Speed")
            await poll(speed.read_value, lambda v: v > 5.0, 8, "conveyor to speed up")
            await sp.write_value(ua.Variant(50.0, ua.VariantType.Double))  # out of range
            assert await sp.read_value() == 6.0, "the PLC keeps its setpoint"
            with pytest.raises(ua.UaStatusCodeError):  # wrong type
                await sp.write_value(ua.Variant(5, ua.VariantType.Int32))
            with pytest.raises(ua.UaStatusCodeError):  # read-only
                await node(c, "Press.OilTemp").write_value(20.0)
            await sp.write_value(ua.Variant(4.5, ua.VariantType.Double))

    asyncio.run(main())


def test_estop_stops_the_line_reset_readies_and_only_start_runs_it(plc) -> None:
    async def main() -> None:
        async with Client(plc.endpoint, timeout=5) as c:
            state, healthy = node(c, "EStop.CircuitState"), node(c, "EStop.Healthy")
            assert await state.read_value() == "running"
            t0 = time.monotonic()
            await node(c, "EStop.StopRequest").write_value(True)
            await poll(state.read_value, lambda v: v == "stopped", 0.5, "stopped read-back")
            assert time.monotonic() - t0 < 0.5
            assert await node(c, "Press.State").read_value() == "idle"
            assert await node(c, "Conveyor.State").read_value() == "idle"
            assert await node(c, "Press.Power").read_value() < 20
            assert await healthy.read_value() is False
            await poll(healthy.read_value, lambda v: v is True, 4, "healthy after ~2 s")
            assert time.monotonic() - t0 > 1.5
            await node(c, "EStop.ResetRequest").write_value(True)
            await poll(state.read_value, lambda v: v == "ready", 0.5, "ready after reset")
            assert await node(c, "EStop.StopRequest").read_value() is False
            # A reset never restarts the line: still stopped 1.5 s later.
            await asyncio.sleep(1.5)
            assert await state.read_value() == "ready"
            assert await node(c, "Press.State").read_value() == "idle"
            await node(c, "Line.StartRequest").write_value(True)
            await poll(state.read_value, lambda v: v == "running", 0.5, "running after start")
            await poll(node(c, "Press.State").read_value, lambda v: v == "running", 1,
                       "press running again")

    asyncio.run(main())


def test_plc_offline_drops_clients_and_comes_back_when_cleared(plc, wait_for) -> None:
    async def can_read() -> bool:
        try:
            async with Client(plc.endpoint, timeout=1) as c:
                await node(c, "Press.OilTemp").read_value()
                return True
        except (TimeoutError, OSError, ua.UaError):
            return False

    async def main() -> None:
        async with Client(plc.endpoint, timeout=2) as c:
            plc.set_fault(Fault.PLC_OFFLINE)
            # The link drops while the client keeps reading.
            with pytest.raises((TimeoutError, OSError, ua.UaError)):
                for _ in range(100):
                    await node(c, "Press.OilTemp").read_value()
                    await asyncio.sleep(0.05)
        assert not await can_read()
        plc.set_fault(Fault.PLC_OFFLINE, on=False)
        deadline = time.monotonic() + 5
        while not await can_read():
            assert time.monotonic() < deadline, "server did not come back"
            await asyncio.sleep(0.1)
        # and it keeps serving live values
        async with Client(plc.endpoint, timeout=2) as c:
            n = node(c, "Press.HydraulicPressure")
            first = await n.read_value()
            await poll(n.read_value, lambda v: v != first, 3, "live values after restart")

    asyncio.run(main())
    plc.set_fault("plc_offline:0.5")  # self-clearing form
    wait_for(lambda: Fault.PLC_OFFLINE in plc.sim.faults, 2, "fault on")
    wait_for(lambda: Fault.PLC_OFFLINE not in plc.sim.faults, 3, "fault to clear itself")
