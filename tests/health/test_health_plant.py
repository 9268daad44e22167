"""Against the plant simulator: the heart_rate_spike fault raises the health alarm of
W-3F7A that the safety officer sees and another operator does not; a worker without
consent has no vitals stored."""

from __future__ import annotations

from support import wait_for

from app import config
from app.alarms.engine import AlarmEngine
from app.auth.permissions import Role
from app.health.monitor import HealthMonitor
from app.health.rules import Level
from app.runtime import Runtime
from app.store import Store


def test_heart_rate_spike_reaches_safety_officer_only(plant, tmp_path) -> None:
    safety = plant.site_file.parent / "safety.toml"
    # A short sustain time keeps the test fast; the rule is the same.
    safety.write_text(safety.read_text().replace("heart_rate_sustain_s = 30",
                                                 "heart_rate_sustain_s = 2"))
    cfg = config.load(plant.site_file, terminal_id="T1")
    store = Store(tmp_path / "terminal.db", terminal_id="T1").open()
    rt = Runtime(cfg, store=store)
    engine = AlarmEngine(terminal_id="T1")
    rt.start()
    mon = HealthMonitor(rt, cfg.sections["health"], engine, store=store)
    mon.start()
    try:
        wait_for(lambda: len(mon.visible_vitals("so1", Role.SAFETY_OFFICER, None)) == 3, 20,
                 "vitals of the three consenting workers")
        plant.sim.set_fault("heart_rate_spike")
        wait_for(lambda: engine.get("health.W-3F7A").active, 30, "health alarm")
        officer = {w.pseudo: w for w in mon.visible_vitals("so1", Role.SAFETY_OFFICER, None)}
        assert officer["W-3F7A"].level is Level.ALARM and officer["W-3F7A"].readings is None
        other = mon.visible_vitals("op5", Role.OPERATOR, "W-5D9E")
        assert [w.pseudo for w in other] == ["W-5D9E"]
        assert mon.visible_vitals("tl", Role.TEAM_LEAD, None) == []
        mon.flush()  # whatever the 1 s tick has not handed over yet
        store.flush()
        with store.read() as conn:
            workers = {r[0] for r in conn.execute("SELECT DISTINCT worker FROM health_vitals")}
        assert workers == {"W-3F7A", "W-5D9E", "W-A14B"}  # not W-8C21, W-62F0, W-C7E3
    finally:
        mon.stop()
        rt.stop()
        store.close()
