"""Andon: problem reports from the line, taken and closed by maintenance and leads.

A report is saved locally first and published retained on
`<topic_root>/andon/<item id>` through the outbox, so it survives a dead link or a
restart and every terminal and supervisor desktop converges on the same board.
Merging is by life-cycle rank (open < taken < closed), then by update time: a late
message can never reopen a closed item.
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
from app.services import ServiceContext, ServiceSpec, Unsubscribe, stop_all
from app.store.schema import register_schema

log = logging.getLogger(__name__)

CATEGORIES = ("machine", "quality", "material", "safety", "other")

register_schema("andon", ["""
CREATE TABLE andon_items (id TEXT PRIMARY KEY, updated REAL NOT NULL, body TEXT NOT NULL);
"""])


class AndonStatus(StrEnum):
    OPEN = "open"
    TAKEN = "taken"
    CLOSED = "closed"


_RANK = {AndonStatus.OPEN: 0, AndonStatus.TAKEN: 1, AndonStatus.CLOSED: 2}


@dataclass(frozen=True)
class AndonItem:
    id: str
    station: str
    category: str
    note: str
    reporter: str
    terminal: str
    status: AndonStatus
    created: float
    updated: float
    taken_by: str = ""
    closed_by: str = ""
    resolution: str = ""

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "status": str(self.status)}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> AndonItem:
        fields = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        fields["status"] = AndonStatus(fields["status"])
        return cls(**fields)

    def newer_than(self, other: AndonItem) -> bool:
        return (_RANK[self.status], self.updated) > (_RANK[other.status], other.updated)


class AndonError(ValueError):
    """A report or action that cannot be done; the message says why."""


class AndonBoard:
    """The andon items this terminal knows; thread-safe; observers get the changed item."""

    def __init__(self, store: Any, runtime: Any, *, terminal_id: str, topic_root: str,
                 clock: Callable[[], float] = time.time) -> None:
        self._store, self._runtime = store, runtime
        self.terminal_id, self.topic_root = terminal_id, topic_root
        self._clock = clock
        self._lock = threading.Lock()
        self._items: dict[str, AndonItem] = {}
        self._observers: Observers = Observers("andon")
        self._removers: list[Unsubscribe] = []

    @property
    def topic(self) -> str:
        return f"{self.topic_root}/andon"

    def start(self) -> None:
        """Load the local board, then follow the shared one on the broker."""
        with self._store.read() as conn:
            rows = conn.execute("SELECT body FROM andon_items").fetchall()
        for (body,) in rows:
            item = AndonItem.from_json(json.loads(body))
            self._items[item.id] = item
        if self._runtime is not None and self._runtime.config.site.broker:
            self._removers.append(
                self._runtime.subscribe_topic(f"{self.topic}/+", self._on_message))

    def stop(self) -> None:
        """Stop following the shared board (what is stored stays)."""
        stop_all(self._removers)

    def subscribe(self, observer: Callable[[AndonItem], None]) -> Callable[[], None]:
        """`observer(item)` after every change of an item; returns a remover."""
        return self._observers.add(observer)

    def items(self, *, include_closed: bool = False) -> list[AndonItem]:
        with self._lock:
            items = list(self._items.values())
        if not include_closed:
            items = [i for i in items if i.status is not AndonStatus.CLOSED]
        return sorted(items, key=lambda i: i.created, reverse=True)

    def get(self, item_id: str) -> AndonItem | None:
        with self._lock:
            return self._items.get(item_id)

    # --- actions -------------------------------------------------------------------------

    def report(self, station: str, category: str, note: str = "",
               reporter: str | None = None) -> AndonItem:
        """Anyone at the line may report, signed in or not (two touches, no sign-in)."""
        if category not in CATEGORIES:
            raise AndonError(f"unknown category {category!r}; choose one of "
                             f"{', '.join(CATEGORIES)}")
        if len(note) > 500:
            raise AndonError("the note is longer than 500 characters")
        t = self._clock()
        item = AndonItem(f"{self.terminal_id}-{uuid.uuid4().hex[:10]}", station, category,
                         note.strip(), reporter or f"terminal:{self.terminal_id}",
                         self.terminal_id, AndonStatus.OPEN, t, t)
        self._apply(item, publish=True)
        return item

    def take(self, item_id: str, actor: str, role: Role) -> AndonItem:
        require(role, Action.ANDON_TAKE)
        item = self._existing(item_id)
        if item.status is not AndonStatus.OPEN:
            raise AndonError(f"already {item.status} by {item.taken_by or item.closed_by}")
        new = replace(item, status=AndonStatus.TAKEN, taken_by=actor, updated=self._clock())
        self._apply(new, publish=True)
        return new

    def close(self, item_id: str, actor: str, role: Role, resolution: str = "") -> AndonItem:
        require(role, Action.ANDON_CLOSE)
        item = self._existing(item_id)
        if item.status is AndonStatus.CLOSED:
            raise AndonError(f"already closed by {item.closed_by}")
        new = replace(item, status=AndonStatus.CLOSED, closed_by=actor,
                      resolution=resolution.strip(), updated=self._clock())
        self._apply(new, publish=True)
        return new

    def _existing(self, item_id: str) -> AndonItem:
        item = self.get(item_id)
        if item is None:
            raise AndonError(f"no andon item {item_id!r}")
        return item

    # --- state ---------------------------------------------------------------------------

    def _apply(self, item: AndonItem, *, publish: bool) -> bool:
        with self._lock:
            old = self._items.get(item.id)
            if old is not None and not item.newer_than(old):
                return False
            self._items[item.id] = item
        body = json.dumps(item.to_json())
        self._store.submit(lambda c: c.execute(
            "INSERT OR REPLACE INTO andon_items (id, updated, body) VALUES (?, ?, ?)",
            (item.id, item.updated, body)))
        if publish and self._runtime is not None and self._runtime.config.site.broker:
            fut = self._runtime.publish(f"{self.topic}/{item.id}", item.to_json(), retain=True)
            fut.add_done_callback(_log_failure)
        self._observers.notify(item)
        return True

    def _on_message(self, topic: str, payload: bytes) -> None:
        try:
            data = json.loads(payload)
            item = AndonItem.from_json(data)
        except (ValueError, TypeError, KeyError) as e:
            log.warning("ignoring a malformed andon message on %s: %s", topic, e)
            return
        self._apply(item, publish=False)


def _log_failure(fut: Any) -> None:
    if fut.exception() is not None:
        log.error("andon message not stored for sending: %s", fut.exception())


def build(ctx: ServiceContext) -> AndonBoard:
    """Every terminal has a board; with a broker it is shared with the plant."""
    return AndonBoard(ctx.store, ctx.runtime if ctx.shared else None,
                      terminal_id=ctx.terminal_id, topic_root=ctx.config.site.topic_root,
                      clock=ctx.clock)


SPEC = ServiceSpec(name="andon", provides=AndonBoard, build=build)
