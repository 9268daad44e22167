"""Badges are guessed like PINs: the reader is rate-limited and locked after unknown
badges; badge numbers are stored only as keyed hashes (older stores migrated); a site
may require badge + PIN for the roles that write setpoints or reset."""

from __future__ import annotations

import sqlite3

from app.auth.badge import PREFIX
from app.auth.session import Outcome, SessionManager, SignInConfig
from app.auth.users import UserRepo
from app.store import Store


def test_two_hundred_guesses_get_five_tries_then_a_lock(repo, store, clock) -> None:
    s = SessionManager(repo, clock=clock, max_failures=5, lockout_s=300)
    outcomes = []
    for n in range(200):
        clock.advance(1.0)
        outcomes.append(s.sign_in_badge(f"{10_000_000 + n:08d}").outcome)
    assert outcomes[:4] == [Outcome.UNKNOWN_BADGE] * 4
    assert set(outcomes[4:]) == {Outcome.LOCKED}  # locked at the 5th, for 300 s
    # Even the right badge is refused while the reader is locked (no way around it).
    assert s.sign_in_badge("00012345").outcome is Outcome.LOCKED
    assert s.current is None
    assert s.sign_in_pin("anna", "4711").ok  # the PIN still works
    clock.advance(301)
    s.sign_out()
    assert s.sign_in_badge("00012345").ok
    store.flush()
    assert store.audit.query(action="sign_in.badge_lockout")


def test_a_burst_of_reads_is_rate_limited(repo, clock) -> None:
    s = SessionManager(repo, clock=clock)
    assert s.sign_in_badge("11112222").outcome is Outcome.UNKNOWN_BADGE
    clock.advance(0.1)
    r = s.sign_in_badge("00012345")
    assert r.outcome is Outcome.LOCKED and r.retry_after_s is not None
    clock.advance(1.0)
    assert s.sign_in_badge("00012345").ok


def test_badges_are_stored_as_keyed_hashes(repo, store, tmp_path) -> None:
    store.flush()
    with sqlite3.connect(tmp_path / "lineside.db") as conn:
        (stored,) = conn.execute("SELECT badge FROM users WHERE user_id = 'anna'").fetchone()
    assert stored.startswith(PREFIX) and "00012345" not in stored
    key = (tmp_path / "lineside.db.badge-key")
    assert key.exists() and key.stat().st_mode & 0o077 == 0
    assert repo.by_badge("00012345").user_id == "anna"


def test_plain_badges_of_an_older_store_are_migrated(tmp_path) -> None:
    db = tmp_path / "old.db"
    with Store(db, terminal_id="t1") as s:  # users table at version 2 now: roll it back
        UserRepo(s).add("anna", "Anna", "operator", "4711").result(5)
        s.flush()
    with sqlite3.connect(db) as conn:  # as a store written before badges were hashed
        conn.execute("UPDATE users SET badge = '00012345' WHERE user_id = 'anna'")
        conn.execute("UPDATE schema_version SET version = 1 WHERE component = 'users'")
    with Store(db, terminal_id="t1") as s:
        repo = UserRepo(s)
        assert repo.get("anna").badge.startswith(PREFIX)
        assert repo.by_badge("00012345").user_id == "anna"


def test_badge_and_pin_for_roles_that_write_or_reset(repo, store, clock) -> None:
    repo.set_badge("ben", "00054321").result(5)  # maintenance: writes setpoints, resets
    s = SessionManager(repo, clock=clock, sign_in=SignInConfig(badge_needs_pin=True))
    assert s.sign_in_badge("00012345").ok  # an operator: the badge alone is enough
    s.sign_out()
    clock.advance(2)
    assert s.sign_in_pin("ben", "2580").outcome is Outcome.BADGE_REQUIRED  # PIN alone: no
    assert s.sign_in_pin("ben", "9999").outcome is Outcome.WRONG  # and no oracle without it
    clock.advance(2)
    r = s.sign_in_badge("00054321")
    assert r.outcome is Outcome.PIN_REQUIRED and r.user_id == "ben" and s.current is None
    done = s.sign_in_pin("ben", "2580")
    assert done.ok and s.current.user_id == "ben"
    store.flush()
    assert any(e.detail == "badge+pin" for e in store.audit.query(action="sign_in"))
