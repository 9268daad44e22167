"""Minute rollups of each monitored parameter, folded from the historian.

A minute is rolled up once it has ended and settled (the historian has its samples),
from the samples themselves: their own timestamps decide where they count, so data that
arrives late (an edge device forwarding after an outage) lands in its own minute, which
is simply rolled up again. A row is a pure function of the stored samples, written with
INSERT OR REPLACE, and the fold position is stored with it: a restart never counts a
minute twice.

Per minute: the time-weighted sum of the value (sample and hold between GOOD samples no
further apart than `max_gap_s`), the seconds so covered (60 less the gap: missing or BAD
data, never invented), min, max, the last value, and for counters the increase.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.model import Quality, Sample
from app.store.schema import register_schema

MINUTE = 60

register_schema("environment", ["""
CREATE TABLE env_minute (
    param TEXT NOT NULL, minute INTEGER NOT NULL, weighted REAL NOT NULL,
    covered_s REAL NOT NULL, vmin REAL, vmax REAL, last REAL,
    delta REAL NOT NULL DEFAULT 0, PRIMARY KEY (param, minute));
CREATE TABLE env_fold (param TEXT PRIMARY KEY, minute INTEGER NOT NULL);
CREATE TABLE env_events (
    id INTEGER PRIMARY KEY, param TEXT NOT NULL, kind TEXT NOT NULL,
    start REAL NOT NULL, end REAL, value REAL, limit_value REAL, projected REAL,
    rule TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '',
    cause TEXT NOT NULL DEFAULT '', action TEXT NOT NULL DEFAULT '',
    noted_by TEXT NOT NULL DEFAULT '', noted_at REAL);
CREATE INDEX env_events_start ON env_events(start);
CREATE TABLE env_anomalies (
    id INTEGER PRIMARY KEY, param TEXT NOT NULL, kind TEXT NOT NULL, since REAL NOT NULL,
    found REAL NOT NULL, observed REAL, expected_low REAL, expected_high REAL,
    evidence TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open',
    dismissed_by TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '');
CREATE INDEX env_anomalies_found ON env_anomalies(found);
"""])


@dataclass(frozen=True)
class MinuteRow:
    param: str
    minute: int  # epoch seconds of the minute's start
    weighted: float  # sum of value x seconds
    covered_s: float
    vmin: float | None
    vmax: float | None
    last: float | None
    delta: float = 0.0  # counters: the increase within the minute

    @property
    def mean(self) -> float | None:
        return self.weighted / self.covered_s if self.covered_s > 0 else None

    @property
    def gap_s(self) -> float:
        return max(0.0, MINUTE - self.covered_s)


def _num(s: Sample) -> float | None:
    if s.quality is Quality.BAD or isinstance(s.value, bool | str) or s.value is None:
        return None
    v = float(s.value)
    return v if math.isfinite(v) else None


def fold_minute(param: str, samples: Sequence[Sample], start: int, *, max_gap_s: float,
                counter: bool = False) -> MinuteRow:
    """Roll up [start, start + 60) from `samples` (oldest first; include the samples
    just before and after the minute, which decide what holds at its edges)."""
    end = start + MINUTE
    weighted = covered = 0.0
    vmin = vmax = last = None
    delta = 0.0
    prev_count: float | None = None  # a counter's last GOOD reading (BAD does not reset it)
    points = [(s.ts, _num(s)) for s in samples]
    for i, (ts, v) in enumerate(points):
        if v is None:
            continue  # BAD: holds nothing (the value before it stops at it, below)
        if counter and prev_count is not None and start <= ts < end:
            delta += v - prev_count if v >= prev_count else v  # a drop: reset, from 0
        prev_count = v
        nxt = next(((t, x) for t, x in points[i + 1:]), None)
        hold_to = ts + max_gap_s if nxt is None else min(nxt[0], ts + max_gap_s)
        if nxt is not None and nxt[0] - ts > max_gap_s:
            hold_to = ts  # a gap follows: this value holds for no time
        a, b = max(ts, start), min(hold_to, end)
        if b > a:
            weighted += v * (b - a)
            covered += b - a
            vmin = v if vmin is None else min(vmin, v)
            vmax = v if vmax is None else max(vmax, v)
        if start <= ts < end:
            last = v
            vmin = v if vmin is None else min(vmin, v)
            vmax = v if vmax is None else max(vmax, v)
    return MinuteRow(param, start, weighted, min(covered, float(MINUTE)), vmin, vmax, last,
                     delta)


def write_rows(conn: sqlite3.Connection, rows: Iterable[MinuteRow],
               fold: dict[str, int] | None = None) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO env_minute (param, minute, weighted, covered_s, vmin, vmax, "
        "last, delta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(r.param, r.minute, r.weighted, r.covered_s, r.vmin, r.vmax, r.last, r.delta)
         for r in rows])
    for param, minute in (fold or {}).items():
        conn.execute("INSERT OR REPLACE INTO env_fold (param, minute) VALUES (?, ?)",
                     (param, minute))


def read_rows(conn: sqlite3.Connection, param: str, t0: float, t1: float) -> list[MinuteRow]:
    rows = conn.execute(
        "SELECT minute, weighted, covered_s, vmin, vmax, last, delta FROM env_minute "
        "WHERE param = ? AND minute >= ? AND minute < ? ORDER BY minute",
        (param, int(t0), int(t1))).fetchall()
    return [MinuteRow(param, *r) for r in rows]


def fold_positions(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT param, minute FROM env_fold").fetchall())


@dataclass(frozen=True)
class Aggregate:
    """Minute rows summed over a period."""

    weighted: float = 0.0
    covered_s: float = 0.0
    delta: float = 0.0
    vmin: float | None = None
    vmax: float | None = None
    minutes: int = 0

    @property
    def mean(self) -> float | None:
        return self.weighted / self.covered_s if self.covered_s > 0 else None

    def completeness(self, period_s: float) -> float:
        return min(1.0, self.covered_s / period_s) if period_s > 0 else 0.0


def aggregate(rows: Iterable[MinuteRow]) -> Aggregate:
    w = c = d = 0.0
    lo: float | None = None
    hi: float | None = None
    n = 0
    for r in rows:
        w, c, d, n = w + r.weighted, c + r.covered_s, d + r.delta, n + 1
        if r.vmin is not None:
            lo = r.vmin if lo is None else min(lo, r.vmin)
        if r.vmax is not None:
            hi = r.vmax if hi is None else max(hi, r.vmax)
    return Aggregate(w, c, d, lo, hi, n)


def aggregate_sql(conn: sqlite3.Connection, param: str, t0: float, t1: float) -> Aggregate:
    """The same as `aggregate(read_rows(...))`, summed by SQLite (reports, long periods)."""
    r: Any = conn.execute(
        "SELECT COALESCE(SUM(weighted), 0), COALESCE(SUM(covered_s), 0), "
        "COALESCE(SUM(delta), 0), MIN(vmin), MAX(vmax), COUNT(*) FROM env_minute "
        "WHERE param = ? AND minute >= ? AND minute < ?", (param, int(t0), int(t1))).fetchone()
    return Aggregate(float(r[0]), float(r[1]), float(r[2]), r[3], r[4], int(r[5]))
