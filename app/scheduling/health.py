"""Health indicators and remaining useful life (RUL) from a degradation fit, explained.

An indicator is a tag that wears toward a limit: electrode tip wear toward the
tip-dress limit, press oil temperature corrected for load, a cycle counter toward the
maintenance interval, weld current (for the same spot) rising as tips wear. The fit is
ordinary least squares of value against time over the samples since the last reset
(a drop of more than `reset_drop` — a tip dress, a service — starts a new life):
RUL = time until the fitted line reaches the limit; its uncertainty comes from the
slope's standard error (a 90 % band, t-quantile ~1.645 for the sample sizes seen here).
Every estimate carries a sentence saying how it was made, for the screen.

`choose_window` places the maintenance before the predicted limit at the least costly
time: a break if one fits, else where the plan puts the fewest (and lowest-priority)
jobs on the station, as late as possible at that cost so the tips are used.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.config import SiteConfig, Table


class IndicatorKind(StrEnum):
    LEVEL = "level"  # a value drifting toward `limit`
    COUNTER = "counter"  # a count toward the next multiple of `interval`


@dataclass(frozen=True)
class IndicatorSpec:
    id: str
    name: str
    station: str
    tag: str
    kind: IndicatorKind = IndicatorKind.LEVEL
    limit: float = 100.0
    interval: float = 0.0  # COUNTER: service every this many counts
    unit: str = ""
    fit_s: float = 600.0  # fit over at most this much history
    reset_drop: float = 0.0  # a fall larger than this starts a new life (0: never)
    min_value: float | None = None  # ignore samples below (weld current between welds)
    load_tag: str | None = None  # only at load >= 0.8 load_ref, corrected by load_gain
    load_gain: float = 0.0
    load_ref: float = 0.0
    settle_s: float = 0.0  # with a load tag: only samples this long after load resumed
    task: str = "maintenance"  # what the work order says to do
    duration_min: float = 10.0  # how long the maintenance takes


@dataclass(frozen=True)
class Estimate:
    indicator: str
    station: str
    value: float  # the fitted value now
    limit: float
    slope_per_h: float
    rul_s: float | None  # None: not degrading (no limit ahead)
    rul_low_s: float | None  # 90 % band
    rul_high_s: float | None
    n: int
    r2: float
    explanation: str
    at: float

    @property
    def limit_at(self) -> float | None:
        return None if self.rul_s is None else self.at + self.rul_s


def fit_rul(times: Sequence[float], values: Sequence[float], limit: float, now: float,
            *, indicator: str = "", station: str = "", unit: str = "") -> Estimate | None:
    """Least-squares line through (t, v); when it reaches `limit` (rising or falling)."""
    n = len(times)
    if n < 5:
        return None
    t0 = times[0]
    xs = [t - t0 for t in times]
    mx, my = sum(xs) / n, sum(values) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx <= 0:
        return None
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, values, strict=True))
    b = sxy / sxx
    a = my - b * mx
    resid = [y - (a + b * x) for x, y in zip(xs, values, strict=True)]
    sse = sum(r * r for r in resid)
    syy = sum((y - my) ** 2 for y in values)
    r2 = 1.0 - sse / syy if syy > 0 else 0.0
    se_b = math.sqrt(sse / (n - 2) / sxx) if n > 2 else 0.0
    x_now = now - t0
    v_now = a + b * x_now
    gap = limit - v_now
    per_h = b * 3600.0
    u = f" {unit}" if unit else ""
    base = (f"straight-line fit of {n} samples over the last "
            f"{_dur(times[-1] - times[0])}: {per_h:+.3g}{u}/h (R² {r2:.2f}); "
            f"now {v_now:.3g}{u}, limit {limit:.3g}{u}")
    rising = a < limit  # the fitted start is below the limit: wear goes up toward it
    if (v_now >= limit) if rising else (v_now <= limit):
        return Estimate(indicator, station, v_now, limit, per_h, 0.0, 0.0, 0.0, n, r2,
                        base + "; at or past the limit now", now)
    if (b <= 0) if rising else (b >= 0):
        return Estimate(indicator, station, v_now, limit, per_h, None, None, None, n, r2,
                        base + "; not moving toward the limit", now)
    rul = gap / b
    k = 1.645
    fast, slow = abs(b) + k * se_b, abs(b) - k * se_b
    low = abs(gap) / fast
    high = abs(gap) / slow if slow > 0 else float("inf")
    text = (base + f"; reaches it in {_dur(rul)} (90 %: {_dur(low)} to "
            f"{_dur(high) if math.isfinite(high) else 'never'})")
    return Estimate(indicator, station, v_now, limit, per_h, rul, low,
                    high if math.isfinite(high) else None, n, r2, text, now)


def _dur(s: float) -> str:
    if s < 90:
        return f"{s:.0f} s"
    if s < 5400:
        return f"{s / 60:.0f} min"
    if s < 2 * 86400:
        return f"{s / 3600:.1f} h"
    return f"{s / 86400:.1f} d"


def since_reset(times: Sequence[float], values: Sequence[float],
                drop: float) -> tuple[list[float], list[float]]:
    """The samples after the last fall larger than `drop` (a tip dress, a service)."""
    start = 0
    if drop > 0:
        for i in range(1, len(values)):
            if values[i - 1] - values[i] > drop:
                start = i
    return list(times[start:]), list(values[start:])


def estimate(spec: IndicatorSpec, samples: Sequence[tuple[float, float]], now: float,
             load: Sequence[tuple[float, float]] = ()) -> Estimate | None:
    """The RUL of one indicator from its recent (t, value) samples."""
    pts = [(t, v) for t, v in samples if t >= now - spec.fit_s and math.isfinite(v)]
    if spec.min_value is not None:
        pts = [(t, v) for t, v in pts if v >= spec.min_value]
    if spec.load_tag and load:
        # Compared at steady load only: while the press stands (a break) the oil cools,
        # and it warms again for a few minutes after; neither says anything about the
        # cooler. Near the reference load the rest of the load's effect is taken out.
        since = _at_load_since(load, 0.8 * spec.load_ref)
        pts = [(t, v - spec.load_gain * (_at(load, t) - spec.load_ref)) for t, v in pts
               if (s0 := _at(since, t)) >= 0 and t - s0 >= spec.settle_s]
    times, values = since_reset([t for t, _ in pts], [v for _, v in pts], spec.reset_drop)
    if len(times) < 2 or times[-1] - times[0] < min(spec.fit_s / 3.0, 300.0):
        return None  # too short a history to call a trend
    limit = spec.limit
    if spec.kind is IndicatorKind.COUNTER:
        if not values or spec.interval <= 0:
            return None
        limit = (math.floor(values[-1] / spec.interval) + 1) * spec.interval
    return fit_rul(times, values, limit, now, indicator=spec.id, station=spec.station,
                   unit=spec.unit)


def _at_load_since(load: Sequence[tuple[float, float]],
                   threshold: float) -> list[tuple[float, float]]:
    """(t, since when the load has been at or above `threshold`, or -1 below it)."""
    out: list[tuple[float, float]] = []
    since = -1.0
    for t, v in load:
        if v >= threshold:
            if since < 0:
                since = t
        else:
            since = -1.0
        out.append((t, since))
    return out


def _at(series: Sequence[tuple[float, float]], t: float) -> float:
    """The last value at or before t (the first one before the series starts)."""
    best = series[0][1]
    for ts, v in series:
        if ts > t:
            break
        best = v
    return best


def choose_window(deadline: float, duration_s: float, now: float,
                  breaks: Sequence[tuple[float, float]],
                  busy: Sequence[tuple[float, float, int]]) -> tuple[float, str]:
    """Where to put `duration_s` of maintenance ending by `deadline`; (start, why).

    `breaks`: (start, end) the line stops anyway; `busy`: (start, end, priority) of the
    planned jobs on the station."""
    latest = deadline - duration_s
    if latest <= now:
        return now, "now: the limit is too close to wait"
    for a, b in sorted(breaks, reverse=True):
        s = min(b - duration_s, latest)
        if s >= max(a, now) - 1e-6 and s + duration_s <= b + 1e-6:
            return max(s, a), "in a break: no production lost"
    cands = {now, latest}
    for a, b, _ in busy:
        for t in (a, b, a - duration_s, b - duration_s):
            if now <= t <= latest:
                cands.add(t)

    def cost(s: float) -> float:
        e = s + duration_s
        return sum(p * (min(b, e) - max(a, s)) for a, b, p in busy if b > s and a < e)

    best = min(sorted(cands, reverse=True), key=cost)
    c = cost(best)
    why = ("when the station has no planned work" if c == 0
           else "where the plan has the least (and least urgent) work on the station")
    return best, why


def parse_indicators(t: Table, site: SiteConfig) -> list[IndicatorSpec]:
    """`[[maintenance.indicators]]` tables (see app/scheduling/maintenance.py)."""
    out: list[IndicatorSpec] = []
    for it in t.tables("indicators"):
        tag = it.str("tag", required=True)
        if site.tags and tag not in site.tags:
            raise it.error("tag", f"unknown tag {tag!r}")
        st = it.str("station", required=True)
        if site.stations and st not in site.stations:
            raise it.error("station", f"unknown station {st!r}")
        kind = IndicatorKind(it.str("kind", "level", choices=tuple(k.value for k in IndicatorKind)))
        load_tag = it.str("load_tag")
        if load_tag and site.tags and load_tag not in site.tags:
            raise it.error("load_tag", f"unknown tag {load_tag!r}")
        spec = IndicatorSpec(
            it.str("id", required=True), it.str("name", required=True), st, tag, kind,
            it.float("limit", 100.0), it.float("interval", 0.0, min=0), it.str("unit", ""),
            it.float("fit_s", 600.0, min=10), it.float("reset_drop", 0.0, min=0),
            it.float("min_value"), load_tag, it.float("load_gain", 0.0),
            it.float("load_ref", 0.0), it.float("settle_s", 0.0, min=0),
            it.str("task", "maintenance"),
            it.float("duration_min", 10.0, min=0.5))
        if kind is IndicatorKind.COUNTER and spec.interval <= 0:
            raise it.error("interval", "a counter indicator needs interval > 0")
        if any(o.id == spec.id for o in out):
            raise it.error("id", f"indicator {spec.id!r} is defined twice")
        out.append(spec)
        it.done()
    return out
