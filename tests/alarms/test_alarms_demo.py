"""The demo plant's alarms load from the shipped site file and behave as documented."""

from __future__ import annotations

from pathlib import Path

from app import config
from app.alarms.config import definitions_of, settings_of
from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmState, Priority
from app.model import Quality, Sample

SITE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "site.toml"
GAS = "demo/body/line1/environment/hall/gas"
PRESS_STATE = "demo/body/line1/press/press1/state"
OIL = "demo/body/line1/press/press1/oil_temp"
CONVEYOR = "demo/body/line1/conveyor/conveyor1/state"


def test_demo_gas_leak_is_priority_one_and_maintenance_suppresses_the_press(clock):
    cfg = config.load(SITE)
    engine = AlarmEngine(definitions_of(cfg), settings=settings_of(cfg), clock=clock)
    assert len(engine.definitions()) >= 10

    def feed(tag, value, quality=Quality.GOOD, after=1.0):
        clock.advance(after)
        engine.on_samples([Sample(tag, clock.t, value, quality)])
        engine.tick()

    feed(GAS, 0.4)
    feed(GAS, 45.0)  # the simulator's gas_leak fault
    feed(GAS, 45.0, after=3)  # past the on-delay of the 10 %LEL alarm
    top = engine.active()[0]
    assert top.priority is Priority.CRITICAL and top.id.startswith("hall_gas")
    assert {s.id for s in engine.active()} == {"hall_gas_hi", "hall_gas_hihi"}

    feed(PRESS_STATE, "maintenance")
    feed(OIL, 110.0)
    feed(OIL, 110.0, after=10)
    assert engine.get("press1_oil_temp_hihi").state is AlarmState.SUPPRESSED

