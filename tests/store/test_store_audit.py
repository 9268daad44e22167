"""Audit log: who did what, when, from which terminal."""

from __future__ import annotations

from app.store import Store


def test_record_and_filter_newest_first(store: Store) -> None:
    a = store.audit.record("op1", "login").result(5)
    b = store.audit.record("sup2", "setpoint", "line1/press/force_sp",
                           {"old": 10, "new": 12}).result(5)
    c = store.audit.record("op1", "ack", "alarm/17", terminal="T9").result(5)
    assert a < b < c
    recs = store.audit.query()
    assert [r.id for r in recs] == [c, b, a]
    assert recs[1].detail == '{"new": 12, "old": 10}' and recs[1].terminal == "T1"
    assert recs[0].terminal == "T9"
    assert [r.action for r in store.audit.query(actor="op1")] == ["ack", "login"]
    assert [r.id for r in store.audit.query(action="setpoint")] == [b]
    assert [r.id for r in store.audit.query(since=recs[1].ts)] in ([c, b], [c, b, a])
    assert len(store.audit.query(limit=1)) == 1
