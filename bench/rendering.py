"""Rendering: frames/s of the real TrendPlot widgets (8 plots x 10 curves x 600 points in
a 60 s window, and a 24-hour window backfilled from the store) under the offscreen
platform while the runtime ingests ~10k changes/s, against bare pyqtgraph drawing the
same arrays. Every frame updates the curves and forces a repaint with `grab()` of the
whole 1920x1080 grid, the same way for both."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import Result, Scale, log, site_config

PLOTS, CURVES, POINTS = 8, 10, 600
SIZE = (1920, 1080)
LOAD_RATE = 10_000.0


def _grid(widgets: list) -> Any:
    from PySide6.QtWidgets import QGridLayout, QWidget

    w = QWidget()
    g = QGridLayout(w)
    g.setContentsMargins(0, 0, 0, 0)
    for i, x in enumerate(widgets):
        g.addWidget(x, i // 2, i % 2)
    w.resize(*SIZE)
    w.show()
    return w


class _Terminal:
    """Store + runtime (+ load generator) + bridge: what the GUI of a terminal runs on."""

    def __init__(self, workdir: Path, rate: float, store_path: Path | None = None) -> None:
        from app.runtime import Runtime
        from app.store import Store
        from bench.loadgen import generator
        from widgets.bridge import Bridge

        src, self.tags = generator(rate, 1000)
        self.store = Store(store_path or workdir / "render.db", terminal_id="bench").open()
        cfg = site_config([src], self.tags)  # rate 0: connected, silent
        self.runtime = Runtime(cfg, self.store)
        self.bridge = Bridge(self.runtime)
        self.runtime.start()

    def close(self) -> None:
        self.bridge.stop()
        self.runtime.stop()
        self.store.close()


def _prefill(plot: Any, tags: list[str], now: float) -> None:
    from app.model import Sample

    t = now - 60 + np.arange(POINTS) * (60 / POINTS)
    for k, tag in enumerate(tags):
        v = 50 + 40 * np.sin(t * 0.5 + k)
        plot.append(tag, [Sample(tag, float(a), float(b)) for a, b in zip(t, v, strict=True)])


def live_lineside(workdir: Path, seconds: float, rate: float) -> float:
    from bench import qt
    from widgets.trend import TrendPlot

    qt.app()
    term = _Terminal(workdir, rate)
    try:
        now = time.time()
        tags = [t.path for t in term.tags[:CURVES * PLOTS]]
        plots = []
        for p in range(PLOTS):
            mine = tags[p * CURVES:(p + 1) * CURVES]
            plot = TrendPlot(term.bridge, mine, store=term.store, window_s=60)
            _prefill(plot, mine, now)
            plots.append(plot)
        grid = _grid(plots)
        qt.process(0.5)

        def frame() -> None:
            for p in plots:
                p.refresh()
            grid.grab()

        fps = qt.frames_per_second(frame, seconds)
        points = [len(p.curve_data(t)[0]) for p in plots for t in p.tags]
        qt.dispose(grid)
        return fps, int(np.median(points))
    finally:
        term.close()


def _bare_plots(with_envelope: bool) -> tuple[list, list]:
    import pyqtgraph as pg

    widgets, curves = [], []
    for _p in range(PLOTS):
        w = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        w.showGrid(x=True, y=True, alpha=0.15)
        row = []
        for k in range(CURVES):
            env = None
            if with_envelope:
                env = pg.PlotDataItem(pen=pg.mkPen((0, 0, 200, 90), width=1))
                w.addItem(env)
            c = pg.PlotDataItem(pen=pg.mkPen(pg.intColor(k), width=2), connect="finite")
            c.setDownsampling(auto=True, method="peak")
            c.setClipToView(True)
            w.addItem(c)
            row.append((c, env))
        widgets.append(w)
        curves.append(row)
    return widgets, curves


def live_bare(seconds: float) -> float:
    from bench import qt

    qt.app()
    widgets, curves = _bare_plots(False)
    grid = _grid(widgets)
    qt.process(0.5)
    base = np.arange(POINTS) * (60 / POINTS)

    def frame() -> None:
        now = time.time()
        t = now - 60 + base
        for w, row in zip(widgets, curves, strict=True):
            for k, (c, _e) in enumerate(row):
                c.setData(t, 50 + 40 * np.sin(t * 0.5 + k), connect="finite")
            w.setXRange(now - 60, now, padding=0)
        grid.grab()

    fps = qt.frames_per_second(frame, seconds)
    qt.dispose(grid)
    return fps


def day_lineside(day_db: Path, paths: list[str], seconds: float, rate: float,
                 workdir: Path) -> float:
    from bench import qt
    from widgets.trend import TrendPlot

    qt.app()
    term = _Terminal(workdir, rate, store_path=day_db)
    try:
        plots = [TrendPlot(term.bridge, paths, store=term.store, window_s=24 * 3600)
                 for _ in range(PLOTS)]
        done: set[int] = set()
        for i, p in enumerate(plots):
            p.backfilled.connect(lambda i=i: done.add(i))
        grid = _grid(plots)
        qt.wait_until(lambda: len(done) == PLOTS, 120, "8 trend backfills")

        def frame() -> None:
            for p in plots:
                p.refresh()
            grid.grab()

        fps = qt.frames_per_second(frame, seconds)
        qt.dispose(grid)
        return fps
    finally:
        term.close()


def day_bare(day_db: Path, paths: list[str], t0: float, t1: float, seconds: float) -> float:
    from app.store import Store
    from bench import qt

    qt.app()
    with Store(day_db, terminal_id="bench") as store:
        res = store.historian.query(paths, t0, t1, 1000)
    widgets, curves = _bare_plots(True)
    for w, row in zip(widgets, curves, strict=True):
        for (_c, env), tag in zip(row, paths, strict=False):
            b = res[tag]
            ex = np.repeat(b.t, 2)
            ey = np.empty(2 * len(b.t))
            ey[0::2], ey[1::2] = b.vmin, b.vmax
            pairs = np.zeros(len(ey), dtype=bool)
            pairs[0::2] = np.isfinite(ey[0::2]) & np.isfinite(ey[1::2])
            env.setData(ex, np.nan_to_num(ey), connect=pairs)
        w.setXRange(t0, t1, padding=0)
    grid = _grid(widgets)
    qt.process(0.5)

    def frame() -> None:
        for row, in zip(curves, strict=True):
            for (c, _e), tag in zip(row, paths, strict=False):
                c.setData(res[tag].t, res[tag].vavg, connect="finite")
        grid.grab()

    fps = qt.frames_per_second(frame, seconds)
    qt.dispose(grid)
    return fps


def run(scale: Scale) -> list[Result]:
    from bench.historian import build_day

    seconds = scale.pick(6.0, 0.5)
    rate = scale.pick(LOAD_RATE, 1000.0)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-render-") as tmp:
        d = Path(tmp)
        bare = live_bare(seconds)
        ls_load, pts = live_lineside(d, seconds, rate)
        ls_idle, _ = live_lineside(d, seconds, 0.0)
        log.info("render live: lineside load %.1f idle %.1f bare %.1f", ls_load, ls_idle, bare)
        results.append(Result(
            f"Render {PLOTS}x{CURVES}x{POINTS} pts, 60 s window, ingesting {rate:,.0f}/s",
            ls_load, bare, "frames/s",
            notes=f"TrendPlot (real bridge, runtime, historian) vs bare pyqtgraph idle, "
                  f"offscreen, grab() of a {SIZE[0]}x{SIZE[1]} grid per frame; median "
                  f"{pts} points per curve",
            extra={"lineside_idle": ls_idle}))
        results.append(Result(f"Render {PLOTS}x{CURVES}x{POINTS} pts, 60 s window, idle",
                              ls_idle, bare, "frames/s",
                              notes="as above, no ingest load: TrendPlot overhead alone"))
        hours = scale.pick(24.0, 0.5)
        paths, t0, t1 = build_day(d / "day.db", CURVES, hours)
        bare_day = day_bare(d / "day.db", paths, t0, t1, seconds)
        ls_day = day_lineside(d / "day.db", paths, seconds, rate, d)
        log.info("render day: lineside %.1f bare %.1f", ls_day, bare_day)
        results.append(Result(
            f"Render {PLOTS}x{CURVES}, {hours:g} h window, ingesting {rate:,.0f}/s",
            ls_day, bare_day, "frames/s",
            notes=f"history backfilled from the store ({CURVES} tags x {hours:g} h at 1 Hz) "
                  "as 1,000-px min/max envelope + average line; bare pyqtgraph draws the same "
                  "arrays, idle"))
    return results
