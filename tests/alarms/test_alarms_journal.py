"""Every transition is journaled in the local SQLite store with who and when."""

from __future__ import annotations

import pytest

from app.alarms.engine import AlarmEngine
from app.alarms.journal import AlarmJournal
from app.alarms.model import AlarmDefinition, AlarmKind, Priority
from app.auth.permissions import Role
from app.model import Sample
from app.store import Store

TAG = "demo/body/line1/press/press1/oil_temp"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "lineside.db", terminal_id="t1").open()
    yield s
    s.close()


def test_transitions_written_with_actor_and_queryable(store, clock):
    engine = AlarmEngine([AlarmDefinition("oil_hi", AlarmKind.HIGH, Priority.HIGH, "Oil hot",
                                          tag=TAG, limit=60.0)], clock=clock, terminal_id="t1")
    journal = AlarmJournal(store)
    journal.attach(engine)
    engine.on_samples([Sample(TAG, clock.t, 65.0)])
    clock.advance(1)
    engine.acknowledge("oil_hi", actor="u7", role=Role.OPERATOR)
    clock.advance(1)
    engine.shelve("oil_hi", actor="lead1", role=Role.TEAM_LEAD, reason="Sensor fault",
                  duration_s=60)
    engine.tick(clock.advance(61))
    store.flush()

    rows = journal.query(alarm_id="oil_hi")
    assert [r.event for r in rows] == ["shelve_expired", "shelved", "acknowledged", "activated"]
    by_event = {r.event: r for r in rows}
    assert by_event["acknowledged"].actor == "u7"
    assert by_event["acknowledged"].state == "acked"
    assert by_event["acknowledged"].prev_state == "unack"
    assert by_event["acknowledged"].terminal == "t1"
    assert by_event["shelved"].actor == "lead1"
    assert by_event["shelved"].detail["reason"] == "Sensor fault"
    assert by_event["shelved"].detail["role"] == "team_lead"
    assert by_event["shelve_expired"].actor == "system"
    assert by_event["activated"].value == "65.0" and by_event["activated"].priority == 1 + 1
    assert [r.event for r in journal.query(text="lead1")] == ["shelved"]
    assert journal.query(since=clock.t + 1) == []
