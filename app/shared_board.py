"""A board of items kept in a store table and replicated retained over the broker.

Each item is saved locally first and published retained on `<topic_root>/<subtopic>/<id>`
through the outbox, so it survives a dead link or a restart and every terminal converges
on the same board. Merging is by life-cycle rank (open < taken < closed), then by update
time: a late message can never reopen a closed item. Used by andon and work orders.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar

from app.observers import Observers
from app.services import Unsubscribe, stop_all

_RANK = {"open": 0, "taken": 1, "closed": 2}  # status value -> life-cycle rank
CLOSED = "closed"


class BoardItem:
    """Mixin for a frozen dataclass on a SharedBoard, with (at least) these fields.

    `status` is a member of the class's `_status_type`, valued open, taken or closed.
    """

    __dataclass_fields__: ClassVar[dict[str, Any]]
    _status_type: ClassVar[type[StrEnum]]
    id: str
    status: StrEnum
    updated: float
    taken_by: str
    closed_by: str
    resolution: str

    if TYPE_CHECKING:
        def __init__(self, **fields: Any) -> None: ...

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "status": str(self.status)}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Self:
        fields = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        fields["status"] = cls._status_type(fields["status"])
        return cls(**fields)

    def newer_than(self, other: Self) -> bool:
        return (_RANK[self.status], self.updated) > (_RANK[other.status], other.updated)


T = TypeVar("T", bound=BoardItem)


class SharedBoard(Generic[T]):
    """The items this terminal knows; thread-safe; observers get the changed item.

    A subclass sets `_item_type`, `_table` (id, updated, body), `_subtopic`, `_name`
    (for the observers), `_what` and `_log` (for log lines), `_error` and `_missing` (for
    refusals), and orders `items()`.
    """

    _item_type: type[T]
    _table: str
    _subtopic: str
    _name: str
    _what: str
    _log: logging.Logger
    _error: type[ValueError]
    _missing: str

    def __init__(self, store: Any, runtime: Any, *, terminal_id: str, topic_root: str,
                 clock: Callable[[], float] = time.time) -> None:
        self._store, self._runtime = store, runtime
        self.terminal_id, self.topic_root = terminal_id, topic_root
        self._clock = clock
        self._lock = threading.Lock()
        self._items: dict[str, T] = {}
        self._observers: Observers[[T]] = Observers(self._name)
        self._removers: list[Unsubscribe] = []

    @property
    def topic(self) -> str:
        return f"{self.topic_root}/{self._subtopic}"

    def start(self) -> None:
        """Load the local board, then follow the shared one on the broker."""
        with self._store.read() as conn:
            rows = conn.execute(f"SELECT body FROM {self._table}").fetchall()
        for (body,) in rows:
            item = self._item_type.from_json(json.loads(body))
            self._items[item.id] = item
        if self._shared():
            self._removers.append(
                self._runtime.subscribe_topic(f"{self.topic}/+", self._on_message))

    def stop(self) -> None:
        """Stop following the shared board (what is stored stays)."""
        stop_all(self._removers)

    def subscribe(self, observer: Callable[[T], None]) -> Callable[[], None]:
        """`observer(item)` after every change of an item; returns a remover."""
        return self._observers.add(observer)

    def items(self, *, include_closed: bool = False) -> list[T]:
        with self._lock:
            items = list(self._items.values())
        if not include_closed:
            items = [i for i in items if i.status != CLOSED]
        return self._ordered(items)

    def _ordered(self, items: list[T]) -> list[T]:
        raise NotImplementedError

    def get(self, item_id: str) -> T | None:
        with self._lock:
            return self._items.get(item_id)

    def _existing(self, item_id: str) -> T:
        item = self.get(item_id)
        if item is None:
            raise self._error(f"{self._missing} {item_id!r}")
        return item

    def _take(self, item_id: str, actor: str) -> T:
        """Open -> taken by `actor` (the role is checked by the caller)."""
        item = self._existing(item_id)
        if item.status != "open":
            raise self._error(f"already {item.status} by {item.taken_by or item.closed_by}")
        new = replace(item, status=item._status_type("taken"), taken_by=actor,
                      updated=self._clock())
        self._apply(new, publish=True)
        return new

    def _close(self, item_id: str, actor: str, resolution: str) -> T:
        """Open or taken -> closed by `actor` (the role is checked by the caller)."""
        item = self._existing(item_id)
        if item.status == CLOSED:
            raise self._error(f"already closed by {item.closed_by}")
        new = replace(item, status=item._status_type(CLOSED), closed_by=actor,
                      resolution=resolution.strip(), updated=self._clock())
        self._apply(new, publish=True)
        return new

    def _shared(self) -> bool:
        return self._runtime is not None and bool(self._runtime.config.site.broker)

    def _apply(self, item: T, *, publish: bool) -> bool:
        """Keep `item` if it is newer, store it, publish it if asked; True if kept."""
        with self._lock:
            old = self._items.get(item.id)
            if old is not None and not item.newer_than(old):
                return False
            self._items[item.id] = item
        body = json.dumps(item.to_json())
        self._store.submit(lambda c: c.execute(
            f"INSERT OR REPLACE INTO {self._table} (id, updated, body) VALUES (?, ?, ?)",
            (item.id, item.updated, body)))
        if publish and self._shared():
            fut = self._runtime.publish(f"{self.topic}/{item.id}", item.to_json(), retain=True)
            fut.add_done_callback(self._log_failure)
        self._observers.notify(item)
        return True

    def _on_message(self, topic: str, payload: bytes) -> None:
        try:
            item = self._item_type.from_json(json.loads(payload))
        except (ValueError, TypeError, KeyError) as e:
            self._log.warning("ignoring a malformed %s on %s: %s", self._what, topic, e)
            return
        self._apply(item, publish=False)

    def _log_failure(self, fut: Any) -> None:
        if fut.exception() is not None:
            self._log.error("%s not stored for sending: %s", self._what, fut.exception())
