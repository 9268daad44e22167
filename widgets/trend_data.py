"""What a trend draws, as plain functions of NumPy arrays (tested without Qt): history
buckets with values held across unchanged stretches, dense live data reduced to one
mean/min/max per pixel, the envelope as strokes from min to max, a tag's legend label."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

LABEL_MAX = 24  # a legend label longer than this is a sentence, not a label


def held(avg: np.ndarray, vmin: np.ndarray, vmax: np.ndarray, count: np.ndarray,
         bad: np.ndarray | None = None, before: float = np.nan
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """History buckets as drawn. Values arrive by exception, so an empty bucket means the
    value did not change: it holds the last bucket's mean (a flat stretch, min = max).
    A bucket with a BAD sample is a gap, and so is every empty bucket after it until
    the next good value. Empty buckets before the first sample hold `before` (the last
    value before the window; NaN when there is none or it was BAD)."""
    n = len(avg)
    bad = np.zeros(n, dtype=bool) if bad is None else bad
    good = (count > 0) & ~bad
    known = good | bad | ((count > 0) & np.isnan(avg))
    idx = np.where(known, np.arange(n), -1)
    np.maximum.accumulate(idx, out=idx)
    value = np.where(good, avg, np.nan)
    src = np.where(idx >= 0, value[np.maximum(idx, 0)], before)
    empty = ~known
    return (
        np.where(empty, src, value),
        np.where(empty, src, np.where(good, vmin, np.nan)),
        np.where(empty, src, np.where(good, vmax, np.nan)),
    )


def per_pixel(t: np.ndarray, v: np.ndarray, lo: np.ndarray, hi: np.ndarray,
              t0: float, t1: float, n: int
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Samples in [t0, t1] as `n` time buckets: centre, mean of `v`, min of `lo`, max of
    `hi` (empty buckets are left out; a NaN in a bucket makes that bucket a gap).
    The line then costs the width of the plot, not the data rate."""
    a, b = np.searchsorted(t, [t0, t1], side="left")
    t, v, lo, hi = t[a:b], v[a:b], lo[a:b], hi[a:b]
    if len(t) == 0:
        e = np.empty(0)
        return e, e, e, e
    edges = t0 + (t1 - t0) * np.arange(n + 1) / n
    idx = np.searchsorted(t, edges)
    counts = np.diff(idx)
    has = counts > 0
    starts = idx[:-1][has]
    centre = ((edges[:-1] + edges[1:]) * 0.5)[has]
    mean = np.add.reduceat(v, starts) / counts[has]
    return centre, mean, np.minimum.reduceat(lo, starts), np.maximum.reduceat(hi, starts)


def strokes(t: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray,
                                                                     np.ndarray]:
    """The envelope as one vertical stroke per bucket from min to max: with a bucket a
    pixel it reads as a filled band, and costs a few ms where a filled polygon cost
    about 15 % of a day plot's frame (measured). Returns x, y and the `connect` array
    for arrayToQPath (each stroke's two ends connected, nothing between strokes);
    buckets with a gap are left out."""
    finite = np.isfinite(lo) & np.isfinite(hi)
    t, lo, hi = t[finite], lo[finite], hi[finite]
    x = np.repeat(t, 2)
    y = np.empty(2 * len(t))
    y[0::2], y[1::2] = lo, hi
    connect = np.zeros(len(y), dtype=bool)
    connect[0::2] = True
    return x, y, connect


def station_of(tag: str, stations: Iterable[Any]) -> Any:
    """The first station that lists `tag` among what it shows, or None."""
    for st in stations:
        listed = (*getattr(st, "values", ()), *getattr(st, "trend", ()),
                  getattr(st, "power_tag", None), getattr(st, "state_tag", None),
                  getattr(st, "cycle_tag", None), *getattr(st, "setpoints", ()))
        if tag in listed:
            return st
    return None


def short_label(tag: str, tag_config: Any, with_station: bool) -> str:
    """The tag's own short label or description when it is short, else the last part
    of its path (the last two without a station to tell it apart), words not snake_case."""
    for text in (getattr(tag_config, "label", ""), getattr(tag_config, "description", "")):
        if text and len(text) <= LABEL_MAX:
            return str(text)
    parts = [p for p in tag.split("/") if p]
    keep = parts[-1:] if with_station else parts[-2:]
    return " ".join(keep).replace("_", " ") or tag
