"""Each permitted parameter per day of the ESG report's period against its permit limit.

One row per parameter, day and figure: the figure is what the parameter's rule judges,
taken per day from the minute rollups, the worst of the day where a day holds several
averaging periods:

- instant: the highest (and for a lower limit the lowest) value of the day;
- block and rolling means: the highest (lowest) block or rolling mean of the day;
- daily mean, daily total: the day's mean or total;
- monthly total: the month's total up to the end of that day.

Days are local calendar days clipped to the period, as the energy per day. A day
without data has no value and is never over the limit. The PDF draws this table as one
chart per parameter; CSV and JSON carry it as it is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import sqlite3
from collections import deque
from typing import Any

from app.environment.config import EnvironmentConfig, Parameter, Rule
from app.environment.esg import QT_TRANSLATE_NOOP, Table
from app.environment.rollups import MINUTE, aggregate_sql, read_rows

KEY = "emissions_daily"
HIGHEST = {
    Rule.INSTANT: QT_TRANSLATE_NOOP("EsgReport", "highest value"),
    Rule.BLOCK_MEAN: QT_TRANSLATE_NOOP("EsgReport", "highest block mean"),
    Rule.ROLLING_MEAN: QT_TRANSLATE_NOOP("EsgReport", "highest rolling mean"),
}
LOWEST = {
    Rule.INSTANT: QT_TRANSLATE_NOOP("EsgReport", "lowest value"),
    Rule.BLOCK_MEAN: QT_TRANSLATE_NOOP("EsgReport", "lowest block mean"),
    Rule.ROLLING_MEAN: QT_TRANSLATE_NOOP("EsgReport", "lowest rolling mean"),
}
WHOLE_DAY = {
    Rule.DAILY_MEAN: QT_TRANSLATE_NOOP("EsgReport", "daily mean"),
    Rule.DAILY_TOTAL: QT_TRANSLATE_NOOP("EsgReport", "daily total"),
    Rule.MONTHLY_TOTAL: QT_TRANSLATE_NOOP("EsgReport", "month-to-date total"),
}

Day = tuple[str, float, float]  # ISO date, start, end (clipped to the period)


def days(start: float, end: float) -> list[Day]:
    out = []
    day = dt.datetime.fromtimestamp(start).replace(hour=0, minute=0, second=0, microsecond=0)
    while day.timestamp() < end:
        nxt = day + dt.timedelta(days=1)
        out.append((day.date().isoformat(), max(start, day.timestamp()),
                    min(end, nxt.timestamp())))
        day = nxt
    return out


def table(conn: sqlite3.Connection, env: EnvironmentConfig, start: float, end: float) -> Table:
    t = Table(
        KEY,
        QT_TRANSLATE_NOOP("EsgReport", "Emissions per day against permit limits"),
        [
            QT_TRANSLATE_NOOP("EsgReport", "parameter"),
            QT_TRANSLATE_NOOP("EsgReport", "day"),
            QT_TRANSLATE_NOOP("EsgReport", "figure"),
            QT_TRANSLATE_NOOP("EsgReport", "value"),
            QT_TRANSLATE_NOOP("EsgReport", "unit"),
            QT_TRANSLATE_NOOP("EsgReport", "low limit"),
            QT_TRANSLATE_NOOP("EsgReport", "high limit"),
            QT_TRANSLATE_NOOP("EsgReport", "over limit"),
        ],
    )
    span = days(start, end)
    for p in env.parameters:
        for figure, values in _figures(conn, p, span):
            for (day, _a, _b), v in zip(span, values, strict=True):
                value = None if v is None else round(v, 2)
                over = value is not None and p.exceeds(value)
                t.rows.append([p.name, day, figure, value, p.unit, p.low, p.high, over])
    return t


def _figures(
    conn: sqlite3.Connection, p: Parameter, span: list[Day]
) -> list[tuple[str, list[float | None]]]:
    if p.rule in WHOLE_DAY:
        return [(WHOLE_DAY[p.rule], [_whole_day(conn, p, a, b) for _d, a, b in span])]
    per_day = _worst_of_day(conn, p, span)
    out = []
    if p.high is not None:
        out.append((HIGHEST[p.rule], [max(v) if v else None for v in per_day]))
    if p.low is not None:
        out.append((LOWEST[p.rule], [min(v) if v else None for v in per_day]))
    return out


def _whole_day(conn: sqlite3.Connection, p: Parameter, a: float, b: float) -> float | None:
    if p.rule is Rule.MONTHLY_TOTAL:
        first = dt.datetime.fromtimestamp(a).replace(day=1, hour=0, minute=0, second=0,
                                                     microsecond=0)
        agg = aggregate_sql(conn, p.id, first.timestamp(), b)
        return agg.delta if agg.minutes else None
    agg = aggregate_sql(conn, p.id, a, b)
    if not agg.minutes:
        return None
    return agg.delta if p.rule.is_total else agg.mean


def _worst_of_day(conn: sqlite3.Connection, p: Parameter, span: list[Day]) -> list[list[float]]:
    """Every value the rule judges, collected by the day it falls in."""
    if not span:
        return []
    t0, t1 = span[0][1], span[-1][2]
    found: list[tuple[float, float]] = []  # (time, value)
    if p.rule is Rule.INSTANT:
        for m, lo, hi in conn.execute(
            "SELECT minute, vmin, vmax FROM env_minute WHERE param = ? AND minute >= ? AND "
            "minute < ? AND vmax IS NOT NULL", (p.id, int(t0), int(t1))):
            found += [(m, lo), (m, hi)]
    elif p.rule is Rule.BLOCK_MEAN:
        w = p.window_min * MINUTE
        for b, weighted, covered in conn.execute(
            "SELECT (minute / ?) * ?, SUM(weighted), SUM(covered_s) FROM env_minute WHERE "
            "param = ? AND minute >= ? AND minute < ? GROUP BY 1", (w, w, p.id, int(t0),
                                                                     int(t1))):
            if covered > 0:
                found.append((max(float(b), t0), weighted / covered))
    else:  # rolling mean: the window's mean at the end of every minute with data
        w = p.window_min * MINUTE
        window: deque[Any] = deque()
        weighted = covered = 0.0
        for r in read_rows(conn, p.id, t0 - w + MINUTE, t1):
            window.append(r)
            weighted, covered = weighted + r.weighted, covered + r.covered_s
            while window[0].minute <= r.minute - w:
                old = window.popleft()
                weighted, covered = weighted - old.weighted, covered - old.covered_s
            if r.minute >= t0 and r.covered_s > 0 and covered > 0:
                found.append((r.minute, weighted / covered))
    return _by_day(found, span)


def _by_day(found: list[tuple[float, float]], span: list[Day]) -> list[list[float]]:
    out: list[list[float]] = [[] for _ in span]
    starts = [a for _d, a, _b in span]
    for t, v in found:
        i = bisect.bisect_right(starts, t) - 1
        if i >= 0 and t < span[i][2]:
            out[i].append(v)
    return out
