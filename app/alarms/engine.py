"""The alarm engine: evaluates conditions from the change stream and runs the ISA-18.2
life cycle (activation, acknowledgement, return to normal, shelving, suppression by
design, out of service), with deadband, on/off delays, chattering, flood and first-out.

Threading: `on_samples` runs on the runtime thread, actions come from the GUI thread,
`tick` from a timer; one lock guards the state. Observers are called outside the lock,
in order, with batches of `AlarmEvent`; they must not block (journal and sharing hand
off to the store and the outbox; views only take a snapshot on their own timer).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.alarms.model import (
    ActionRecord,
    AlarmDefinition,
    AlarmEvent,
    AlarmKind,
    AlarmState,
    AlarmStatus,
    AlarmSummary,
    EventKind,
    SuppressRule,
)
from app.alarms.settings import AlarmSettings
from app.auth.permissions import Action, Role, allowed, require
from app.model import Quality, Sample, Value
from app.observers import Observers

log = logging.getLogger(__name__)

Observer = Callable[[list[AlarmEvent]], None]
SYSTEM = "system"  # actor of timer-driven transitions (shelve expiry)
_HISTORY = 50  # recent events kept in memory per alarm (the journal keeps all)
_SEEN_IDS = 10_000  # remote action ids remembered for idempotence

_ACTION_PERMISSION = {
    "ack": Action.ALARM_ACK,
    "shelve": Action.ALARM_SHELVE,
    "unshelve": Action.ALARM_SHELVE,
    "out_of_service": Action.ALARM_OUT_OF_SERVICE,
    "in_service": Action.ALARM_OUT_OF_SERVICE,
}
_ANNUNCIATED = (AlarmState.UNACK, AlarmState.ACKED, AlarmState.RTN_UNACK)


class _Alarm:
    """Mutable runtime state of one alarm; only touched under the engine lock."""

    def __init__(self, d: AlarmDefinition) -> None:
        self.d = d
        self.raw = False  # condition with deadband, before delays
        self.active = False  # condition after delays
        self.pending_since: float | None = None  # raw != active since
        self.process = AlarmState.NORMAL
        self.since: float | None = None
        self.activated_at: float | None = None  # start of the current annunciation
        self.changed_at: float | None = None
        self.value: Value = None
        self.quality = Quality.GOOD
        self.message = d.message
        self.first_out = False
        self.chattering = False
        self.activations: deque[float] = deque()
        self.shelved: ActionRecord | None = None
        self.oos: ActionRecord | None = None
        self.suppressed = False
        self.last_ack: ActionRecord | None = None
        self.last_shelve: ActionRecord | None = None  # latest shelve/unshelve (latest wins)
        self.last_service: ActionRecord | None = None
        self.prev_sample: tuple[float, float] | None = None  # rate of change
        self.rules: tuple[SuppressRule, ...] = ()
        self.history: deque[AlarmEvent] = deque(maxlen=_HISTORY)

    @property
    def inhibited(self) -> bool:
        return self.oos is not None or self.shelved is not None or self.suppressed

    @property
    def display(self) -> AlarmState:
        if self.oos is not None:
            return AlarmState.OUT_OF_SERVICE
        if self.shelved is not None:
            return AlarmState.SHELVED
        if self.suppressed:
            return AlarmState.SUPPRESSED
        return self.process

    def status(self) -> AlarmStatus:
        return AlarmStatus(
            definition=self.d, state=self.display, process_state=self.process,
            active=self.active, value=self.value, since=self.since,
            changed_at=self.changed_at, first_out=self.first_out,
            chattering=self.chattering, shelved=self.shelved, out_of_service=self.oos,
            suppressed=self.suppressed, last_ack=self.last_ack, message=self.message,
            last_shelve=self.last_shelve, last_service=self.last_service)


@dataclass(frozen=True)
class _Routes:
    """What one tag feeds: alarms on it, deviation setpoints, suppression rules."""

    alarms: tuple[_Alarm, ...] = ()
    setpoint_of: tuple[_Alarm, ...] = ()
    rule_of: tuple[_Alarm, ...] = ()


class AlarmEngine:
    def __init__(self, definitions: Iterable[AlarmDefinition] = (), *,
                 settings: AlarmSettings | None = None,
                 clock: Callable[[], float] = time.time,
                 terminal_id: str = "local", runtime: Any = None) -> None:
        self.settings = settings or AlarmSettings()
        self._runtime = runtime  # app.runtime.Runtime: change stream and timers, on start
        self._removers: list[Callable[[], None]] = []
        self.terminal_id = terminal_id
        self._clock = clock
        self._lock = threading.RLock()
        self._alarms: dict[str, _Alarm] = {}
        self._routes: dict[str, _Routes] = {}
        self._values: dict[str, Value] = {}  # latest values of setpoint and rule tags
        self._timed: set[_Alarm] = set()  # pending on/off delay
        self._shelved: set[_Alarm] = set()
        self._chattering: set[_Alarm] = set()
        self._new_alarms: deque[float] = deque()  # annunciations, for flood detection
        self._flood = False
        self._cascade_last: dict[str, float] = {}  # area -> last activation (first-out)
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._observers: Observers = Observers("alarm engine")
        self._pending: list[AlarmEvent] = []
        self._deliver_lock = threading.Lock()
        self.version = 0  # bumped on every event; views poll it on a timer
        for d in definitions:
            self.define(d)

    # --- service -------------------------------------------------------------------------

    def start(self) -> None:
        """Follow the runtime's change stream; run the timers (delays, shelve expiry,
        chatter and flood windows) every second. Without a runtime: fed by hand."""
        if self._runtime is not None and not self._removers:
            self._removers = [self._runtime.subscribe(self.on_samples),
                              self._runtime.every(1.0, self.tick, "alarm timers")]

    def stop(self) -> None:
        while self._removers:
            self._removers.pop()()

    # --- definitions ---------------------------------------------------------------------

    def define(self, definition: AlarmDefinition) -> None:
        """Add an alarm, or replace the definition of one (its state is kept)."""
        with self._lock:
            a = self._alarms.get(definition.id)
            if a is None:
                a = self._alarms[definition.id] = _Alarm(definition)
            else:
                a.d = definition
                if not a.active:
                    a.message = definition.message
            rules = [definition.suppress_when] if definition.suppress_when else []
            station_rule = self.settings.station_suppression.get(definition.station or "")
            if station_rule is not None:
                rules.append(station_rule)
            a.rules = tuple(rules)
            self._reindex()
            events: list[AlarmEvent] = []
            self._evaluate_suppression(a, self._clock(), events)
            self._queue(events)
        self._flush()

    def _reindex(self) -> None:
        alarms: dict[str, list[_Alarm]] = {}
        setpoints: dict[str, list[_Alarm]] = {}
        rules: dict[str, list[_Alarm]] = {}
        for a in self._alarms.values():
            if a.d.tag:
                alarms.setdefault(a.d.tag, []).append(a)
            if a.d.setpoint_tag:
                setpoints.setdefault(a.d.setpoint_tag, []).append(a)
            for r in a.rules:
                rules.setdefault(r.tag, []).append(a)
        tags = set(alarms) | set(setpoints) | set(rules)
        # Replaced whole, so `on_samples` can filter without the lock.
        self._routes = {t: _Routes(tuple(alarms.get(t, ())), tuple(setpoints.get(t, ())),
                                   tuple(rules.get(t, ()))) for t in tags}

    def definitions(self) -> list[AlarmDefinition]:
        with self._lock:
            return [a.d for a in self._alarms.values()]

    # --- inputs ----------------------------------------------------------------------------

    def on_samples(self, samples: list[Sample]) -> None:
        """Runtime change-stream listener (runtime thread); cheap for unrelated tags."""
        routes = self._routes
        relevant = [s for s in samples if s.tag in routes]
        if not relevant:
            return
        events: list[AlarmEvent] = []
        with self._lock:
            now = self._clock()
            routes = self._routes
            for s in relevant:
                r = routes.get(s.tag)
                if r is None:
                    continue
                if r.rule_of or r.setpoint_of:
                    self._values[s.tag] = s.value
                for a in r.rule_of:
                    self._evaluate_suppression(a, now, events)
                for a in r.setpoint_of:
                    self._evaluate(a, a.value, a.quality, None, now, events)
                for a in r.alarms:
                    self._evaluate(a, s.value, s.quality, s.ts, now, events)
            self._queue(events)
        self._flush()

    def set_condition(self, alarm_id: str, active: bool, value: Value = None,
                      message: str | None = None) -> None:
        """Feed an externally evaluated condition (hazard zones, health, ...)."""
        events: list[AlarmEvent] = []
        with self._lock:
            a = self._alarms[alarm_id]
            a.value = value
            if message is not None:
                a.message = message
            self._apply_raw(a, bool(active), self._clock(), events)
            self._queue(events)
        self._flush()

    def tick(self, now: float | None = None) -> None:
        """Run timers: on/off delays, shelve expiry, chattering and flood windows."""
        events: list[AlarmEvent] = []
        with self._lock:
            now = self._clock() if now is None else now
            for a in list(self._timed):
                self._apply_raw(a, a.raw, now, events)
            for a in list(self._shelved):
                if a.shelved is not None and a.shelved.until is not None \
                        and a.shelved.until <= now:
                    self._unshelve(a, None, now, events, EventKind.SHELVE_EXPIRED, SYSTEM)
            for a in list(self._chattering):
                _prune(a.activations, now - self.settings.chatter_window_s)
                if not a.activations:
                    a.chattering = False
                    self._chattering.discard(a)
                    self._event(a, EventKind.CHATTERING_END, now, a.display, events)
            self._check_flood(now, events)
            self._queue(events)
        self._flush()

    # --- condition evaluation ---------------------------------------------------------------

    def _evaluate(self, a: _Alarm, value: Value, quality: Quality, ts: float | None,
                  now: float, events: list[AlarmEvent]) -> None:
        a.value, a.quality = value, quality
        raw = self._raw(a, value, quality, ts)
        if raw is not None:
            self._apply_raw(a, raw, now, events)

    def _raw(self, a: _Alarm, value: Value, quality: Quality, ts: float | None) -> bool | None:
        """The condition with deadband; None when it cannot be judged (keep the old one)."""
        d = a.d
        if d.kind is AlarmKind.BAD_QUALITY:
            return quality is Quality.BAD
        if quality is Quality.BAD:
            return None  # a BAD value neither raises nor clears a process alarm
        if d.kind is AlarmKind.DISCRETE:
            return value == d.equals if d.equals is not None else value != d.not_equals
        if d.kind is AlarmKind.EXTERNAL:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            log.warning("alarm %s: value %r of %s is not a number", d.id, value, d.tag)
            return None
        x = float(value)
        limit, db = float(d.limit or 0.0), d.deadband
        match d.kind:
            case AlarmKind.HIGH | AlarmKind.HIGH_HIGH:
                return x > limit - db if a.raw else x > limit
            case AlarmKind.LOW | AlarmKind.LOW_LOW:
                return x < limit + db if a.raw else x < limit
            case AlarmKind.DEVIATION:
                sp = d.setpoint if d.setpoint_tag is None else self._values.get(d.setpoint_tag)
                if isinstance(sp, bool) or not isinstance(sp, int | float):
                    return None
                dev = abs(x - float(sp))
                return dev > limit - db if a.raw else dev > limit
            case AlarmKind.RATE_OF_CHANGE:
                if ts is None:
                    return None
                prev, a.prev_sample = a.prev_sample, (ts, x)
                if prev is None or ts <= prev[0]:
                    return None
                rate = abs(x - prev[1]) / (ts - prev[0])
                return rate > limit - db if a.raw else rate > limit
        return None

    def _apply_raw(self, a: _Alarm, raw: bool, now: float, events: list[AlarmEvent]) -> None:
        """On/off delays: the condition follows `raw` once it held for the delay."""
        a.raw = raw
        if raw == a.active:
            a.pending_since = None
            self._timed.discard(a)
            return
        if a.pending_since is None:
            a.pending_since = now
        delay = a.d.on_delay_s if raw else a.d.off_delay_s
        if now - a.pending_since >= delay:
            a.pending_since = None
            self._timed.discard(a)
            self._set_active(a, raw, now, events)
        else:
            self._timed.add(a)

    def _set_active(self, a: _Alarm, active: bool, now: float,
                    events: list[AlarmEvent]) -> None:
        a.active = active
        if a.inhibited:
            return  # tracked, not annunciated; re-annunciated when the inhibit ends
        prev = a.display
        if active:
            was_rtn = a.process is AlarmState.RTN_UNACK
            self._annunciate(a, now)
            self._event(a, EventKind.ACTIVATED, now, prev, events)
            self._count_activation(a, now, events)
            if not was_rtn:
                self._ack_taken_elsewhere_first(a, now, events)
        else:
            a.process = AlarmState.RTN_UNACK if a.process is AlarmState.UNACK \
                else AlarmState.NORMAL
            a.since = now
            if a.process is AlarmState.NORMAL:
                a.first_out = False
            self._event(a, EventKind.CLEARED, now, prev, events)

    def _annunciate(self, a: _Alarm, now: float) -> None:
        was_rtn = a.process is AlarmState.RTN_UNACK
        a.process = AlarmState.UNACK
        a.since = now
        if not was_rtn:
            a.activated_at = now
        self._new_alarms.append(now)
        area = a.d.area
        last = self._cascade_last.get(area)
        if not was_rtn:
            a.first_out = last is None or now - last > self.settings.first_out_window_s
        self._cascade_last[area] = now

    def _ack_taken_elsewhere_first(self, a: _Alarm, now: float,
                                   events: list[AlarmEvent]) -> None:
        """Another terminal saw this activation a moment earlier and its operator
        acknowledged it before this terminal's own reading crossed the limit: that ack
        (within `ack_tolerance_s`) covers this activation too, as a late one would."""
        rec = a.last_ack
        if rec is not None and rec.terminal != self.terminal_id and rec.ts <= now:
            self._do_ack(a, rec, now, "remote", events)  # its rule: within the tolerance

    def _count_activation(self, a: _Alarm, now: float, events: list[AlarmEvent]) -> None:
        s = self.settings
        a.activations.append(now)
        _prune(a.activations, now - s.chatter_window_s)
        if not a.chattering and len(a.activations) > s.chatter_count:
            a.chattering = True
            self._chattering.add(a)
            self._event(a, EventKind.CHATTERING, now, a.display, events)
        self._check_flood(now, events)

    def _check_flood(self, now: float, events: list[AlarmEvent]) -> None:
        s = self.settings
        _prune(self._new_alarms, now - s.flood_window_s)
        n = len(self._new_alarms)
        if not self._flood and n > s.flood_count:
            self._flood = True
            events.append(AlarmEvent(now, "", EventKind.FLOOD_BEGIN, None, None, None,
                                     value=n, terminal=self.terminal_id,
                                     message=f"{n} alarms within {s.flood_window_s:g} s"))
        elif self._flood and n < s.flood_end_count:
            self._flood = False
            events.append(AlarmEvent(now, "", EventKind.FLOOD_END, None, None, None,
                                     value=n, terminal=self.terminal_id))

    # --- suppression by design, shelving, out of service ----------------------------------

    def _evaluate_suppression(self, a: _Alarm, now: float, events: list[AlarmEvent]) -> None:
        flag = any(r.holds(self._values.get(r.tag)) for r in a.rules)
        if flag == a.suppressed:
            return
        prev = a.display
        a.suppressed = flag
        if flag:
            self._inhibit(a)
            self._event(a, EventKind.SUPPRESSED, now, prev, events)
        else:
            self._release(a, now)
            self._event(a, EventKind.UNSUPPRESSED, now, prev, events)

    def _inhibit(self, a: _Alarm) -> None:
        a.process = AlarmState.NORMAL
        a.first_out = False
        a.pending_since = None
        self._timed.discard(a)

    def _release(self, a: _Alarm, now: float) -> None:
        """An inhibit ended: an alarm whose condition holds annunciates again."""
        if a.inhibited:
            return
        if a.active:
            self._annunciate(a, now)
        # The raw condition may have changed meanwhile; let the delays catch up.
        if a.raw != a.active:
            a.pending_since = now
            self._timed.add(a)

    def _unshelve(self, a: _Alarm, rec: ActionRecord | None, now: float,
                  events: list[AlarmEvent], kind: EventKind, actor: str,
                  origin: str = "local") -> None:
        prev = a.display
        a.shelved = None
        self._shelved.discard(a)
        self._release(a, now)
        self._event(a, kind, now, prev, events, actor=actor, action=rec, origin=origin)

    # --- operator actions --------------------------------------------------------------------

    def _record(self, action: str, actor: str, role: Role, reason: str = "",
                until: float | None = None) -> ActionRecord:
        return ActionRecord(uuid.uuid4().hex, self._clock(), actor, str(role),
                            self.terminal_id, action, reason, until)

    def acknowledge(self, alarm_id: str, *, actor: str, role: Role, comment: str = "") -> bool:
        """Acknowledge one alarm; False when it had nothing to acknowledge."""
        require(role, Action.ALARM_ACK)
        return self._apply(alarm_id, self._record("ack", actor, role, comment), "local")

    def acknowledge_all(self, alarm_ids: Iterable[str], *, actor: str, role: Role) -> int:
        """Acknowledge several alarms (e.g. all visible); returns how many changed."""
        require(role, Action.ALARM_ACK)
        return sum(self._apply(i, self._record("ack", actor, role), "local") for i in alarm_ids)

    def shelve(self, alarm_id: str, *, actor: str, role: Role, reason: str,
               duration_s: float) -> bool:
        """Shelve for `duration_s` seconds with a reason; it unshelves itself at expiry."""
        require(role, Action.ALARM_SHELVE)
        if not reason.strip():
            raise ValueError("shelving needs a reason")
        if not 0 < duration_s <= self.settings.max_shelve_s:
            raise ValueError(f"shelve duration must be between 0 and "
                             f"{self.settings.max_shelve_s:g} s; got {duration_s:g}")
        rec = self._record("shelve", actor, role, reason, self._clock() + duration_s)
        return self._apply(alarm_id, rec, "local")

    def unshelve(self, alarm_id: str, *, actor: str, role: Role) -> bool:
        require(role, Action.ALARM_SHELVE)
        return self._apply(alarm_id, self._record("unshelve", actor, role), "local")

    def remove_from_service(self, alarm_id: str, *, actor: str, role: Role,
                            reason: str) -> bool:
        require(role, Action.ALARM_OUT_OF_SERVICE)
        if not reason.strip():
            raise ValueError("taking an alarm out of service needs a reason")
        return self._apply(alarm_id, self._record("out_of_service", actor, role, reason),
                           "local")

    def return_to_service(self, alarm_id: str, *, actor: str, role: Role) -> bool:
        require(role, Action.ALARM_OUT_OF_SERVICE)
        return self._apply(alarm_id, self._record("in_service", actor, role), "local")

    def apply_remote(self, alarm_id: str, rec: ActionRecord) -> bool:
        """Apply an action taken on another terminal: idempotent by id, latest wins."""
        permission = _ACTION_PERMISSION.get(rec.action)
        if permission is None:
            log.warning("alarm %s: unknown remote action %r from %s", alarm_id, rec.action,
                        rec.terminal)
            return False
        try:
            role: Role | None = Role(rec.role)
        except ValueError:
            role = None
        if not allowed(role, permission):
            log.warning("alarm %s: ignored %s by %s (role %r) from terminal %s: not permitted",
                        alarm_id, rec.action, rec.actor, rec.role, rec.terminal)
            return False
        with self._lock:
            if rec.id in self._seen:
                return False
            if alarm_id not in self._alarms:
                log.debug("remote action on alarm %s not defined here", alarm_id)
                return False
        return self._apply(alarm_id, rec, "remote")

    def _apply(self, alarm_id: str, rec: ActionRecord, origin: str) -> bool:
        events: list[AlarmEvent] = []
        with self._lock:
            a = self._alarms.get(alarm_id)
            if a is None:
                raise KeyError(f"no alarm {alarm_id!r}")
            if rec.id in self._seen:
                return False
            self._seen[rec.id] = None
            if len(self._seen) > _SEEN_IDS:
                self._seen.popitem(last=False)
            now = self._clock()
            changed = {
                "ack": self._do_ack,
                "shelve": self._do_shelve,
                "unshelve": self._do_shelve,
                "out_of_service": self._do_service,
                "in_service": self._do_service,
            }[rec.action](a, rec, now, origin, events)
            self._queue(events)
        self._flush()
        return changed

    def _do_ack(self, a: _Alarm, rec: ActionRecord, now: float, origin: str,
                events: list[AlarmEvent]) -> bool:
        if a.last_ack is None or rec.ts >= a.last_ack.ts:
            a.last_ack = rec
        if a.display not in (AlarmState.UNACK, AlarmState.RTN_UNACK):
            return False
        if origin == "remote" and a.activated_at is not None \
                and rec.ts + self.settings.ack_tolerance_s < a.activated_at:
            return False  # that ack was for an earlier activation
        prev = a.display
        a.process = AlarmState.ACKED if a.process is AlarmState.UNACK else AlarmState.NORMAL
        if a.process is AlarmState.NORMAL:
            a.first_out = False
            a.since = now
        self._event(a, EventKind.ACKNOWLEDGED, now, prev, events, actor=rec.actor,
                    action=rec, origin=origin, terminal=rec.terminal)
        return True

    def _do_shelve(self, a: _Alarm, rec: ActionRecord, now: float, origin: str,
                   events: list[AlarmEvent]) -> bool:
        if a.last_shelve is not None and rec.ts < a.last_shelve.ts:
            return False  # a later shelve/unshelve already decided
        a.last_shelve = rec
        if rec.action == "unshelve":
            if a.shelved is None:
                return False
            self._unshelve(a, rec, now, events, EventKind.UNSHELVED, rec.actor, origin)
            return True
        if rec.until is None or rec.until <= now:
            return False  # expired before it reached us
        prev = a.display
        a.shelved = rec
        self._shelved.add(a)
        self._inhibit(a)
        self._event(a, EventKind.SHELVED, now, prev, events, actor=rec.actor, action=rec,
                    origin=origin, terminal=rec.terminal)
        return True

    def _do_service(self, a: _Alarm, rec: ActionRecord, now: float, origin: str,
                    events: list[AlarmEvent]) -> bool:
        if a.last_service is not None and rec.ts < a.last_service.ts:
            return False
        a.last_service = rec
        prev = a.display
        if rec.action == "out_of_service":
            if a.oos is not None:
                return False
            a.oos = rec
            self._inhibit(a)
            kind = EventKind.OUT_OF_SERVICE
        else:
            if a.oos is None:
                return False
            a.oos = None
            self._release(a, now)
            kind = EventKind.IN_SERVICE
        self._event(a, kind, now, prev, events, actor=rec.actor, action=rec, origin=origin,
                    terminal=rec.terminal)
        return True

    # --- snapshots -------------------------------------------------------------------------

    def get(self, alarm_id: str) -> AlarmStatus:
        with self._lock:
            return self._alarms[alarm_id].status()

    def statuses(self) -> list[AlarmStatus]:
        """Every defined alarm, sorted by priority then newest first."""
        with self._lock:
            return _sorted(a.status() for a in self._alarms.values())

    def active(self) -> list[AlarmStatus]:
        """Annunciated alarms (unacked, acked, returned unacked): priority, newest first."""
        with self._lock:
            return _sorted(a.status() for a in self._alarms.values()
                           if a.display in _ANNUNCIATED)

    def history(self, alarm_id: str) -> list[AlarmEvent]:
        """Recent events of one alarm, oldest first (the journal holds them all)."""
        with self._lock:
            return list(self._alarms[alarm_id].history)

    @property
    def flood(self) -> bool:
        return self._flood

    def summary(self) -> AlarmSummary:
        by_priority: dict[int, int] = {1: 0, 2: 0, 3: 0, 4: 0}
        unacked_by: dict[int, int] = {1: 0, 2: 0, 3: 0, 4: 0}
        counts = {AlarmState.SHELVED: 0, AlarmState.SUPPRESSED: 0,
                  AlarmState.OUT_OF_SERVICE: 0}
        with self._lock:
            for a in self._alarms.values():
                st, p = a.display, int(a.d.priority)
                if st in _ANNUNCIATED:
                    by_priority[p] += 1
                if st in (AlarmState.UNACK, AlarmState.RTN_UNACK):
                    unacked_by[p] += 1
                if st in counts:
                    counts[st] += 1
            flood = self._flood
        return AlarmSummary(by_priority, sum(unacked_by.values()), unacked_by,
                            counts[AlarmState.SHELVED], counts[AlarmState.SUPPRESSED],
                            counts[AlarmState.OUT_OF_SERVICE], flood)

    # --- observers -------------------------------------------------------------------------

    def subscribe(self, observer: Observer) -> Callable[[], None]:
        """Call `observer(events)` after each change (on the thread that caused it)."""
        return self._observers.add(observer)

    def _event(self, a: _Alarm, kind: EventKind, now: float, prev: AlarmState,
               events: list[AlarmEvent], *, actor: str = "", action: ActionRecord | None = None,
               origin: str = "local", terminal: str | None = None) -> None:
        a.changed_at = now
        st = a.status()
        ev = AlarmEvent(now, a.d.id, kind, st.state, prev, int(a.d.priority), a.value,
                        actor, terminal or self.terminal_id, a.message, origin, action, st)
        a.history.append(ev)
        events.append(ev)

    def _queue(self, events: list[AlarmEvent]) -> None:
        if events:
            self._pending.extend(events)
            self.version += 1

    def _flush(self) -> None:
        """Deliver queued events in order, one deliverer at a time, outside the lock."""
        while True:
            if not self._deliver_lock.acquire(blocking=False):
                return  # the thread delivering now will pick ours up
            try:
                while True:
                    with self._lock:
                        batch, self._pending = self._pending, []
                    if not batch:
                        break
                    self._observers.notify(batch)
            finally:
                self._deliver_lock.release()
            with self._lock:
                if not self._pending:
                    return


def _prune(times: deque[float], before: float) -> None:
    while times and times[0] <= before:
        times.popleft()


def _sorted(items: Iterable[AlarmStatus]) -> list[AlarmStatus]:
    return sorted(items, key=lambda s: (int(s.priority), -(s.since or 0.0), s.id))
