"""Against the plant simulator (real OPC UA PLC, real MQTT wearables): the e-stop stops
the simulated line and is confirmed by its read-back; a worker walking into robot
cell 3 raises the intrusion alarm and requests safe speed."""

from __future__ import annotations

import json
import threading
from types import SimpleNamespace

import pytest
from safetykit import wait_for

from app import config
from app.alarms.engine import AlarmEngine
from app.model import LinkState
from app.safety.estop import CircuitState, EStopController, RequestState
from app.safety.zones import ZoneMonitor
from app.terminal import Terminal


@pytest.fixture
def line(plant, tmp_path):
    cfg = config.load(plant.site_file, terminal_id="T1")
    term = Terminal(cfg, store_path=tmp_path / "terminal.db").start()
    assert term.failed == {}
    safety = SimpleNamespace(estop=term.service(EStopController), zones=term.service(ZoneMonitor))
    yield plant, term.runtime, term.service(AlarmEngine), safety, term.store
    term.stop()


def test_estop_stops_the_simulated_plc_and_is_confirmed(line) -> None:
    plant, rt, _engine, s, _store = line
    wait_for(lambda: s.estop.status.circuit is CircuitState.RUNNING, 20, "PLC read-back")
    wait_for(lambda: rt.links["plc-body"].state is LinkState.CONNECTED, 20, "PLC session")
    s.estop.press(None)
    wait_for(lambda: s.estop.status.request is not RequestState.REQUESTED, 2, "an outcome")
    assert s.estop.status.request is RequestState.CONFIRMED
    assert s.estop.status.circuit is CircuitState.STOPPED
    assert plant.sim.values()["EStop.CircuitState"] == "stopped"
    wait_for(lambda: s.estop.status.healthy is True, 10, "healthy")
    s.estop.reset("m1", "maintenance", confirmed=True).result(10)
    # A reset never restarts the line: the PLC reads back "ready".
    wait_for(lambda: s.estop.status.circuit is CircuitState.READY, 10, "reset: ready")


def test_zone_intrusion_from_the_simulator_raises_alarm_and_safe_speed(line) -> None:
    plant, rt, engine, s, _store = line
    hazards: list[dict] = []
    got = threading.Event()

    def on_hazard(_topic: str, payload: bytes) -> None:
        hazards.append(json.loads(payload))
        got.set()

    rt.subscribe_topic("demo/hazards", on_hazard)
    wait_for(lambda: any(z.robot_state == "running" for z in s.zones.snapshot().zones
                         if z.config.id == "robot3"), 20, "robot 3 running")
    plant.sim.set_fault("zone_intrusion")
    wait_for(lambda: engine.get("zone.robot3.intrusion").active, 30, "intrusion alarm")
    assert "W-8C21" in engine.get("zone.robot3.intrusion").message
    wait_for(lambda: plant.sim.values().get("Robot3.SafeSpeed") is True, 5, "safe speed")
    wait_for(lambda: any(h["alarm_id"] == "zone.robot3.intrusion" for h in hazards), 5,
             "hazard on the broker")
