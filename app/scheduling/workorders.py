"""Maintenance work orders: created from a prediction or by hand, taken and closed.

A `SharedBoard` (`app/shared_board.py`) like andon: saved locally first, published
retained on `<topic_root>/maintenance/<id>` through the outbox, so they survive a dead
link or a restart; merged by life-cycle rank (open < taken < closed), then update time, so a
late message never reopens a closed order. Roles are checked here, not in a view.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace
from enum import StrEnum

from app.auth.permissions import Action, Role, require
from app.shared_board import BoardItem, SharedBoard
from app.store.schema import register_schema

log = logging.getLogger(__name__)

register_schema("workorders", ["""
CREATE TABLE work_orders (id TEXT PRIMARY KEY, updated REAL NOT NULL, body TEXT NOT NULL);
"""])


class WorkStatus(StrEnum):
    OPEN = "open"
    TAKEN = "taken"
    CLOSED = "closed"


@dataclass(frozen=True)
class WorkOrder(BoardItem):
    id: str
    station: str
    task: str
    note: str
    source: str  # "prediction:<indicator>" or "manual"
    created_by: str
    status: WorkStatus
    created: float
    updated: float
    due: float = 0.0  # the predicted limit, or 0
    window_start: float = 0.0  # planned window, or 0
    window_end: float = 0.0
    taken_by: str = ""
    closed_by: str = ""
    resolution: str = ""

    _status_type = WorkStatus


class WorkOrderError(ValueError):
    """An action on a work order that cannot be done; the message says why."""


class WorkOrders(SharedBoard[WorkOrder]):
    """The work orders this terminal knows; thread-safe; observers get the changed one."""

    _item_type, _table, _subtopic = WorkOrder, "work_orders", "maintenance"
    _name, _what, _log = "workorders", "work order", log
    _error, _missing = WorkOrderError, "no work order"

    def _ordered(self, items: list[WorkOrder]) -> list[WorkOrder]:
        return sorted(items, key=lambda i: (i.due or float("inf"), i.created))

    def open_for(self, source: str) -> WorkOrder | None:
        """The open or taken order raised by `source` (one per prediction at a time)."""
        with self._lock:
            return next((w for w in self._items.values()
                         if w.source == source and w.status is not WorkStatus.CLOSED), None)

    def create(self, station: str, task: str, *, actor: str, role: Role | None = None,
               note: str = "", source: str = "manual", due: float = 0.0,
               window: tuple[float, float] | None = None) -> WorkOrder:
        """By hand (maintenance or a lead) or from a prediction (source given, no role)."""
        if source == "manual":
            require(role, Action.MAINTENANCE_TAKE)
        if not task.strip():
            raise WorkOrderError("say what is to be done")
        if len(note) > 500:
            raise WorkOrderError("the note is longer than 500 characters")
        t = self._clock()
        ws, we = window or (0.0, 0.0)
        w = WorkOrder(f"{self.terminal_id}-{uuid.uuid4().hex[:10]}", station, task.strip(),
                      note.strip(), source, actor, WorkStatus.OPEN, t, t, due, ws, we)
        self._apply(w, publish=True)
        return w

    def update_plan(self, wid: str, due: float, window: tuple[float, float]) -> WorkOrder:
        """A prediction moved: the order follows (not a user action)."""
        w = self._existing(wid)
        new = replace(w, due=due, window_start=window[0], window_end=window[1],
                      updated=self._clock())
        self._apply(new, publish=True)
        return new

    def take(self, wid: str, actor: str, role: Role | None) -> WorkOrder:
        require(role, Action.MAINTENANCE_TAKE)
        return self._take(wid, actor)

    def close(self, wid: str, actor: str, role: Role | None, resolution: str = "") -> WorkOrder:
        require(role, Action.MAINTENANCE_CLOSE)
        return self._close(wid, actor, resolution)
