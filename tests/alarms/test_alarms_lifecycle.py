"""ISA-18.2 life cycle: activation, ack, return to normal, shelve, suppression, OOS."""

from __future__ import annotations

import pytest

from app.alarms.model import AlarmDefinition, AlarmKind, AlarmState, Priority, SuppressRule
from app.alarms.settings import AlarmSettings
from app.auth.permissions import PermissionDenied, Role
from app.model import Quality

TAG = "demo/body/line1/press/press1/oil_temp"
MODE = "demo/body/line1/press/press1/mode"
HI = AlarmDefinition("oil_hi", AlarmKind.HIGH, Priority.HIGH, "Oil hot", tag=TAG, limit=60.0)


def state(feed, alarm_id="oil_hi") -> AlarmState:
    return feed.engine.get(alarm_id).state


def test_active_ack_clear_goes_unack_acked_normal(make_feed):
    f = make_feed(HI)
    f.value(TAG, 50.0)
    assert state(f) is AlarmState.NORMAL
    f.value(TAG, 65.0, after=1)
    assert state(f) is AlarmState.UNACK
    assert [s.id for s in f.engine.active()] == ["oil_hi"]
    assert f.engine.acknowledge("oil_hi", actor="u7", role=Role.OPERATOR)
    assert state(f) is AlarmState.ACKED
    assert f.engine.get("oil_hi").last_ack.actor == "u7"
    f.value(TAG, 55.0, after=1)
    assert state(f) is AlarmState.NORMAL
    assert f.engine.active() == []
    assert f.kinds() == ["activated", "acknowledged", "cleared"]


def test_clear_before_ack_is_rtn_unack_then_ack_normal(make_feed):
    f = make_feed(HI)
    f.value(TAG, 65.0)
    f.value(TAG, 55.0, after=1)
    assert state(f) is AlarmState.RTN_UNACK
    assert f.engine.summary().unacked == 1
    f.value(TAG, 70.0, after=1)  # back again before anybody acknowledged
    assert state(f) is AlarmState.UNACK
    f.value(TAG, 55.0, after=1)
    f.engine.acknowledge("oil_hi", actor="u7", role=Role.OPERATOR)
    assert state(f) is AlarmState.NORMAL
    assert f.engine.summary().unacked == 0
    assert not f.engine.acknowledge("oil_hi", actor="u7", role=Role.OPERATOR)


@pytest.mark.parametrize(("kind", "extra", "ok", "bad"), [
    (AlarmKind.HIGH_HIGH, {"limit": 80.0}, 79.0, 81.0),
    (AlarmKind.LOW, {"limit": 10.0}, 11.0, 9.0),
    (AlarmKind.LOW_LOW, {"limit": 5.0}, 6.0, 4.0),
    (AlarmKind.DEVIATION, {"limit": 3.0, "setpoint": 50.0}, 52.0, 46.0),
    (AlarmKind.DISCRETE, {"equals": "fault"}, "running", "fault"),
    (AlarmKind.DISCRETE, {"not_equals": "running"}, "running", "stopped"),
])
def test_each_kind_raises_and_clears(make_feed, kind, extra, ok, bad):
    f = make_feed(AlarmDefinition("a", kind, tag=TAG, **extra))
    f.value(TAG, ok)
    assert state(f, "a") is AlarmState.NORMAL
    f.value(TAG, bad, after=1)
    assert state(f, "a") is AlarmState.UNACK
    f.value(TAG, ok, after=1)
    assert state(f, "a") is AlarmState.RTN_UNACK


def test_deviation_from_setpoint_tag_follows_the_setpoint(make_feed):
    sp = "demo/paint/line1/booth/booth1/temp_sp"
    f = make_feed(AlarmDefinition("dev", AlarmKind.DEVIATION, tag=TAG, limit=2.0,
                                  setpoint_tag=sp))
    f.value(sp, 23.0)
    f.value(TAG, 24.0)
    assert state(f, "dev") is AlarmState.NORMAL
    f.value(sp, 20.0, after=1)  # setpoint moved away: the same value now deviates
    assert state(f, "dev") is AlarmState.UNACK


def test_rate_of_change_per_second(make_feed):
    f = make_feed(AlarmDefinition("roc", AlarmKind.RATE_OF_CHANGE, tag=TAG, limit=2.0))
    f.value(TAG, 10.0)
    f.value(TAG, 11.0, after=1)  # 1 /s
    assert state(f, "roc") is AlarmState.NORMAL
    f.value(TAG, 16.0, after=1)  # 5 /s
    assert state(f, "roc") is AlarmState.UNACK


def test_bad_quality_alarm_and_bad_values_do_not_clear_process_alarms(make_feed):
    comm = AlarmDefinition("comm", AlarmKind.BAD_QUALITY, Priority.HIGH, tag=TAG)
    f = make_feed(HI, comm)
    f.value(TAG, 65.0)
    f.value(TAG, 20.0, Quality.BAD, after=1)  # link lost: the value is not trusted
    assert state(f, "comm") is AlarmState.UNACK
    assert state(f) is AlarmState.UNACK  # not cleared by a BAD value
    f.value(TAG, 20.0, after=1)
    assert state(f, "comm") is AlarmState.RTN_UNACK
    assert state(f) is AlarmState.RTN_UNACK


def test_external_condition_with_message(make_feed):
    zone = AlarmDefinition("zone_r1", AlarmKind.EXTERNAL, Priority.CRITICAL, "Person in cell")
    f = make_feed(zone)
    f.engine.set_condition("zone_r1", True, value="w42", message="Worker w42 in robot cell 1")
    st = f.engine.get("zone_r1")
    assert st.state is AlarmState.UNACK and st.message == "Worker w42 in robot cell 1"
    f.engine.set_condition("zone_r1", False)
    assert state(f, "zone_r1") is AlarmState.RTN_UNACK


def test_shelve_hides_until_expiry_then_reannunciates(make_feed):
    f = make_feed(HI)
    f.value(TAG, 65.0)
    f.engine.shelve("oil_hi", actor="lead1", role=Role.TEAM_LEAD, reason="Sensor fault",
                    duration_s=600)
    st = f.engine.get("oil_hi")
    assert st.state is AlarmState.SHELVED and st.shelved.reason == "Sensor fault"
    assert f.engine.active() == [] and f.engine.summary().shelved == 1
    f.tick(after=599)
    assert state(f) is AlarmState.SHELVED
    f.tick(after=2)  # expired: the condition still holds, so it annunciates again
    assert state(f) is AlarmState.UNACK
    assert f.kinds()[-1] == "shelve_expired"
    assert f.events[-1].actor == "system"


def test_shelve_expiry_when_condition_cleared_returns_to_normal(make_feed):
    f = make_feed(HI)
    f.value(TAG, 65.0)
    f.engine.shelve("oil_hi", actor="lead1", role=Role.TEAM_LEAD, reason="Test",
                    duration_s=60)
    f.value(TAG, 50.0, after=10)
    assert state(f) is AlarmState.SHELVED
    f.tick(after=60)
    assert state(f) is AlarmState.NORMAL


def test_unshelve_by_hand(make_feed):
    f = make_feed(HI)
    f.value(TAG, 65.0)
    f.engine.shelve("oil_hi", actor="m1", role=Role.MAINTENANCE, reason="Work", duration_s=60)
    assert f.engine.unshelve("oil_hi", actor="m1", role=Role.MAINTENANCE)
    assert state(f) is AlarmState.UNACK


def test_operator_may_not_shelve_nor_take_out_of_service(make_feed):
    f = make_feed(HI)
    f.value(TAG, 65.0)
    with pytest.raises(PermissionDenied):
        f.engine.shelve("oil_hi", actor="op1", role=Role.OPERATOR, reason="x", duration_s=60)
    with pytest.raises(PermissionDenied):
        f.engine.remove_from_service("oil_hi", actor="op1", role=Role.OPERATOR, reason="x")
    assert state(f) is AlarmState.UNACK


def test_shelve_needs_reason_and_bounded_duration(make_feed):
    f = make_feed(HI)
    with pytest.raises(ValueError, match="reason"):
        f.engine.shelve("oil_hi", actor="l", role=Role.TEAM_LEAD, reason=" ", duration_s=60)
    with pytest.raises(ValueError, match="duration"):
        f.engine.shelve("oil_hi", actor="l", role=Role.TEAM_LEAD, reason="x",
                        duration_s=10 * 24 * 3600)


def test_out_of_service_and_back(make_feed):
    f = make_feed(HI)
    f.engine.remove_from_service("oil_hi", actor="m1", role=Role.MAINTENANCE,
                                 reason="Sensor replaced")
    f.value(TAG, 65.0, after=1)
    assert state(f) is AlarmState.OUT_OF_SERVICE
    assert f.engine.active() == [] and f.engine.summary().out_of_service == 1
    assert "activated" not in f.kinds()
    f.engine.return_to_service("oil_hi", actor="m1", role=Role.MAINTENANCE)
    assert state(f) is AlarmState.UNACK


def test_station_in_maintenance_suppresses_its_alarms_by_design(make_feed):
    rule = SuppressRule(MODE, "maintenance")
    st_alarm = AlarmDefinition("st", AlarmKind.HIGH, tag=TAG, limit=60.0, station="press1")
    own = AlarmDefinition("own", AlarmKind.HIGH, tag=TAG, limit=70.0, suppress_when=rule)
    other = AlarmDefinition("other", AlarmKind.HIGH, tag=TAG, limit=60.0, station="press2")
    f = make_feed(st_alarm, own, other,
                  settings=AlarmSettings(station_suppression={"press1": rule}))
    f.value(MODE, "maintenance")
    f.value(TAG, 80.0, after=1)
    assert state(f, "st") is AlarmState.SUPPRESSED
    assert state(f, "own") is AlarmState.SUPPRESSED
    assert state(f, "other") is AlarmState.UNACK
    assert f.engine.summary().suppressed == 2
    f.value(MODE, "production", after=1)  # back to production, still too hot
    assert state(f, "st") is AlarmState.UNACK
    assert state(f, "own") is AlarmState.UNACK


def test_active_sorted_by_priority_then_newest_and_summary(make_feed):
    defs = [AlarmDefinition(f"a{p}{i}", AlarmKind.HIGH, Priority(p), tag=f"t/{p}{i}", limit=1)
            for p in (3, 1, 2) for i in (0, 1)]
    f = make_feed(*defs)
    for d in defs:
        f.value(d.tag, 5, after=1)
    assert [s.id for s in f.engine.active()] == ["a11", "a10", "a21", "a20", "a31", "a30"]
    s = f.engine.summary()
    assert s.by_priority == {1: 2, 2: 2, 3: 2, 4: 0} and s.unacked == 6
    assert f.engine.acknowledge_all(["a10", "a11"], actor="u", role=Role.OPERATOR) == 2
    assert f.engine.summary().unacked_by_priority[1] == 0
