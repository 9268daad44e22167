"""The health monitor: wearable vitals in (consent checked at ingest), rules evaluated,
health alarms raised through the alarm engine, vitals stored and purged, and the one
visibility rule every view applies.

Privacy decisions:
- A pseudonym without recorded consent is dropped at ingest: no reading of it is kept
  in memory, stored, evaluated or shown (positions still serve the danger zones, which
  are a safety function, not health monitoring).
- Health alarms are "health.<pseudonym>" in area "health" (`PERSONAL_AREA`): their
  message is "Health alert — worker W-3F7A" and they carry no value, so a general alarm
  list shows that a worker needs attention and nothing about their body. They are
  never published on the hazards topic. The reasons and readings stay in this module,
  behind `visible_vitals`.
- Visibility: a worker sees their own vitals; the safety role (Action.VITALS_VIEW_ALL)
  sees every consented worker's state (ok / warning / alarm, with the reason words) by
  pseudonym, without values; nobody else sees anything. A view by the safety role is
  audited (at most once an hour per user).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.auth.permissions import Action, Role, allowed
from app.health import retention
from app.health.config import HealthConfig
from app.health.rules import Assessment, Level, Reading, assess
from app.model import Quality, Sample
from app.observers import Observers
from app.safety.wearables import BadReading, parse_reading

log = logging.getLogger(__name__)

PERSONAL_AREA = "health"
PURGE_EVERY_S = 60.0
VIEW_AUDIT_EVERY_S = 3600.0


def alarm_id(pseudo: str) -> str:
    return f"health.{pseudo}"


def is_personal(definition: Any) -> bool:
    """Whether an alarm definition is a personal health alarm (show no values)."""
    return getattr(definition, "area", "") == PERSONAL_AREA


@dataclass(frozen=True)
class WorkerHealth:
    """What a viewer may see of one worker."""

    pseudo: str
    level: Level
    reasons: tuple[str, ...]
    readings: dict[str, Reading] | None  # None: the viewer may see the state only
    own: bool = False  # the viewer's own vitals


@dataclass
class _Worker:
    readings: dict[str, Reading]
    hr_high_since: float | None = None
    last_seen: float | None = None
    assessment: Assessment = field(default_factory=lambda: Assessment(Level.OK))


class HealthMonitor:
    def __init__(self, runtime: Any, config: HealthConfig, alarms: Any, *,
                 store: Any = None, clock: Callable[[], float] = time.time) -> None:
        self.runtime = runtime
        self.config = config
        self.alarms = alarms
        self.store = store if store is not None else getattr(runtime, "store", None)
        self._clock = clock
        self._lock = threading.RLock()
        self._workers: dict[str, _Worker] = {}
        self._pending: list[tuple[str, str, float, float]] = []
        self._hall: float | None = None
        self._dropped: set[str] = set()
        self._last_purge = 0.0
        self._view_audits: dict[str, float] = {}
        self._observers: Observers = Observers("health")
        self._unsubscribe: Callable[[], None] | None = None
        self._unsubscribe_topic: Callable[[], None] | None = None
        self._ticker: Any = None
        self._define_alarms()

    def _define_alarms(self) -> None:
        from app.alarms.model import AlarmDefinition, AlarmKind, Priority

        for pseudo in sorted(self.config.consent):
            self.alarms.define(AlarmDefinition(
                id=alarm_id(pseudo), kind=AlarmKind.EXTERNAL,
                priority=Priority(self.config.priority),
                message=f"Health alert — worker {pseudo}", area=PERSONAL_AREA))

    # --- wiring ---------------------------------------------------------------------------

    def start(self) -> None:
        hall = self.config.heat_temperature_tag
        if hall and hall in self.runtime.latest:
            self.on_samples([self.runtime.latest[hall]])
        self._unsubscribe = self.runtime.subscribe(self.on_samples)
        try:
            self._unsubscribe_topic = self.runtime.subscribe_topic(
                self.config.topic.mqtt_filter, self.on_message)
        except Exception as e:
            log.warning("health: cannot subscribe to %s: %s", self.config.topic.mqtt_filter, e)
        self._ticker = self.runtime.every(1.0, self.tick, "health")

    def stop(self) -> None:
        for undo in (self._unsubscribe, self._unsubscribe_topic, self._ticker):
            if undo is not None:
                undo()
        self._unsubscribe = self._unsubscribe_topic = self._ticker = None
        self.flush()

    def add_observer(self, fn: Callable[[], None]) -> Callable[[], None]:
        """`fn()` after a worker's state changes (views then ask `visible_vitals`)."""
        return self._observers.add(fn)

    # --- ingest -----------------------------------------------------------------------------

    def on_samples(self, batch: list[Sample]) -> None:
        """Change-stream listener: hall temperature, and vitals if the site made them tags."""
        for s in batch:
            if s.tag == self.config.heat_temperature_tag:
                self._hall = (float(s.value) if s.quality is Quality.GOOD
                              and isinstance(s.value, int | float) else None)
                continue
            m = self.config.topic.match(s.tag)
            if m and s.quality is Quality.GOOD and isinstance(s.value, int | float) \
                    and not isinstance(s.value, bool):
                self.ingest(m[0], m[1], float(s.value), s.ts)

    def on_message(self, topic: str, payload: bytes) -> None:
        """Raw MQTT handler for the wearables topic."""
        m = self.config.topic.match(topic)
        if m is None or m[1] not in self.config.vital_signals:
            return
        if m[0] not in self.config.consent:  # drop before even parsing
            self._note_dropped(m[0])
            return
        try:
            value, ts = parse_reading(payload, self._clock())
        except BadReading as e:
            log.warning("health: ignored %s: %s", topic, e)
            return
        self.ingest(m[0], m[1], value, ts)

    def _note_dropped(self, pseudo: str) -> None:
        if pseudo not in self._dropped:
            self._dropped.add(pseudo)
            log.info("health: no recorded consent for %s; its vitals are dropped", pseudo)

    def ingest(self, pseudo: str, signal: str, value: float, ts: float) -> None:
        """One reading. Dropped unless the worker consented and it is a vital signal."""
        if signal not in self.config.vital_signals:
            return
        if pseudo not in self.config.consent:
            self._note_dropped(pseudo)
            return
        now = self._clock()
        with self._lock:
            w = self._workers.setdefault(pseudo, _Worker({}))
            w.readings[signal] = Reading(value, ts)
            w.last_seen = now
            if signal == self.config.heart_rate_signal:
                if value >= self.config.heart_rate_high:
                    if w.hr_high_since is None:
                        w.hr_high_since = ts
                else:
                    w.hr_high_since = None
            self._pending.append((pseudo, signal, ts, value))
        self._evaluate(pseudo, max(now, ts))

    # --- evaluation -------------------------------------------------------------------------

    def _evaluate(self, pseudo: str, now: float) -> None:
        with self._lock:
            w = self._workers.get(pseudo)
            if w is None:
                return
            a = assess(self.config, w.readings, now=now, hr_high_since=w.hr_high_since,
                       last_seen=w.last_seen, hall_temperature=self._hall)
            prev, w.assessment = w.assessment, a
        if a == prev:
            return
        if (a.level is Level.ALARM) != (prev.level is Level.ALARM):
            try:
                self.alarms.set_condition(alarm_id(pseudo), a.level is Level.ALARM)
            except Exception:
                log.exception("health: alarm of %s failed", pseudo)
        if a.level != prev.level and self.store is not None:
            reasons = "; ".join(a.reasons)
            ts = now
            self.store.submit(lambda c: retention.insert_alert(
                c, ts, pseudo, a.level.word, reasons)).add_done_callback(_log_failure)
        self._observers.notify()

    def tick(self, now: float | None = None) -> None:
        """Once a second: store readings, re-evaluate (sustain, silence), purge if due."""
        now = self._clock() if now is None else now
        self.flush()
        with self._lock:
            workers = list(self._workers)
        for pseudo in workers:
            self._evaluate(pseudo, now)
        if now - self._last_purge >= PURGE_EVERY_S:
            self._last_purge = now
            self.purge(now)

    def flush(self) -> Any:
        """Hand the readings received so far to the store's writer; returns its future."""
        with self._lock:
            rows, self._pending = self._pending, []
        if not rows or self.store is None:
            return None
        fut = self.store.submit(lambda c: retention.insert_vitals(c, rows))
        fut.add_done_callback(_log_failure)
        return fut

    def purge(self, now: float | None = None) -> Any:
        """Delete stored vitals older than the retention time; the future holds the count."""
        now = self._clock() if now is None else now
        if self.store is None:
            return None
        before = now - self.config.retention_hours * 3600.0
        fut = self.store.submit(lambda c: retention.purge(c, before))
        fut.add_done_callback(_log_failure)
        return fut

    # --- visibility -------------------------------------------------------------------------

    def visible_vitals(self, viewer_user_id: str | None, viewer_role: Role | str | None,
                       viewer_pseudonym: str | None) -> list[WorkerHealth]:
        """What this viewer may see: own vitals; every state for the safety role; else []."""
        try:
            role = Role(viewer_role) if viewer_role else None
        except ValueError:
            role = None
        see_all = allowed(role, Action.VITALS_VIEW_ALL)
        out: list[WorkerHealth] = []
        with self._lock:
            for pseudo in sorted(self._workers):
                w = self._workers[pseudo]
                a = w.assessment
                if viewer_pseudonym is not None and pseudo == viewer_pseudonym:
                    out.append(WorkerHealth(pseudo, a.level, a.reasons, dict(w.readings), True))
                elif see_all:
                    out.append(WorkerHealth(pseudo, a.level, a.reasons, None))
        if see_all and viewer_user_id:
            self._audit_view(viewer_user_id, str(role))
        return out

    def _audit_view(self, user_id: str, role: str) -> None:
        now = self._clock()
        if now - self._view_audits.get(user_id, -1e18) < VIEW_AUDIT_EVERY_S:
            return
        self._view_audits[user_id] = now
        if self.store is not None:
            try:
                self.store.audit.record(user_id, "vitals.view_all", "health",
                                        f"role {role}").add_done_callback(_log_failure)
            except Exception:
                log.exception("health: audit of a vitals view failed")


def _log_failure(f: Any) -> None:
    if not f.cancelled() and f.exception() is not None:
        log.error("health: store write failed: %s", f.exception())
