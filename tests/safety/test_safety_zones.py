"""Danger zones: a worker inside a robot cell while the robot runs raises the intrusion
alarm, requests safe speed and reaches the hazards topic; leaving clears it."""

from __future__ import annotations

import json
import time

import pytest
from safetykit import wait_for

from app import config
from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmDefinition, AlarmKind, AlarmState
from app.model import Sample
from app.safety.hazards import HazardPublisher
from app.safety.wearables import TopicPattern, parse_reading
from app.safety.zones import ZoneMonitor, contains, distance_to_edge

CELL = ((27.0, 6.5), (33.0, 6.5), (33.0, 13.5), (27.0, 13.5))


def test_geometry() -> None:
    assert contains(CELL, (30, 10)) and contains(CELL, (27, 10))
    assert not contains(CELL, (26.9, 10)) and not contains(CELL, (30, 4))
    assert distance_to_edge(CELL, (26.6, 10)) == pytest.approx(0.4)


def test_topic_pattern_and_payloads() -> None:
    p = TopicPattern("demo/wearables/{worker}/{signal}")
    assert p.mqtt_filter == "demo/wearables/+/+"
    assert p.match("demo/wearables/W-3F7A/pos_x") == ("W-3F7A", "pos_x")
    assert p.match("demo/other/W-3F7A/pos_x") is None
    assert parse_reading(b'{"v": 12.5, "ts": 1700000000}', 1.0) == (12.5, 1700000000.0)
    assert parse_reading(b"7", 3.0) == (7.0, 3.0)
    with pytest.raises(ValueError, match="not a finite number"):
        parse_reading(b'{"v": "x"}', 1.0)
    with pytest.raises(ValueError, match="whole topic level"):
        TopicPattern("a/w{worker}/{signal}")


def test_bad_zone_config_names_file_and_key(tmp_path) -> None:
    from safetykit import SITE

    import app.safety.zones  # noqa: F401
    bad = SITE.replace("polygon = [[27, 6.5], [33, 6.5], [33, 13.5], [27, 13.5]]",
                       "polygon = [[27, 6.5], [33, 6.5]]")
    (tmp_path / "site.toml").write_text(bad)
    with pytest.raises(config.ConfigError, match=r"zones\[0\]\.polygon: needs at least 3"):
        config.load(tmp_path / "site.toml")


@pytest.fixture
def zones(rig):
    engine = AlarmEngine(terminal_id="T1")
    engine.define(AlarmDefinition("hall_gas_hi", AlarmKind.EXTERNAL, area="body/hall",
                                  message="Gas high"))
    engine.define(AlarmDefinition("health.W-1", AlarmKind.EXTERNAL, area="health"))
    hazards = HazardPublisher(rig.runtime, engine, rig.cfg.sections["hazards"])
    mon = ZoneMonitor(rig.runtime, rig.cfg.sections["zones"], rig.cfg.sections["positions"],
                      engine)
    mon.start()
    yield mon, engine
    mon.stop()
    hazards.close()


def walk(mon, worker: str, x: float, y: float) -> None:
    ts = time.time()
    mon.on_message(f"t/wearables/{worker}/pos_x", json.dumps({"v": x, "ts": ts}).encode())
    mon.on_message(f"t/wearables/{worker}/pos_y", json.dumps({"v": y, "ts": ts}).encode())


def test_intrusion_raises_alarm_writes_safe_speed_and_publishes_hazard(rig, zones) -> None:
    mon, engine = zones
    rig.plc.push([Sample("t/weld/robot3/state", time.time(), "running")])
    wait_for(lambda: mon.snapshot().zones[0].robot_state == "running", 2, "robot state")
    walk(mon, "W-8C21", 30.0, 4.0)  # in the aisle: fine
    assert engine.get("zone.robot3.intrusion").state is AlarmState.NORMAL
    walk(mon, "W-8C21", 30.0, 10.0)  # inside the cell
    st = engine.get("zone.robot3.intrusion")
    assert st.active and st.state is AlarmState.UNACK
    assert "W-8C21" in st.message and "Robot cell 3" in st.message
    wait_for(lambda: ("robot3_safe_speed", True) in rig.plc.writes, 2, "safe speed")
    hazard = [p for t, p in rig.published if t == "t/hazards"]
    assert hazard[-1]["alarm_id"] == "zone.robot3.intrusion"
    assert hazard[-1]["priority"] == 1 and hazard[-1]["state"] == "unack"
    assert set(hazard[-1]) >= {"alarm_id", "priority", "message", "state", "ts"}
    # Hysteresis: just outside the fence still counts; well outside clears.
    walk(mon, "W-8C21", 26.7, 10.0)
    assert engine.get("zone.robot3.intrusion").active
    walk(mon, "W-8C21", 25.0, 10.0)
    assert not engine.get("zone.robot3.intrusion").active
    wait_for(lambda: ("robot3_safe_speed", False) in rig.plc.writes, 2, "safe speed released")
    assert [p["event"] for t, p in rig.published if t == "t/hazards"][-1] == "cleared"


def test_no_alarm_while_robot_idle_and_unknown_state_is_dangerous(rig, zones) -> None:
    mon, engine = zones
    rig.plc.push([Sample("t/weld/robot3/state", time.time(), "idle")])
    wait_for(lambda: mon.snapshot().zones[0].robot_state == "idle", 2, "robot state")
    walk(mon, "W-5D9E", 30.0, 10.0)
    assert mon.snapshot().zones[0].occupants == ("W-5D9E",)
    assert not engine.get("zone.robot3.intrusion").active
    rig.plc.lose_link()  # robot state BAD: fail safe
    wait_for(lambda: engine.get("zone.robot3.intrusion").active, 2, "fail-safe alarm")


def test_hazard_topic_carries_environment_but_never_health(rig, zones) -> None:
    _mon, engine = zones
    engine.set_condition("hall_gas_hi", True, 30.0)
    engine.set_condition("health.W-1", True)
    ids = [p["alarm_id"] for t, p in rig.published if t == "t/hazards"]
    assert ids == ["hall_gas_hi"]


def test_stale_positions_are_forgotten(rig, zones) -> None:
    mon, engine = zones
    rig.plc.push([Sample("t/weld/robot3/state", time.time(), "running")])
    wait_for(lambda: mon.snapshot().zones[0].robot_state == "running", 2, "robot state")
    walk(mon, "W-8C21", 30.0, 10.0)
    assert engine.get("zone.robot3.intrusion").active
    mon.sweep(now=time.time() + 6)  # stale_after_s = 5
    assert mon.snapshot().workers == ()
    assert not engine.get("zone.robot3.intrusion").active
