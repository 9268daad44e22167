"""What a trend draws, without Qt: held history, per-pixel buckets, the envelope strokes,
labels."""

from __future__ import annotations

import math

import numpy as np

from widgets import trend_data as data


def test_held_fills_unchanged_stretches_and_keeps_bad_gaps() -> None:
    nan = math.nan
    avg = np.array([nan, 5.0, nan, nan, nan, nan, 7.0, nan])
    count = np.array([0, 3, 0, 0, 0, 0, 1, 0])
    bad = np.array([False, False, False, True, False, False, False, False])
    v, lo, _hi = data.held(avg, avg - 1, avg + 1, count, bad, before=2.0)
    np.testing.assert_array_equal(v, [2.0, 5.0, 5.0, nan, nan, nan, 7.0, 7.0])
    np.testing.assert_array_equal(lo, [2.0, 4.0, 5.0, nan, nan, nan, 6.0, 7.0])
    assert math.isnan(data.held(avg, avg, avg, count)[0][0])  # nothing known before


def test_per_pixel_mean_min_max() -> None:
    t = np.arange(0.0, 100.0, 0.1)
    v = np.sin(t)
    v[505] = 9.0
    c, mean, lo, hi = data.per_pixel(t, v, v, v, 0.0, 100.0, 10)
    assert len(c) == 10 and c[0] == 5.0
    assert hi[5] == 9.0 and lo.min() >= -1.0 and abs(mean[0] - v[:100].mean()) < 1e-12


def test_strokes_from_min_to_max_skip_gaps() -> None:
    t = np.arange(3.0)
    lo = np.array([0.0, np.nan, 1.0])
    x, y, connect = data.strokes(t, lo, lo + 2)
    assert list(x) == [0, 0, 2, 2]
    assert list(y) == [0, 2, 1, 3]
    assert list(connect) == [True, False, True, False]


def test_short_label() -> None:
    class Tc:
        description = "peak force of the last stroke"  # a sentence, too long

    assert data.short_label("a/press/peak_force", Tc(), with_station=True) == "peak force"
    assert data.short_label("a/press/power", None, with_station=False) == "press power"
