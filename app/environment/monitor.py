"""The environment monitor: folds minute rollups, checks limits and anomalies, raises
their alarms and journals every early warning and exceedance.

It works on a thread of its own (a fold reads the historian and writes the store, which
must not hold up the runtime loop), woken every `TICK_S` and by late samples. Alarms go
through the alarm engine: `env.<id>.warning` (one priority below the exceedance),
`env.<id>.exceedance`, and advisory `env.<id>.anomaly` (priority 4).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.alarms.model import AlarmDefinition, AlarmKind, Priority
from app.environment import anomaly as an
from app.environment.config import EnvironmentConfig, Parameter, Rule
from app.environment.limits import Level, Status, completed, evaluate, period_of
from app.environment.rollups import (
    MINUTE,
    MinuteRow,
    fold_minute,
    fold_positions,
    read_rows,
    write_rows,
)
from app.model import Sample
from app.observers import Observers
from app.worker import Worker

log = logging.getLogger(__name__)

TICK_S = 10.0
MAX_CATCH_UP_MIN = 24 * 60  # minutes folded per tick at most (after a long downtime)
ANOMALY_EVERY_S = 60.0
ENERGY_ANOMALY = "env.energy.anomaly"  # an hour of a meter unlike its comparable hours
AREA = "environment"


@dataclass(frozen=True)
class Event:
    id: int
    param: str
    kind: str  # warning | exceedance
    start: float
    end: float | None
    value: float | None
    limit: float | None
    projected: float | None
    rule: str
    detail: str
    cause: str
    action: str
    noted_by: str
    noted_at: float | None


@dataclass(frozen=True)
class AnomalyRecord:
    id: int
    param: str
    kind: str
    since: float
    found: float
    observed: float | None
    expected_low: float | None
    expected_high: float | None
    evidence: str
    status: str
    dismissed_by: str
    reason: str


@dataclass(frozen=True)
class Snapshot:
    """What views show, made on the monitor's thread after each check (views never
    query the store themselves)."""

    status: dict[str, Status]
    events: tuple[Event, ...]  # of the last day, newest first
    anomalies: tuple[AnomalyRecord, ...]  # open ones, newest first
    recent: dict[str, tuple[tuple[float, float], ...]]  # param -> (minute, mean), 2 h
    live: dict[str, float | None] = field(default_factory=dict)  # the latest value now


class EnvironmentError(ValueError):
    """A note or a dismissal that cannot be made; the message says why."""


class EnvironmentMonitor:
    def __init__(self, config: EnvironmentConfig, store: Any, alarms: Any, *,
                 latest: Callable[[str], float | None] = lambda _t: None,
                 clock: Callable[[], float] = time.time) -> None:
        self.config, self._store, self._alarms = config, store, alarms
        self._latest, self._clock = latest, clock
        self._tags = {p.tag: p for p in config.parameters}
        self._lock = threading.Lock()
        self._dirty: set[tuple[str, int]] = set()
        self._fold: dict[str, int] = {}
        self.status: dict[str, Status] = {}
        self._open: dict[tuple[str, str], int] = {}  # (param, kind) -> open event id
        self._last_anomaly_check = 0.0
        self._observers: Observers = Observers("environment")
        self.snapshot = Snapshot({}, (), (), {})
        self._worker = Worker("lineside-environment", self.tick, TICK_S,
                              what="environment check")

    # --- life cycle ------------------------------------------------------------------------

    def define_alarms(self) -> None:
        for p in self.config.parameters:
            prio = Priority(p.priority)
            self._alarms.define(AlarmDefinition(
                id=f"env.{p.id}.exceedance", kind=AlarmKind.EXTERNAL, priority=prio,
                message=f"{p.name} over its permit limit ({p.limit_text()})", area=AREA,
                unit=p.unit))
            self._alarms.define(AlarmDefinition(
                id=f"env.{p.id}.warning", kind=AlarmKind.EXTERNAL,
                priority=Priority(min(4, p.priority + 1)),
                message=f"{p.name} on course to exceed its limit ({p.limit_text()})",
                area=AREA, unit=p.unit))
            self._alarms.define(AlarmDefinition(
                id=f"env.{p.id}.anomaly", kind=AlarmKind.EXTERNAL, priority=Priority.LOW,
                message=f"{p.name}: unusual values", area=AREA, unit=p.unit))
        self._alarms.define(AlarmDefinition(
            id=ENERGY_ANOMALY, kind=AlarmKind.EXTERNAL, priority=Priority.LOW,
            message="Energy: a meter's hour is unusual", area=AREA, unit="kWh"))

    def start(self) -> None:
        self.define_alarms()
        with self._store.read() as conn:
            self._fold = fold_positions(conn)
            for eid, param, kind in conn.execute(
                    "SELECT id, param, kind FROM env_events WHERE end IS NULL").fetchall():
                self._open[(param, kind)] = eid
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop(5)

    def subscribe(self, observer: Callable[[], None]) -> Callable[[], None]:
        """`observer()` after each check (on the monitor's thread)."""
        return self._observers.add(observer)

    def on_samples(self, samples: list[Sample]) -> None:
        """Runtime listener: a sample older than the fold position re-folds its minute."""
        tags = self._tags
        for s in samples:
            p = tags.get(s.tag)
            if p is None:
                continue
            pos = self._fold.get(p.id)
            if pos is not None and s.ts < pos:
                m = int(s.ts // MINUTE * MINUTE)
                with self._lock:
                    self._dirty.update({(p.id, m), (p.id, m + MINUTE)})

    # --- one check ---------------------------------------------------------------------------

    def tick(self) -> None:
        now = self._clock()
        ready = int((now - self.config.settle_s) // MINUTE * MINUTE)  # minutes before it
        rows: list[MinuteRow] = []
        folded: dict[str, int] = {}
        closed: list[tuple[Parameter, float, float]] = []
        with self._lock:
            dirty, self._dirty = self._dirty, set()
        for p in self.config.parameters:
            pos = self._fold.get(p.id, ready - MINUTE)
            pos = max(pos, ready - MAX_CATCH_UP_MIN * MINUTE)
            minutes = list(range(pos, ready, MINUTE))
            minutes += sorted(m for pid, m in dirty if pid == p.id and m < pos)
            if not minutes:
                continue
            lo, hi = min(minutes), max(minutes) + MINUTE
            samples = self._store.historian.samples(p.tag, lo - self.config.max_gap_s,
                                                    hi + self.config.max_gap_s)
            for m in minutes:
                near = [s for s in samples
                        if m - self.config.max_gap_s <= s.ts <= m + MINUTE
                        + self.config.max_gap_s]
                rows.append(fold_minute(p.id, near, m, max_gap_s=self.config.max_gap_s,
                                        counter=p.counter))
            if ready > pos:
                folded[p.id] = ready
                if p.rule in (Rule.BLOCK_MEAN, Rule.DAILY_MEAN, Rule.DAILY_TOTAL,
                              Rule.MONTHLY_TOTAL):
                    start, end = period_of(p, pos)
                    while end <= ready:  # every period the fold has just completed
                        closed.append((p, start, end))
                        start, end = period_of(p, end)
        if rows:
            self._store.submit(lambda c: write_rows(c, rows, folded)).result(10)
            self._fold.update(folded)
        for p, start, end in closed:
            self._close_period(p, start, end)
        for p in self.config.parameters:
            self._check_limit(p, self._fold.get(p.id, ready))
        if now - self._last_anomaly_check >= ANOMALY_EVERY_S:
            self._last_anomaly_check = now
            for p in self.config.parameters:
                self._check_anomalies(p, self._fold.get(p.id, ready))
            self._check_energy(now)
        self.refresh_snapshot()

    def refresh_snapshot(self) -> None:
        now = self._clock()
        recent: dict[str, tuple[tuple[float, float], ...]] = {}
        for p in self.config.parameters:
            pos = self._fold.get(p.id, now)
            recent[p.id] = tuple((float(r.minute), r.mean) for r in
                                 self.rows(p.id, pos - 7200, pos) if r.mean is not None)
        live = {p.id: self._latest(p.tag) for p in self.config.parameters}
        self.snapshot = Snapshot(dict(self.status), tuple(self.events(since=now - 86400)),
                                 tuple(self.anomalies(open_only=True)), recent, live)
        self._observers.notify()

    def rows(self, pid: str, t0: float, t1: float) -> list[MinuteRow]:
        with self._store.read() as conn:
            return read_rows(conn, pid, t0, t1)

    def _window_rows(self, p: Parameter, pos: float) -> list[MinuteRow]:
        start, _end = period_of(p, pos)
        t0 = min(start, pos - 2 * p.window_min * MINUTE, pos - 3600)
        return self.rows(p.id, t0, pos)

    def _check_limit(self, p: Parameter, pos: float) -> None:
        rows = self._window_rows(p, pos)
        st = evaluate(p, rows, pos, latest=self._latest(p.tag) if p.rule is Rule.INSTANT
                      else None)
        self.status[p.id] = st
        exceeded = st.level is Level.EXCEEDED
        warned = st.level is Level.WARNING
        if p.rule in (Rule.INSTANT, Rule.ROLLING_MEAN):
            self._set(p, "exceedance", exceeded, st)
        elif exceeded:  # a total already past, or a mean that can no longer recover
            self._set(p, "exceedance", True, st)
        self._set(p, "warning", warned, st)

    def _close_period(self, p: Parameter, start: float, end: float) -> None:
        st = completed(p, self.rows(p.id, start, end), start, end)
        self._set(p, "warning", False, st)
        if st.level is Level.EXCEEDED:
            self._set(p, "exceedance", True, st)
        self._set(p, "exceedance", False, st, at=end)

    def _set(self, p: Parameter, kind: str, active: bool, st: Status,
             at: float | None = None) -> None:
        key = (p.id, kind)
        open_id = self._open.get(key)
        limit = p.high if p.high is not None and (st.value or 0) >= (p.low or 0) else p.low
        if active and open_id is None:
            periodic = p.rule not in (Rule.INSTANT, Rule.ROLLING_MEAN)
            ts = st.period_start if kind == "exceedance" and periodic else self._clock()
            fut = self._store.submit(lambda c: c.execute(
                "INSERT INTO env_events (param, kind, start, value, limit_value, projected, "
                "rule, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (p.id, kind, ts, st.value, limit, st.projected, str(p.rule),
                 st.explanation)).lastrowid)
            self._open[key] = int(fut.result(10))
            log.warning("environment: %s %s: %s", p.id, kind, st.explanation)
        elif active and open_id is not None and kind == "exceedance":
            # The event holds the latest (at the end: the period's) value and reason.
            self._store.submit(lambda c: c.execute(
                "UPDATE env_events SET value = ?, detail = ? WHERE id = ?",
                (st.value, st.explanation, open_id))).result(10)
        elif not active and open_id is not None:
            end = at or self._clock()
            self._store.submit(lambda c: c.execute(
                "UPDATE env_events SET end = ? WHERE id = ?", (end, open_id))).result(10)
            del self._open[key]
        self._alarms.set_condition(f"env.{p.id}.{kind}", active, st.value,
                                   message=None if not active else _message(p, kind, st))

    # --- anomalies -----------------------------------------------------------------------------

    def _check_anomalies(self, p: Parameter, pos: float) -> None:
        unit = f" {p.unit}" if p.unit else ""
        recent = self.rows(p.id, pos - 3 * 3600, pos)
        history = self.rows(p.id, pos - 27 * 3600, pos - 3 * 3600)
        found: list[an.Anomaly] = []
        if not p.counter:  # a counter only grows: its level says nothing unusual
            found = [a for a in (an.stuck(recent, history + recent, unit),
                                 an.step(recent, unit), an.drift(recent[-120:], history, unit))
                     if a is not None]
        if any(a.kind == "stuck" for a in found):  # a stuck probe explains step and drift
            found = [a for a in found if a.kind == "stuck"]
        hour = int(pos // 3600 * 3600) - 3600
        value = ("SUM(delta)" if p.counter  # the hour's increase, else its mean
                 else "SUM(weighted) / SUM(covered_s)")
        with self._store.read() as conn:
            same_hour = [r for (r,) in conn.execute(
                f"SELECT {value} FROM env_minute WHERE param = ? AND "
                "minute >= ? AND minute < ? AND (minute - ?) % 86400 < 3600 AND covered_s > 0 "
                "GROUP BY (minute - ?) / 86400",
                (p.id, hour - self.config.anomaly_days * 86400, hour - 3600, hour, hour))
                if r is not None]
        in_hour = [r for r in recent if hour <= r.minute < hour + 3600]
        this_hour = (sum(r.delta for r in in_hour) if p.counter else
                     _mean([r.mean for r in in_hour if r.mean is not None]))
        if this_hour is not None and in_hour:
            s = an.seasonal(this_hour, hour, same_hour, unit)
            if s is not None:
                found.append(s)
        with self._store.read() as conn:
            open_kinds = {k: (i, st) for i, k, st in conn.execute(
                "SELECT id, kind, status FROM env_anomalies WHERE param = ? AND "
                "(status = 'open' OR (status = 'dismissed' AND found > ?))",
                (p.id, pos - 6 * 3600)).fetchall()}
        new = [a for a in found if a.kind not in open_kinds]
        for a in new:
            self._store.submit(lambda c, a=a: c.execute(
                "INSERT INTO env_anomalies (param, kind, since, found, observed, expected_low,"
                " expected_high, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (p.id, a.kind, a.since, self._clock(), a.observed, a.expected_low,
                 a.expected_high, a.evidence))).result(10)
            log.info("environment: anomaly %s on %s: %s", a.kind, p.id, a.evidence)
        kinds_now = {a.kind for a in found}
        gone = [i for k, (i, st) in open_kinds.items() if st == "open" and k not in kinds_now]
        if gone:
            self._store.submit(lambda c: c.executemany(
                "UPDATE env_anomalies SET status = 'over' WHERE id = ?",
                [(i,) for i in gone])).result(10)
        still = [a for a in self.anomalies(open_only=True) if a.param == p.id]
        self._alarms.set_condition(
            f"env.{p.id}.anomaly", bool(still), still[0].observed if still else None,
            message=f"{p.name}: {still[0].kind}: {still[0].evidence}" if still else None)

    def _check_energy(self, now: float) -> None:
        """The last whole hour of each energy meter against the same hour on comparable
        days (the energy ledger's rows; none where the site has no energy ledger)."""
        hour = int(now // 3600 * 3600) - 3600
        since = hour - self.config.anomaly_days * 86400
        with self._store.read() as conn:
            try:
                rows = conn.execute(
                    "SELECT meter, hour, kwh FROM energy_ledger WHERE hour >= ? AND "
                    "hour <= ? AND (hour - ?) % 86400 = 0 AND meter NOT LIKE '\\_%' "
                    "ESCAPE '\\'", (since, hour, hour)).fetchall()
            except sqlite3.OperationalError:  # no energy ledger in this store
                return
        by_meter: dict[str, dict[int, float]] = {}
        for meter, h, kwh in rows:
            by_meter.setdefault(meter, {})[int(h)] = float(kwh)
        found = []
        for meter, hours in sorted(by_meter.items()):
            if hour not in hours:
                continue
            same = [v for h, v in hours.items() if h != hour]
            a = an.seasonal(hours[hour], hour, same, " kWh")
            if a is not None:
                found.append((f"energy.{meter}", a))
        with self._store.read() as conn:
            known = {(p, k) for p, k in conn.execute(
                "SELECT param, kind FROM env_anomalies WHERE param LIKE 'energy.%' AND "
                "found > ?", (now - 6 * 3600,)).fetchall()}
        for param, a in found:
            if (param, a.kind) in known:
                continue
            self._store.submit(lambda c, param=param, a=a: c.execute(
                "INSERT INTO env_anomalies (param, kind, since, found, observed, expected_low,"
                " expected_high, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (param, a.kind, a.since, self._clock(), a.observed, a.expected_low,
                 a.expected_high, a.evidence))).result(10)
        normal = [f"energy.{m}" for m, hours in by_meter.items()
                  if hour in hours and f"energy.{m}" not in {p for p, _a in found}]
        if normal:  # an hour that is normal again ends that meter's anomaly
            self._store.submit(lambda c: c.executemany(
                "UPDATE env_anomalies SET status = 'over' WHERE param = ? AND "
                "status = 'open'", [(x,) for x in normal])).result(10)
        open_energy = [x for x in self.anomalies(open_only=True)
                       if x.param.startswith("energy.")]
        self._alarms.set_condition(
            ENERGY_ANOMALY, bool(open_energy), None,
            message=f"Energy {open_energy[0].param[7:]}: {open_energy[0].evidence}"
            if open_energy else None)

    def anomalies(self, *, open_only: bool = False, since: float | None = None,
                  until: float | None = None) -> list[AnomalyRecord]:
        sql = ("SELECT id, param, kind, since, found, observed, expected_low, expected_high, "
               "evidence, status, dismissed_by, reason FROM env_anomalies WHERE 1=1")
        args: list[Any] = []
        if open_only:
            sql += " AND status = 'open'"
        if since is not None:
            sql += " AND found >= ?"
            args.append(since)
        if until is not None:
            sql += " AND found < ?"
            args.append(until)
        with self._store.read() as conn:
            return [AnomalyRecord(*r) for r in conn.execute(sql + " ORDER BY found DESC",
                                                            args)]

    def dismiss(self, anomaly_id: int, reason: str, *, actor: str) -> None:
        """A permitted role dismisses an advisory anomaly with a reason (audited)."""
        if not reason.strip():
            raise EnvironmentError("say why the anomaly is dismissed")
        self._store.submit(lambda c: c.execute(
            "UPDATE env_anomalies SET status = 'dismissed', dismissed_by = ?, reason = ? "
            "WHERE id = ?", (actor, reason.strip(), anomaly_id)))
        self._store.audit.record(actor, "environment.anomaly.dismiss", str(anomaly_id),
                                 {"reason": reason.strip()})
        self._last_anomaly_check = 0.0  # its alarm clears at the next check
        self._worker.wake()

    # --- the exceedance journal ----------------------------------------------------------------

    def events(self, since: float | None = None, until: float | None = None) -> list[Event]:
        sql = ("SELECT id, param, kind, start, end, value, limit_value, projected, rule, "
               "detail, cause, action, noted_by, noted_at FROM env_events WHERE 1=1")
        args: list[Any] = []
        if since is not None:
            sql += " AND (end IS NULL OR end >= ?)"
            args.append(since)
        if until is not None:
            sql += " AND start < ?"
            args.append(until)
        with self._store.read() as conn:
            return [Event(*r) for r in conn.execute(sql + " ORDER BY start DESC", args)]

    def note(self, event_id: int, cause: str, action: str, *, actor: str) -> None:
        """The operator's cause and action for a warning or exceedance (who, when, what)."""
        if not cause.strip() or not action.strip():
            raise EnvironmentError("write both the cause and what was done")
        t = self._clock()
        self._store.submit(lambda c: c.execute(
            "UPDATE env_events SET cause = ?, action = ?, noted_by = ?, noted_at = ? "
            "WHERE id = ?", (cause.strip(), action.strip(), actor, t, event_id)))
        self._store.audit.record(actor, "environment.note", str(event_id),
                                 json.loads(json.dumps({"cause": cause, "action": action})))
        self._worker.wake()  # the next snapshot shows the note


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _message(p: Parameter, kind: str, st: Status) -> str:
    if kind == "warning":
        return f"{p.name}: on course to exceed {p.limit_text()} — {st.explanation}"
    return f"{p.name}: over its limit {p.limit_text()} — {st.explanation}"
