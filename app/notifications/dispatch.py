"""Which alarm goes to whom, and escalation when nobody acknowledges.

The dispatcher listens to the alarm engine. An alarm that becomes active and matches a
rule starts an escalation: the roster's first member on call is notified at once over
the rule's channels; while the alarm stays unacknowledged, the next member is notified
every `escalate_after_min`; an acknowledgement (on any terminal, or from the phone),
shelving or taking it out of service ends it. Acknowledging from a phone uses a signed
link (HMAC of the alarm and its activation), so a link cannot acknowledge another alarm.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.alarms.model import AlarmEvent, EventKind
from app.notifications.config import Member, NotificationsConfig, Roster, Rule
from app.notifications.delivery import Notification, Queue

log = logging.getLogger(__name__)

ENDS = {EventKind.ACKNOWLEDGED, EventKind.SHELVED, EventKind.OUT_OF_SERVICE,
        EventKind.SUPPRESSED}


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
                 ack_base_url: str | None = None, ack_key: bytes | None = None) -> None:
        self.config, self.queue = config, queue
        self.terminal_id, self.site_name = terminal_id, site_name
        self._clock = clock
        self.ack_base_url = ack_base_url
        self._key = ack_key or secrets.token_bytes(32)
        self._lock = threading.Lock()
        self.open: dict[str, Escalation] = {}  # alarm id -> its escalation

    # --- alarm engine listener -------------------------------------------------------------

    def on_events(self, events: list[AlarmEvent]) -> None:
        for ev in events:
            if ev.origin != "local" and ev.kind is EventKind.ACTIVATED:
                continue  # every terminal sees the activation itself; remote acks count
            if ev.kind is EventKind.ACTIVATED:
                self._start(ev)
            elif ev.kind in ENDS or (ev.kind is EventKind.CLEARED and ev.status is not None
                                     and ev.status.state.value == "normal"):
                with self._lock:
                    esc = self.open.pop(ev.alarm_id, None)
                if esc is not None:
                    log.info("notification escalation for %s ended (%s by %s)",
                             ev.alarm_id, ev.kind, ev.actor or "the process")

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
                return

    def tick(self) -> None:
        """Escalate what is due (call every few seconds)."""
        now = self._clock()
        due = []
        with self._lock:
            for esc in list(self.open.values()):
                if now >= esc.next_at:
                    esc.step += 1
                    esc.next_at = now + esc.rule.escalate_after_min * 60
                    if esc.step >= len(esc.roster.members):
                        del self.open[esc.alarm_id]
                        log.warning("notification escalation for %s: nobody in roster %s "
                                    "acknowledged", esc.alarm_id, esc.roster.id)
                        continue
                    due.append(esc)
        for esc in due:
            self._notify(esc)

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
