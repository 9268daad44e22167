"""Trend: live values from the bridge, BAD as a gap, history backfilled from the store."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

import numpy as np
import pytest
from guikit import PRESSURE, STROKE, TEMP

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
    # min/max envelope: a stroke per bucket, none in the gap (17 buckets around it)
    assert len(ex) == 2 * 17 and ey.max() == 110.0 and ey.min() == 90.0

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
    # the line is the per-pixel mean (readable); the spike stays in the faint envelope
    assert drawn_y.max() < 100.0
    ex, ey = plot.series[PRESSURE].envelope.getData()
    assert ey.max() == 500.0 and ey.min() == pytest.approx(-1.0, abs=0.01)
    assert len(ex) <= 2 * (width + 8)


def test_a_short_fast_stretch_in_a_long_window_is_drawn_per_pixel(qtbot, bridge):
    """Just after a start: 30 s of 10 Hz data in a 10 min window crowd their few pixels;
    they are drawn as mean and envelope, not as a zig-zag of raw samples."""
    plot = TrendPlot(bridge, [PRESSURE], window_s=600)
    qtbot.addWidget(plot)
    plot.resize(800, 400)
    plot.show()
    qtbot.waitExposed(plot)
    now = time.time()
    t = now - 30 + np.arange(300) * 0.1
    plot.series[PRESSURE].ring.extend(t, np.where(np.arange(300) % 2, 5.0, 85.0))
    plot.series[PRESSURE].dirty = True
    plot.refresh()
    _, y = plot.series[PRESSURE].curve.getData()
    assert len(y) < 150 and 30.0 < np.median(y) < 60.0  # the mean, a readable line
    _, ey = plot.series[PRESSURE].envelope.getData()
    assert ey.min() == 5.0 and ey.max() == 85.0  # the swing, in the faint band


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


def test_legend_names_the_tag_by_short_label_and_station(qtbot, bridge):
    plot = TrendPlot(bridge, [PRESSURE, TEMP])
    qtbot.addWidget(plot)
    pressure = plot.legend_labels[PRESSURE].text()
    temp = plot.legend_labels[TEMP].text()
    assert "Press force · Press 1" in pressure  # its description, short enough
    assert "temp · Press 1" in temp  # no description: the last part of its path
    assert "demo/body" not in pressure + temp  # never the raw tag id
    assert plot.legend_labels[PRESSURE].toolTip() == "Press force"


def test_two_units_two_axes_each_with_its_unit(qtbot, bridge):
    plot = TrendPlot(bridge, [PRESSURE, TEMP, STROKE])
    qtbot.addWidget(plot)
    assert set(plot._axes) == {"bar", "°C", "mm"}  # three units: three axes, by unit
    assert "bar" in plot.item.getAxis("left").labelText
    assert "°C" in plot.item.getAxis("right").labelText
    assert plot.item.getAxis("right").isVisible()
    assert plot.series[PRESSURE].view is plot.main_vb
    assert plot.series[TEMP].view is plot._views["°C"] is not plot.main_vb


def test_window_starts_from_the_history_in_the_store(qtbot, bridge, tmp_path):
    """Created, never shown yet: the 10 min window is already filled from the store, and
    values that arrived by exception hold between their samples (not dots in a void)."""
    from app.store.store import Store as RealStore

    now = time.time()
    store = RealStore(tmp_path / "lineside.db", terminal_id="t-test").open()
    try:
        # a value by exception: one change every 40 s for the last 20 minutes
        store.historian.append([Sample(PRESSURE, now - 1200 + k * 40, 100.0 + k % 3)
                                for k in range(30)])
        store.flush()
        plot = TrendPlot(bridge, [PRESSURE], store=store, window_s=600)
        qtbot.addWidget(plot)
        with qtbot.waitSignal(plot.backfilled, timeout=10000):
            pass  # asked for at creation, answered off the GUI thread
        t, v = plot.curve_data(PRESSURE)
        inside = (t >= now - 600) & (t <= now - 45)
        assert inside.sum() >= 50
        assert np.isfinite(v[inside]).all()  # held across the empty buckets: no holes
        assert set(np.unique(v[inside])) <= {100.0, 101.0, 102.0}
    finally:
        store.close()


def test_history_keeps_bad_as_a_gap_while_holding_values(qtbot, bridge, tmp_path):
    from app.store.store import Store as RealStore

    now = time.time()
    store = RealStore(tmp_path / "lineside.db", terminal_id="t-test").open()
    try:
        store.historian.append([Sample(PRESSURE, now - 500, 50.0),
                                Sample(PRESSURE, now - 300, None, Quality.BAD),
                                Sample(PRESSURE, now - 100, 60.0)])
        store.flush()
        plot = TrendPlot(bridge, [PRESSURE], store=store, window_s=600)
        qtbot.addWidget(plot)
        qtbot.waitSignal(plot.backfilled, timeout=10000).wait()
        assert plot.values_at(now - 400)[PRESSURE] == 50.0  # held
        assert math.isnan(plot.values_at(now - 200)[PRESSURE])  # BAD until the next value
        assert plot.values_at(now - 50)[PRESSURE] == 60.0
    finally:
        store.close()


def test_alarm_activations_are_marked_on_the_time_axis(qtbot, bridge, tmp_path):
    from app.alarms.engine import AlarmEngine
    from app.alarms.journal import AlarmJournal
    from app.alarms.model import AlarmDefinition, AlarmKind
    from app.store.store import Store as RealStore

    now = time.time()
    clock = [now - 300]
    high = AlarmDefinition("press_high", AlarmKind.HIGH, tag=PRESSURE, limit=200.0)
    other = AlarmDefinition("temp_high", AlarmKind.HIGH, tag=TEMP, limit=80.0)
    store = RealStore(tmp_path / "lineside.db", terminal_id="t-test").open()
    try:
        journal = AlarmJournal(store)
        before = AlarmEngine([high, other], clock=lambda: clock[0])  # the last run
        journal.attach(before)
        before.on_samples([Sample(PRESSURE, clock[0], 240.0), Sample(TEMP, clock[0], 85.0)])
        store.flush()

        engine = AlarmEngine([high, other], clock=lambda: clock[0])  # this run
        plot = TrendPlot(bridge, [PRESSURE], store=store, window_s=600,
                         alarms=engine, journal=journal)
        qtbot.addWidget(plot)
        qtbot.waitSignal(plot.backfilled, timeout=10000).wait()
        assert plot.alarm_ids == ["press_high"]  # only alarms of the trend's tags
        assert list(plot.alarm_times) == [pytest.approx(now - 300)]  # from the journal

        clock[0] = now - 10
        engine.on_samples([Sample(PRESSURE, clock[0], 250.0)])
        plot.refresh()
        assert list(plot.alarm_times) == [pytest.approx(now - 300), pytest.approx(now - 10)]
        mx, my = plot.markers.getData()
        assert list(mx) == list(plot.alarm_times)
        assert "press_high" in plot._marker_tip(mx[0], my[0], "press_high")  # on hover
        lo, hi = plot._marker_vb.viewRange()[1]
        assert all(lo <= y <= lo + 0.1 * (hi - lo) for y in my)  # on the time axis
    finally:
        store.close()


def test_legend_follows_the_language_with_the_site_own_words(qtbot, themed):
    from app.config import load
    from widgets import i18n
    from widgets.bridge import Bridge
    from widgets.site_text import use_site

    demo = load("resources/demo/site.toml")
    power = "demo/body/line1/press/press1/power"
    bridge = Bridge(None, config=demo)
    use_site(demo)
    try:
        plot = TrendPlot(bridge, [power, "demo/body/line1/weld/robot1/power"])
        qtbot.addWidget(plot)
        assert "power · Press 1" in plot.legend_labels[power].text()
        assert i18n.set_language(themed, "de")
        qtbot.waitUntil(lambda: "Presse 1" in plot.legend_labels[power].text(), timeout=2000)
    finally:
        i18n.set_language(themed, "en")
        use_site(None)
        bridge.stop()
