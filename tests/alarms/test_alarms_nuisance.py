"""Against nuisance alarms: deadband, on/off delays, chattering, flood, first-out."""

from __future__ import annotations

from app.alarms.model import AlarmDefinition, AlarmKind, AlarmState
from app.alarms.settings import AlarmSettings

TAG = "demo/body/line1/press/press1/oil_temp"


def activations(feed, alarm_id: str) -> int:
    return feed.kinds(alarm_id).count("activated")


def test_deadband_hovering_value_raises_one_alarm_not_fifty(make_feed):
    f = make_feed(AlarmDefinition("hi", AlarmKind.HIGH, tag=TAG, limit=60.0, deadband=2.0))
    for _ in range(50):
        f.value(TAG, 60.5, after=0.5)
        f.value(TAG, 59.5, after=0.5)
    assert activations(f, "hi") == 1
    assert f.engine.get("hi").state is AlarmState.UNACK
    f.value(TAG, 57.9, after=1)  # below limit - deadband: clears
    assert f.engine.get("hi").state is AlarmState.RTN_UNACK


def test_without_deadband_or_delay_the_same_hovering_chatters(make_feed):
    # The control case: shows that the two tests around it measure something.
    f = make_feed(AlarmDefinition("hi", AlarmKind.HIGH, tag=TAG, limit=60.0))
    for _ in range(50):
        f.value(TAG, 60.5, after=0.5)
        f.value(TAG, 59.5, after=0.5)
    assert activations(f, "hi") == 50
    assert f.engine.get("hi").chattering


def test_on_delay_filters_oscillation_and_raises_once_when_it_persists(make_feed):
    f = make_feed(AlarmDefinition("hi", AlarmKind.HIGH, tag=TAG, limit=60.0, on_delay_s=3.0))
    for _ in range(50):
        f.value(TAG, 60.5, after=1)
        f.tick(after=0.5)
        f.value(TAG, 59.5, after=0.5)
        f.tick(after=0.5)
    assert activations(f, "hi") == 0
    f.value(TAG, 61.0, after=1)
    f.tick(after=2.9)
    assert f.engine.get("hi").state is AlarmState.NORMAL
    f.tick(after=0.2)  # held for the on-delay: raised by the timer, once
    assert activations(f, "hi") == 1


def test_off_delay_keeps_the_alarm_through_short_dips(make_feed):
    f = make_feed(AlarmDefinition("hi", AlarmKind.HIGH, tag=TAG, limit=60.0, off_delay_s=5.0))
    f.value(TAG, 65.0)
    for _ in range(50):
        f.value(TAG, 59.0, after=1)
        f.value(TAG, 61.0, after=1)
    assert activations(f, "hi") == 1
    assert f.engine.get("hi").state is AlarmState.UNACK
    f.value(TAG, 50.0, after=1)
    f.tick(after=4.9)
    assert f.engine.get("hi").state is AlarmState.UNACK
    f.tick(after=0.2)
    assert f.engine.get("hi").state is AlarmState.RTN_UNACK


def test_chattering_flag_set_and_cleared(make_feed):
    f = make_feed(AlarmDefinition("hi", AlarmKind.HIGH, tag=TAG, limit=60.0),
                  settings=AlarmSettings(chatter_count=5, chatter_window_s=60))
    for _ in range(5):
        f.value(TAG, 61.0, after=1)
        f.value(TAG, 59.0, after=1)
    assert not f.engine.get("hi").chattering  # 5 in a minute: not more than 5
    f.value(TAG, 61.0, after=1)
    assert f.engine.get("hi").chattering
    assert "chattering" in f.kinds("hi")
    f.value(TAG, 59.0, after=1)
    f.tick(after=61)
    assert not f.engine.get("hi").chattering
    assert f.kinds("hi")[-1] == "chattering_end"


def test_flood_more_than_ten_new_alarms_in_ten_minutes(make_feed):
    defs = [AlarmDefinition(f"a{i}", AlarmKind.HIGH, tag=f"t/{i}", limit=1.0) for i in range(12)]
    f = make_feed(*defs)
    for d in defs[:10]:
        f.value(d.tag, 2.0, after=30)
    assert not f.engine.summary().flood
    f.value(defs[10].tag, 2.0, after=30)
    assert f.engine.summary().flood
    assert "flood_begin" in f.kinds("")
    f.tick(after=600)  # a quiet window ends the flood
    assert not f.engine.summary().flood
    assert f.kinds("")[-1] == "flood_end"


def test_first_out_marks_the_first_alarm_of_a_cascade(make_feed):
    defs = [AlarmDefinition(n, AlarmKind.HIGH, tag=f"t/{n}", limit=1.0, area="press")
            for n in ("pump", "pressure", "temp")]
    other = AlarmDefinition("booth", AlarmKind.HIGH, tag="t/booth", limit=1.0, area="paint")
    f = make_feed(*defs, other)
    f.value("t/pump", 2.0, after=1)
    f.value("t/pressure", 2.0, after=2)
    f.value("t/booth", 2.0, after=1)  # another area starts its own cascade
    f.value("t/temp", 2.0, after=2)
    first = {s.id: s.first_out for s in f.engine.statuses()}
    assert first == {"pump": True, "pressure": False, "temp": False, "booth": True}
    # Much later a new cascade starts with a new first-out.
    f.value("t/pump", 0.0, after=1)
    f.engine.acknowledge("pump", actor="u", role="operator")
    f.value("t/pump", 2.0, after=60)
    assert f.engine.get("pump").first_out
