"""Trend redraw pacing and windowing: under load the GUI thread stays responsive."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np

from widgets.trend_pacing import (
    DUTY,
    MAX_REDRAW_MS,
    REDRAW_MS,
    STORE_LAG_SAMPLES,
    pace,
    pixel_ms,
    store_lagging,
    visible,
)


def test_fast_redraws_run_at_10_hz_and_slow_ones_back_off_to_a_bounded_duty() -> None:
    assert pace(5.0) == REDRAW_MS
    slow = 300.0  # a busy 2-core machine, 80 curves
    delay = pace(slow)
    assert slow / (slow + delay) <= DUTY + 1e-9
    assert pace(10_000.0) == MAX_REDRAW_MS  # never slower than this, however busy


def test_only_the_visible_window_and_one_point_before_it_are_drawn() -> None:
    t = np.arange(0.0, 1000.0)
    v = t * 2
    vt, vv = visible(t, v, 900.5)
    assert vt[0] == 900.0 and vt[-1] == 999.0 and len(vt) == len(vv) == 100
    assert visible(t, v, -math.inf)[0] is t  # paused: everything held


def test_a_long_window_scrolls_once_per_pixel_not_ten_times() -> None:
    assert pixel_ms(60, 600) == 100  # 1 min over 600 px: 10 Hz
    assert pixel_ms(600, 600) == 1000  # 10 min: one pixel a second
    assert pixel_ms(86_400, 600) == MAX_REDRAW_MS  # 24 h: bounded


def test_trends_yield_to_the_historian_when_its_writer_lags() -> None:
    def store(queued: int) -> SimpleNamespace:
        return SimpleNamespace(pending_samples=queued)

    assert not store_lagging(store(100))
    assert store_lagging(store(STORE_LAG_SAMPLES + 1))
    assert not store_lagging(None)  # a trend without a store


def test_trends_opened_together_start_their_redraws_apart() -> None:
    from widgets.trend_pacing import phase_ms

    offsets = [phase_ms(k) for k in range(8)]  # a screen of 8 trends
    assert len(set(offsets)) == 8
    assert all(0 <= o < REDRAW_MS for o in offsets)


def test_crowded_counts_live_samples_where_they_are() -> None:
    from widgets.trend_pacing import crowded

    now = 1000.0
    fast = now - 30 + np.arange(300) * 0.1  # 30 s at 10 Hz
    assert crowded(fast, now - 600, now, 800)  # 300 samples in 40 of 800 px
    assert not crowded(fast, now - 60, now, 800)  # 300 samples in 400 px
    slow = now - 600 + np.arange(120) * 5.0  # a sample every 5 s all along
    assert not crowded(slow, now - 600, now, 800)
    assert not crowded(np.empty(0), now - 600, now, 800)
