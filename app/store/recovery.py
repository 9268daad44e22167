"""A damaged store file: found at open, moved aside, replaced, and what can be read salvaged.

`check(path)` runs SQLite's `quick_check` (seconds at most, bounded: a store too large to
check in time is used as it is, with a log line). A damaged file (truncated, overwritten,
not a database at all) is renamed `<name>.corrupt-<UTC time>` with its -wal and -shm,
so plant IT can still look at it; the store then starts fresh and `salvage` copies
what can still be read from the damaged copy into it: the outbox (messages not yet
sent), the alarm journal, the audit log, users, layouts and every other table a
component owns, row by row past bad pages. Sample history is not copied (it is the bulk
of the file, the part most likely damaged, and the broker side has it).
The `Recovery` record is kept on the store, logged, and shown on screen.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

CHECK_LIMIT_S = 5.0  # a quick_check taking longer is stopped: the store is used unchecked
SKIP_TABLES = frozenset({"samples", "tags", "schema_version"})  # history and bookkeeping
SIDE_FILES = ("-wal", "-shm")


@dataclass
class Recovery:
    """What happened to a damaged store: where it went and what came back from it."""

    problem: str
    moved_to: Path
    salvaged: dict[str, int] = field(default_factory=dict)  # table -> rows copied
    lost: dict[str, str] = field(default_factory=dict)  # table -> why (some) rows are lost

    def summary(self) -> str:
        got = ", ".join(f"{n} {t}" for t, n in sorted(self.salvaged.items()) if n) or "nothing"
        text = (f"the local store was damaged ({self.problem}); it was moved to "
                f"{self.moved_to} and a new one started; recovered from it: {got}")
        if self.lost:
            text += "; not fully readable: " + ", ".join(sorted(self.lost))
        return text


def check(path: Path, limit_s: float = CHECK_LIMIT_S) -> str | None:
    """None if the store at `path` looks sound (or could not be checked in time), else
    what is wrong with it."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10.0)
    except sqlite3.Error as e:
        return str(e)
    deadline = time.monotonic() + limit_s
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.OperationalError as e:
        if "interrupted" in str(e):
            log.warning("store %s: integrity check stopped after %.0f s (a large store); "
                        "used unchecked", path, limit_s)
            return None
        return str(e)
    except sqlite3.DatabaseError as e:
        return str(e)
    finally:
        conn.close()
    if rows == [("ok",)]:
        return None
    first = str(rows[0][0]).replace("*** in database main ***", "").strip().splitlines()
    return f"integrity check failed: {first[0] if first else rows[0][0]}"


def move_aside(path: Path, problem: str) -> Recovery:
    """Rename the damaged file (and its -wal/-shm) out of the way, with a timestamp."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    path.rename(target)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    log.error("store %s is damaged (%s): moved to %s; starting a new store", path, problem,
              target)
    return Recovery(problem, target)


def salvage(damaged: Path, conn: sqlite3.Connection, recovery: Recovery) -> None:
    """Copy every readable row of the tables the new store has (but history) from the
    damaged file into `conn`, the new store's write connection (no transaction open)."""
    try:
        old = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True, timeout=10.0)
        # Read the table list as it is, without the consistency checks of a schema load
        # (a truncated file fails those, yet most of its tables read fine).
        old.execute("PRAGMA writable_schema=ON")
    except sqlite3.Error as e:
        recovery.lost["everything"] = str(e)
        return
    try:
        try:
            old_tables = {r[0] for r in old.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as e:
            recovery.lost["everything"] = f"its table list cannot be read: {e}"
            return
        new_tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY rowid")]
        conn.execute("PRAGMA foreign_keys=OFF")  # tables come over one by one
        try:
            for table in new_tables:
                if table in SKIP_TABLES or table not in old_tables:
                    continue
                _copy(old, conn, table, recovery)
        finally:
            conn.execute("PRAGMA foreign_keys=ON")
    finally:
        old.close()


def _copy(old: sqlite3.Connection, conn: sqlite3.Connection, table: str,
          recovery: Recovery) -> None:
    q = _quote
    try:
        new_cols = [r[1] for r in conn.execute(f"PRAGMA table_info({q(table)})")]
        old_cols = {r[1] for r in old.execute(f"PRAGMA table_info({q(table)})")}
    except sqlite3.DatabaseError as e:
        recovery.lost[table] = str(e)
        return
    cols = [c for c in new_cols if c in old_cols]
    if not cols:
        return
    names = ", ".join(q(c) for c in cols)
    insert = (f"INSERT OR IGNORE INTO {q(table)} ({names}) "
              f"VALUES ({', '.join('?' * len(cols))})")
    copied, last, misses = 0, None, 0
    while misses < 3:  # past a bad page: go on after the last row read, a few times
        where = "" if last is None else "WHERE rowid > ?"
        sql = f"SELECT rowid, {names} FROM {q(table)} {where} ORDER BY rowid"
        try:
            conn.execute("BEGIN")
            for row in old.execute(sql, () if last is None else (last,)):
                last = row[0]
                conn.execute(insert, row[1:])
                copied += 1
            conn.execute("COMMIT")
            break
        except sqlite3.DatabaseError as e:
            if conn.in_transaction:
                conn.execute("COMMIT")  # keep what was read before the bad page
            recovery.lost[table] = str(e)
            misses += 1
            if last is None:
                last = 0
            last += 1000  # skip the unreadable stretch of rowids
        except Exception:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    recovery.salvaged[table] = copied


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
