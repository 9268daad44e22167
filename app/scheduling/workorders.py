"""Maintenance work orders: created from a prediction or by hand, taken and closed.

Built like andon (`app/andon.py`): saved locally first, published retained on
`<topic_root>/maintenance/<id>` through the outbox, so they survive a dead link or a
restart; merged by life-cycle rank (open < taken < closed), then update time, so a
late message never reopens a closed order. Roles are checked here, not in a view.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any

from app.auth.permissions import Action, Role, require
from app.observers import Observers
from app.services import Unsubscribe, stop_all
from app.store.schema import register_schema

log = logging.getLogger(__name__)

register_schema("workorders", ["""
CREATE TABLE work_orders (id TEXT PRIMARY KEY, updated REAL NOT NULL, body TEXT NOT NULL);
"""])


class WorkStatus(StrEnum):
    OPEN = "open"
    TAKEN = "taken"
    CLOSED = "closed"


_RANK = {WorkStatus.OPEN: 0, WorkStatus.TAKEN: 1, WorkStatus.CLOSED: 2}


@dataclass(frozen=True)
class WorkOrder:
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

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "status": str(self.status)}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> WorkOrder:
        fields = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        fields["status"] = WorkStatus(fields["status"])
        return cls(**fields)

    def newer_than(self, other: WorkOrder) -> bool:
        return (_RANK[self.status], self.updated) > (_RANK[other.status], other.updated)


class WorkOrderError(ValueError):
    """An action on a work order that cannot be done; the message says why."""


class WorkOrders:
    """The work orders this terminal knows; thread-safe; observers get the changed one."""

    def __init__(self, store: Any, runtime: Any, *, terminal_id: str, topic_root: str,
                 clock: Callable[[], float] = time.time) -> None:
        self._store, self._runtime = store, runtime
        self.terminal_id, self.topic_root = terminal_id, topic_root
        self._clock = clock
        self._lock = threading.Lock()
        self._items: dict[str, WorkOrder] = {}
        self._observers: Observers = Observers("workorders")
        self._removers: list[Unsubscribe] = []

    @property
    def topic(self) -> str:
        return f"{self.topic_root}/maintenance"

    def start(self) -> None:
        with self._store.read() as conn:
            rows = conn.execute("SELECT body FROM work_orders").fetchall()
        for (body,) in rows:
            w = WorkOrder.from_json(json.loads(body))
            self._items[w.id] = w
        if self._runtime is not None and self._runtime.config.site.broker:
            self._removers.append(
                self._runtime.subscribe_topic(f"{self.topic}/+", self._on_message))

    def stop(self) -> None:
        stop_all(self._removers)

    def subscribe(self, observer: Callable[[WorkOrder], None]) -> Callable[[], None]:
        return self._observers.add(observer)

    def items(self, *, include_closed: bool = False) -> list[WorkOrder]:
        with self._lock:
            items = list(self._items.values())
        if not include_closed:
            items = [i for i in items if i.status is not WorkStatus.CLOSED]
        return sorted(items, key=lambda i: (i.due or float("inf"), i.created))

    def get(self, wid: str) -> WorkOrder | None:
        with self._lock:
            return self._items.get(wid)

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
        w = self._existing(wid)
        if w.status is not WorkStatus.OPEN:
            raise WorkOrderError(f"already {w.status} by {w.taken_by or w.closed_by}")
        new = replace(w, status=WorkStatus.TAKEN, taken_by=actor, updated=self._clock())
        self._apply(new, publish=True)
        return new

    def close(self, wid: str, actor: str, role: Role | None, resolution: str = "") -> WorkOrder:
        require(role, Action.MAINTENANCE_CLOSE)
        w = self._existing(wid)
        if w.status is WorkStatus.CLOSED:
            raise WorkOrderError(f"already closed by {w.closed_by}")
        new = replace(w, status=WorkStatus.CLOSED, closed_by=actor,
                      resolution=resolution.strip(), updated=self._clock())
        self._apply(new, publish=True)
        return new

    def _existing(self, wid: str) -> WorkOrder:
        w = self.get(wid)
        if w is None:
            raise WorkOrderError(f"no work order {wid!r}")
        return w

    def _apply(self, w: WorkOrder, *, publish: bool) -> bool:
        with self._lock:
            old = self._items.get(w.id)
            if old is not None and not w.newer_than(old):
                return False
            self._items[w.id] = w
        body = json.dumps(w.to_json())
        self._store.submit(lambda c: c.execute(
            "INSERT OR REPLACE INTO work_orders (id, updated, body) VALUES (?, ?, ?)",
            (w.id, w.updated, body)))
        if publish and self._runtime is not None and self._runtime.config.site.broker:
            fut = self._runtime.publish(f"{self.topic}/{w.id}", w.to_json(), retain=True)
            fut.add_done_callback(_log_failure)
        self._observers.notify(w)
        return True

    def _on_message(self, topic: str, payload: bytes) -> None:
        try:
            w = WorkOrder.from_json(json.loads(payload))
        except (ValueError, TypeError, KeyError) as e:
            log.warning("ignoring a malformed work order on %s: %s", topic, e)
            return
        self._apply(w, publish=False)


def _log_failure(fut: Any) -> None:
    if fut.exception() is not None:
        log.error("work order not stored for sending: %s", fut.exception())
