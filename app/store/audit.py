"""Who did what, when, from which terminal: an append-only log, never dropped by retention."""

from __future__ import annotations

import concurrent.futures
import json
import sqlite3
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.store.schema import register_schema

if TYPE_CHECKING:
    from app.store.store import Store

register_schema("audit", [
    """
    CREATE TABLE audit(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts REAL NOT NULL,
        terminal TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_ts ON audit(ts);
    """,
])


@dataclass(frozen=True)
class AuditRecord:
    id: int
    ts: float
    terminal: str
    actor: str
    action: str
    target: str
    detail: str


class AuditLog:
    def __init__(self, store: Store) -> None:
        self._store = store

    def record(self, actor: str, action: str, target: str = "", detail: str | dict = "",
               *, terminal: str | None = None) -> concurrent.futures.Future[int]:
        """Append a record (time is now); the future holds its id once committed.

        A dict `detail` is stored as JSON. `terminal` defaults to this terminal.
        """
        ts = time.time()
        term = terminal or self._store.terminal_id
        if isinstance(detail, dict):
            try:
                text = json.dumps(detail, sort_keys=True, ensure_ascii=False, default=str)
            except (TypeError, ValueError) as e:  # e.g. circular: keep the record anyway
                text = f"{detail!r} (not JSON: {e})"
        else:
            text = str(detail)
        row = (ts, term, str(actor), str(action), str(target), text)

        def write(conn: sqlite3.Connection) -> int:
            cur = conn.execute("INSERT INTO audit(ts, terminal, actor, action, target, detail) "
                               "VALUES (?,?,?,?,?,?)", row)
            return int(cur.lastrowid or 0)

        return self._store.submit(write)

    def query(self, since: float | None = None, actor: str | None = None,
              action: str | None = None, limit: int = 500) -> list[AuditRecord]:
        """Records matching all given filters, newest first."""
        where: list[str] = []
        args: list[object] = []
        if since is not None:
            where.append("ts >= ?")
            args.append(since)
        if actor is not None:
            where.append("actor = ?")
            args.append(actor)
        if action is not None:
            where.append("action = ?")
            args.append(action)
        sql = "SELECT id, ts, terminal, actor, action, target, detail FROM audit"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY ts DESC, id DESC LIMIT ?"
        with self._store.read() as conn:
            rows = conn.execute(sql, (*args, limit)).fetchall()
        return [AuditRecord(*r) for r in rows]
