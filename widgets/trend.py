"""TrendPlot: live and historical trends of several tags (pyqtgraph).

- One Y axis per unit (extra ViewBoxes linked on X), one curve per tag.
- Live samples come from the bridge (`watch_series`) into per-tag NumPy rings.
- History is backfilled from `store.historian.query(tags, t0, t1, buckets=width)` in a
  worker thread when the plot is created or the window changes; values held across
  unchanged stretches (values arrive by exception). Where there is more than a sample
  per pixel, the line is the per-pixel mean and min/max a faint filled envelope.
- Legends name the tag by its short label and its station; alarm activations of the
  trend's tags are small triangles on the time axis (journal for history, engine live).
- BAD samples become NaN: the curve shows a GAP (connect="finite"), never a flat line.
- Windows 1 min .. 24 h, pause (data still buffered), pan/zoom by mouse or touch
  (pinch), a cursor line that shows every curve's value at a time, limit bands.
"""

from __future__ import annotations

import html
import itertools
import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QGraphicsPathItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPinchGesture,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.model import Quality, Sample
from widgets import theme
from widgets import trend_data as data
from widgets import trend_pacing as pacing
from widgets.ring import TimeRing
from widgets.site_text import alarm_message, station_name, tag_description
from widgets.value_tile import format_value

log = logging.getLogger(__name__)

WINDOWS: tuple[tuple[int, str], ...] = (
    (60, "1 min"),
    (600, "10 min"),
    (3600, "1 h"),
    (8 * 3600, "8 h"),
    (24 * 3600, "24 h"),
)
LIVE_CAPACITY = 20_000  # live samples kept per tag; longer spans come from the store


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


def _as_float(s: Sample) -> float:
    """A sample as a plottable number; BAD or non-numeric is NaN (drawn as a gap)."""
    if s.quality is Quality.BAD or s.value is None or isinstance(s.value, str):
        return math.nan
    return float(s.value)


class _Envelope(QGraphicsPathItem):
    """The min/max band of a curve, faint (one light stroke per pixel bucket), drawn
    under the line so the line stays readable on top of it."""

    def __init__(self, color: str) -> None:
        super().__init__()
        c = QColor(color)
        c.setAlpha(50)
        pen = QPen(c)
        pen.setWidth(0)  # cosmetic: one pixel whatever the zoom
        self.setPen(pen)
        self.x = self.y = np.empty(0)

    def set(self, t: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> None:
        x, y, connect = data.strokes(t, lo, hi)
        self.x, self.y = x, y
        self.setPath(pg.arrayToQPath(x, y, connect=connect) if len(x) else QPainterPath())

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # as pyqtgraph's items name it
        return self.x, self.y


@dataclass(frozen=True)
class _Described:
    """A tag config seen with its description in the worker's language."""

    tc: Any
    description: str

    @property
    def label(self) -> str:
        return str(getattr(self.tc, "label", "") or "")


@dataclass
class _Series:
    tag: str
    unit: str
    label: str
    color: str
    ring: TimeRing
    curve: pg.PlotDataItem
    envelope: _Envelope
    view: pg.ViewBox
    hist_t: np.ndarray
    hist_avg: np.ndarray
    hist_lo: np.ndarray = field(default_factory=lambda: np.empty(0))
    hist_hi: np.ndarray = field(default_factory=lambda: np.empty(0))
    station: str = ""
    description: str = ""
    dense: bool = False  # the envelope shows per-pixel live buckets, not the history
    tag_config: Any = None
    station_config: Any = None
    dirty: bool = True


class _BackfillSignals(QObject):
    done = Signal(int, object, object)  # generation, result dict | None, error str | None


class _BackfillJob(QRunnable):
    """Runs the historian query off the GUI thread; the result returns by a queued signal."""

    def __init__(
        self,
        historian: Any,
        tags: list[str],
        t0: float,
        t1: float,
        buckets: int,
        generation: int,
        signals: _BackfillSignals,
        journal: Any = None,
        alarm_ids: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.args = (historian, tags, t0, t1, buckets)
        self.journal, self.alarm_ids = journal, tuple(alarm_ids)
        self.generation = generation
        self.signals = signals  # kept alive by the job until it has emitted

    def run(self) -> None:
        historian, tags, t0, t1, buckets = self.args
        try:
            result: dict[str, Any] = {"buckets": historian.query(tags, t0, t1, buckets=buckets)}
            if hasattr(historian, "bad_buckets"):  # the store's; test doubles may lack it
                result["bad"] = historian.bad_buckets(tags, t0, t1, buckets)
                result["before"] = {
                    tag: _as_float(s) for tag, s in historian.last_before(tags, t0).items()}
            result["alarms"] = self._activations(t0, t1)
        except Exception as e:  # the store reports, the plot shows it; never crash a pool
            log.exception("trend backfill failed")
            self.signals.done.emit(self.generation, None, str(e))
            return
        self.signals.done.emit(self.generation, result, None)

    def _activations(self, t0: float, t1: float) -> list[tuple[float, str]]:
        if self.journal is None:
            return []
        out: list[tuple[float, str]] = []
        for aid in self.alarm_ids:
            out += [(e.ts, aid) for e in self.journal.query(alarm_id=aid, since=t0, until=t1 + 1)
                    if e.event == "activated"]
        return out


# Axes draw major and minor ticks and grid lines only: the third, finest level added about
# 40 % to a plot's paint time (8 plots x 10 curves, measured) and nothing an operator reads.
TICK_LEVELS = 1
_phases = itertools.count()


class _TimedPlotWidget(pg.PlotWidget):
    """A PlotWidget that remembers how long its last paint took: painting, not setData,
    is most of a trend's cost, so pacing must see it."""

    paint_ms = 0.0

    def paintEvent(self, ev: Any) -> None:
        start = time.perf_counter()
        super().paintEvent(ev)
        self.paint_ms = (time.perf_counter() - start) * 1000.0


class TrendPlot(QWidget):
    """Trend of `tags`. `limits` maps tag -> (low, high) bands (default: the tag's range)."""

    backfilled = Signal()  # history of the current window has been applied
    pausedChanged = Signal(bool)

    def __init__(
        self,
        bridge: Any,
        tags: Sequence[str],
        *,
        store: Any = None,
        window_s: int = 600,
        limits: dict[str, tuple[float | None, float | None]] | None = None,
        show_limits: bool = True,
        compact: bool = False,
        capacity: int = LIVE_CAPACITY,
        alarms: Any = None,
        journal: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.store = bridge, store
        self.alarms, self.journal = alarms, journal  # AlarmEngine, AlarmJournal (optional)
        self.tags = list(dict.fromkeys(tags))
        self.window_s = int(window_s)
        self.paused = False
        self.backfill_error: str | None = None
        self._generation = 0
        self._signals = _BackfillSignals()
        self._signals.done.connect(self._apply_backfill)
        self._opened = False

        self.plot = _TimedPlotWidget(
            axisItems={"bottom": pg.DateAxisItem(orientation="bottom")}
        )
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot.setMinimumHeight(theme.px(120))
        self.item = self.plot.getPlotItem()
        self.item.showGrid(x=True, y=True, alpha=0.15)
        self.item.getAxis("bottom").setStyle(maxTickLevel=TICK_LEVELS)
        self.main_vb = self.item.getViewBox()
        self.main_vb.setMouseEnabled(x=True, y=False)
        self.main_vb.sigRangeChangedManually.connect(self._on_manual_range)
        self._views: dict[str, pg.ViewBox] = {}
        self._axes: dict[str, pg.AxisItem] = {}
        self.series: dict[str, _Series] = {}
        self._build_series(limits, show_limits, capacity)
        self._build_markers()
        self.main_vb.sigResized.connect(self._sync_views)

        self.cursor = pg.InfiniteLine(angle=90, movable=True)
        self.cursor.setZValue(50)
        self.cursor.sigPositionChanged.connect(self._update_legend)
        self.cursor.hide()
        self.item.addItem(self.cursor, ignoreBounds=True)

        # Window buttons, pause/live and cursor: >= 48 px touch targets via the theme.
        self.window_buttons: dict[int, QPushButton] = {}
        group = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.setSpacing(4)
        for seconds, label in WINDOWS:
            b = QPushButton(label)
            b.setCheckable(True)
            b.setChecked(seconds == self.window_s)
            b.clicked.connect(lambda _c=False, s=seconds: self.set_window(s))
            group.addButton(b)
            self.window_buttons[seconds] = b
            bar.addWidget(b)
        bar.addStretch(1)
        self.pause_button = QPushButton()
        self.pause_button.setCheckable(True)
        self.pause_button.clicked.connect(lambda c: self.set_paused(bool(c)))
        self.cursor_button = QPushButton()
        self.cursor_button.setCheckable(True)
        self.cursor_button.clicked.connect(lambda c: self.set_cursor(bool(c)))
        bar.addWidget(self.cursor_button)
        bar.addWidget(self.pause_button)

        # One label per curve in a grid: a single wrapped rich-text label mis-measures
        # its height inside layouts and overlapped its neighbours at 200 %.
        self.legend = QWidget()
        legend_grid = QGridLayout(self.legend)
        legend_grid.setContentsMargins(0, 0, 0, 0)
        legend_grid.setHorizontalSpacing(12)
        legend_grid.setVerticalSpacing(0)
        self.cursor_time = QLabel()
        self.cursor_time.hide()
        legend_grid.addWidget(self.cursor_time, 0, 0, 1, 2)
        self.legend_labels: dict[str, QLabel] = {}
        for i, tag in enumerate(self.tags):
            lab = QLabel()
            lab.setTextFormat(Qt.TextFormat.RichText)
            s = self.series[tag]
            lab.setToolTip(s.description or tag)  # the long words on demand
            self.legend_labels[tag] = lab
            legend_grid.addWidget(lab, 1 + i // 2, i % 2)
        self.status = QLabel()
        self.status.setProperty("role", "status")
        self.status.hide()

        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.setSpacing(4)
        box.addLayout(bar)
        box.addWidget(self.plot, 1)
        box.addWidget(self.legend)
        box.addWidget(self.status)
        if compact:  # small trend inside a station panel: the buttons would crowd it
            for b in self.window_buttons.values():
                b.hide()
            self.cursor_button.hide()

        self.plot.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.plot.viewport().installEventFilter(self)
        self.plot.scene().sigMouseClicked.connect(self._on_click)

        if bridge is not None:
            for tag in self.tags:
                bridge.watch_series(tag, lambda ss, t=tag: self.append(t, ss), self)
        # 10 Hz is smooth for scrolling; under load the pace adapts (see _pace) so trend
        # drawing never takes more than about a quarter of the GUI thread.
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(pacing.REDRAW_MS)
        self._redraw.timeout.connect(self._paced_refresh)
        self._redraw.start(pacing.REDRAW_MS + pacing.phase_ms(next(_phases)))
        theme.notifier().changed.connect(self._apply_theme)
        self._apply_theme()
        self._retranslate()
        self._scroll(time.time())
        # The window starts from the history the store has, not empty: asked for now
        # (answered off the GUI thread), not when the plot is first shown.
        QTimer.singleShot(0, self._first_backfill)

    # --- construction ------------------------------------------------------------------

    def _build_series(self, limits: dict | None, show_limits: bool, capacity: int) -> None:
        colors = theme.colors().curves
        stations = list(getattr(getattr(self.bridge, "config", None), "stations", {}).values())
        for i, tag in enumerate(self.tags):
            tc = self.bridge.tag_config(tag) if self.bridge is not None else None
            unit = getattr(tc, "unit", "") or ""
            st = data.station_of(tag, stations)
            label = data.short_label(tag, tc, with_station=st is not None)
            view = self._view_for(unit)
            color = colors[i % len(colors)]
            curve = pg.PlotDataItem(pen=pg.mkPen(color, width=2), connect="finite")
            curve.setDownsampling(auto=True, method="peak")
            # Min/max of each pixel column (pyqtgraph's default keeps ~5 samples a pixel):
            # the drawn line is the same, its cost bounded by the width, not the data rate.
            curve.opts["autoDownsampleFactor"] = 1.0
            curve.setClipToView(True)
            envelope = _Envelope(color)
            view.addItem(envelope)
            view.addItem(curve)
            self.series[tag] = _Series(
                tag,
                unit,
                label,
                color,
                TimeRing(capacity),
                curve,
                envelope,
                view,
                np.empty(0),
                np.empty(0),
                station=getattr(st, "name", "") if st is not None else "",
                description=getattr(tc, "description", "") or "",
                tag_config=tc,
                station_config=st,
            )
            lo, hi = (limits or {}).get(tag, (getattr(tc, "low", None), getattr(tc, "high", None)))
            if show_limits and lo is not None and hi is not None:
                band = pg.LinearRegionItem(
                    values=(lo, hi),
                    orientation="horizontal",
                    movable=False,
                    brush=pg.mkBrush(QColor(0, 0, 0, 0)),
                    pen=pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine),
                )
                band.setZValue(-10)
                view.addItem(band, ignoreBounds=True)

    def _view_for(self, unit: str) -> pg.ViewBox:
        if unit in self._views:
            return self._views[unit]
        if not self._views:  # the first unit uses the plot's own left axis
            self._views[unit] = self.main_vb
            self._axes[unit] = self.item.getAxis("left")
            self._axes[unit].setStyle(maxTickLevel=TICK_LEVELS)
            self.item.setLabel("left", unit)
            return self.main_vb
        vb = pg.ViewBox()
        vb.setMouseEnabled(x=True, y=False)
        if len(self._views) == 1:
            axis = self.item.getAxis("right")
            self.item.showAxis("right")
        else:
            axis = pg.AxisItem("right")
            self.item.layout.addItem(axis, 2, 1 + len(self._views))
        self.item.scene().addItem(vb)
        axis.linkToView(vb)
        axis.setLabel(unit)
        axis.setStyle(maxTickLevel=TICK_LEVELS)
        vb.setXLink(self.main_vb)
        vb.enableAutoRange(axis=pg.ViewBox.YAxis)
        self._views[unit] = vb
        self._axes[unit] = axis
        return vb

    def _build_markers(self) -> None:
        """Alarm activations of these tags as triangles along the time axis, in a view of
        their own (Y fixed 0..1) so they sit at the bottom whatever the values' range."""
        self.alarm_ids: list[str] = []
        self._alarm_defs: dict[str, Any] = {}
        self.alarm_times: np.ndarray = np.empty(0)
        self._hist_alarms: set[tuple[float, str]] = set()  # (activated at, alarm id)
        self._alarm_version = -1
        self._live_alarms: set[tuple[float, str]] = set()
        self.markers: pg.ScatterPlotItem | None = None
        self._marker_vb: pg.ViewBox | None = None
        if self.alarms is None and self.journal is None:
            return
        defs = self.alarms.definitions() if self.alarms is not None else []
        mine = set(self.tags)
        self._alarm_defs = {d.id: d for d in defs if getattr(d, "tag", None) in mine}
        self.alarm_ids = list(self._alarm_defs)
        if not self.alarm_ids:
            return
        vb = pg.ViewBox(enableMouse=False)
        vb.setYRange(0.0, 1.0, padding=0)
        vb.setXLink(self.main_vb)
        vb.setZValue(40)
        self.item.scene().addItem(vb)
        self.markers = pg.ScatterPlotItem(symbol="t1", size=theme.px(12), pxMode=True,
                                          hoverable=True, tip=self._marker_tip)
        vb.addItem(self.markers)
        self._marker_vb = vb
        self._views_extra = [vb]

    def _update_markers(self) -> None:
        """Live activations from the engine (its in-memory history); cheap when nothing
        happened: one integer compared."""
        if self.markers is None:
            return
        version = getattr(self.alarms, "version", None)
        if self.alarms is not None and version != self._alarm_version:
            self._alarm_version = version
            live: set[tuple[float, str]] = set()
            for aid in self.alarm_ids:
                try:
                    events = self.alarms.history(aid)
                except KeyError:
                    continue
                live |= {(e.ts, aid) for e in events if str(e.kind) == "activated"}
            self._live_alarms = live
        marks = sorted(self._hist_alarms | self._live_alarms)
        times = np.array([m[0] for m in marks])
        if len(times) == len(self.alarm_times) and np.array_equal(times, self.alarm_times):
            return
        self.alarm_times = times
        self.markers.setData(times, np.full(len(times), 0.05), data=[m[1] for m in marks])

    def _marker_tip(self, x: float, y: float, data: Any) -> str:
        d = self._alarm_defs.get(str(data))
        text = alarm_message(d) if d is not None else str(data)
        return translate("TrendPlot", "{time} alarm: {message}").format(
            time=time.strftime("%H:%M:%S", time.localtime(x)), message=text)

    def _sync_views(self) -> None:
        for vb in [*self._views.values(), *getattr(self, "_views_extra", [])]:
            if vb is not self.main_vb:
                vb.setGeometry(self.main_vb.sceneBoundingRect())
                vb.linkedViewChanged(self.main_vb, vb.XAxis)

    # --- live data ---------------------------------------------------------------------

    def append(self, tag: str, samples: list[Sample]) -> None:
        s = self.series.get(tag)
        if s is None or not samples:
            return
        t = np.fromiter((x.ts for x in samples), dtype=np.float64, count=len(samples))
        v = np.fromiter((_as_float(x) for x in samples), dtype=np.float64, count=len(samples))
        s.ring.extend(t, v)
        s.dirty = True

    def curve_data(self, tag: str) -> tuple[np.ndarray, np.ndarray]:
        """What the curve of `tag` draws: history before the live data, then live."""
        s = self.series[tag]
        lt, lv = s.ring.arrays()
        if len(s.hist_t):
            cut = lt[0] if len(lt) else math.inf
            keep = s.hist_t < cut
            lt = np.concatenate([s.hist_t[keep], lt])
            lv = np.concatenate([s.hist_avg[keep], lv])
        return lt, lv

    def _combined(self, s: _Series) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """History then live as time, value, low and high (live samples: low = high)."""
        lt, lv = s.ring.arrays()
        if not len(s.hist_t):
            return lt, lv, lv, lv
        keep = s.hist_t < (lt[0] if len(lt) else math.inf)
        return (np.concatenate([s.hist_t[keep], lt]), np.concatenate([s.hist_avg[keep], lv]),
                np.concatenate([s.hist_lo[keep], lv]), np.concatenate([s.hist_hi[keep], lv]))

    def _paced_refresh(self) -> None:
        start = time.perf_counter()
        if self.isVisible():
            self.refresh()
        # The paint this refresh causes comes later; the previous one stands in for it.
        took_ms = (time.perf_counter() - start) * 1000.0 + self.plot.paint_ms
        delay = max(pacing.pace(took_ms),
                    pacing.pixel_ms(self.window_s, self.plot.viewport().width()))
        if pacing.store_lagging(self.store):
            delay = pacing.MAX_REDRAW_MS  # storing what arrives comes before drawing it
        self._redraw.start(delay)

    def refresh(self) -> None:
        """Redraw changed curves and scroll (the paced redraw timer calls this)."""
        now = time.time()
        for s in self.series.values():
            if s.dirty:
                # Live: only the window is drawn. Paused: the whole buffer, so panning
                # back in time finds everything that is held.
                since = -math.inf if self.paused else now - self.window_s
                t, v = pacing.visible(*self.curve_data(s.tag), since)
                px = max(100, int(self.main_vb.width()))
                if not self.paused and pacing.crowded(s.ring.arrays()[0], since, now, px):
                    # Zoomed out (many samples a pixel): the mean as the line, min/max as
                    # the faint envelope, both one point a pixel.
                    t, v, lo, hi = data.per_pixel(*self._combined(s), since, now, px)
                    s.envelope.set(t, lo, hi)
                    s.dense = True
                elif s.dense:
                    s.envelope.set(s.hist_t, s.hist_lo, s.hist_hi)
                    s.dense = False
                last = s.ring.last()
                if last is not None and not math.isnan(last[1]) and not self.paused:
                    # Values arrive by exception: hold the last good value up to now.
                    t = np.append(t, max(now, last[0]))
                    v = np.append(v, last[1])
                s.curve.setData(t, v, connect="finite")
                s.dirty = not self.paused  # keep extending to "now" while live
        if not self.paused:
            self._scroll(now)
        self._update_markers()
        self._update_legend()

    def _first_backfill(self) -> None:
        if self._generation == 0:  # nothing asked yet (a window change asks on its own)
            self.request_backfill()

    def _scroll(self, now: float) -> None:
        self.main_vb.setXRange(now - self.window_s, now, padding=0)

    # --- window, pause, cursor -------------------------------------------------------------

    def set_window(self, seconds: int) -> None:
        self.window_s = int(seconds)
        for s, b in self.window_buttons.items():
            b.setChecked(s == self.window_s)
        self.set_paused(False)
        self.request_backfill()

    def set_paused(self, paused: bool) -> None:
        if paused == self.paused:
            return
        self.paused = paused
        self.pause_button.setChecked(paused)
        for s in self.series.values():
            s.dirty = True
        self._retranslate()
        if not paused:
            self._scroll(time.time())
        self.pausedChanged.emit(paused)

    def set_cursor(self, on: bool) -> None:
        self.cursor_button.setChecked(on)
        if on:
            lo, hi = self.main_vb.viewRange()[0]
            self.cursor.setValue(lo + (hi - lo) * 0.8)
            self.cursor.show()
            self.set_paused(True)  # a cursor on a moving plot is unreadable
        else:
            self.cursor.hide()
        self._update_legend()

    def values_at(self, ts: float) -> dict[str, float]:
        """Each curve's value at time `ts` (last point at or before it; NaN in a gap)."""
        out: dict[str, float] = {}
        for tag in self.tags:
            t, v = self.curve_data(tag)
            i = int(np.searchsorted(t, ts, side="right")) - 1
            out[tag] = float(v[i]) if 0 <= i < len(v) else math.nan
        return out

    def _on_manual_range(self, *_a: Any) -> None:
        self.set_paused(True)  # the user looks at something: stop pulling it away
        self._range_backfill.start()

    def _on_click(self, ev: Any) -> None:
        if self.cursor.isVisible():
            self.cursor.setValue(self.main_vb.mapSceneToView(ev.scenePos()).x())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            g = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(g, QPinchGesture):
                f = g.scaleFactor()
                if f > 0:
                    self.set_paused(True)
                    self.main_vb.scaleBy(x=1.0 / f)
                event.accept()
                return True
        return False

    # --- history -----------------------------------------------------------------------

    @property
    def _range_backfill(self) -> QTimer:
        # Debounced: a pan fires many range changes; query once it settles.
        t = getattr(self, "_range_timer", None)
        if t is None:
            t = self._range_timer = QTimer(self)
            t.setSingleShot(True)
            t.setInterval(300)
            t.timeout.connect(lambda: self.request_backfill(*self.main_vb.viewRange()[0]))
        return t

    _asked_buckets = 0

    def _buckets(self) -> int:
        return max(50, int(self.main_vb.width()) or self.plot.width() or 600)

    def request_backfill(self, t0: float | None = None, t1: float | None = None) -> bool:
        """Ask the historian for the window (or a range) in a worker thread."""
        historian = getattr(self.store, "historian", None)
        if historian is None or not self.tags:
            return False
        if t0 is None or t1 is None:
            t1 = time.time()
            t0 = t1 - self.window_s
        buckets = self._asked_buckets = self._buckets()
        self._generation += 1
        job = _BackfillJob(
            historian, self.tags, float(t0), float(t1), buckets, self._generation, self._signals,
            self.journal, self.alarm_ids,
        )
        QThreadPool.globalInstance().start(job)
        return True

    def _apply_backfill(self, generation: int, result: Any, error: str | None) -> None:
        if generation != self._generation:
            return  # an older window's answer arrived late
        if error is not None:
            self.backfill_error = error
            self.status.setText(
                translate("TrendPlot", "History not available: {error}").format(error=error)
            )
            theme.set_state_property(self.status, "severity", "warning")
            self.status.show()
            return
        self.backfill_error = None
        self.status.hide()
        result = result or {}
        bad = result.get("bad") or {}
        before = result.get("before") or {}
        for tag, b in (result.get("buckets") or {}).items():
            s = self.series.get(tag)
            if s is None:
                continue
            t = np.asarray(b.t, dtype=np.float64)
            avg, lo, hi = data.held(
                np.asarray(b.vavg, dtype=np.float64),
                np.asarray(b.vmin, dtype=np.float64),
                np.asarray(b.vmax, dtype=np.float64),
                np.asarray(b.count, dtype=np.float64),
                bad.get(tag),
                before.get(tag, math.nan),
            )
            s.hist_t, s.hist_avg, s.hist_lo, s.hist_hi = t, avg, lo, hi
            s.envelope.set(t, lo, hi)
            s.dense = False
            s.dirty = True
        if self.markers is not None:
            self._hist_alarms = set(result.get("alarms") or [])
        self.refresh()
        self.backfilled.emit()

    # --- look, language ----------------------------------------------------------------

    def _apply_theme(self) -> None:
        c = theme.colors()
        self.plot.setBackground(c.plot_bg)
        for axis in [*self._axes.values(), self.item.getAxis("bottom")]:
            axis.setPen(pg.mkPen(c.plot_fg))
            axis.setTextPen(pg.mkPen(c.plot_fg))
        self.cursor.setPen(pg.mkPen(c.accent, width=2))
        if self.markers is not None:
            self.markers.setBrush(pg.mkBrush(c.alarm))
            self.markers.setPen(pg.mkPen(c.plot_bg, width=1))
        self.plot.setMinimumHeight(theme.px(120))
        self._update_legend()

    def _retranslate(self) -> None:
        for s in self.series.values():  # the site's own words, in the worker's language
            tc, st = s.tag_config, s.station_config
            if tc is not None:
                s.description = tag_description(tc) if getattr(tc, "path", None) else ""
                s.label = data.short_label(s.tag, _Described(tc, s.description), st is not None)
            if st is not None:
                s.station = station_name(st)
            legend_label = getattr(self, "legend_labels", {}).get(s.tag)
            if legend_label is not None:
                legend_label.setToolTip(s.description or s.tag)
        self.pause_button.setText(
            translate("TrendPlot", "Live") if self.paused else translate("TrendPlot", "Pause")
        )
        self.pause_button.setToolTip(
            translate("TrendPlot", "Back to live scrolling")
            if self.paused
            else translate("TrendPlot", "Stop scrolling; data is still recorded")
        )
        self.cursor_button.setText(translate("TrendPlot", "Cursor"))
        self._update_legend()

    def _update_legend(self, *_a: Any) -> None:
        if not hasattr(self, "legend_labels"):
            return  # called during construction
        at = self.cursor.value() if self.cursor.isVisible() else None
        vals = self.values_at(at) if at is not None else {}
        for tag, s in self.series.items():
            if at is not None:
                v = vals.get(tag, math.nan)
                text = translate("TrendPlot", "gap") if math.isnan(v) else format_value(v)
            else:
                last = self.bridge.latest(tag) if self.bridge is not None else None
                text = (
                    "—"
                    if last is None
                    else translate("TrendPlot", "BAD")
                    if last.quality is Quality.BAD
                    else format_value(last.value)
                )
            name = (
                translate("TrendPlot", "{label} · {station}").format(
                    label=s.label, station=s.station)
                if s.station else s.label
            )
            self.legend_labels[tag].setText(
                f'<span style="color:{s.color}">■</span> {html.escape(name)}: '
                f"<b>{text}</b> {html.escape(s.unit)}"
            )
        self.cursor_time.setVisible(at is not None)
        if at is not None:
            self.cursor_time.setText(
                translate("TrendPlot", "Cursor at {time}").format(
                    time=time.strftime("%H:%M:%S", time.localtime(at))
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._opened:
            self._opened = True
            # Asked at creation with a guessed width; ask again if the real width needs
            # many more buckets than were asked for (a wide plot with a coarse history).
            if self._asked_buckets and self._buckets() > 2 * self._asked_buckets:
                QTimer.singleShot(0, self.request_backfill)
