"""Andon board rules on a real store: report, take, close, roles, restart, merge."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from app.andon import AndonBoard, AndonError, AndonItem, AndonStatus
from app.auth.permissions import PermissionDenied, Role
from app.store import Store


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "t.db", terminal_id="t1") as s:
        yield s


def board(store: Store) -> AndonBoard:
    b = AndonBoard(store, None, terminal_id="t1", topic_root="demo")
    b.start()
    return b


def test_report_take_close_by_roles(store: Store) -> None:
    b = board(store)
    item = b.report("press", "machine", "oil leak at the die", reporter="op7")
    assert b.items()[0].note == "oil leak at the die"
    with pytest.raises(PermissionDenied):
        b.take(item.id, "op7", Role.OPERATOR)
    b.take(item.id, "mt1", Role.MAINTENANCE)
    with pytest.raises(AndonError, match="already taken"):
        b.take(item.id, "mt2", Role.MAINTENANCE)
    b.close(item.id, "mt1", Role.MAINTENANCE, "replaced seal")
    assert b.items() == []
    closed = b.items(include_closed=True)[0]
    assert (closed.status, closed.closed_by, closed.resolution) == (
        AndonStatus.CLOSED, "mt1", "replaced seal")


def test_unknown_category_is_refused_with_choices(store: Store) -> None:
    with pytest.raises(AndonError, match="choose one of machine"):
        board(store).report("press", "coffee")


def test_board_survives_restart(store: Store) -> None:
    item = board(store).report("robot2", "quality", "spatter on weld 14")
    store.flush()
    again = board(store)
    assert again.get(item.id) == item


def test_late_message_never_reopens_a_closed_item(store: Store) -> None:
    b = board(store)
    item = b.report("conveyor", "material")
    b.close(item.id, "lead", Role.TEAM_LEAD)
    stale = replace(item, updated=item.updated + 100)  # open, but "newer" by clock skew
    b._on_message(f"demo/andon/{item.id}", json.dumps(stale.to_json()).encode())
    assert b.get(item.id).status is AndonStatus.CLOSED
    b._on_message("demo/andon/x", b"{not json")  # malformed: ignored, board intact
    assert isinstance(b.get(item.id), AndonItem)
