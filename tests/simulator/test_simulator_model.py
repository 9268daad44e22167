"""The pure plant model: dynamics an operator would recognise, faults, the e-stop logic."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from app.simulator.faults import Fault, parse_fault
from app.simulator.model import STOP_SETTLE_S, PlantModel
from app.simulator.people import HEART_RATE_WORKER, INTRUDER, ROBOT_CELLS


def noon() -> float:
    return datetime(2026, 6, 21, 12, 0).timestamp()


def stop(m: PlantModel) -> None:
    m.write("EStop.StopRequest", True)


def test_oil_temperature_rises_under_load_and_falls_when_idle(advance) -> None:
    m = PlantModel(seed=3, start_time=noon())
    start = m.values()["Press.OilTemp"]
    advance(m, 300)
    hot = m.values()["Press.OilTemp"]
    assert hot > start + 8, "oil should warm up while the press strokes"
    stop(m)
    advance(m, 300)
    assert m.values()["Press.OilTemp"] < hot - 5, "oil should cool while the press is idle"


def test_press_strokes_follow_the_setpoint_and_pulse_the_hydraulics(advance) -> None:
    m = PlantModel(seed=1, start_time=noon())
    advance(m, 20)
    m.write("Press.StrokeRateSetpoint", 6.0)
    advance(m, 15)
    assert m.values()["Press.StrokeRate"] == pytest.approx(6.0, abs=0.2)
    pressures = []
    for _ in range(100):  # 10 s: one stroke every 10 s
        m.step(0.1)
        pressures.append(m.values()["Press.HydraulicPressure"])
    assert max(pressures) > 150 and min(pressures) < 60
    cycles = m.values()["Press.CycleCount"]
    advance(m, 60)
    assert m.values()["Press.CycleCount"] - cycles in (5, 6, 7)


def test_robot_power_spikes_during_weld_cycles() -> None:
    m = PlantModel(seed=1, start_time=noon())
    welding, moving = [], []
    for _ in range(240):  # two robot cycles
        m.step(0.1)
        v = m.values()
        (welding if v["Robot1.Welding"] else moving).append(v["Robot1.Power"])
        if v["Robot1.Welding"]:
            assert v["Robot1.WeldCurrent"] > 8.0
    assert welding and moving
    assert min(welding) > 50.0 and max(moving) < 20.0
    assert m.values()["Robot1.CycleCount"] >= 1
    assert m.values()["Robot1.TipWear"] > 0


def test_safe_speed_slows_the_robot(advance) -> None:
    m = PlantModel(seed=1, start_time=noon())
    m.write("Robot2.SafeSpeed", True)
    advance(m, 120)
    v = m.values()
    assert v["Robot2.CycleCount"] < v["Robot1.CycleCount"] / 2


def test_stopped_line_draws_idle_power_only(advance) -> None:
    m = PlantModel(seed=1, start_time=noon())
    advance(m, 60)
    running = m.values()
    stop(m)
    stopped = m.values()  # at once, before any step: drives are off
    for name in ("Press", "Robot1", "Robot2", "Robot3", "Robot4", "Conveyor"):
        assert stopped[f"{name}.State"] == "idle"
        assert stopped[f"{name}.Power"] < running[f"{name}.Power"]
    advance(m, 10)
    v = m.values()
    assert v["Press.Power"] == pytest.approx(18.0, abs=1.0)
    assert v["Conveyor.Speed"] == 0.0 and v["Press.StrokeRate"] == 0.0
    assert all(v[f"Robot{n}.Power"] < 2.0 for n in range(1, 5))
    robots_running = sum(running[f"Robot{n}.Power"] for n in range(1, 5))
    robots_idle = sum(v[f"Robot{n}.Power"] for n in range(1, 5))
    assert robots_idle < robots_running
    assert v["Energy.LinePower"] < running["Energy.LinePower"] - 50
    energy = v["Press.Energy"]
    advance(m, 3600, dt=1.0)
    assert m.values()["Press.Energy"] - energy == pytest.approx(18.0, rel=0.05), \
        "an idle hour of the press should meter about its idle power in kWh"


def test_pv_follows_the_day() -> None:
    midnight = datetime(2026, 6, 21, 0, 0).timestamp()
    m = PlantModel(seed=1, start_time=midnight)
    by_hour = {}
    for minute in range(24 * 60):
        m.step(60.0)
        if (minute + 1) % 60 == 0:
            by_hour[(minute + 1) // 60] = m.values()["Energy.PvPower"]
    assert by_hour[2] == 0.0 and by_hour[23] == 0.0
    assert by_hour[13] > by_hour[9] > by_hour[7] > 0
    assert by_hour[13] > by_hour[17] > by_hour[19] > 0
    assert 100 < max(by_hour.values()) <= 250


def test_estop_latches_settles_and_resets_only_when_healthy(advance) -> None:
    m = PlantModel(seed=1, start_time=noon())
    advance(m, 5)
    stop(m)
    v = m.values()
    assert (v["EStop.CircuitState"], v["EStop.StopRequest"], v["EStop.Healthy"]) == (
        "stopped", True, False)
    m.write("EStop.ResetRequest", True)  # too early: refused
    m.write("EStop.StopRequest", False)  # a stop is latched; only a reset releases it
    assert m.values()["EStop.CircuitState"] == "stopped"
    advance(m, STOP_SETTLE_S + 0.2)
    assert m.values()["EStop.Healthy"] is True
    m.write("EStop.ResetRequest", True)
    v = m.values()
    # A reset never restarts the line (EN 60204-1 9.2.5.4.2): stopped and ready.
    assert (v["EStop.CircuitState"], v["EStop.StopRequest"]) == ("ready", False)
    m.step(0.1)
    assert m.values()["EStop.ResetRequest"] is False, "reset is a pulse"
    advance(m, 10)
    assert m.values()["Press.State"] == "idle" and m.values()["Press.StrokeRate"] == 0
    assert m.values()["Conveyor.State"] == "idle"
    m.write("Line.StartRequest", True)  # the separate start command
    assert m.values()["EStop.CircuitState"] == "running"
    m.step(0.1)
    assert m.values()["Line.StartRequest"] is False, "start is a pulse"
    advance(m, 10)
    assert m.values()["Press.State"] == "running" and m.values()["Press.StrokeRate"] > 5


def test_start_is_refused_unless_reset_and_healthy(advance) -> None:
    m = PlantModel(seed=1, start_time=noon())
    stop(m)
    advance(m, STOP_SETTLE_S + 0.2)
    m.write("Line.StartRequest", True)  # a start does not release a latched stop
    assert m.values()["EStop.CircuitState"] == "stopped"
    m.write("EStop.ResetRequest", True)
    m.faults = {Fault.STOP_CIRCUIT_FAULT}
    advance(m, 0.2)
    m.write("Line.StartRequest", True)  # not healthy: refused
    assert m.values()["EStop.CircuitState"] == "ready"
    m.faults = set()
    advance(m, 0.2)
    m.write("Line.StartRequest", True)
    assert m.values()["EStop.CircuitState"] == "running"


def test_stop_circuit_fault_holds_the_circuit_unhealthy(advance) -> None:
    m = PlantModel(seed=1, start_time=noon())
    m.faults = {Fault.STOP_CIRCUIT_FAULT}
    stop(m)
    advance(m, 5)
    m.write("EStop.ResetRequest", True)
    assert m.values()["EStop.CircuitState"] == "stopped"
    m.faults = set()
    advance(m, 0.2)
    m.write("EStop.ResetRequest", True)
    assert m.values()["EStop.CircuitState"] == "ready"


def test_faults_show_in_the_values(advance) -> None:
    m = PlantModel(seed=1, start_time=noon())
    advance(m, 30)
    m.faults = {Fault.PRESS_OVERHEAT, Fault.ROBOT_FAULT, Fault.GAS_LEAK,
                Fault.HEART_RATE_SPIKE, Fault.ZONE_INTRUSION}
    advance(m, 60)
    v = m.values()
    assert v["Press.OilTemp"] > 80
    assert v["Robot2.State"] == "fault" and v["Robot2.Power"] < 1.0
    assert v["Robot3.State"] == "running"
    assert v["Env.Gas"] > 20
    mq = m.mqtt_values()
    assert mq[f"wearables/{HEART_RATE_WORKER}/heart_rate"] > 150
    x, y = mq[f"wearables/{INTRUDER}/pos_x"], mq[f"wearables/{INTRUDER}/pos_y"]
    assert ROBOT_CELLS[3].contains(x, y)
    others = [w for w in m.workers if w.pseudo != INTRUDER]
    assert not any(c.contains(w.x, w.y) for w in others for c in ROBOT_CELLS.values())
    m.faults = set()
    advance(m, 60)
    w = next(w for w in m.workers if w.pseudo == INTRUDER)
    assert not ROBOT_CELLS[3].contains(w.x, w.y), "the worker leaves the cell when cleared"
    assert m.values()["Env.Gas"] < 2 and m.values()["Robot2.State"] == "running"


def test_workers_walk_in_the_aisles_and_stay_out_of_cells(advance) -> None:
    m = PlantModel(seed=7, start_time=noon())
    start = {w.pseudo: (w.x, w.y) for w in m.workers}
    for _ in range(600):
        m.step(0.5)
        for w in m.workers:
            assert not any(c.contains(w.x, w.y) for c in ROBOT_CELLS.values())
    moved = [p for p, xy in start.items()
             if xy != next((w.x, w.y) for w in m.workers if w.pseudo == p)]
    assert len(moved) >= 4


def test_same_seed_same_plant(advance) -> None:
    a, b = PlantModel(seed=5, start_time=noon()), PlantModel(seed=5, start_time=noon())
    a.values()  # reading (sensor noise) must not change the dynamics
    advance(a, 30)
    advance(b, 30)
    assert a.press.oil_temp == b.press.oil_temp
    assert a.env.gas == b.env.gas and a.workers[0].x == b.workers[0].x
    c = PlantModel(seed=6, start_time=noon())
    advance(c, 30)
    assert c.press.pressure != a.press.pressure


def test_bad_writes_are_refused_with_a_reason() -> None:
    m = PlantModel(seed=1, start_time=time.time())
    with pytest.raises(ValueError, match="outside"):
        m.write("Press.StrokeRateSetpoint", 99.0)
    with pytest.raises(ValueError, match="not a writable"):
        m.write("Press.OilTemp", 20.0)
    with pytest.raises(ValueError, match="true or false"):
        m.write("EStop.StopRequest", 1)
    assert m.values()["Press.StrokeRateSetpoint"] == 12.0


def test_fault_names_parse_with_optional_seconds() -> None:
    assert parse_fault("gas_leak") == (Fault.GAS_LEAK, None)
    assert parse_fault("plc_offline:5") == (Fault.PLC_OFFLINE, 5.0)
    with pytest.raises(ValueError, match="known: press_overheat"):
        parse_fault("meltdown")
    with pytest.raises(ValueError, match="positive"):
        parse_fault("gas_leak:0")
