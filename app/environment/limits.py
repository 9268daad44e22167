"""A parameter against its permit limit: the value the rule averages or totals, the
projection to the end of the averaging period, and whether that warns or exceeds.

Projection, explainable on screen:
- block and daily means: the mean so far (weighted by the seconds with data), the rest
  of the period assumed at the mean of the last `RECENT_MIN` minutes;
- totals: the total so far plus the rate of the last hour until the period ends;
- rolling means and instantaneous values: the last `TREND_MIN` minute means extended as
  a straight line by half a window (rolling) or `INSTANT_HORIZON_MIN` (instant).
A warning is "on course to exceed before the period ends"; an exceedance is a completed
period (or a current rolling mean or value) past the limit, or a total already past it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.environment.config import Parameter, Rule
from app.environment.rollups import MINUTE, MinuteRow, aggregate

RECENT_MIN = 5
TREND_MIN = 10
INSTANT_HORIZON_MIN = 15


class Level(StrEnum):
    NORMAL = "normal"
    WARNING = "warning"  # projected past the limit
    EXCEEDED = "exceeded"


@dataclass(frozen=True)
class Status:
    param: str
    level: Level
    value: float | None  # what the rule looks at now (mean so far, total so far, value)
    projected: float | None
    period_start: float
    period_end: float
    explanation: str


def period_of(p: Parameter, t: float, tz: dt.tzinfo | None = None) -> tuple[float, float]:
    """The averaging period that holds `t` (local time for days and months)."""
    if p.rule is Rule.BLOCK_MEAN:
        w = p.window_min * MINUTE
        start = (t // w) * w
        return start, start + w
    if p.rule is Rule.ROLLING_MEAN:
        return t - p.window_min * MINUTE, t
    if p.rule is Rule.INSTANT:
        return t, t
    d = dt.datetime.fromtimestamp(t, tz)
    if p.rule is Rule.MONTHLY_TOTAL:
        first = d.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return first.timestamp(), nxt.timestamp()
    day = d.replace(hour=0, minute=0, second=0, microsecond=0)
    return day.timestamp(), (day + dt.timedelta(days=1)).timestamp()


def _trend(rows: list[MinuteRow], ahead_min: float) -> float | None:
    """The last TREND_MIN minute means extended `ahead_min` minutes (least squares).
    None until TREND_MIN minutes have data: a terminal just started, or a value
    settling after a restart, has no trend worth a warning."""
    pts = [(r.minute / MINUTE, r.mean) for r in rows[-TREND_MIN:] if r.mean is not None]
    if len(pts) < TREND_MIN:
        return None
    n = len(pts)
    mx = sum(x for x, _ in pts) / n
    my = sum(y for _, y in pts) / n
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    slope = sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else 0.0
    return my + slope * (pts[-1][0] + ahead_min - mx)


def evaluate(p: Parameter, rows: list[MinuteRow], now: float, *,
             latest: float | None = None, tz: dt.tzinfo | None = None) -> Status:
    """`rows`: the parameter's minute rows from at least the period's start (or the
    rolling window and trend) up to the last folded minute; `now`: the end of that."""
    start, end = period_of(p, now, tz)
    unit = f" {p.unit}" if p.unit else ""
    if p.rule is Rule.INSTANT:
        value = latest if latest is not None else (rows[-1].last if rows else None)
        proj = _trend(rows, INSTANT_HORIZON_MIN)
        level = _level(p, value, proj)
        why = (f"value {_f(value)}{unit}; trend of the last {TREND_MIN} min reaches "
               f"{_f(proj)}{unit} in {INSTANT_HORIZON_MIN} min; limit {p.limit_text()}")
        return Status(p.id, level, value, proj, now, now, why)
    if p.rule is Rule.ROLLING_MEAN:
        window = [r for r in rows if r.minute >= start]
        agg = aggregate(window)
        value = agg.mean
        half = p.window_min / 2
        recent = aggregate(r for r in window if r.minute >= now - half * MINUTE).mean
        ahead = _trend(rows, half / 2)
        proj = None if recent is None or ahead is None else (recent + ahead) / 2
        if agg.covered_s < half * MINUTE:  # less than half the window seen: no forecast
            proj = None
        why = (f"{p.window_min}-min mean {_f(value)}{unit}; on its trend "
               f"{_f(proj)}{unit} in {half:g} min; limit {p.limit_text()}")
        return Status(p.id, _level(p, value, proj), value, proj, start, now, why)
    in_period = [r for r in rows if start <= r.minute < end]
    agg = aggregate(in_period)
    if p.rule.is_total:
        total = agg.delta
        last_hour = aggregate(r for r in in_period if r.minute >= now - 3600)
        span = min(3600.0, max(MINUTE, now - start))
        rate = last_hour.delta / span
        proj = total + rate * max(0.0, end - now)
        why = (f"total so far {_f(total)}{unit}; at the last hour's rate "
               f"{_f(proj)}{unit} by the end of the period; limit {p.limit_text()}")
        level = Level.EXCEEDED if p.exceeds(total) else (
            Level.WARNING if p.exceeds(proj) else Level.NORMAL)
        return Status(p.id, level, total, proj, start, end, why)
    mean = agg.mean
    # The period's mean is over the time with data (what a permit's mean can be), so the
    # data so far weighs by the seconds it covers and the rest of the period by its length.
    seen, rest = agg.covered_s, max(0.0, end - max(now, start))
    w = seen / (seen + rest) if seen + rest > 0 else 1.0
    recent = aggregate(r for r in in_period if r.minute >= now - RECENT_MIN * MINUTE).mean
    proj = None
    if mean is not None:
        proj = mean * w + (recent if recent is not None else mean) * (1 - w)
    # Already certain: even a value of zero for the rest keeps the mean past the limit.
    certain = (mean is not None and p.high is not None and mean >= 0
               and mean * w > p.high)
    level = Level.EXCEEDED if certain else _level(p, None, proj)
    why = (f"mean so far {_f(mean)}{unit} over {seen / 60:.0f} min of data, "
           f"{rest / 60:.0f} of {(end - start) / 60:.0f} min to go; with the last "
           f"{RECENT_MIN} min for the rest: {_f(proj)}{unit}; limit {p.limit_text()}")
    return Status(p.id, level, mean, proj, start, end, why)


def completed(p: Parameter, rows: list[MinuteRow], start: float, end: float) -> Status:
    """A closed averaging period (block, day, month) against the limit."""
    agg = aggregate(r for r in rows if start <= r.minute < end)
    value = agg.delta if p.rule.is_total else agg.mean
    unit = f" {p.unit}" if p.unit else ""
    level = Level.EXCEEDED if value is not None and p.exceeds(value) else Level.NORMAL
    what = "total" if p.rule.is_total else "mean"
    why = (f"{what} of the period {_f(value)}{unit} "
           f"({100 * agg.completeness(end - start):.0f} % of it with good data); "
           f"limit {p.limit_text()}")
    return Status(p.id, level, value, value, start, end, why)


def _level(p: Parameter, value: float | None, projected: float | None) -> Level:
    if value is not None and p.exceeds(value):
        return Level.EXCEEDED
    if projected is not None and p.exceeds(projected):
        return Level.WARNING
    return Level.NORMAL


def _f(x: float | None) -> str:
    return "–" if x is None else f"{x:.3g}"
