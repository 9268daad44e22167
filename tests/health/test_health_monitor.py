"""Health monitoring: sustained heart rate alarms, who sees what, consent, retention."""

from __future__ import annotations

import json

from healthkit import CONFIG, rows

from app.alarms.model import AlarmState
from app.auth.permissions import Role
from app.health.monitor import is_personal
from app.health.rules import Level, Reading, assess


def beat(h, pseudo: str, hr: float, seconds: int) -> None:
    """`seconds` of one heart-rate reading a second, as the wearable publishes it."""
    for _ in range(seconds):
        h.clock.t += 1
        h.monitor.on_message(f"t/wearables/{pseudo}/heart_rate",
                             json.dumps({"v": hr, "ts": h.clock.t}).encode())
        h.monitor.tick()


def test_heart_rate_spike_alarms_only_when_sustained(health) -> None:
    beat(health, "W-3F7A", 80, 5)
    beat(health, "W-3F7A", 165, 20)
    st = health.engine.get("health.W-3F7A")
    assert not st.active  # 20 s high: a warning, not yet an alarm
    [me] = health.monitor.visible_vitals("u1", Role.OPERATOR, "W-3F7A")
    assert me.level is Level.WARNING
    beat(health, "W-3F7A", 165, 11)
    st = health.engine.get("health.W-3F7A")
    assert st.active and st.state is AlarmState.UNACK
    # The general alarm list learns who needs help, not what their body does.
    assert st.message == "Health alert — worker W-3F7A" and st.value is None
    assert is_personal(st.definition)
    beat(health, "W-3F7A", 85, 1)
    assert not health.engine.get("health.W-3F7A").active
    levels = [r[0] for r in rows(health.store, "SELECT level FROM health_alerts ORDER BY id")]
    assert levels == ["warning", "alarm", "ok"]


def test_safety_officer_sees_states_other_operator_sees_nothing(health) -> None:
    beat(health, "W-5D9E", 75, 2)
    beat(health, "W-3F7A", 165, 35)
    officer = health.monitor.visible_vitals("so1", Role.SAFETY_OFFICER, None)
    assert [(w.pseudo, w.level) for w in officer] == [("W-3F7A", Level.ALARM),
                                                      ("W-5D9E", Level.OK)]
    assert all(w.readings is None for w in officer)  # states, not values
    assert "heart rate high (sustained)" in officer[0].reasons
    assert health.monitor.visible_vitals("op2", Role.OPERATOR, "W-5D9E")[0].pseudo == "W-5D9E"
    others = health.monitor.visible_vitals("op2", Role.OPERATOR, "W-5D9E")
    assert [w.pseudo for w in others] == ["W-5D9E"]  # only their own
    assert health.monitor.visible_vitals("sup", Role.SUPERVISOR, None) == []
    assert health.monitor.visible_vitals(None, None, None) == []
    [me] = health.monitor.visible_vitals("u1", Role.OPERATOR, "W-3F7A")
    assert me.own and me.readings["heart_rate"].value == 165
    audits = rows(health.store, "SELECT actor, action FROM audit")
    assert ("so1", "vitals.view_all") in audits


def test_worker_without_consent_has_no_vitals_stored_or_shown(health) -> None:
    beat(health, "W-8C21", 170, 40)  # W-8C21 gave no consent
    health.monitor.ingest("W-8C21", "bp_systolic", 200, health.clock.t)
    health.monitor.flush()
    assert rows(health.store, "SELECT * FROM health_vitals WHERE worker = 'W-8C21'") == []
    assert rows(health.store, "SELECT * FROM health_alerts WHERE worker = 'W-8C21'") == []
    assert health.monitor.visible_vitals("so1", Role.SAFETY_OFFICER, None) == []
    assert health.monitor.visible_vitals("u9", Role.OPERATOR, "W-8C21") == []
    beat(health, "W-3F7A", 80, 1)
    stored = rows(health.store, "SELECT DISTINCT worker FROM health_vitals")
    assert stored == [("W-3F7A",)]


def test_vitals_purged_after_retention_alerts_kept(health) -> None:
    beat(health, "W-3F7A", 165, 35)  # raises an alert too
    health.monitor.flush()
    n = rows(health.store, "SELECT count(*) FROM health_vitals")[0][0]
    assert n == 35
    health.clock.t += 23 * 3600
    assert health.monitor.purge().result(5) == 0  # within 24 h: kept
    health.clock.t += 2 * 3600
    health.monitor.tick()  # the periodic tick purges too
    assert rows(health.store, "SELECT count(*) FROM health_vitals")[0][0] == 0
    assert rows(health.store, "SELECT count(*) FROM health_alerts")[0][0] >= 2


def test_rules_blood_pressure_heat_and_silence() -> None:
    now = 1000.0
    r = {"bp_systolic": Reading(175, now), "heart_rate": Reading(125, now)}
    a = assess(CONFIG, r, now=now, hr_high_since=None, last_seen=now, hall_temperature=32.0)
    assert a.level is Level.ALARM
    assert set(a.reasons) == {"blood pressure out of range", "heat stress"}
    a = assess(CONFIG, {}, now=now, hr_high_since=None, last_seen=now - 61,
               hall_temperature=None)
    assert a.level is Level.WARNING and a.reasons == ("wearable silent",)
