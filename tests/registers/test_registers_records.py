"""The merge rule of replicated records: converges in any order, keeps the losing edit."""

from __future__ import annotations

import itertools
import json

import pytest

from app.registers.records import FORMAT_VERSION, MAX_RECORD_BYTES, Record, RecordError, Stamp


def base() -> Record:
    return Record("supplier", "acme").edit({"name": "ACME", "country": "DE"}, actor="paul",
                                            stamp=Stamp(100.0, "t1"))


def test_sequential_edits_win_without_conflict() -> None:
    a = base()
    b = a.edit({"country": "AT"}, actor="sam", stamp=Stamp(200.0, "t2"))
    merged = a.merge(b)
    assert merged.get("country") == "AT"
    assert merged.open_conflicts() == []
    assert merged.last is not None and merged.last.actor == "sam"


def test_concurrent_edits_converge_and_keep_the_loser_as_a_conflict() -> None:
    a = base().edit({"country": "FR"}, actor="paul", stamp=Stamp(200.0, "t1"))
    b = base().edit({"country": "AT"}, actor="sam", stamp=Stamp(200.0, "t2"))
    ab, ba = a.merge(b), b.merge(a)
    assert ab == ba
    assert ab.get("country") == "AT"  # same time: the larger terminal id wins
    [c] = ab.open_conflicts()
    assert (c.field, c.value, c.actor, c.winner) == ("country", "FR", "paul", "AT")


def test_different_fields_edited_apart_both_survive() -> None:
    a = base().edit({"country": "FR"}, actor="paul", stamp=Stamp(200.0, "t1"))
    b = base().edit({"packaging": "returnable crates"}, actor="sam", stamp=Stamp(150.0, "t2"))
    m = a.merge(b)
    assert (m.get("country"), m.get("packaging")) == ("FR", "returnable crates")
    assert m.open_conflicts() == []


def test_any_order_of_three_replicas_agrees_and_merge_is_idempotent() -> None:
    x = base().edit({"country": "FR"}, actor="a", stamp=Stamp(300.0, "t1"))
    y = base().edit({"country": "IT", "name": "ACME AG"}, actor="b", stamp=Stamp(310.0, "t2"))
    z = base().edit({"name": "Acme"}, actor="c", stamp=Stamp(305.0, "t3"))
    results = set()
    for p, q, r in itertools.permutations((x, y, z)):
        results.add(p.merge(q).merge(r).dumps())
        assert p.merge(p) == p
    assert len(results) == 1


def test_resolving_a_conflict_spreads_and_stays_resolved() -> None:
    a = base().edit({"country": "FR"}, actor="paul", stamp=Stamp(200.0, "t1"))
    b = base().edit({"country": "AT"}, actor="sam", stamp=Stamp(201.0, "t2"))
    m = a.merge(b)
    [c] = m.open_conflicts()
    resolved = m.resolve(c.key(), "tara")
    assert resolved.open_conflicts() == []
    assert m.merge(resolved).open_conflicts() == []  # the other copy learns it
    assert resolved.merge(m).open_conflicts() == []


def test_tombstone_wins_over_an_older_edit_and_hides_nothing_else() -> None:
    a = base().edit({"_deleted": True}, actor="paul", stamp=Stamp(300.0, "t1"))
    b = base().edit({"country": "AT"}, actor="sam", stamp=Stamp(200.0, "t2"))
    assert a.merge(b).deleted and b.merge(a).deleted


def test_wire_form_round_trips() -> None:
    m = base().edit({"supplies": ["steel coil"]}, actor="x", stamp=Stamp(5e9, "t9"))
    assert Record.loads(m.dumps()) == m


@pytest.mark.parametrize("payload, reason", [
    (b"{nope", "not JSON"),
    (json.dumps({"kind": "supplier", "id": "a"}).encode(), "no format version"),
    (json.dumps({"format": FORMAT_VERSION + 1, "kind": "supplier", "id": "a"}).encode(),
     "newer than this terminal"),
    (json.dumps({"format": 1, "kind": "supplier", "id": "a", "fields": {"x": {}}}).encode(),
     "malformed field"),
    (b"[" * 200_000, "larger than"),
    (b"{" + b" " * MAX_RECORD_BYTES + b"}", "larger than"),
    (b"[" * 20_000 + b"]" * 20_000, "not JSON"),
])
def test_bad_records_are_refused_with_a_reason(payload: bytes, reason: str) -> None:
    with pytest.raises(RecordError, match=reason):
        Record.loads(payload)
