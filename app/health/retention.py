"""Where vitals are kept: their own tables in the local store, purged after the
retention time. Health alerts (level changes, no values) are kept.

`PERSONAL_TABLES` are personal health data: a general export or backup of the store
must skip them (they are also never written to the historian by this module).
"""

from __future__ import annotations

import sqlite3

from app.store.schema import register_schema

PERSONAL_TABLES = frozenset({"health_vitals"})

register_schema("vitals", [
    """
    CREATE TABLE health_vitals(
        worker TEXT NOT NULL,
        signal TEXT NOT NULL,
        ts REAL NOT NULL,
        value REAL NOT NULL
    );
    CREATE INDEX health_vitals_ts ON health_vitals(ts);
    CREATE INDEX health_vitals_worker ON health_vitals(worker, ts);
    CREATE TABLE health_alerts(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts REAL NOT NULL,
        worker TEXT NOT NULL,
        level TEXT NOT NULL,
        reasons TEXT NOT NULL DEFAULT ''
    );
    """,
])


def insert_vitals(conn: sqlite3.Connection, rows: list[tuple[str, str, float, float]]) -> None:
    conn.executemany("INSERT INTO health_vitals(worker, signal, ts, value) VALUES (?,?,?,?)",
                     rows)


def insert_alert(conn: sqlite3.Connection, ts: float, worker: str, level: str,
                 reasons: str) -> None:
    conn.execute("INSERT INTO health_alerts(ts, worker, level, reasons) VALUES (?,?,?,?)",
                 (ts, worker, level, reasons))


def purge(conn: sqlite3.Connection, before: float) -> int:
    """Delete vitals older than `before` (epoch seconds); returns how many."""
    return conn.execute("DELETE FROM health_vitals WHERE ts < ?", (before,)).rowcount
