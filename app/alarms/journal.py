"""The alarm journal: every transition in SQLite with who, where and when, and the
queries behind the journal view.

Writes go through the store's writer (one job per batch of events, never blocking the
caller); reads use the calling thread's read connection, so a view runs them off the
GUI thread.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from app.alarms.model import AlarmEvent
from app.store.schema import register_schema

log = logging.getLogger(__name__)

register_schema("alarm_journal", [
    """
    CREATE TABLE alarm_journal(
        id INTEGER PRIMARY KEY,
        ts REAL NOT NULL,
        alarm_id TEXT NOT NULL,
        event TEXT NOT NULL,
        state TEXT,
        prev_state TEXT,
        priority INTEGER,
        value TEXT,
        actor TEXT NOT NULL DEFAULT '',
        terminal TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT 'local',
        message TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX alarm_journal_alarm_ts ON alarm_journal(alarm_id, ts);
    CREATE INDEX alarm_journal_ts ON alarm_journal(ts);
    """,
])

_INSERT = ("INSERT INTO alarm_journal(ts, alarm_id, event, state, prev_state, priority, "
           "value, actor, terminal, origin, message, detail) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


@dataclass(frozen=True)
class JournalEntry:
    id: int
    ts: float
    alarm_id: str
    event: str
    state: str | None
    prev_state: str | None
    priority: int | None
    value: str | None
    actor: str
    terminal: str
    origin: str
    message: str
    detail: dict[str, Any]


def _row(ev: AlarmEvent) -> tuple[Any, ...]:
    detail: dict[str, Any] = {}
    if ev.action is not None:
        detail = {"action_id": ev.action.id, "role": ev.action.role,
                  "reason": ev.action.reason, "until": ev.action.until,
                  "action_ts": ev.action.ts}
    return (ev.ts, ev.alarm_id, str(ev.kind), ev.state and str(ev.state),
            ev.prev_state and str(ev.prev_state), ev.priority,
            None if ev.value is None else json.dumps(ev.value),
            ev.actor, ev.terminal, ev.origin, ev.message,
            json.dumps(detail) if detail else "")


class AlarmJournal:
    """Observer of an engine that writes its events; `query` for the journal view."""

    def __init__(self, store: Any, engine: Any = None) -> None:
        self.store = store
        self._engine = engine  # followed from start to stop
        self._detach: Callable[[], None] | None = None
        self._on_error: Callable[[BaseException], None] | None = None

    def start(self) -> None:
        if self._engine is not None and self._detach is None:
            self._detach = self.attach(self._engine)

    def stop(self) -> None:
        if self._detach is not None:
            self._detach()
            self._detach = None

    def attach(self, engine: Any) -> Callable[[], None]:
        return engine.subscribe(self.record)

    def record(self, events: list[AlarmEvent]) -> Future:
        rows = [_row(e) for e in events]
        fut = self.store.submit(lambda conn: conn.executemany(_INSERT, rows).rowcount)
        fut.add_done_callback(self._check)
        return fut

    def note(self, ts: float, alarm_id: str, event: str, message: str,
             detail: dict[str, Any] | None = None, actor: str = "system") -> Future:
        """Journal something that happened to an alarm besides its own transitions (a
        camera snapshot taken for it): same table, its own event name, JSON detail."""
        row = (ts, alarm_id, event, None, None, None, None, actor, "", "local", message,
               json.dumps(detail) if detail else "")
        fut = self.store.submit(lambda conn: conn.execute(_INSERT, row).rowcount)
        fut.add_done_callback(self._check)
        return fut

    def _check(self, fut: Future) -> None:
        exc = fut.exception()
        if exc is not None:
            # The store reports its own health; here we say what was lost.
            log.error("alarm journal: events could not be written: %s", exc)

    def query(self, *, alarm_id: str | None = None, since: float | None = None,
              until: float | None = None, text: str | None = None,
              limit: int = 500) -> list[JournalEntry]:
        """Newest first. `text` matches alarm id, message, actor or event."""
        where: list[str] = []
        args: list[object] = []
        if alarm_id is not None:
            where.append("alarm_id = ?")
            args.append(alarm_id)
        if since is not None:
            where.append("ts >= ?")
            args.append(since)
        if until is not None:
            where.append("ts < ?")
            args.append(until)
        if text:
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            like = f"%{escaped}%"
            where.append("(alarm_id LIKE ? ESCAPE '\\' OR message LIKE ? ESCAPE '\\' "
                         "OR actor LIKE ? ESCAPE '\\' OR event LIKE ? ESCAPE '\\')")
            args += [like] * 4
        sql = ("SELECT id, ts, alarm_id, event, state, prev_state, priority, value, actor, "
               "terminal, origin, message, detail FROM alarm_journal"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY ts DESC, id DESC LIMIT ?")
        args.append(int(limit))
        with self.store.read() as conn:
            rows = conn.execute(sql, args).fetchall()
        return [JournalEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                             r[11], json.loads(r[12]) if r[12] else {}) for r in rows]
