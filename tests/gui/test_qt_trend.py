"""Trend: live values from the bridge, BAD as a gap, history backfilled from the store."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

import numpy as np
import pytest
from guikit import PRESSURE, TEMP

from app.model import Quality, Sample
from widgets.trend import TrendPlot


@dataclass
class FakeBuckets:
    t: np.ndarray
    vmin: np.ndarray
    vmax: np.ndarray
    vavg: np.ndarray
    count: np.ndarray


class SlowHistorian:
    """Answers like the store's historian; records the calling thread."""

    def __init__(self) -> None:
        self.threads: list[str] = []
        self.calls: list[tuple] = []

    def query(self, tags, t0, t1, buckets):
        self.threads.append(threading.current_thread().name)
        self.calls.append((tuple(tags), t0, t1, buckets))
        time.sleep(0.05)  # a slow disk must not freeze the GUI
        t = np.linspace(t0, t1 - 120, 20)
        out = {}
        for tag in tags:
            avg = np.full(20, 100.0)
            avg[5:8] = np.nan  # a gap in the history
            out[tag] = FakeBuckets(t, avg - 10, avg + 10, avg, np.ones(20))
        return out


class Store:
    def __init__(self, historian) -> None:
        self.historian = historian


def test_live_values_and_bad_gap(qtbot, bridge):
    plot = TrendPlot(bridge, [PRESSURE, TEMP], window_s=60)
    qtbot.addWidget(plot)
    now = time.time()
    bridge.push([Sample(PRESSURE, now - 30, 10.0), Sample(PRESSURE, now - 20, 12.0),
                 Sample(PRESSURE, now - 15, None, Quality.BAD),
                 Sample(PRESSURE, now - 10, 14.0), Sample(TEMP, now - 5, 40.0)])
    bridge.tick()
    plot.refresh()
    t, v = plot.series[PRESSURE].curve.getData()
    assert 10.0 in v and 14.0 in v
    i_bad = int(np.searchsorted(t, now - 15))
    assert math.isnan(v[i_bad])  # BAD is a gap, never a flat line through it
    assert math.isnan(plot.values_at(now - 12)[PRESSURE])  # the cursor reads a gap
    assert plot.values_at(now - 9)[PRESSURE] == 14.0
    lo, hi = plot.main_vb.viewRange()[0]
    assert hi - lo == pytest.approx(60, abs=2)  # scrolls with the 1 min window
    # two units -> two Y axes
    assert len(plot._views) == 2


def test_pause_keeps_buffering(qtbot, bridge):
    plot = TrendPlot(bridge, [PRESSURE], window_s=60)
    qtbot.addWidget(plot)
    plot.set_paused(True)
    frozen = plot.main_vb.viewRange()[0]
    bridge.push([Sample(PRESSURE, time.time(), 5.0)])
    bridge.tick()
    plot.refresh()
    assert plot.main_vb.viewRange()[0] == frozen
    assert len(plot.series[PRESSURE].ring) == 1
    assert plot.pause_button.text() == "Live"


def test_window_buttons_are_touch_sized(qtbot, bridge):
    plot = TrendPlot(bridge, [PRESSURE])
    qtbot.addWidget(plot)
    plot.resize(900, 500)
    plot.show()
    qtbot.waitExposed(plot)
    for b in [*plot.window_buttons.values(), plot.pause_button]:
        assert b.height() >= 48 and b.width() >= 48


def test_backfill_runs_off_the_gui_thread_and_draws_history(qtbot, bridge):
    hist = SlowHistorian()
    plot = TrendPlot(bridge, [PRESSURE], store=Store(hist), window_s=3600)
    qtbot.addWidget(plot)
    plot.resize(800, 400)
    with qtbot.waitSignal(plot.backfilled, timeout=5000):
        plot.show()
    assert hist.threads and hist.threads[0] != threading.current_thread().name
    tags, t0, t1, buckets = hist.calls[0]
    assert tags == (PRESSURE,) and t1 - t0 == pytest.approx(3600, abs=5) and buckets >= 50
    _, v = plot.series[PRESSURE].curve.getData()
    assert np.nanmax(v) == 100.0 and np.isnan(v).any()  # history with its gap
    ex, ey = plot.series[PRESSURE].envelope.getData()
    assert len(ex) == 40 and ey.max() == 110.0  # min/max envelope per bucket

    with qtbot.waitSignal(plot.backfilled, timeout=5000):
        plot.window_buttons[60].click()
    assert hist.calls[-1][2] - hist.calls[-1][1] == pytest.approx(60, abs=5)


def test_backfill_failure_is_shown_not_swallowed(qtbot, bridge):
    class Broken:
        def query(self, *a, **k):
            raise OSError("database is locked")

    plot = TrendPlot(bridge, [PRESSURE], store=Store(Broken()))
    qtbot.addWidget(plot)
    plot.request_backfill()
    qtbot.waitUntil(lambda: plot.backfill_error is not None, timeout=5000)
    assert "database is locked" in plot.status.text()


def test_backfill_from_a_real_store_file(qtbot, bridge, tmp_path):
    from app.store.store import Store as RealStore

    now = time.time()
    store = RealStore(tmp_path / "lineside.db", terminal_id="t-test").open()
    try:
        ts = now - 1800 + np.arange(0, 1700, 1.0)
        samples = [Sample(PRESSURE, float(t), 100.0 + (i % 10)) for i, t in enumerate(ts)]
        samples += [Sample(PRESSURE, now - 50, None, Quality.BAD)]
        store.historian.append(samples)
        store.flush()
        plot = TrendPlot(bridge, [PRESSURE], store=store, window_s=3600)
        qtbot.addWidget(plot)
        plot.resize(800, 400)
        with qtbot.waitSignal(plot.backfilled, timeout=10000):
            plot.show()
        _, v = plot.series[PRESSURE].curve.getData()
        assert np.nanmin(v) >= 100.0 and np.nanmax(v) <= 109.0
        assert np.isnan(v).any()  # the hour before the data is a gap, not a flat line
        _, ey = plot.series[PRESSURE].envelope.getData()
        assert ey.max() == 109.0  # the envelope keeps each bucket's peak
    finally:
        store.close()


def test_dense_data_is_drawn_as_min_max_per_pixel(qtbot, bridge):
    """Drawing cost follows the plot's width, not the data rate; peaks stay visible."""
    plot = TrendPlot(bridge, [PRESSURE], window_s=600)
    qtbot.addWidget(plot)
    plot.resize(800, 400)
    plot.show()
    qtbot.waitExposed(plot)
    now = time.time()
    t = now - 200 + np.arange(16_000) * (200 / 16_000)  # 80 samples a second
    v = np.sin(t)
    v[8_000] = 500.0  # one spike among them
    plot.series[PRESSURE].ring.extend(t, v)
    plot.series[PRESSURE].dirty = True
    plot.refresh()
    plot.plot.grab()
    drawn_x, drawn_y = plot.series[PRESSURE].curve.curve.getData()
    width = plot.main_vb.width()
    assert len(drawn_x) <= 2 * width + 8
    assert drawn_y.max() == 500.0


def test_redraw_pace_counts_the_paint_it_causes(qtbot, bridge):
    from widgets.trend_pacing import pace

    plot = TrendPlot(bridge, [PRESSURE], window_s=60)
    qtbot.addWidget(plot)
    plot.show()
    qtbot.waitExposed(plot)
    plot.plot.paint_ms = 0.0
    plot.plot.grab()
    assert plot.plot.paint_ms > 0.0  # the plot's paints are timed
    plot.plot.paint_ms = 400.0  # a slow machine: painting this plot took 400 ms
    plot._paced_refresh()
    assert plot._redraw.interval() >= pace(400.0)
