"""Component-versioned migrations: any module can own tables in the local store.

A component (``"outbox"``, ``"alarm_journal"``, ...) registers its ordered list of
migrations at import. On open, each component's missing migrations run in order inside
one transaction, and ``schema_version`` records how far each component got. A module
imported after a store was opened still gets its tables: the open stores migrate at once.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from app.store.errors import StoreError

log = logging.getLogger(__name__)

Migration = str | Callable[[sqlite3.Connection], None]

_lock = threading.Lock()
_registry: dict[str, list[Migration]] = {}
# Called with the component name when a component registers after a store opened.
_late_hooks: list[Callable[[str], None]] = []


def register_schema(component: str, migrations: list[Migration]) -> None:
    """Declare `component`'s migrations: SQL scripts or callables, oldest first.

    Migration i brings the component to version i+1. Never edit or reorder a released
    migration; append a new one.
    """
    if not component or not isinstance(component, str):
        raise ValueError("register_schema: component must be a non-empty string")
    for i, m in enumerate(migrations):
        if not (isinstance(m, str) or callable(m)):
            raise TypeError(f"register_schema({component!r}): migration {i + 1} is {m!r}, "
                            "expected an SQL string or a callable(connection)")
    with _lock:
        _registry[component] = list(migrations)
        hooks = list(_late_hooks)
    for hook in hooks:
        hook(component)


def registered() -> dict[str, list[Migration]]:
    with _lock:
        return {k: list(v) for k, v in _registry.items()}


def add_late_hook(hook: Callable[[str], None]) -> None:
    with _lock:
        _late_hooks.append(hook)


def remove_late_hook(hook: Callable[[str], None]) -> None:
    with _lock:
        if hook in _late_hooks:
            _late_hooks.remove(hook)


def split_sql(script: str) -> list[str]:
    """Split a script into complete statements (a trigger body's ';' stays inside).

    `executescript` would commit the surrounding transaction, so statements run one by
    one with `execute`.
    """
    out: list[str] = []
    acc = ""
    for part in script.split(";"):
        acc += part + ";"
        if sqlite3.complete_statement(acc):
            if acc.strip(" \t\r\n;"):
                out.append(acc.strip())
            acc = ""
    if acc.strip(" \t\r\n;"):
        out.append(acc.strip())  # incomplete tail: let SQLite report the syntax error
    return out


def migrate(conn: sqlite3.Connection, path: Path | str,
            components: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """Bring the registered components (or `components`) up to date in one transaction.

    Returns {component: (old_version, new_version)} for those that changed. Raises
    StoreError if the file was written by a newer LineSide or a migration fails.
    `conn` must have isolation_level=None; inside an open transaction it uses a savepoint.
    """
    reg = registered()
    names = list(reg) if components is None else [c for c in components if c in reg]
    changed: dict[str, tuple[int, int]] = {}
    nested = conn.in_transaction  # e.g. run as a writer job: a savepoint, not BEGIN
    conn.execute("SAVEPOINT migrate" if nested else "BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version("
                     "component TEXT PRIMARY KEY, version INT NOT NULL)")
        have = dict(conn.execute("SELECT component, version FROM schema_version"))
        for name in names:
            known = len(reg[name])
            current = int(have.get(name, 0))
            if current > known:
                raise StoreError(
                    f"store {path} was written by a newer LineSide (component {name} "
                    f"v{current}, this build knows v{known}); update LineSide or move "
                    "the file aside")
        for name in names:
            current = int(have.get(name, 0))
            for version, m in enumerate(reg[name][current:], start=current + 1):
                try:
                    if isinstance(m, str):
                        for stmt in split_sql(m):
                            conn.execute(stmt)
                    else:
                        m(conn)
                except sqlite3.Error as e:
                    raise StoreError(f"store {path}: migration {name} v{version} failed: "
                                     f"{e}") from e
            if len(reg[name]) > current:
                conn.execute("INSERT INTO schema_version(component, version) VALUES (?, ?) "
                             "ON CONFLICT(component) DO UPDATE SET version=excluded.version",
                             (name, len(reg[name])))
                changed[name] = (current, len(reg[name]))
        conn.execute("RELEASE migrate" if nested else "COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK TO migrate" if nested else "ROLLBACK")
            if nested:
                conn.execute("RELEASE migrate")
        raise
    for name, (old, new) in changed.items():
        log.info("store %s: %s schema v%d -> v%d", path, name, old, new)
    return changed
