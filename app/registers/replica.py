"""The replicated register: every record of every kind, stored first, shared retained.

A local change is merged into the local copy, written to the store, audited, and its
merged state published retained on `<topic_root>/registers/<kind>/<id>` through the
outbox (so an edit made offline goes out when the link is back, and a terminal that
starts later receives every record). A record from the broker is validated, merged, and,
where the merge holds something the sender lacked, published again so both sides
converge. Malformed, oversized, unknown-kind or future-version records are counted and
logged once per topic a minute, never stored or shown.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any, Protocol

from app.observers import Observers
from app.registers.records import Record, RecordError, Stamp
from app.store.schema import register_schema

log = logging.getLogger(__name__)

register_schema("registers", ["""
CREATE TABLE register_records (
    kind TEXT NOT NULL, id TEXT NOT NULL, updated REAL NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (kind, id));
"""])

Validator = Callable[[dict[str, Any]], None]  # raises RecordError naming the field


class Publisher(Protocol):
    """What the replica needs of the runtime (the terminal's broker link)."""

    def publish(self, topic: str, payload: dict[str, Any], *, qos: int = 1,
                retain: bool = False) -> Any: ...

    def subscribe_topic(self, topic_filter: str,
                        handler: Callable[[str, bytes], None]) -> Any: ...


class RegisterError(ValueError):
    """An edit that cannot be made; the message says which field and why."""


class Replica:
    """Thread-safe. Observers get `(record)` after every change, local or remote."""

    def __init__(self, store: Any, runtime: Publisher | None, *, terminal_id: str,
                 topic_root: str, clock: Callable[[], float] = time.time) -> None:
        self._store, self._runtime = store, runtime
        self.terminal_id, self.topic_root = terminal_id, topic_root
        self._clock = clock
        self._lock = threading.Lock()
        self._records: dict[tuple[str, str], Record] = {}
        self._validators: dict[str, Validator] = {}
        self._observers: Observers = Observers("registers")
        self._unsubscribe: Callable[[], None] | None = None
        self.rejected: Counter[str] = Counter()  # reason -> count
        self._last_log: dict[str, float] = {}

    @property
    def topic(self) -> str:
        return f"{self.topic_root}/registers"

    def register_kind(self, kind: str, validator: Validator) -> None:
        self._validators[kind] = validator

    def start(self) -> None:
        with self._store.read() as conn:
            rows = conn.execute("SELECT body FROM register_records").fetchall()
        for (body,) in rows:
            try:
                rec = Record.loads(body)
            except RecordError as e:
                log.error("registers: a stored record cannot be read (%s); skipped", e)
                continue
            self._records[(rec.kind, rec.id)] = rec
        if self._runtime is not None:
            unsub = self._runtime.subscribe_topic(f"{self.topic}/#", self._on_message)
            self._unsubscribe = unsub if callable(unsub) else None

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def subscribe(self, observer: Callable[[Record], None]) -> Callable[[], None]:
        return self._observers.add(observer)

    # --- reading -------------------------------------------------------------------------

    def get(self, kind: str, rid: str) -> Record | None:
        with self._lock:
            rec = self._records.get((kind, rid))
        return None if rec is None or rec.deleted else rec

    def records(self, kind: str) -> list[Record]:
        with self._lock:
            recs = [r for (k, _i), r in self._records.items() if k == kind and not r.deleted]
        return sorted(recs, key=lambda r: r.id)

    # --- changing ------------------------------------------------------------------------

    def put(self, kind: str, rid: str, changes: dict[str, Any], *, actor: str,
            action: str = "edit") -> Record:
        """Create or edit a record; validated as a whole after the change."""
        if kind not in self._validators:
            raise RegisterError(f"unknown register {kind!r}")
        with self._lock:
            current = self._records.get((kind, rid)) or Record(kind, rid)
            new = current.edit(changes, actor=actor, stamp=Stamp(self._clock(),
                                                                 self.terminal_id))
            if new is current:
                return current
            try:
                self._validators[kind](new.values())
            except RecordError as e:
                raise RegisterError(str(e)) from None
            self._records[(kind, rid)] = new
        changed = {k: v for k, v in changes.items() if current.get(k) != v}
        self._persist(new, publish=True)
        self._audit(actor, f"register.{kind}.{action}", rid, changed)
        self._observers.notify(new)
        return new

    def delete(self, kind: str, rid: str, *, actor: str) -> None:
        from app.registers.records import DELETED

        with self._lock:
            current = self._records.get((kind, rid))
            if current is None or current.deleted:
                raise RegisterError(f"no {kind} {rid!r}")
            new = current.edit({DELETED: True}, actor=actor,
                               stamp=Stamp(self._clock(), self.terminal_id))
            self._records[(kind, rid)] = new
        self._persist(new, publish=True)
        self._audit(actor, f"register.{kind}.delete", rid, {})
        self._observers.notify(new)

    def resolve_conflict(self, kind: str, rid: str, key: str, *, actor: str) -> Record:
        with self._lock:
            current = self._records.get((kind, rid))
            if current is None:
                raise RegisterError(f"no {kind} {rid!r}")
            new = current.resolve(key, actor)
            if new is current:
                return current
            self._records[(kind, rid)] = new
        self._persist(new, publish=True)
        self._audit(actor, f"register.{kind}.resolve_conflict", rid, {"conflict": key})
        self._observers.notify(new)
        return new

    # --- from the broker -----------------------------------------------------------------

    def _on_message(self, topic: str, payload: bytes) -> None:
        if not payload:
            return  # a cleared retained message
        try:
            incoming = Record.loads(payload)
            validator = self._validators.get(incoming.kind)
            if validator is None:
                raise RecordError(f"unknown register kind {incoming.kind!r}")
            if topic != f"{self.topic}/{incoming.kind}/{incoming.id}":
                raise RecordError("topic does not match the record's kind and id")
            if not incoming.deleted:
                validator(incoming.values())
        except RecordError as e:
            self._reject(topic, str(e))
            return
        self.merge(incoming)

    def merge(self, incoming: Record) -> Record:
        """Take a record from another terminal (or a file); republish if it lacked ours."""
        key = (incoming.kind, incoming.id)
        with self._lock:
            current = self._records.get(key)
            merged = incoming if current is None else current.merge(incoming)
            if current is not None and merged == current:
                unchanged = True
            else:
                unchanged = False
                self._records[key] = merged
        if not unchanged:
            self._persist(merged, publish=merged != incoming)
            self._observers.notify(merged)
        elif merged != incoming:
            self._publish(merged)  # the sender is behind: tell it what we have
        return merged

    def _reject(self, topic: str, reason: str) -> None:
        self.rejected[reason.split(":")[0]] += 1
        now = time.monotonic()
        if now - self._last_log.get(topic, -1e9) >= 60.0:
            self._last_log[topic] = now
            log.warning("registers: ignoring a record on %s: %s (%d rejected so far)",
                        topic, reason, sum(self.rejected.values()))

    # --- writing -------------------------------------------------------------------------

    def _persist(self, rec: Record, *, publish: bool) -> None:
        body = rec.dumps()
        updated = rec.last.stamp.ts if rec.last else 0.0
        self._store.submit(lambda c: c.execute(
            "INSERT OR REPLACE INTO register_records (kind, id, updated, body) "
            "VALUES (?, ?, ?, ?)", (rec.kind, rec.id, updated, body)))
        if publish:
            self._publish(rec)

    def _publish(self, rec: Record) -> None:
        if self._runtime is None:
            return
        try:
            fut = self._runtime.publish(f"{self.topic}/{rec.kind}/{rec.id}", rec.to_json(),
                                        retain=True)
        except Exception as e:  # no broker configured: the record stays local
            log.debug("registers: not shared: %s", e)
            return
        fut.add_done_callback(_log_failure)

    def _audit(self, actor: str, action: str, target: str, detail: dict[str, Any]) -> None:
        self._store.audit.record(actor, action, target,
                                 json.loads(json.dumps(detail, default=str)))


def _log_failure(fut: Any) -> None:
    if fut.exception() is not None:
        log.error("register record not stored for sending: %s", fut.exception())


class OutboxPublisher:
    """For a command run beside (or without) a running terminal: records go into the
    store's outbox, and the terminal's broker link sends them when it runs."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def publish(self, topic: str, payload: dict[str, Any], *, qos: int = 1,
                retain: bool = False) -> Any:
        return self._store.outbox.enqueue(topic, payload, qos=qos, retain=retain)

    def subscribe_topic(self, topic_filter: str,
                        handler: Callable[[str, bytes], None]) -> Callable[[], None]:
        return lambda: None
