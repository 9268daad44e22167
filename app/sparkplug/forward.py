"""Store and forward for the edge node: changes made while the broker was away.

An SQLite table (a file beside the terminal's store, or in memory for a simulator)
holding (name, value, ts, quality) in the order they happened, so a restart during an
outage loses nothing. The edge node drains it oldest first as historical NDATA once
the broker is back. Bounded: past `max_rows` the oldest rows go (and are counted).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from app.model import Quality, Value

Row = tuple[int, str, Value, float, Quality]  # (id, metric name, value, ts, quality)


class ForwardBuffer:
    def __init__(self, path: Path | str = ":memory:", max_rows: int = 100_000) -> None:
        self.path = str(path)
        self.max_rows = max_rows
        self.dropped = 0
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS forward (id INTEGER PRIMARY KEY "
                         "AUTOINCREMENT, name TEXT NOT NULL, value TEXT NOT NULL, "
                         "ts REAL NOT NULL, quality TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, "
                         "value INTEGER NOT NULL)")

    def meta(self, key: str, default: int) -> int:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else default

    def set_meta(self, key: str, value: int) -> None:
        with self._lock:
            self._db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) "
                             "DO UPDATE SET value = excluded.value", (key, value))

    def add(self, rows: list[tuple[str, Value, float, Quality]]) -> None:
        if not rows:
            return
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany(
                "INSERT INTO forward (name, value, ts, quality) VALUES (?, ?, ?, ?)",
                [(n, json.dumps(v), ts, str(q)) for n, v, ts, q in rows])
            (count,) = self._db.execute("SELECT COUNT(*) FROM forward").fetchone()
            if count > self.max_rows:
                extra = count - self.max_rows
                self._db.execute("DELETE FROM forward WHERE id IN (SELECT id FROM forward "
                                 "ORDER BY id LIMIT ?)", (extra,))
                self.dropped += extra
            self._db.execute("COMMIT")

    def oldest(self, limit: int) -> list[Row]:
        with self._lock:
            rows = self._db.execute("SELECT id, name, value, ts, quality FROM forward "
                                    "ORDER BY id LIMIT ?", (limit,)).fetchall()
        return [(i, n, json.loads(v), ts, Quality(q)) for i, n, v, ts, q in rows]

    def remove_through(self, last_id: int) -> None:
        with self._lock:
            self._db.execute("DELETE FROM forward WHERE id <= ?", (last_id,))

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT COUNT(*) FROM forward").fetchone()
        return int(count)

    def close(self) -> None:
        with self._lock:
            self._db.close()
