"""Which alarm goes to whom, and escalation when nobody acknowledges.

The dispatcher listens to the alarm engine. An alarm that becomes active and matches a
rule starts an escalation: the roster's first member on call is notified at once over
the rule's channels; while the alarm stays unacknowledged, the next member is notified
every `escalate_after_min`; an acknowledgement (on any terminal, or from the phone),
shelving or taking it out of service ends it. Acknowledging from a phone uses a signed
link (HMAC of the alarm and its activation), so a link cannot acknowledge another alarm.

With a store, every open escalation is also a row of `notification_escalation`, so a
terminal restarted in the middle of one continues it (`resume`, at start): the alarm
engine's state then decides. Still unacknowledged: the escalation goes on where it was,
and a step that came due while the terminal was down is sent once (not once per missed
interval). Acknowledged, shelved, out of service or back to normal: it ends, nothing is
sent. Not yet evaluated (the sources connect after the services start): it waits for the
alarm's activation, continues it as the same escalation, and ends after `resume_wait_s`
if the alarm does not come back. Each step's notifications keep their deterministic ids
(alarm, first activation, step, channel), so a step is queued once across the restart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from app.alarms.model import AlarmEvent, AlarmState, AlarmStatus, EventKind
from app.notifications.config import Member, NotificationsConfig, Roster, Rule
from app.notifications.delivery import Notification, Queue

log = logging.getLogger(__name__)

ENDS = {EventKind.ACKNOWLEDGED, EventKind.SHELVED, EventKind.OUT_OF_SERVICE,
        EventKind.SUPPRESSED}
UNACKED = (AlarmState.UNACK, AlarmState.RTN_UNACK)
RESUME_WAIT_S = 300.0  # how long a resumed escalation waits for its alarm to come back


@dataclass
class Escalation:
    alarm_id: str
    activated: float
    rule: Rule
    roster: Roster
    step: int
    next_at: float
    message: str
    priority: int

    @property
    def key(self) -> str:
        return f"{self.alarm_id}@{self.activated:.3f}"


def matches(rule: Rule, event: AlarmEvent, area: str) -> bool:
    if rule.priorities and (event.priority or 0) not in rule.priorities:
        return False
    if rule.areas and area not in rule.areas:
        return False
    if rule.classes:
        kind = str(event.status.definition.kind) if event.status else ""
        if not any(c in (kind, area) or event.alarm_id.startswith(c)
                   for c in rule.classes):
            return False
    return True


class Dispatcher:
    def __init__(self, config: NotificationsConfig, queue: Queue, *, terminal_id: str,
                 site_name: str, clock: Callable[[], float],
                 ack_base_url: str | None = None, ack_key: bytes | None = None,
                 store: Any = None, resume_wait_s: float = RESUME_WAIT_S) -> None:
        self.config, self.queue = config, queue
        self.terminal_id, self.site_name = terminal_id, site_name
        self._clock = clock
        self.ack_base_url = ack_base_url
        self._key = ack_key or secrets.token_bytes(32)
        self._store = store  # None: escalations live in memory only
        self.resume_wait_s = resume_wait_s
        self._lock = threading.Lock()
        self.open: dict[str, Escalation] = {}  # alarm id -> its escalation
        # Resumed from the store, the alarm not evaluated yet: alarm id -> (it, give up at)
        self.waiting: dict[str, tuple[Escalation, float]] = {}

    # --- alarm engine listener -------------------------------------------------------------

    def on_events(self, events: list[AlarmEvent]) -> None:
        adopted = False
        for ev in events:
            if ev.origin != "local" and ev.kind is EventKind.ACTIVATED:
                continue  # every terminal sees the activation itself; remote acks count
            if ev.kind is EventKind.ACTIVATED:
                adopted = self._activated(ev) or adopted
            elif ev.kind in ENDS or (ev.kind is EventKind.CLEARED and ev.status is not None
                                     and ev.status.state.value == "normal"):
                with self._lock:
                    esc = self.open.pop(ev.alarm_id, None)
                    held = self.waiting.pop(ev.alarm_id, None)
                    if esc is not None or held is not None:
                        self._forget(ev.alarm_id)
                if esc is not None or held is not None:
                    log.info("notification escalation for %s ended (%s by %s)",
                             ev.alarm_id, ev.kind, ev.actor or "the process")
        if adopted:
            self.tick()  # a step that came due while the terminal was down goes out now

    def _activated(self, ev: AlarmEvent) -> bool:
        """Start an escalation, or continue the one resumed from before a restart."""
        with self._lock:
            held = self.waiting.pop(ev.alarm_id, None)
            if held is not None:
                esc = held[0]
                if _acked_since(ev.status, esc):
                    self._forget(esc.alarm_id)
                    log.info("notification escalation for %s ended: acknowledged while "
                             "this terminal was down", esc.alarm_id)
                    return False
                self.open[esc.alarm_id] = esc
                log.info("notification escalation for %s continues at step %d after the "
                         "restart", esc.alarm_id, esc.step)
                return True
        self._start(ev)
        return False

    def _start(self, ev: AlarmEvent) -> None:
        area = ev.status.definition.area if ev.status else ""
        for rule in self.config.rules:
            if matches(rule, ev, area):
                roster = self.config.rosters[rule.roster]
                esc = Escalation(ev.alarm_id, ev.ts, rule, roster, 0,
                                 ev.ts + rule.escalate_after_min * 60, ev.message or
                                 ev.alarm_id, ev.priority or 3)
                with self._lock:
                    self.open[ev.alarm_id] = esc
                    self._notify(esc)
                    self._save(esc)
                return

    def tick(self) -> None:
        """Escalate what is due (call every few seconds); one step per call at most, so
        a terminal that was down for several intervals sends the next step once."""
        now = self._clock()
        with self._lock:
            for alarm_id, (_esc, give_up) in list(self.waiting.items()):
                if now >= give_up:
                    del self.waiting[alarm_id]
                    self._forget(alarm_id)
                    log.info("notification escalation for %s ended: the alarm was not "
                             "active again within %.0f s of the restart", alarm_id,
                             self.resume_wait_s)
            for esc in list(self.open.values()):
                if now >= esc.next_at:
                    esc.step += 1
                    esc.next_at = now + esc.rule.escalate_after_min * 60
                    if esc.step >= len(esc.roster.members):
                        del self.open[esc.alarm_id]
                        self._forget(esc.alarm_id)
                        log.warning("notification escalation for %s: nobody in roster %s "
                                    "acknowledged", esc.alarm_id, esc.roster.id)
                        continue
                    # Queued before the step is saved: a crash in between queues the
                    # same step again after the restart, under the same id (ignored).
                    self._notify(esc)
                    self._save(esc)

    # --- the escalations in the store ---------------------------------------------------------

    def resume(self, status_of: Callable[[str], AlarmStatus | None]) -> None:
        """Load the escalations open before a restart and settle each by the alarm
        engine's state (`status_of(alarm id)`, None when the alarm is gone); call at
        start, before following the engine."""
        if self._store is None:
            return
        self._store.flush(5.0)
        with self._store.read() as conn:
            rows = conn.execute(
                "SELECT alarm_id, activated, rule, roster, step, next_at, message, priority "
                "FROM notification_escalation").fetchall()
        now = self._clock()
        with self._lock:
            for row in rows:
                esc = self._escalation(row)
                status = status_of(row[0]) if esc is not None else None
                if esc is None or status is None:
                    why = "its rule or roster is gone" if esc is None else "alarm is gone"
                    self._forget(row[0])
                    log.info("notification escalation for %s ended at start: %s",
                             row[0], why)
                elif status.state in UNACKED and not _acked_since(status, esc):
                    self.open[esc.alarm_id] = esc
                    log.info("notification escalation for %s continues at step %d",
                             esc.alarm_id, esc.step)
                elif status.state is AlarmState.NORMAL and status.changed_at is None \
                        and not _acked_since(status, esc):
                    self.waiting[esc.alarm_id] = (esc, now + self.resume_wait_s)
                else:
                    self._forget(esc.alarm_id)
                    log.info("notification escalation for %s ended at start: the alarm "
                             "is %s", esc.alarm_id, status.state.value)

    def _escalation(self, row: tuple[Any, ...]) -> Escalation | None:
        alarm_id, activated, rule_i, roster_id, step, next_at, message, priority = row
        rules = self.config.rules
        rule = rules[rule_i] if 0 <= rule_i < len(rules) else None
        if rule is None or rule.roster != roster_id:
            rule = next((r for r in rules if r.roster == roster_id), None)
        roster = self.config.rosters.get(roster_id)
        if rule is None or roster is None or step >= len(roster.members):
            return None
        return Escalation(alarm_id, activated, rule, roster, step, next_at, message,
                          priority)

    def _save(self, esc: Escalation) -> None:
        """Write `esc` as it is now (under the lock, so writes keep the order of events)."""
        if self._store is None:
            return
        rule = next((i for i, r in enumerate(self.config.rules) if r is esc.rule), -1)
        row = (esc.alarm_id, esc.activated, rule, esc.roster.id, esc.step, esc.next_at,
               esc.message, esc.priority)
        if esc.step == 0:
            fut = self._store.submit(lambda c: c.execute(
                "INSERT OR REPLACE INTO notification_escalation (alarm_id, activated, rule, "
                "roster, step, next_at, message, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                row))
        else:  # an update only: an escalation ended meanwhile stays ended
            fut = self._store.submit(lambda c: c.execute(
                "UPDATE notification_escalation SET step = ?, next_at = ? "
                "WHERE alarm_id = ? AND activated = ?", (row[4], row[5], row[0], row[1])))
        fut.add_done_callback(_log_failure)

    def _forget(self, alarm_id: str) -> None:
        if self._store is not None:
            self._store.submit(lambda c: c.execute(
                "DELETE FROM notification_escalation WHERE alarm_id = ?", (alarm_id,))
            ).add_done_callback(_log_failure)

    # --- notifying -------------------------------------------------------------------------

    def _member(self, esc: Escalation) -> Member:
        return esc.roster.members[esc.step]

    def _notify(self, esc: Escalation) -> None:
        if not esc.roster.on_call(dt.datetime.fromtimestamp(self._clock())):
            log.info("roster %s is not on call now; %s not notified", esc.roster.id,
                     esc.alarm_id)
            return
        member = self._member(esc)
        step = f" (escalation {esc.step})" if esc.step else ""
        subject = f"[P{esc.priority}] {self.site_name}: {esc.message}{step}"
        when = dt.datetime.fromtimestamp(esc.activated).strftime("%Y-%m-%d %H:%M:%S")
        body = (f"{esc.message}\nAlarm {esc.alarm_id}, priority {esc.priority}, "
                f"active since {when}, raised at terminal {self.terminal_id}.\n"
                f"Roster {esc.roster.id}: you are on call ({member.name}).")
        extra: dict[str, Any] = {"alarm": esc.alarm_id, "priority": esc.priority,
                                 "step": esc.step, "member": member.name}
        if self.ack_base_url:
            extra["ack_url"] = (f"{self.ack_base_url}/ack/{esc.alarm_id}/"
                                f"{esc.activated:.3f}/{self.token(esc.alarm_id, esc.activated)}"
                                f"?by={member.name}")
        for channel in esc.rule.via:
            recipient = {"email": member.email, "ntfy": member.ntfy,
                         "webhook": member.name if member.webhook else ""}[channel]
            if not recipient:
                continue
            self.queue.enqueue(Notification(f"{esc.key}#{esc.step}:{channel}", channel,
                                            recipient, subject, body, extra))

    # --- acknowledgement from a phone ------------------------------------------------------

    def token(self, alarm_id: str, activated: float) -> str:
        msg = f"{alarm_id}|{activated:.3f}".encode()
        return hmac.new(self._key, msg, hashlib.sha256).hexdigest()[:32]

    def check_ack(self, alarm_id: str, activated: str, token: str) -> bool:
        try:
            ts = float(activated)
        except ValueError:
            return False
        return hmac.compare_digest(self.token(alarm_id, ts), token)


def _acked_since(status: AlarmStatus | None, esc: Escalation) -> bool:
    """The engine knows an acknowledgement made after `esc` began (e.g. on another
    terminal while this one was down, from the shared state)."""
    ack = status.last_ack if status is not None else None
    return ack is not None and ack.ts >= esc.activated


def _log_failure(fut: Future[Any]) -> None:
    e = fut.exception()
    if e is not None:
        log.warning("notification escalation not saved in the store: %s", e)
