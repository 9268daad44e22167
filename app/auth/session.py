"""Who is signed in at this terminal: sign-in by PIN or badge, lockout, auto sign-out.

`SessionManager` is plain Python (no Qt) and thread-safe. Observers are called on the
thread that caused the change (sign-in from the GUI, `tick` from a GUI timer) with
(SignedIn | None, reason).

Privacy rule: a failed sign-in never tells whether the user id or badge exists. Unknown
ids are counted and locked out exactly like real ones, a missing user still costs one
PIN derivation, and a disabled user gets the same answer as a wrong PIN. The audit
trail (not shown to the person at the terminal) records the real reason.

Badges are guessed like PINs, so the terminal's badge reader is rate-limited (one read
per `badge_interval_s`) and locked for `lockout_s` after `max_failures` unknown badges
in a row, like a PIN. A site may require badge + PIN (`[sign_in] badge_needs_pin`)
for every role that may write setpoints or reset the e-stop: the badge then only
selects the user (PIN_REQUIRED), and a PIN alone is refused (BADGE_REQUIRED, said only
after a correct PIN, so it tells a guesser nothing).

    [sign_in]
    badge_needs_pin = true
"""

from __future__ import annotations

import concurrent.futures
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from app.auth.permissions import Action, Role, allowed
from app.auth.pin import PIN_RE, PIN_RULE, verify_pin
from app.auth.users import User, UserRepo
from app.config import SiteConfig, Table
from app.observers import Observers
from app.services import ConfigSection, ServiceContext, ServiceSpec

log = logging.getLogger(__name__)

Clock = Callable[[], float]
Observer = Callable[["SignedIn | None", str], None]


@dataclass(frozen=True)
class SignedIn:
    user_id: str
    name: str
    role: Role
    since: float

    def may(self, action: Action) -> bool:
        return allowed(self.role, action)


class SessionView(Protocol):
    """What a view needs of the session: who is signed in, and news of a change
    (`SessionManager` is one; a test's fake implements the same two)."""

    @property
    def current(self) -> SignedIn | None: ...

    def add_observer(self, observer: Observer) -> Callable[[], None]: ...


class Outcome(StrEnum):
    SIGNED_IN = "signed_in"
    WRONG = "wrong"  # wrong PIN or unknown / disabled user: deliberately one answer
    LOCKED = "locked"
    UNKNOWN_BADGE = "unknown_badge"
    BAD_FORMAT = "bad_format"  # not 4-8 digits: not counted as an attempt
    PIN_REQUIRED = "pin_required"  # badge accepted; this role also needs its PIN
    BADGE_REQUIRED = "badge_required"  # PIN right; this role also needs its badge


@dataclass(frozen=True)
class SignInResult:
    outcome: Outcome
    message: str  # English, for logs and the CLI; the GUI translates from outcome
    session: SignedIn | None = None
    retry_after_s: float | None = None  # set when LOCKED
    attempts_left: int | None = None  # set when WRONG
    user_id: str | None = None  # set when PIN_REQUIRED: whose PIN to ask for

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.SIGNED_IN


def format_duration(seconds: float) -> str:
    s = max(1, round(seconds))
    if s < 60:
        return f"{s} s"
    m, s = divmod(s, 60)
    return f"{m} min {s} s" if s else f"{m} min"


BADGE_READER = "badge-reader:*"  # one failure counter for every badge at this terminal
PENDING_BADGE_S = 60.0  # a badge waits this long for its PIN


@dataclass(frozen=True)
class SignInConfig:
    badge_needs_pin: bool = False  # badge + PIN for roles that write setpoints or reset
    badge_interval_s: float = 1.0  # at most one badge read per interval


def parse_sign_in(root: Table, cfg: SiteConfig) -> SignInConfig:
    t = root.table("sign_in")
    c = SignInConfig(badge_needs_pin=t.bool("badge_needs_pin", False),
                     badge_interval_s=t.float("badge_interval_s", 1.0, min=0.0, max=60.0))
    t.done()
    return c


@dataclass
class _Attempts:
    failed: int = 0
    locked_until: float = 0.0


class SessionManager:
    def __init__(self, users: UserRepo, *, clock: Clock = time.time,
                 inactivity_s: float = 300.0, max_failures: int = 5,
                 lockout_s: float = 300.0,
                 audit: Callable[..., Any] | None = None, runtime: Any = None,
                 sign_in: SignInConfig | None = None) -> None:
        self.users = users
        self.sign_in_config = sign_in or SignInConfig()
        self._last_badge = -1e18
        self._pending_badge: tuple[str, float] | None = None  # (user id, valid until)
        self._runtime = runtime  # app.runtime.Runtime: runs the sign-out timer on start
        self._cancel_tick: Callable[[], None] | None = None
        self.clock = clock
        self.inactivity_s = inactivity_s
        self.max_failures = max_failures
        self.lockout_s = lockout_s
        self._audit_fn = audit or users.store.audit.record
        self._lock = threading.RLock()
        self._current: SignedIn | None = None
        self._last_activity = 0.0
        self._attempts: dict[str, _Attempts] = {}
        self._observers: Observers = Observers("session")

    # --- service -------------------------------------------------------------------------

    def start(self) -> None:
        """Check for inactivity every second (with a runtime; else call `tick`)."""
        if self._runtime is not None and self._cancel_tick is None:
            self._cancel_tick = self._runtime.every(1.0, self.tick, "sign-out")

    def stop(self) -> None:
        if self._cancel_tick is not None:
            self._cancel_tick()
            self._cancel_tick = None

    # --- observers -----------------------------------------------------------------------

    def add_observer(self, observer: Observer) -> Callable[[], None]:
        """`observer(who, reason)` after every sign-in and sign-out; returns a remover."""
        return self._observers.add(observer)

    def _notify(self, who: SignedIn | None, reason: str) -> None:
        self._observers.notify(who, reason)

    def _audit(self, actor: str, action: str, target: str = "", detail: str = "") -> None:
        try:
            fut = self._audit_fn(actor, action, target=target, detail=detail)
        except Exception:
            log.exception("audit of %s %s failed", action, actor)
            return
        def failed(f: concurrent.futures.Future[Any]) -> None:
            if f.exception() is not None:
                log.error("audit of %s %s failed: %s", action, actor, f.exception())

        fut.add_done_callback(failed)

    # --- state ---------------------------------------------------------------------------

    @property
    def current(self) -> SignedIn | None:
        return self._current

    @property
    def role(self) -> Role | None:
        cur = self._current
        return cur.role if cur else None

    def may(self, action: Action) -> bool:
        return allowed(self.role, action)

    def touch(self) -> None:
        """Record activity (a touch, a key) so the inactivity timer restarts."""
        self._last_activity = self.clock()

    def tick(self, now: float | None = None) -> bool:
        """Sign out after `inactivity_s` without activity; True if it did."""
        now = self.clock() if now is None else now
        with self._lock:
            if self._current is None or now - self._last_activity < self.inactivity_s:
                return False
        self.sign_out("inactivity")
        return True

    def sign_out(self, reason: str = "user") -> None:
        with self._lock:
            who, self._current = self._current, None
        if who is None:
            return
        self._audit(who.user_id, "sign_out", detail=reason)
        log.info("%s signed out (%s)", who.user_id, reason)
        self._notify(None, reason)

    # --- sign-in -------------------------------------------------------------------------

    def _locked(self, key: str, user: User | None, now: float) -> float:
        """Seconds the id is still locked (0 when free)."""
        mem = self._attempts.get(key)
        until = max(mem.locked_until if mem else 0.0,
                    (user.locked_until or 0.0) if user else 0.0)
        return max(0.0, until - now)

    def _prune(self, now: float) -> None:
        # Failures of unknown ids live only in memory; keep that bounded.
        if len(self._attempts) > 1000:
            self._attempts = {k: a for k, a in self._attempts.items()
                              if a.locked_until > now or a.failed}
            if len(self._attempts) > 1000:
                self._attempts.clear()

    def needs_badge_and_pin(self, role: Role | None) -> bool:
        """Whether this site signs `role` in only with badge + PIN."""
        return (self.sign_in_config.badge_needs_pin and role is not None
                and (allowed(role, Action.SETPOINT_WRITE) or allowed(role, Action.ESTOP_RESET)))

    def sign_in_pin(self, user_id: str, pin: str) -> SignInResult:
        now = self.clock()
        if not isinstance(pin, str) or not PIN_RE.fullmatch(pin):
            return SignInResult(Outcome.BAD_FORMAT, f"PIN not accepted: {PIN_RULE}.")
        user = self.users.get(user_id)
        with self._lock:
            remaining = self._locked(user_id, user, now)
            if remaining > 0:
                self._audit(user_id, "sign_in.refused", detail="locked out")
                return self._locked_result(remaining)
            usable = user is not None and not user.disabled
            good = verify_pin(pin, user.pin_hash if usable and user else None)
            if good and user is not None and usable:
                had = self._attempts.pop(user_id, None)
                if had or user.failed_attempts or user.locked_until:
                    self.users.record_attempts(user_id, 0, None)
                self.users.rehash_if_weak(user, pin)
                method = "pin"
                if self.needs_badge_and_pin(user.role):
                    pending, self._pending_badge = self._pending_badge, None
                    if pending is None or pending[0] != user_id or pending[1] < now:
                        self._audit(user_id, "sign_in.refused", detail="badge required")
                        return SignInResult(
                            Outcome.BADGE_REQUIRED,
                            "This role signs in with badge and PIN: hold your badge to the "
                            "reader first, then enter your PIN.")
                    method = "badge+pin"
                result = self._start(user, method, now)
            else:
                return self._failed(user_id, user, now)
        self._notify(result.session, "pin")
        return result

    def sign_in_badge(self, badge: str) -> SignInResult:
        now = self.clock()
        badge = (badge or "").strip()
        masked = "…" + badge[-4:] if badge else "(empty)"
        with self._lock:
            # The reader, not a badge, is what a guesser uses: rate-limit and lock it.
            remaining = self._locked(BADGE_READER, None, now)
            if remaining > 0:
                self._audit("", "sign_in.refused", target=masked, detail="badge reader locked")
                return SignInResult(
                    Outcome.LOCKED, f"Too many unknown badges. Badge sign-in is locked for "
                    f"another {format_duration(remaining)}; sign in with your PIN.",
                    retry_after_s=remaining)
            wait = self._last_badge + self.sign_in_config.badge_interval_s - now
            if wait > 0:
                self._audit("", "sign_in.refused", target=masked, detail="badge read too soon")
                return SignInResult(Outcome.LOCKED, "Hold the badge once, then wait a moment.",
                                    retry_after_s=wait)
            self._last_badge = now
        user = self.users.by_badge(badge) if badge.isdigit() else None
        if user is None or user.disabled:
            why = "disabled user" if user else "unknown badge"
            self._audit(user.user_id if user else "", "sign_in.failed", target=masked,
                        detail=why)
            with self._lock:
                att = self._attempts.setdefault(BADGE_READER, _Attempts())
                att.failed += 1
                if att.failed >= self.max_failures:
                    att.failed, att.locked_until = 0, now + self.lockout_s
                    self._audit("", "sign_in.badge_lockout",
                                detail=f"{self.max_failures} unknown badges; badge reader "
                                       f"locked {format_duration(self.lockout_s)}")
                    log.warning("badge sign-in locked for %s after %d unknown badges",
                                format_duration(self.lockout_s), self.max_failures)
                    return SignInResult(
                        Outcome.LOCKED, f"Too many unknown badges. Badge sign-in is locked "
                        f"for another {format_duration(self.lockout_s)}; sign in with your "
                        f"PIN.", retry_after_s=self.lockout_s)
            return SignInResult(Outcome.UNKNOWN_BADGE,
                                "Badge not recognised. Sign in with your PIN or ask your "
                                "team lead.")
        with self._lock:
            self._attempts.pop(BADGE_READER, None)
            remaining = self._locked(user.user_id, user, now)
            if remaining > 0:
                # A locked account stays locked for badges too: a found badge must not
                # be a way around the PIN lockout.
                self._audit(user.user_id, "sign_in.refused", target=masked,
                            detail="locked out")
                return self._locked_result(remaining)
            if self.needs_badge_and_pin(user.role):
                self._pending_badge = (user.user_id, now + PENDING_BADGE_S)
                self._audit(user.user_id, "sign_in.badge", target=masked,
                            detail="badge accepted; PIN required")
                return SignInResult(Outcome.PIN_REQUIRED, "Badge accepted. Enter your PIN.",
                                    user_id=user.user_id)
            result = self._start(user, "badge", now)
        self._notify(result.session, "badge")
        return result

    def _locked_result(self, remaining: float) -> SignInResult:
        return SignInResult(Outcome.LOCKED,
                            f"Too many wrong PINs. Sign-in is locked for another "
                            f"{format_duration(remaining)}.", retry_after_s=remaining)

    def _failed(self, key: str, user: User | None, now: float) -> SignInResult:
        self._prune(now)
        att = self._attempts.setdefault(key, _Attempts())
        if user is not None and user.failed_attempts > att.failed:
            att.failed = user.failed_attempts  # carried over from before a restart
        att.failed += 1
        why = ("unknown user" if user is None else "disabled user" if user.disabled
               else "wrong PIN")
        if att.failed >= self.max_failures:
            att.failed, att.locked_until = 0, now + self.lockout_s
            if user is not None:
                self.users.record_attempts(key, 0, att.locked_until)
            self._audit(key, "sign_in.lockout",
                        detail=f"{self.max_failures} failures ({why}); locked "
                               f"{format_duration(self.lockout_s)}")
            log.warning("sign-in for %r locked for %s", key, format_duration(self.lockout_s))
            return self._locked_result(self.lockout_s)
        if user is not None:
            self.users.record_attempts(key, att.failed, None)
        self._audit(key, "sign_in.failed", detail=why)
        left = self.max_failures - att.failed
        return SignInResult(Outcome.WRONG,
                            f"Wrong user or PIN. {left} attempt{'s' if left != 1 else ''} "
                            f"left before sign-in is locked.", attempts_left=left)

    def _start(self, user: User, method: str, now: float) -> SignInResult:
        previous = self._current
        who = SignedIn(user.user_id, user.name, user.role, now)
        self._current = who
        self._last_activity = now
        if previous is not None:
            self._audit(previous.user_id, "sign_out", detail="replaced")
        self._audit(user.user_id, "sign_in", detail=method)
        log.info("%s signed in (%s, %s)", user.user_id, user.role, method)
        return SignInResult(Outcome.SIGNED_IN, f"Signed in as {user.name}.", who)


def _users(ctx: ServiceContext) -> UserRepo:
    return UserRepo(ctx.store)


def _session(ctx: ServiceContext) -> SessionManager:
    return SessionManager(ctx.get(UserRepo), clock=ctx.clock, inactivity_s=ctx.inactivity_s,
                          runtime=ctx.runtime, sign_in=ctx.config.sections.get("sign_in"))


USERS = ServiceSpec(name="users", provides=UserRepo, build=_users)
SESSION = ServiceSpec(name="session", provides=SessionManager, build=_session,
                      sections=(ConfigSection("sign_in", parse_sign_in),),
                      needs=(UserRepo,))
