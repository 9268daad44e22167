"""The user register in the local store: who may sign in, with which role, badge and PIN.

PINs are kept only as scrypt hashes (app.auth.pin), badge numbers only as keyed hashes
(app.auth.badge; older stores are migrated at open). Reads use a read connection;
writes run on the store's writer thread and return futures.
"""

from __future__ import annotations

import concurrent.futures
import logging
import re
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from app.auth.badge import badge_hash, is_hashed, key_for
from app.auth.permissions import Role
from app.auth.pin import PinPolicyError, hash_pin, needs_rehash
from app.services import Passive
from app.store.schema import register_schema

USER_ID_RE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
BADGE_RE = re.compile(r"[0-9]{4,32}")
PSEUDONYM_RE = re.compile(r"[A-Za-z0-9_\-]{1,32}")  # travels in topic paths (wearables)
log = logging.getLogger(__name__)


def _hash_plain_badges(conn: sqlite3.Connection) -> None:
    """Migration 2: badge numbers in plain text become keyed hashes."""
    rows = conn.execute("SELECT user_id, badge FROM users WHERE badge IS NOT NULL").fetchall()
    plain = [(uid, b) for uid, b in rows if not is_hashed(b)]
    if not plain:
        return
    path = next(r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main")
    key = key_for(path)
    for uid, b in plain:
        conn.execute("UPDATE users SET badge = ? WHERE user_id = ?", (badge_hash(b, key), uid))
    log.warning(
        "users: %d badge number(s) stored in plain text were replaced by keyed hashes",
        len(plain))


register_schema("users", ["""
CREATE TABLE users (
    user_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    badge TEXT UNIQUE,
    pin_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until REAL,
    pseudonym TEXT UNIQUE,
    created REAL NOT NULL
);
""", _hash_plain_badges])




_COLUMNS = ("user_id, name, role, badge, pin_hash, disabled, failed_attempts, locked_until, "
            "pseudonym")


class UserError(ValueError):
    """A user-register problem a person can fix (unknown id, duplicate badge, bad PIN)."""


@dataclass(frozen=True)
class User:
    user_id: str
    name: str
    role: Role
    badge: str | None
    pin_hash: str | None
    disabled: bool
    failed_attempts: int
    locked_until: float | None
    pseudonym: str | None = None

    def __repr__(self) -> str:  # never print the hash into a log by accident
        return f"User({self.user_id!r}, {self.name!r}, {self.role}, disabled={self.disabled})"


def _row(row: tuple[Any, ...]) -> User:
    uid, name, role, badge, pin_hash, disabled, failed, locked, pseudo = row
    return User(uid, name, Role(role), badge, pin_hash, bool(disabled), failed, locked, pseudo)


def check_user_id(user_id: str) -> None:
    if not isinstance(user_id, str) or not USER_ID_RE.fullmatch(user_id):
        raise UserError(f"user id {user_id!r} is not valid: use 1-64 letters, digits, _ . -")


def check_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise UserError(f"unknown role {role!r}; roles: {', '.join(Role)}") from None


def check_badge(badge: str) -> None:
    if not BADGE_RE.fullmatch(badge or ""):
        raise UserError(f"badge {badge!r} is not valid: a badge number is 4-32 digits")


class UserRepo(Passive):
    """Users of one store. `store` is an app.store Store (read(), submit())."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self._key: bytes | None = None

    def _badge(self, badge: str) -> str:
        """The stored (keyed hash) form of a badge number."""
        if self._key is None:
            self._key = key_for(self.store.path)
        return badge_hash(badge, self._key)

    # --- reads (any thread) -------------------------------------------------------------

    def get(self, user_id: str) -> User | None:
        with self.store.read() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM users WHERE user_id = ?",
                               (user_id,)).fetchone()
        return _row(row) if row else None

    def by_badge(self, badge: str) -> User | None:
        with self.store.read() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM users WHERE badge = ?",
                               (self._badge(badge),)).fetchone()
        return _row(row) if row else None

    def list(self, *, include_disabled: bool = True) -> list[User]:
        sql = f"SELECT {_COLUMNS} FROM users"
        if not include_disabled:
            sql += " WHERE disabled = 0"
        with self.store.read() as conn:
            return [_row(r) for r in conn.execute(sql + " ORDER BY name, user_id")]

    # --- writes (futures resolved after commit) ----------------------------------------

    def add(self, user_id: str, name: str, role: Role | str, pin: str,
            badge: str | None = None, pseudonym: str | None = None
            ) -> concurrent.futures.Future[User]:
        """Validate and insert; the future raises UserError for a duplicate id or badge."""
        check_user_id(user_id)
        if not isinstance(name, str) or not name.strip():
            raise UserError("name must not be empty")
        role = check_role(role)
        stored_badge = None
        if badge is not None:
            check_badge(badge)
            stored_badge = self._badge(badge)
        if pseudonym is not None and not PSEUDONYM_RE.fullmatch(pseudonym):
            raise UserError(f"pseudonym {pseudonym!r} is not valid: 1-32 letters, digits, _ -")
        try:
            pin_hash = hash_pin(pin)
        except PinPolicyError as e:
            raise UserError(str(e)) from None
        user = User(user_id, name.strip(), role, stored_badge, pin_hash, False, 0, None,
                    pseudonym)

        def job(conn: sqlite3.Connection) -> User:
            if conn.execute("SELECT 1 FROM users WHERE user_id = ?", (user_id,)).fetchone():
                raise UserError(f"user {user_id!r} already exists")
            if stored_badge is not None:
                other = conn.execute("SELECT user_id FROM users WHERE badge = ?",
                                     (stored_badge,)).fetchone()
                if other:
                    raise UserError(f"badge {badge} is already assigned to user {other[0]!r}")
            if pseudonym is not None and conn.execute(
                    "SELECT 1 FROM users WHERE pseudonym = ?", (pseudonym,)).fetchone():
                raise UserError(f"pseudonym {pseudonym!r} is already in use")
            conn.execute(
                "INSERT INTO users (user_id, name, role, badge, pin_hash, pseudonym, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (user_id, user.name, str(role), stored_badge, pin_hash, pseudonym, time.time()))
            return user

        return self.store.submit(job)

    def _update(self, user_id: str, sql: str, params: tuple[Any, ...]
                ) -> concurrent.futures.Future[None]:
        def job(conn: sqlite3.Connection) -> None:
            cur = conn.execute(f"UPDATE users SET {sql} WHERE user_id = ?", (*params, user_id))
            if cur.rowcount == 0:
                raise UserError(f"no user {user_id!r}")

        return self.store.submit(job)

    def set_pin(self, user_id: str, pin: str) -> concurrent.futures.Future[None]:
        """New PIN (also clears failed attempts and any lockout)."""
        try:
            pin_hash = hash_pin(pin)
        except PinPolicyError as e:
            raise UserError(str(e)) from None
        return self._update(user_id, "pin_hash = ?, failed_attempts = 0, locked_until = NULL",
                            (pin_hash,))

    def rehash_if_weak(self, user: User, pin: str) -> concurrent.futures.Future[None] | None:
        """After a good sign-in, re-hash a PIN stored with older, weaker parameters."""
        if user.pin_hash and needs_rehash(user.pin_hash):
            return self._update(user.user_id, "pin_hash = ?", (hash_pin(pin),))
        return None

    def set_disabled(self, user_id: str, disabled: bool = True
                     ) -> concurrent.futures.Future[None]:
        return self._update(user_id, "disabled = ?", (int(disabled),))

    def set_badge(self, user_id: str, badge: str | None) -> concurrent.futures.Future[None]:
        if badge is not None:
            check_badge(badge)
        return self._update(user_id, "badge = ?",
                            (self._badge(badge) if badge is not None else None,))

    def record_attempts(self, user_id: str, failed: int, locked_until: float | None
                        ) -> concurrent.futures.Future[None]:
        """Persist the failure count and lockout, so a restart does not lift a lockout."""
        return self._update(user_id, "failed_attempts = ?, locked_until = ?",
                            (failed, locked_until))
