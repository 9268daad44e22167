"""The on-screen emergency stop: a stop *request* to the PLC that supplements the
hard-wired e-stop, the PLC's read-back circuit state, and the deliberate reset.

Rules this module enforces (DESIGN.md, "Safety rules"):
- `press()` needs no sign-in and never waits: the write of the stop request is the
  first thing it does, scheduled straight on the runtime loop with
  `asyncio.run_coroutine_threadsafe` (not through the outbox or the broker). The audit
  record and the MQTT event of the press are queued only after that write was handed
  to the loop, so they can never delay it.
- The displayed state is the PLC's own circuit state as read back through the runtime
  change stream (UNKNOWN while its quality is not GOOD), never a guess. A request is
  CONFIRMED only by that read-back; without it within `confirm_timeout_ms`, or when the
  write fails, it is NOT_CONFIRMED and the view tells the operator to use the
  hard-wired button. The deadline runs on its own timer thread, so a stalled runtime
  loop cannot hide a missing confirmation.
- `reset()` needs a role allowed `Action.ESTOP_RESET`, an explicit confirmation and the
  PLC reporting the circuit healthy; every press, confirmation, failure, reset and
  refused reset is audited and published on `<topic_root>/safety/estop`.
- A reset never starts the line (EN 60204-1 9.2.5.4.2, ISO 13850): after it the PLC
  reads back "ready" and the line stays stopped. `start()` is its own action
  (`Action.LINE_START`), allowed only while the circuit is ready and healthy; it first
  runs a visible (and, where configured, audible: `prestart_horn_tag`) pre-start
  warning for `prestart_warning_s`, checks everything again, and only then writes
  `start_tag`. A press of the e-stop, or the circuit leaving "ready", cancels it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from app.auth.permissions import Action, PermissionDenied, Role, require
from app.config import SiteConfig, Table
from app.model import Quality, Sample
from app.observers import Observers

log = logging.getLogger(__name__)

NOT_CONFIRMED_MESSAGE = "STOP NOT CONFIRMED — USE THE HARD-WIRED EMERGENCY STOP"
SUPPLEMENT_NOTE = "Supplements the hard-wired e-stop — does not replace it"
ANONYMOUS = "anonymous"  # actor of a press with nobody signed in


# --- configuration ---------------------------------------------------------------------


@dataclass(frozen=True)
class EStopConfig:
    """The `[estop]` section: tag paths of the PLC's stop circuit."""

    stop_request_tag: str  # writable bool: true requests a stop (latched by the PLC)
    circuit_state_tag: str  # the PLC's own circuit state
    reset_tag: str  # writable bool pulse: true requests a reset
    healthy_tag: str | None = None  # bool: circuit healthy, reset possible
    stopped_value: str = "stopped"
    confirm_timeout_ms: int = 500
    start_tag: str | None = None  # writable bool pulse: true requests the line to start
    ready_value: str = "ready"  # circuit state after a reset: stopped, ready to start
    prestart_warning_s: float = 5.0  # visible (and audible) warning before a start
    prestart_horn_tag: str | None = None  # writable bool: true sounds the horn/beacon
    prestart_audible: bool = False  # the terminal itself beeps during the warning


def parse_estop(root: Table, cfg: SiteConfig) -> EStopConfig:
    t = root.table("estop")

    def tag(name: str, *, required: bool = True, writable: bool = False) -> str | None:
        path = t.str(name, required=required)
        if path is None:
            return None
        if path not in cfg.tags:
            raise t.error(name, f"unknown tag {path!r}")
        if writable and not cfg.tags[path].writable:
            raise t.error(name, f"tag {path!r} is not writable (set writable = true)")
        return path

    c = EStopConfig(
        stop_request_tag=tag("stop_request_tag", writable=True),  # type: ignore[arg-type]
        circuit_state_tag=tag("circuit_state_tag"),  # type: ignore[arg-type]
        reset_tag=tag("reset_tag", writable=True),  # type: ignore[arg-type]
        healthy_tag=tag("healthy_tag", required=False),
        stopped_value=t.str("stopped_value", "stopped"),
        confirm_timeout_ms=t.int("confirm_timeout_ms", 500, min=50, max=10_000),
        start_tag=tag("start_tag", required=False, writable=True),
        ready_value=t.str("ready_value", "ready"),
        prestart_warning_s=t.float("prestart_warning_s", 5.0, min=1.0, max=120.0),
        prestart_horn_tag=tag("prestart_horn_tag", required=False, writable=True),
        prestart_audible=t.bool("prestart_audible", False),
    )
    if c.ready_value == c.stopped_value:
        raise t.error("ready_value", "must differ from stopped_value")
    t.done()
    return c


# --- states ------------------------------------------------------------------------------


class RequestState(StrEnum):
    IDLE = "idle"  # no request pending (the circuit may still be stopped by other means)
    REQUESTED = "requested"  # write sent, waiting for the PLC's read-back
    CONFIRMED = "confirmed"  # the PLC reads back "stopped"
    NOT_CONFIRMED = "not_confirmed"  # no read-back in time, or the write failed


class CircuitState(StrEnum):
    """The PLC's own view, read back; UNKNOWN when the value is not GOOD quality."""

    RUNNING = "running"
    STOPPED = "stopped"  # a stop is latched in the PLC
    READY = "ready"  # reset: the line is stopped and waits for a start command
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class EStopStatus:
    request: RequestState = RequestState.IDLE
    circuit: CircuitState = CircuitState.UNKNOWN
    healthy: bool | None = None  # None: not known (no GOOD read-back)
    detail: str = ""  # why NOT_CONFIRMED, or the last refusal
    pressed_at: float | None = None  # epoch seconds of the last press
    confirmed_after_ms: float | None = None
    prestart_until: float | None = None  # epoch seconds: a start is being announced

    @property
    def stop_active(self) -> bool:
        """The PLC reports its stop circuit stopped (latched, not yet reset)."""
        return self.circuit is CircuitState.STOPPED

    @property
    def alarm_text(self) -> str | None:
        """The loud message the view must show, or None."""
        return NOT_CONFIRMED_MESSAGE if self.request is RequestState.NOT_CONFIRMED else None


class ResetRefused(RuntimeError):
    """A reset that may not happen now; `reason` says why in words an operator reads."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StartRefused(ResetRefused):
    """A start that may not happen now (or was cancelled during its warning)."""


Observer = Callable[[EStopStatus], None]


# --- the controller ----------------------------------------------------------------------


class EStopController:
    """Press, confirm, reset. Thread-safe; `press` is safe to call from the GUI thread.

    `runtime` provides `loop`, `write_async`, `write`, `latest`, `subscribe`, `publish`
    and `config.site` (app.runtime.Runtime). Audit records go to `store.audit` (the
    runtime's store unless given).
    """

    def __init__(self, runtime: Any, config: EStopConfig, *, store: Any = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.runtime = runtime
        self.config = config
        self._store = store if store is not None else getattr(runtime, "store", None)
        self._clock = clock
        self._lock = threading.RLock()
        self._observers: Observers = Observers("e-stop")
        self._press_id = 0
        self._press_mono = 0.0
        self._timer: threading.Timer | None = None
        self._start_id = 0
        self._start_timer: threading.Timer | None = None
        self._start_future: concurrent.futures.Future[Sample] | None = None
        site = runtime.config.site
        self.topic = f"{site.topic_root}/safety/estop"
        self._terminal = site.terminal_id
        self._status = EStopStatus(circuit=self._circuit_from(runtime.latest),
                                   healthy=self._healthy_from(runtime.latest))
        self._unsubscribe = runtime.subscribe(self._on_samples)

    # --- reading -----------------------------------------------------------------------

    @property
    def status(self) -> EStopStatus:
        return self._status

    def add_observer(self, observer: Observer) -> Callable[[], None]:
        """Call `observer(status)` on every change, on the thread that caused it."""
        return self._observers.add(observer)

    def can_reset(self, role: Role | str | None) -> tuple[bool, str]:
        """Whether `role` may reset now, and if not, why (for the view's tooltip)."""
        try:
            self._check_reset(role, confirmed=True)
        except (PermissionDenied, ResetRefused) as e:
            return False, str(e)
        return True, ""

    def can_start(self, role: Role | str | None) -> tuple[bool, str]:
        """Whether `role` may start the line now, and if not, why."""
        try:
            self._check_start(role, confirmed=True)
        except (PermissionDenied, ResetRefused) as e:
            return False, str(e)
        return True, ""

    # --- press -------------------------------------------------------------------------

    def press(self, actor: str | None = None) -> None:
        """Request the stop. Never blocks, never raises, needs no sign-in."""
        fut: concurrent.futures.Future | None = None
        error = ""
        # The write goes first, before any bookkeeping, audit or publish.
        try:
            coro = self.runtime.safety_write_async(self.config.stop_request_tag, True)
            try:
                fut = asyncio.run_coroutine_threadsafe(coro, self.runtime.loop)
            except BaseException:
                coro.close()
                raise
        except Exception as e:  # loop closed, runtime gone: say so at once
            error = f"stop request could not be sent: {e}"
            log.error("e-stop: %s", error)
        pressed_at = self._clock()
        with self._lock:
            self._press_id += 1
            press_id = self._press_id
            self._press_mono = time.monotonic()
            if self._timer is not None:
                self._timer.cancel()
            if fut is not None:
                self._timer = threading.Timer(self.config.confirm_timeout_ms / 1000.0,
                                              self._on_deadline, args=(press_id,))
                self._timer.daemon = True
                self._timer.start()
            st = self._status
            # Already confirmed only while the PLC still reads back "stopped".
            confirmed = (st.request is RequestState.CONFIRMED
                         and st.circuit is CircuitState.STOPPED)
            request = RequestState.CONFIRMED if confirmed else RequestState.REQUESTED
            self._set(replace(st, request=request, detail="", pressed_at=pressed_at,
                              confirmed_after_ms=st.confirmed_after_ms
                              if request is RequestState.CONFIRMED else None))
        who = actor or ANONYMOUS
        self._journal(who, "estop.press", "stop request sent" if fut else error)
        self._cancel_start(who, "cancelled by the emergency stop")
        if fut is None:
            self._fail(press_id, error)
            return
        fut.add_done_callback(lambda f: self._on_written(press_id, f))
        self._confirm_if_stopped(press_id)

    def _on_written(self, press_id: int, fut: concurrent.futures.Future) -> None:
        exc = fut.exception() if not fut.cancelled() else RuntimeError("cancelled")
        if exc is not None:
            self._fail(press_id, f"stop request failed: {exc}")

    def _on_deadline(self, press_id: int) -> None:
        self._fail(press_id, f"the PLC did not report the circuit stopped within "
                             f"{self.config.confirm_timeout_ms} ms")

    def _fail(self, press_id: int, reason: str) -> None:
        with self._lock:
            if press_id != self._press_id or self._status.request is not RequestState.REQUESTED:
                return
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._set(replace(self._status, request=RequestState.NOT_CONFIRMED, detail=reason))
        log.error("e-stop NOT CONFIRMED: %s", reason)
        self._journal("system", "estop.not_confirmed", reason)

    def _confirm_if_stopped(self, press_id: int | None = None) -> None:
        with self._lock:
            st = self._status
            if press_id is not None and press_id != self._press_id:
                return
            if st.circuit is not CircuitState.STOPPED or st.request not in (
                    RequestState.REQUESTED, RequestState.NOT_CONFIRMED):
                return
            late = st.request is RequestState.NOT_CONFIRMED
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            ms = (time.monotonic() - self._press_mono) * 1000.0
            self._set(replace(st, request=RequestState.CONFIRMED, detail="",
                              confirmed_after_ms=round(ms, 1)))
        self._journal("system", "estop.confirmed",
                      f"PLC reports the circuit stopped after {ms:.0f} ms"
                      + (" (late)" if late else ""))

    # --- read-back ---------------------------------------------------------------------

    def _on_samples(self, batch: list[Sample]) -> None:
        """Runtime change-stream listener: follow the PLC's circuit state and health."""
        c = self.config
        if not any(s.tag in (c.circuit_state_tag, c.healthy_tag) for s in batch):
            return
        latest = {s.tag: s for s in batch}
        with self._lock:
            st = self._status
            circuit = self._circuit_from(latest) if c.circuit_state_tag in latest \
                else st.circuit
            healthy = self._healthy_from(latest) if c.healthy_tag in latest else st.healthy
            request = st.request
            if request is RequestState.CONFIRMED and circuit is not CircuitState.STOPPED:
                # READY/RUNNING: the PLC was reset (here or at the machine). UNKNOWN: the
                # read-back is lost, so nothing confirms the stop any more; a new press
                # must then end in CONFIRMED or NOT_CONFIRMED on its own.
                request = RequestState.IDLE
            self._set(replace(st, circuit=circuit, healthy=healthy, request=request))
            announcing = self._status.prestart_until is not None
        self._confirm_if_stopped()
        if announcing and (circuit is not CircuitState.READY or healthy is False):
            self._cancel_start("system", f"the stop circuit reads {circuit} "
                               + ("(not healthy)" if healthy is False else ""))

    def _circuit_from(self, latest: dict[str, Sample]) -> CircuitState:
        s = latest.get(self.config.circuit_state_tag)
        if s is None or s.quality is not Quality.GOOD:
            return CircuitState.UNKNOWN
        if str(s.value) == self.config.stopped_value:
            return CircuitState.STOPPED
        if str(s.value) == self.config.ready_value:
            return CircuitState.READY
        return CircuitState.RUNNING

    def _healthy_from(self, latest: dict[str, Sample]) -> bool | None:
        if self.config.healthy_tag is None:
            return None
        s = latest.get(self.config.healthy_tag)
        if s is None or s.quality is not Quality.GOOD:
            return None
        return bool(s.value)

    # --- reset -------------------------------------------------------------------------

    def _check_reset(self, role: Role | str | None, *, confirmed: bool) -> None:
        try:
            r = Role(role) if role else None
        except ValueError:
            r = None
        require(r, Action.ESTOP_RESET)
        if not confirmed:
            raise ResetRefused("reset needs an explicit confirmation")
        st = self._status
        if self.config.healthy_tag is not None and st.healthy is not True:
            raise ResetRefused("circuit not healthy" if st.healthy is False
                               else "circuit not healthy (the PLC's health is unknown)")
        if st.circuit is CircuitState.UNKNOWN:
            raise ResetRefused("circuit state unknown (no read-back from the PLC)")
        if st.circuit is not CircuitState.STOPPED:
            raise ResetRefused("nothing to reset: the stop circuit is not stopped")

    def reset(self, actor: str, role: Role | str | None,
              confirmed: bool) -> concurrent.futures.Future[Sample]:
        """Send the reset pulse. Raises PermissionDenied or ResetRefused (with the reason);
        the returned future holds the PLC's read-back of the reset request."""
        try:
            self._check_reset(role, confirmed=confirmed)
        except (PermissionDenied, ResetRefused) as e:
            self._journal(actor or ANONYMOUS, "estop.reset_refused", str(e))
            raise
        fut = self.runtime.safety_write(self.config.reset_tag, True)
        self._journal(actor, "estop.reset", f"reset requested by role {role}")

        def done(f: concurrent.futures.Future) -> None:
            exc = f.exception() if not f.cancelled() else RuntimeError("cancelled")
            if exc is not None:
                log.error("e-stop reset failed: %s", exc)
                self._journal(actor, "estop.reset_failed", str(exc))

        fut.add_done_callback(done)
        return fut

    # --- start (never by a reset) ------------------------------------------------------

    def _check_start(self, role: Role | str | None, *, confirmed: bool) -> None:
        if self.config.start_tag is None:
            raise StartRefused("no start command is configured (estop.start_tag)")
        try:
            r = Role(role) if role else None
        except ValueError:
            r = None
        require(r, Action.LINE_START)
        if not confirmed:
            raise StartRefused("a start needs an explicit confirmation")
        st = self._status
        if st.prestart_until is not None:
            raise StartRefused("a start is already being announced")
        if st.circuit is CircuitState.STOPPED:
            raise StartRefused("the stop circuit is stopped: reset it first")
        if st.circuit is CircuitState.RUNNING:
            raise StartRefused("the line is already running")
        if st.circuit is CircuitState.UNKNOWN:
            raise StartRefused("circuit state unknown (no read-back from the PLC)")
        if self.config.healthy_tag is not None and st.healthy is not True:
            raise StartRefused("circuit not healthy" if st.healthy is False
                               else "circuit not healthy (the PLC's health is unknown)")

    def start(self, actor: str, role: Role | str | None,
              confirmed: bool) -> concurrent.futures.Future[Sample]:
        """Announce a start, then request it. Raises PermissionDenied or StartRefused now;
        the returned future holds the PLC's read-back of the start request after the
        pre-start warning, or StartRefused when the start was cancelled during it."""
        try:
            self._check_start(role, confirmed=confirmed)
        except (PermissionDenied, ResetRefused) as e:
            self._journal(actor or ANONYMOUS, "line.start_refused", str(e))
            raise
        warn = self.config.prestart_warning_s
        out: concurrent.futures.Future[Sample] = concurrent.futures.Future()
        with self._lock:
            self._start_id += 1
            start_id = self._start_id
            self._start_future = out
            self._start_timer = threading.Timer(warn, self._start_now,
                                                args=(start_id, actor, str(role)))
            self._start_timer.daemon = True
            self._set(replace(self._status, prestart_until=self._clock() + warn, detail=""))
            self._start_timer.start()
        self._horn(True)
        self._journal(actor, "line.start_warning",
                      f"pre-start warning for {warn:g} s, requested by role {role}")
        return out

    def cancel_start(self, actor: str) -> bool:
        """Cancel an announced start (anybody may); True when one was pending."""
        return self._cancel_start(actor or ANONYMOUS, "cancelled at the terminal")

    def _cancel_start(self, actor: str, reason: str) -> bool:
        with self._lock:
            if self._status.prestart_until is None:
                return False
            if self._start_timer is not None:
                self._start_timer.cancel()
                self._start_timer = None
            self._start_id += 1
            fut, self._start_future = self._start_future, None
            self._set(replace(self._status, prestart_until=None))
        self._horn(False)
        self._journal(actor, "line.start_cancelled", reason)
        if fut is not None and not fut.done():
            fut.set_exception(StartRefused(f"start cancelled: {reason}"))
        return True

    def _start_now(self, start_id: int, actor: str, role: str) -> None:
        """End of the warning (timer thread): check again, then write the start."""
        with self._lock:
            if start_id != self._start_id or self._status.prestart_until is None:
                return
            self._start_timer = None
            fut, self._start_future = self._start_future, None
            self._set(replace(self._status, prestart_until=None))
            try:
                self._check_start(role, confirmed=True)
                error: StartRefused | PermissionDenied | None = None
            except (PermissionDenied, StartRefused) as e:
                error = e
        self._horn(False)
        assert fut is not None
        if error is not None:
            self._journal(actor, "line.start_refused", f"after the warning: {error}")
            fut.set_exception(error)
            return
        assert self.config.start_tag is not None
        try:
            written = self.runtime.safety_write(self.config.start_tag, True)
        except Exception as e:
            self._journal(actor, "line.start_failed", str(e))
            fut.set_exception(e)
            return
        self._journal(actor, "line.start", f"start requested by role {role} after a "
                                           f"{self.config.prestart_warning_s:g} s warning")

        def done(f: concurrent.futures.Future) -> None:
            exc = f.exception() if not f.cancelled() else RuntimeError("cancelled")
            if exc is not None:
                log.error("line start failed: %s", exc)
                self._journal(actor, "line.start_failed", str(exc))
                fut.set_exception(exc)
            else:
                fut.set_result(f.result())

        written.add_done_callback(done)

    def _horn(self, on: bool) -> None:
        if self.config.prestart_horn_tag is None:
            return
        try:
            f = self.runtime.safety_write(self.config.prestart_horn_tag, on)
            f.add_done_callback(_log_failure("pre-start horn"))
        except Exception:
            log.exception("e-stop: pre-start horn could not be switched")

    # --- plumbing ----------------------------------------------------------------------

    def _set(self, status: EStopStatus) -> None:
        """Store and announce a status (called under the lock; observers outside it
        would reorder two quick changes, so they run here and must not block)."""
        if status == self._status:
            return
        self._status = status
        self._observers.notify(status)

    def _journal(self, actor: str, action: str, detail: str) -> None:
        """Audit and publish one e-stop event; never blocks, failures are logged."""
        st = self._status
        if self._store is not None:
            try:
                f = self._store.audit.record(actor, action, "estop", detail)
                f.add_done_callback(_log_failure(f"audit of {action}"))
            except Exception:
                log.exception("e-stop: audit of %s failed", action)
        payload = {"event": action, "actor": actor, "terminal": self._terminal,
                   "ts": self._clock(), "request": str(st.request),
                   "circuit": str(st.circuit), "healthy": st.healthy, "detail": detail}
        try:
            f = self.runtime.publish(self.topic, payload, qos=1)
            f.add_done_callback(_log_failure(f"publish of {action}"))
        except Exception:
            log.exception("e-stop: publish of %s failed", action)

    def close(self) -> None:
        self._unsubscribe()
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._start_timer is not None:
                self._start_timer.cancel()
                self._start_timer = None


def _log_failure(what: str) -> Callable[[concurrent.futures.Future], None]:
    def cb(f: concurrent.futures.Future) -> None:
        if not f.cancelled() and f.exception() is not None:
            log.warning("e-stop: %s failed: %s", what, f.exception())
    return cb
