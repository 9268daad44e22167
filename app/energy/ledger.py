"""The hourly energy ledger: per meter and hour, folded incrementally from samples.

What a row holds (table `energy_ledger`, one row per meter and hour, hours by the
samples' own timestamps, epoch-aligned):
  kwh, producing_kwh, idle_kwh   energy, split by the station's state at the time
  peak_kw                        highest GOOD power sample in the hour
  gap_s                          time not covered by continuous GOOD data
  sleepable_kwh, sleepable_s     energy and time drawn idle beyond `sleep_after_min`
                                 into an idle stretch (the evidence for "could sleep")
The pseudo-meter `_line` carries the vehicles produced per hour (from the counter tag)
and the line's coincident peak (the sum of the consumers' latest power).

Rules:
- Energy comes from the kWh counter where a meter has one (its differences; a drop is
  a reset or, with `rollover`, a wrap), else from the trapezoid integral of power.
- Between two GOOD samples further apart than `max_gap_s`, or with a BAD sample
  between them, nothing is booked: the interval is a gap (gap_s), never filled.
- Energy of an interval is spread over the hours (and station states) it spans in
  proportion to time (counter) or by the linear power between the samples (integral).
- Per tag, a sample at or before the last one folded is already counted (a replay,
  a duplicate after a restart) and is dropped, unless it falls into a recorded gap:
  then it fills it (an edge device forwarding its buffer after the live data). The
  fold state is saved with the rows in the same transaction, so a restart continues
  exactly where the store is.
- Energy drawn while a station's state is unknown counts in kwh only, not in
  producing or idle: idle waste is claimed only when it is known.
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import sqlite3
import threading
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from app.energy.config import EnergyConfig, Meter, MeterKind
from app.model import Quality, Sample
from app.store.schema import register_schema

log = logging.getLogger(__name__)

LINE = "_line"  # pseudo-meter: vehicles and the coincident peak of the consumers
HOUR = 3600.0
STATE_KEEP_S = 2 * 86400.0  # station state history kept for late data
VEHICLE_SAMPLES_KEPT = 500  # counter samples kept for late data
MAX_OPEN_GAPS = 32  # per meter: recent gaps that late samples may still fill

register_schema("energy", ["""
CREATE TABLE energy_ledger (
    meter TEXT NOT NULL,
    hour INTEGER NOT NULL,
    kwh REAL NOT NULL DEFAULT 0,
    producing_kwh REAL NOT NULL DEFAULT 0,
    idle_kwh REAL NOT NULL DEFAULT 0,
    peak_kw REAL NOT NULL DEFAULT 0,
    gap_s REAL NOT NULL DEFAULT 0,
    sleepable_kwh REAL NOT NULL DEFAULT 0,
    sleepable_s REAL NOT NULL DEFAULT 0,
    vehicles INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meter, hour)
) WITHOUT ROWID;
CREATE INDEX energy_ledger_hour ON energy_ledger(hour);
CREATE TABLE energy_fold (key TEXT PRIMARY KEY, state TEXT NOT NULL);
"""])

# column order of a pending delta
KWH, PROD, IDLE, PEAK, GAP, SLEEP_KWH, SLEEP_S, VEHICLES = range(8)
COLUMNS = ("kwh", "producing_kwh", "idle_kwh", "peak_kw", "gap_s", "sleepable_kwh",
           "sleepable_s", "vehicles")


class LedgerRow(NamedTuple):  # a tuple: a 30-day report reads thousands
    meter: str
    hour: int  # epoch seconds of the hour's start
    kwh: float = 0.0
    producing_kwh: float = 0.0
    idle_kwh: float = 0.0
    peak_kw: float = 0.0
    gap_s: float = 0.0
    sleepable_kwh: float = 0.0
    sleepable_s: float = 0.0
    vehicles: int = 0


def hour_of(ts: float) -> int:
    return int(ts // HOUR * HOUR)


class _Last:
    """The last sample folded for one tag of one meter."""

    __slots__ = ("bad", "ts", "value")

    def __init__(self, ts: float = -math.inf, value: float | None = None,
                 bad: bool = False) -> None:
        self.ts, self.value, self.bad = ts, value, bad

    def to_json(self) -> list[Any]:
        return [None if self.ts == -math.inf else self.ts, self.value, self.bad]

    @classmethod
    def from_json(cls, d: list[Any] | None) -> _Last:
        if not d:
            return cls()
        return cls(-math.inf if d[0] is None else float(d[0]), d[1], bool(d[2]))


class _Timeline:
    """A station's producing state over time: changes only, sorted by time.

    state: True producing, False idle, None unknown (BAD or not yet seen)."""

    __slots__ = ("last_ts", "states", "ts")

    def __init__(self) -> None:
        self.ts: list[float] = []
        self.states: list[bool | None] = []
        self.last_ts = -math.inf

    def add(self, ts: float, state: bool | None) -> bool:
        """Record a state sample; returns True if it is new (not a replay)."""
        if ts <= self.last_ts and ts in self.ts:
            return False
        i = bisect.bisect_right(self.ts, ts)
        if i > 0 and self.states[i - 1] == state:
            pass  # no change
        else:
            self.ts.insert(i, ts)
            self.states.insert(i, state)
            # a late sample may make the next entry redundant
            if i + 1 < len(self.ts) and self.states[i + 1] == state:
                del self.ts[i + 1]
                del self.states[i + 1]
        self.last_ts = max(self.last_ts, ts)
        if self.ts and self.ts[0] < self.last_ts - STATE_KEEP_S and len(self.ts) > 1:
            cut = bisect.bisect_left(self.ts, self.last_ts - STATE_KEEP_S) - 1
            if cut > 0:
                del self.ts[:cut]
                del self.states[:cut]
        return True

    def at(self, ts: float) -> int:
        """Index of the entry in force at `ts` (-1: before any)."""
        return bisect.bisect_right(self.ts, ts) - 1

    def segments(self, t0: float, t1: float) -> Iterable[tuple[float, float, bool | None,
                                                               float]]:
        """(a, b, state, since) pieces of [t0, t1]; since = start of that state's run."""
        i = self.at(t0)
        a = t0
        while a < t1:
            state = self.states[i] if i >= 0 else None
            since = self.ts[i] if i >= 0 else -math.inf
            nxt = self.ts[i + 1] if i + 1 < len(self.ts) else math.inf
            b = min(t1, nxt)
            yield a, b, state, since
            a = b
            i += 1

    def to_json(self) -> list[Any]:
        n = len(self.ts)
        keep = max(0, n - 50)  # enough for any late data we will still see
        return [self.ts[keep:], self.states[keep:],
                None if self.last_ts == -math.inf else self.last_ts]

    @classmethod
    def from_json(cls, d: list[Any] | None) -> _Timeline:
        tl = cls()
        if d:
            tl.ts, tl.states = [float(x) for x in d[0]], list(d[1])
            tl.last_ts = -math.inf if d[2] is None else float(d[2])
        return tl


class _MeterFold:
    __slots__ = ("counter", "gaps", "meter", "power", "power_now", "timeline")

    def __init__(self, meter: Meter, timeline: _Timeline | None) -> None:
        self.meter = meter
        # recent gaps (counter?, t0, v0, t1, v1): late samples may still fill them
        self.gaps: list[tuple[bool, float, float, float, float]] = []
        self.counter = _Last()
        self.power = _Last()
        self.power_now: float | None = None  # latest GOOD kW (live view, line peak)
        self.timeline = timeline


class EnergyLedger:
    """Folds samples into hourly rows; thread-safe. `flush()` writes them to the store.

    `on_samples` is a runtime change-stream listener (runtime thread); it never touches
    the disk. `flush` (a timer) hands the accumulated deltas and the fold state to the
    store writer as one transaction.
    """

    def __init__(self, config: EnergyConfig, store: Any) -> None:
        self.config = config
        self._store = store
        self._lock = threading.Lock()
        self._sleep_after_s = config.sleep_after_min * 60.0
        self._timelines: dict[str, _Timeline] = {s: _Timeline()
                                                 for s in config.station_state_tags}
        self._state_tag: dict[str, str] = {tag: st for st, tag
                                           in config.station_state_tags.items()}
        self._folds: dict[str, _MeterFold] = {}
        self._by_tag: dict[str, list[tuple[_MeterFold, str]]] = {}
        for m in config.meters:
            f = _MeterFold(m, self._timelines.get(m.station) if m.station else None)
            self._folds[m.id] = f
            if m.energy:
                self._by_tag.setdefault(m.energy, []).append((f, "energy"))
            if m.power:
                self._by_tag.setdefault(m.power, []).append((f, "power"))
        self._veh: list[tuple[float, float]] = []  # (ts, counter value), sorted
        self._line_kw = 0.0  # running sum of the consumers' latest power
        self._pending: dict[tuple[str, int], list[float]] = {}
        self._dirty_hours: set[int] = set()
        self._listeners: list[Callable[[set[int]], None]] = []
        self.samples_folded = 0

    @property
    def tags(self) -> frozenset[str]:
        """Every tag the ledger reads."""
        return frozenset(self._by_tag) | frozenset(self._state_tag) | {
            self.config.production_counter}

    # --- fold state in the store -----------------------------------------------------------

    def load(self) -> None:
        """Continue from the fold state saved with the rows (call before the first sample)."""
        with self._store.read() as conn:
            rows = dict(conn.execute("SELECT key, state FROM energy_fold").fetchall())
        with self._lock:
            for key, body in rows.items():
                try:
                    self._load_one(key, json.loads(body))
                except (ValueError, TypeError, KeyError, IndexError, AttributeError) as e:
                    # an older or damaged state: what follows starts afresh (no double
                    # counting; the first interval after it is simply not known)
                    log.warning("energy ledger: fold state %s unreadable (%s); starting it "
                                "afresh", key, e)

    def _load_one(self, key: str, d: Any) -> None:
        if key == "_vehicles":
            self._veh = [(float(t), float(v)) for t, v in d]
        elif key.startswith("station:"):
            st = key[len("station:"):]
            if st in self._timelines:
                tl = _Timeline.from_json(d)
                self._timelines[st].ts, self._timelines[st].states = tl.ts, tl.states
                self._timelines[st].last_ts = tl.last_ts
        elif key.startswith("meter:"):
            f = self._folds.get(key[len("meter:"):])
            if f is not None:
                counter, power = _Last.from_json(d.get("counter")), _Last.from_json(
                    d.get("power"))
                gaps = [(bool(g[0]), float(g[1]), float(g[2]), float(g[3]), float(g[4]))
                        for g in d.get("gaps", [])]
                f.counter, f.power, f.gaps = counter, power, gaps

    def _state_json(self) -> list[tuple[str, str]]:
        out = [("_vehicles", json.dumps(self._veh[-50:]))]
        for st, tl in self._timelines.items():
            out.append((f"station:{st}", json.dumps(tl.to_json())))
        for mid, f in self._folds.items():
            out.append((f"meter:{mid}", json.dumps({"counter": f.counter.to_json(),
                                                     "power": f.power.to_json(),
                                                     "gaps": f.gaps})))
        return out

    def flush(self) -> Any:
        """Hand the deltas and the fold state to the store writer (one transaction).

        Returns the writer's future (None when there was nothing to write)."""
        with self._lock:
            pending, self._pending = self._pending, {}
            dirty, self._dirty_hours = self._dirty_hours, set()
            if not pending:
                return None
            state = self._state_json()
        rows = [(m, h, *v) for (m, h), v in pending.items()]

        def write(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "INSERT INTO energy_ledger (meter, hour, kwh, producing_kwh, idle_kwh, peak_kw,"
                " gap_s, sleepable_kwh, sleepable_s, vehicles) VALUES (?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(meter, hour) DO UPDATE SET kwh = kwh + excluded.kwh,"
                " producing_kwh = producing_kwh + excluded.producing_kwh,"
                " idle_kwh = idle_kwh + excluded.idle_kwh,"
                " peak_kw = max(peak_kw, excluded.peak_kw), gap_s = gap_s + excluded.gap_s,"
                " sleepable_kwh = sleepable_kwh + excluded.sleepable_kwh,"
                " sleepable_s = sleepable_s + excluded.sleepable_s,"
                " vehicles = vehicles + excluded.vehicles", rows)
            conn.executemany("INSERT OR REPLACE INTO energy_fold (key, state) VALUES (?, ?)",
                             state)

        fut = self._store.submit(write)
        if dirty and self._listeners:
            listeners = list(self._listeners)
            fut.add_done_callback(lambda f: [fn(dirty) for fn in listeners]
                                  if f.exception() is None else None)
        return fut

    def on_flushed(self, fn: Callable[[set[int]], None]) -> None:
        """`fn(hours)` after a flush committed rows of these hours (writer thread)."""
        self._listeners.append(fn)

    # --- folding ----------------------------------------------------------------------------

    def on_samples(self, samples: list[Sample]) -> None:
        """Fold a batch (any order, any tags); the runtime's change-stream listener."""
        by_tag, state_tag = self._by_tag, self._state_tag
        counter = self.config.production_counter
        mine = [s for s in samples if s.tag in by_tag or s.tag in state_tag or s.tag == counter]
        if not mine:
            return
        # State first, so energy in this batch meets the state it was drawn in.
        mine.sort(key=lambda s: (s.tag not in state_tag, s.ts))
        with self._lock:
            for s in mine:
                st = state_tag.get(s.tag)
                if st is not None:
                    self._fold_state(st, s)
                    continue
                if s.tag == counter:
                    self._fold_vehicles(s)
                for f, role in by_tag.get(s.tag, ()):
                    if role == "energy":
                        self._fold_counter(f, s)
                    else:
                        self._fold_power(f, s)
            self.samples_folded += len(mine)

    def _fold_state(self, station: str, s: Sample) -> None:
        state = None if s.quality is Quality.BAD or s.value is None else (
            str(s.value) in self.config.producing_states)
        self._timelines[station].add(s.ts, state)

    def _delta(self, key: tuple[str, int]) -> list[float]:
        d = self._pending.get(key)
        if d is None:
            d = self._pending[key] = [0.0] * 8
            self._dirty_hours.add(key[1])
        return d

    def _gap(self, meter: str, t0: float, t1: float, sign: float = 1.0) -> None:
        a = t0
        while a < t1:
            h = hour_of(a)
            b = min(t1, h + HOUR)
            self._delta((meter, h))[GAP] += sign * (b - a)
            a = b

    def _book(self, f: _MeterFold, t0: float, t1: float, p0: float, p1: float) -> None:
        """Book energy of [t0, t1] with power linear from p0 to p1 (kW)."""
        span = t1 - t0
        if span <= 0:
            return
        slope = (p1 - p0) / span
        tl = f.timeline
        pieces = tl.segments(t0, t1) if tl is not None else ((t0, t1, True, -math.inf),)
        mid = f.meter.id
        for a, b, state, since in pieces:
            # split further at hour boundaries
            x = a
            while x < b:
                h = hour_of(x)
                y = min(b, h + HOUR)
                kwh = (p0 + slope * ((x + y) / 2 - t0)) * (y - x) / HOUR
                d = self._delta((mid, h))
                d[KWH] += kwh
                if state is True:
                    d[PROD] += kwh
                elif state is False:
                    d[IDLE] += kwh
                    sleep_from = since + self._sleep_after_s
                    if y > sleep_from:
                        sx = max(x, sleep_from)
                        d[SLEEP_KWH] += (p0 + slope * ((sx + y) / 2 - t0)) * (y - sx) / HOUR
                        d[SLEEP_S] += y - sx
                x = y

    def _interval(self, f: _MeterFold, counter: bool, t0: float, v0: float, t1: float,
                  v1: float, bad_between: bool) -> None:
        """Book [t0, t1] between two GOOD samples, or record it as a gap."""
        dt = t1 - t0
        if bad_between or dt > self.config.max_gap_s:
            self._add_gap(f, counter, t0, v0, t1, v1)
            return
        if not counter:
            self._book(f, t0, t1, v0, v1)
            return
        delta = v1 - v0
        if delta < 0:
            ro = f.meter.rollover
            delta = ro - v0 + v1 if ro is not None and v0 > ro / 2 else v1  # wrap / reset
        limit = f.meter.max_kw
        if limit is not None and delta > limit * 1.5 * dt / HOUR + 0.05:
            log.warning("energy meter %s: counter step of %.3f kWh in %.0f s is not "
                        "plausible (max %.0f kW); recorded as a gap", f.meter.id, delta, dt,
                        limit)
            self._add_gap(f, counter, t0, v0, t1, v1)
            return
        kw = delta * HOUR / dt
        self._book(f, t0, t1, kw, kw)

    def _add_gap(self, f: _MeterFold, counter: bool, t0: float, v0: float, t1: float,
                 v1: float) -> None:
        self._gap(f.meter.id, t0, t1)
        gaps = f.gaps
        gaps.append((counter, t0, v0, t1, v1))
        if len(gaps) > MAX_OPEN_GAPS:
            del gaps[0]

    def _backfill(self, f: _MeterFold, counter: bool, ts: float, value: float) -> bool:
        """A sample older than the last one folded: if it falls into a recorded gap
        (an edge device forwarding its buffer after the live data), the gap is split
        around it and each part is judged again. Returns False if it fell into none."""
        for i, (c, t0, v0, t1, v1) in enumerate(f.gaps):
            if c is counter and t0 < ts < t1:
                del f.gaps[i]
                if t0 == -math.inf:  # before the first sample: still open to the past
                    f.gaps.append((counter, t0, v0, ts, value))
                else:
                    self._gap(f.meter.id, t0, t1, sign=-1.0)
                    self._interval(f, counter, t0, v0, ts, value, False)
                self._interval(f, counter, ts, value, t1, v1, False)
                return True
        return False

    def _fold_counter(self, f: _MeterFold, s: Sample) -> None:
        last = f.counter
        good = s.quality is not Quality.BAD and isinstance(s.value, int | float) \
            and not isinstance(s.value, bool)
        if s.ts <= last.ts:
            if good:
                self._backfill(f, True, s.ts, float(s.value))  # type: ignore[arg-type]
            return  # else already folded (a replay, a duplicate)
        if not good:
            # keep the last GOOD time: the gap runs from there to the next GOOD sample
            last.bad = last.value is not None
            return
        value = float(s.value)  # type: ignore[arg-type]
        if last.value is not None and last.ts > -math.inf:
            self._interval(f, True, last.ts, last.value, s.ts, value, last.bad)
        else:
            f.gaps.append((True, -math.inf, math.nan, s.ts, value))  # older data may come
        last.ts, last.value, last.bad = s.ts, value, False

    def _fold_power(self, f: _MeterFold, s: Sample) -> None:
        last = f.power
        good = s.quality is not Quality.BAD and isinstance(s.value, int | float) \
            and not isinstance(s.value, bool)
        if s.ts <= last.ts:
            if good:
                value = float(s.value)  # type: ignore[arg-type]
                if f.meter.energy is not None or self._backfill(f, False, s.ts, value):
                    d = self._delta((f.meter.id, hour_of(s.ts)))
                    d[PEAK] = max(d[PEAK], value)
            return
        if f.meter.kind is MeterKind.CONSUMER:
            old = f.power_now or 0.0
            new = float(s.value) if good else 0.0  # type: ignore[arg-type]
            self._line_kw += new - old
            if good:
                d = self._delta((LINE, hour_of(s.ts)))
                d[PEAK] = max(d[PEAK], self._line_kw)
        f.power_now = float(s.value) if good else None  # type: ignore[arg-type]
        if not good:
            last.bad = last.value is not None
            return
        value = float(s.value)  # type: ignore[arg-type]
        d = self._delta((f.meter.id, hour_of(s.ts)))
        d[PEAK] = max(d[PEAK], value)
        if f.meter.energy is None:
            if last.value is not None and last.ts > -math.inf:
                self._interval(f, False, last.ts, last.value, s.ts, value, last.bad)
            else:
                f.gaps.append((False, -math.inf, math.nan, s.ts, value))
        last.ts, last.value, last.bad = s.ts, value, False

    def _fold_vehicles(self, s: Sample) -> None:
        """Vehicles between neighbouring counter samples, booked to the later one's hour;
        a late sample splits the step it falls into (a reset counts what came after)."""
        if s.quality is Quality.BAD or not isinstance(s.value, int | float) \
                or isinstance(s.value, bool):
            return
        seq = self._veh
        i = bisect.bisect_left(seq, (s.ts, -math.inf))
        if i < len(seq) and seq[i][0] == s.ts:
            return  # already folded
        value = float(s.value)
        prev = seq[i - 1] if i > 0 else None
        nxt = seq[i] if i < len(seq) else None
        if prev is not None and nxt is not None:
            self._delta((LINE, hour_of(nxt[0])))[VEHICLES] -= _steps(prev[1], nxt[1])
        if prev is not None:
            self._delta((LINE, hour_of(s.ts)))[VEHICLES] += _steps(prev[1], value)
        if nxt is not None:
            self._delta((LINE, hour_of(nxt[0])))[VEHICLES] += _steps(value, nxt[1])
        seq.insert(i, (s.ts, value))
        if len(seq) > VEHICLE_SAMPLES_KEPT:
            del seq[: len(seq) - VEHICLE_SAMPLES_KEPT]

    # --- live view -----------------------------------------------------------------------------

    def live(self) -> dict[str, tuple[float | None, bool | None]]:
        """Per meter: latest GOOD kW (None if unknown) and its station producing now."""
        with self._lock:
            out: dict[str, tuple[float | None, bool | None]] = {}
            for mid, f in self._folds.items():
                tl = f.timeline
                state = tl.states[-1] if tl is not None and tl.states else None
                out[mid] = (f.power_now, state if tl is not None else None)
            return out


def _steps(a: float, b: float) -> float:
    return b - a if b >= a else b  # a drop is a reset: what it counted since


def read_rows(store: Any, start: float, end: float,
              conn: sqlite3.Connection | None = None) -> list[LedgerRow]:
    """Ledger rows of the hours that start in [start, end)."""
    sql = ("SELECT meter, hour, kwh, producing_kwh, idle_kwh, peak_kw, gap_s, sleepable_kwh,"
           " sleepable_s, vehicles FROM energy_ledger WHERE hour >= ? AND hour < ?"
           " ORDER BY hour, meter")
    args = (hour_of(start), end)
    if conn is not None:
        rows = conn.execute(sql, args).fetchall()
    else:
        with store.read() as c:
            rows = c.execute(sql, args).fetchall()
    return [LedgerRow._make(r) for r in rows]
