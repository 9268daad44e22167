"""Sign-in by PIN and badge, lockout, auto sign-out, and what gets audited."""

from __future__ import annotations

from app.auth.permissions import Role
from app.auth.session import Outcome, SessionManager, SignedIn
from app.auth.users import UserRepo


def actions(store, actor: str | None = None) -> list[str]:
    store.flush()
    return [r.action for r in reversed(store.audit.query(actor=actor))]


def test_pin_sign_in_and_out(session: SessionManager, store, clock) -> None:
    seen: list[tuple[SignedIn | None, str]] = []
    session.add_observer(lambda who, why: seen.append((who, why)))
    r = session.sign_in_pin("anna", "4711")
    assert r.ok and r.session == SignedIn("anna", "Anna Berg", Role.OPERATOR, clock.t)
    assert session.current == r.session
    session.sign_out("user")
    assert session.current is None
    assert [w.user_id if w else None for w, _ in seen] == ["anna", None]
    assert actions(store, "anna") == ["sign_in", "sign_out"]


def test_wrong_pin_and_unknown_user_get_the_same_answer(session: SessionManager, store) -> None:
    wrong = session.sign_in_pin("anna", "0000")
    unknown = session.sign_in_pin("nobody", "0000")
    assert wrong.outcome is unknown.outcome is Outcome.WRONG
    assert wrong.message == unknown.message == (
        "Wrong user or PIN. 4 attempts left before sign-in is locked.")
    assert session.current is None
    store.flush()
    details = {r.actor: r.detail for r in store.audit.query(action="sign_in.failed")}
    assert details == {"anna": "wrong PIN", "nobody": "unknown user"}  # the truth is audited


def test_disabled_user_cannot_sign_in(session: SessionManager, repo: UserRepo) -> None:
    repo.set_disabled("anna").result(5)
    assert session.sign_in_pin("anna", "4711").outcome is Outcome.WRONG
    assert session.sign_in_badge("00012345").outcome is Outcome.UNKNOWN_BADGE


def test_lockout_after_five_failures_and_release(session: SessionManager, store, clock) -> None:
    for _ in range(4):
        assert session.sign_in_pin("anna", "1111").outcome is Outcome.WRONG
    fifth = session.sign_in_pin("anna", "1111")
    assert fifth.outcome is Outcome.LOCKED
    assert "locked for another 5 min" in fifth.message
    clock.advance(90)
    locked = session.sign_in_pin("anna", "4711")  # even the right PIN waits
    assert locked.outcome is Outcome.LOCKED and locked.retry_after_s == 210
    assert "3 min 30 s" in locked.message
    assert session.sign_in_badge("00012345").outcome is Outcome.LOCKED  # no way around
    clock.advance(211)
    assert session.sign_in_pin("anna", "4711").ok
    assert "sign_in.lockout" in actions(store, "anna")


def test_lockout_survives_a_restart(repo: UserRepo, store, clock) -> None:
    first = SessionManager(repo, clock=clock, max_failures=3, lockout_s=60)
    for _ in range(3):
        first.sign_in_pin("ben", "9999")
    store.flush()
    again = SessionManager(repo, clock=clock, max_failures=3, lockout_s=60)
    assert again.sign_in_pin("ben", "2580").outcome is Outcome.LOCKED
    clock.advance(61)
    assert again.sign_in_pin("ben", "2580").ok
    store.flush()
    user = repo.get("ben")
    assert user is not None and user.failed_attempts == 0 and user.locked_until is None


def test_unknown_ids_are_locked_out_too(session: SessionManager) -> None:
    results = [session.sign_in_pin("ghost", "1111").outcome for _ in range(5)]
    assert results == [Outcome.WRONG] * 4 + [Outcome.LOCKED]


def test_badge_sign_in(session: SessionManager, store, clock) -> None:
    r = session.sign_in_badge("00012345")
    assert r.ok and r.session is not None and r.session.user_id == "anna"
    clock.advance(1.5)  # the reader is rate-limited
    bad = session.sign_in_badge("99999999")
    assert bad.outcome is Outcome.UNKNOWN_BADGE and "not recognised" in bad.message
    assert session.current is not None and session.current.user_id == "anna"
    store.flush()
    failed = store.audit.query(action="sign_in.failed")
    assert failed[0].target == "…9999"  # the full badge number is not logged


def test_pin_format_is_checked_first(session: SessionManager) -> None:
    r = session.sign_in_pin("anna", "12")
    assert r.outcome is Outcome.BAD_FORMAT and "4 to 8 digits" in r.message


def test_auto_sign_out_after_inactivity(session: SessionManager, store, clock) -> None:
    reasons: list[str] = []
    session.add_observer(lambda who, why: reasons.append(why))
    session.sign_in_pin("ben", "2580")
    clock.advance(200)
    session.touch()
    clock.advance(200)
    assert not session.tick() and session.current is not None  # touched 200 s ago
    clock.advance(101)
    assert session.tick()
    assert session.current is None
    assert reasons == ["pin", "inactivity"]
    store.flush()
    assert store.audit.query(actor="ben", action="sign_out")[0].detail == "inactivity"


def test_sign_in_replaces_previous_user(session: SessionManager, store) -> None:
    session.sign_in_pin("anna", "4711")
    session.sign_in_pin("ben", "2580")
    assert session.current is not None and session.current.user_id == "ben"
    assert actions(store, "anna") == ["sign_in", "sign_out"]
