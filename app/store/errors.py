"""Store problems a user can act on, and the store's health as the shell shows it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path


class StoreError(RuntimeError):
    """A store problem a user can act on (unreadable file, newer file, full disk)."""


class StoreFullError(StoreError):
    """The disk, or the store's size limit, is full: nothing more can be written."""


@dataclass(frozen=True)
class StoreHealth:
    ok: bool
    message: str = ""


def is_full(exc: BaseException) -> bool:
    """True for SQLite's "database or disk is full" (SQLITE_FULL), whatever the cause."""
    if not isinstance(exc, sqlite3.Error):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_FULL
    return "is full" in str(exc)


def full_message(path: Path) -> str:
    return f"local store full: {path} (free disk space; queued data is kept and retried)"


def full_error(path: Path, exc: BaseException) -> StoreFullError:
    err = StoreFullError(full_message(path))
    err.__cause__ = exc
    return err
