"""Alarm KPIs on screen (ISA-18.2 / EEMUA 191): figures from app.alarms.kpi.

`AlarmKpiView` computes the KPIs off the GUI thread from the journal (every 30 s and
on demand) and shows them as tiles with their targets, the priority mix against
80/15/5 as bars, and the ten most frequent alarms. ISA-101: a figure within its
target is plain; one beyond it says so in words and in the warning or alarm colour.
`KpiStrip` is the one-line form the alarm journal view shows above its table.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.alarms import kpi
from app.alarms.engine import AlarmEngine
from app.alarms.journal import AlarmJournal
from app.alarms.kpi import AlarmKpis, Load
from layouts.panels import alarm_kpi as kpi_spec
from widgets import icons, theme
from widgets.panels import PanelContext, register_panel

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


def load_text(load: Load) -> str:
    return {Load.ACCEPTABLE: translate("AlarmKpi", "acceptable"),
            Load.MANAGEABLE: translate("AlarmKpi", "manageable"),
            Load.OVERLOADED: translate("AlarmKpi", "OVERLOADED")}[load]


def load_severity(load: Load) -> str:
    return {Load.ACCEPTABLE: "", Load.MANAGEABLE: "warning", Load.OVERLOADED: "alarm"}[load]


def duration_text(seconds: float) -> str:
    if seconds < 90:
        return translate("AlarmKpi", "{n} s").format(n=int(seconds))
    if seconds < 5400:
        return translate("AlarmKpi", "{n} min").format(n=int(seconds // 60))
    return translate("AlarmKpi", "{n} h").format(n=f"{seconds / 3600:.1f}")


class _Relay(QObject):
    """Carries a result from the worker thread. It has no Qt parent, so it outlives the
    view that asked: a query still running when the view is deleted emits on a live
    object, and Qt has already dropped the connection to the deleted view (emitting on
    the deleted view itself crashed the process)."""

    computed = Signal(object, object)


class KpiCompute:
    """Runs `kpi.from_journal` on a worker thread; `done(kpis, error)` on the GUI thread
    through the owner's queued signal."""

    def __init__(self, journal: AlarmJournal | None, engine: AlarmEngine | None,
                 emit: Any) -> None:
        self.journal, self.engine, self._emit = journal, engine, emit
        self._pool = concurrent.futures.ThreadPoolExecutor(1, "alarm-kpi")
        self.busy = False

    def run(self, window_s: float, operators: int) -> None:
        if self.journal is None or self.busy:
            return
        self.busy = True
        summary = self.engine.summary() if self.engine is not None else None
        fut = self._pool.submit(kpi.from_journal, self.journal, time.time(), window_s,
                                operators=operators, summary=summary)
        fut.add_done_callback(self._done)

    def _done(self, fut: concurrent.futures.Future) -> None:
        self.busy = False
        exc = fut.exception()
        if exc is not None:
            log.error("alarm KPIs could not be computed: %s", exc)
        with contextlib.suppress(RuntimeError):  # the view is gone
            self._emit(None if exc else fut.result(), exc)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False)


class KpiTile(QFrame):
    """A caption, a big figure and its target; severity via the theme's properties."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KpiTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel()
        self.caption.setProperty("role", "caption")
        self.value = QLabel("—")
        self.value.setProperty("role", "big")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.target = QLabel()
        self.target.setProperty("role", "caption")
        self.target.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 6)
        box.setSpacing(0)
        box.addWidget(self.caption)
        box.addWidget(self.value)
        box.addWidget(self.target)
        # grows with a wrapped target line instead of clipping it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def show_figure(self, caption: str, value: str, target: str, severity: str = "") -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.target.setText(target)
        theme.set_state_property(self.value, "severity", severity)
        theme.set_state_property(self.target, "severity", severity)


class PriorityMixBar(QWidget):
    """One bar per band (high / medium / low): the share with the target as a tick."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mix: dict[str, float] = {}
        self.setMinimumHeight(theme.px(78))
        theme.notifier().changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(360, theme.px(84))

    def set_mix(self, mix: dict[str, float]) -> None:
        self.mix = dict(mix)
        self.update()

    def paintEvent(self, _event: Any) -> None:
        c = theme.colors()
        p = QPainter(self)
        f = p.font()
        f.setPixelSize(theme.px(13))
        p.setFont(f)
        names = {"high": translate("AlarmKpi", "High (P1-2)"),
                 "medium": translate("AlarmKpi", "Medium (P3)"),
                 "low": translate("AlarmKpi", "Low (P4)")}
        label_w = float(theme.px(110))
        value_w = float(theme.px(120))
        row_h = self.height() / 3
        for i, band in enumerate(("high", "medium", "low")):
            y = i * row_h
            share, target = self.mix.get(band, 0.0), kpi.PRIORITY_TARGET[band]
            p.setPen(QColor(c.text))
            p.drawText(QRectF(0, y, label_w, row_h), Qt.AlignmentFlag.AlignVCenter, names[band])
            track = QRectF(label_w, y + row_h * 0.25, self.width() - label_w - value_w - 8,
                           row_h * 0.5)
            p.fillRect(track, QColor(c.window))
            off = (share > target + 5.0) if band != "low" else (share < target - 5.0)
            p.fillRect(QRectF(track.left(), track.top(), track.width() * share / 100,
                              track.height()), QColor(c.warning if off else c.muted))
            tx = track.left() + track.width() * target / 100
            p.setPen(QColor(c.text))
            p.drawLine(int(tx), int(track.top() - 3), int(tx), int(track.bottom() + 3))
            p.setPen(QColor(c.warning if off else c.text))
            p.drawText(QRectF(track.right() + 8, y, value_w, row_h),
                       Qt.AlignmentFlag.AlignVCenter,
                       translate("AlarmKpi", "{share} % (target {target} %)").format(
                           share=f"{share:.0f}", target=f"{target:.0f}"))
        p.end()


class AlarmKpiView(QWidget):
    """The KPI panel's content: tiles, the priority mix and the top 10."""

    def __init__(self, journal: AlarmJournal | None, engine: AlarmEngine | None = None, *,
                 window_s: float = 24 * 3600.0, operators: int = 1,
                 refresh_s: float = 30.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AlarmKpiView")
        self.window_s, self.operators = window_s, operators
        self.kpis: AlarmKpis | None = None
        self._relay = _Relay()
        self._relay.computed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._compute = KpiCompute(journal, engine, self._relay.computed.emit)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.status = QLabel()
        self.status.setProperty("role", "caption")
        self.refresh_button = QPushButton()
        self.refresh_button.setMinimumHeight(theme.TOUCH_PX)
        icons.set_icon(self.refresh_button, "reset", size=24)
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        head.addWidget(self.refresh_button)
        self.tiles = {k: KpiTile(self) for k in
                      ("rate10", "rate60", "peak", "flood", "chatter", "stale", "shelved", "oos")}
        grid = QGridLayout()
        grid.setSpacing(6)
        for i, t in enumerate(self.tiles.values()):
            grid.addWidget(t, i // 4, i % 4)
        self.mix_title = QLabel()
        self.mix_title.setProperty("role", "caption")
        self.mix = PriorityMixBar(self)
        self.top_title = QLabel()
        self.top_title.setProperty("role", "caption")
        self.top = QTableWidget(0, 4, self)
        self.top.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.top.verticalHeader().setVisible(False)
        self.top.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.top.horizontalHeader().setStretchLastSection(True)
        self.top.verticalHeader().setDefaultSectionSize(theme.px(32))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(head)
        box.addLayout(grid)
        box.addWidget(self.mix_title)
        box.addWidget(self.mix)
        box.addWidget(self.top_title)
        box.addWidget(self.top, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(int(refresh_s * 1000))
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.destroyed.connect(lambda *_: self._compute.shutdown())
        self._retranslate()
        if journal is None:
            self.status.setText(translate("AlarmKpi", "No journal: this terminal has no store"))
        self.refresh()

    def refresh(self) -> None:
        if self._compute.journal is not None:
            self.status.setText(translate("AlarmKpi", "Computing…"))
        self._compute.run(self.window_s, self.operators)

    def _show(self, kpis: AlarmKpis | None, exc: Any) -> None:
        if exc is not None or kpis is None:
            self.status.setText(translate("AlarmKpi", "Could not compute: {e}").format(e=exc))
            theme.set_state_property(self.status, "severity", "alarm")
            return
        theme.set_state_property(self.status, "severity", "")
        self.kpis = kpis
        self.status.setText(translate("AlarmKpi", "updated {t}").format(
            t=time.strftime("%H:%M:%S", time.localtime(kpis.end))))
        self._render()

    def _render(self) -> None:
        k = self.kpis
        if k is None:
            return
        sev = load_severity(k.load)
        t = self.tiles
        t["rate10"].show_figure(
            translate("AlarmKpi", "Per 10 min, per operator"), f"{k.per_10min:.2f}",
            translate("AlarmKpi", "{load} · target 1, at most 2").format(load=load_text(k.load)),
            sev)
        t["rate60"].show_figure(
            translate("AlarmKpi", "Per hour"), f"{k.per_hour:.1f}",
            translate("AlarmKpi", "target 6, at most 12 · {n} in all").format(n=k.alarms), sev)
        t["peak"].show_figure(
            translate("AlarmKpi", "Busiest 10 min"), f"{k.peak_10min:.0f}",
            translate("AlarmKpi", "a flood is more than 10"),
            "alarm" if k.peak_10min > kpi.FLOOD_MORE_THAN else "")
        t["flood"].show_figure(
            translate("AlarmKpi", "Time in flood"), duration_text(k.flood_s),
            translate("AlarmKpi", "{share} % · target under 1 %").format(
                share=f"{k.flood_share:.1f}"), "warning" if k.flood_share >= 1.0 else "")
        t["chatter"].show_figure(
            translate("AlarmKpi", "Chattering"), str(len(k.chattering)),
            ", ".join(k.chattering[:2]) or translate("AlarmKpi", "3 in a minute · target 0"),
            "warning" if k.chattering else "")
        t["stale"].show_figure(
            translate("AlarmKpi", "Stale (over 24 h)"), str(len(k.stale)),
            ", ".join(k.stale[:2]) or translate("AlarmKpi", "target 0"),
            "warning" if k.stale else "")
        t["shelved"].show_figure(translate("AlarmKpi", "Shelved"), str(k.shelved),
                                 translate("AlarmKpi", "{n} times in the period").format(
                                     n=k.shelve_actions))
        t["oos"].show_figure(translate("AlarmKpi", "Out of service"), str(k.out_of_service),
                             translate("AlarmKpi", "review each one"))
        self.mix.set_mix(k.priority_mix)
        self.top.setRowCount(len(k.top))
        for i, f in enumerate(k.top):
            for j, v in enumerate((f.alarm_id, str(f.count), f"{f.share:.0f} %",
                                   "" if f.priority is None else f"P{f.priority}")):
                item = QTableWidgetItem(v)
                if j in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if j == 0 and f.message:
                    item.setToolTip(f.message)
                self.top.setItem(i, j, item)
        self.top_title.setText(translate(
            "AlarmKpi", "The 10 most frequent alarms: {share} % of all").format(
                share=f"{k.top_share:.0f}"))

    def _retranslate(self) -> None:
        hours = self.window_s / 3600
        self.title.setText(translate("AlarmKpi", "Alarm performance, last {h} h").format(
            h=f"{hours:g}"))
        self.refresh_button.setText(translate("AlarmKpi", "Refresh"))
        self.mix_title.setText(translate("AlarmKpi", "Priority mix (target 5 / 15 / 80 %)"))
        self.top.setHorizontalHeaderLabels([translate("AlarmKpi", "Alarm"),
                                            translate("AlarmKpi", "Count"),
                                            translate("AlarmKpi", "Share"),
                                            translate("AlarmKpi", "Priority")])
        self.top_title.setText(translate("AlarmKpi", "The 10 most frequent alarms"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class KpiStrip(QLabel):
    """One line of the key figures, for the alarm journal view."""

    def __init__(self, journal: AlarmJournal | None, engine: AlarmEngine | None = None, *,
                 window_s: float = 24 * 3600.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KpiStrip")
        self.setWordWrap(True)
        self.window_s = window_s
        self.kpis: AlarmKpis | None = None
        self._relay = _Relay()
        self._relay.computed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._compute = KpiCompute(journal, engine, self._relay.computed.emit)
        self.destroyed.connect(lambda *_: self._compute.shutdown())

    def refresh(self) -> None:
        self._compute.run(self.window_s, 1)

    def _show(self, kpis: AlarmKpis | None, exc: Any) -> None:
        if kpis is None:
            self.setText(translate("AlarmKpi", "Alarm KPIs could not be computed: {e}").format(
                e=exc))
            return
        self.kpis = kpis
        self.setText(translate(
            "AlarmKpi", "Last 24 h: {r10} alarms per 10 min ({load}) · {r60} per hour · "
            "flood {flood} · chattering {chat} · stale {stale} · shelved {shelved} · "
            "out of service {oos}").format(
                r10=f"{kpis.per_10min:.2f}", load=load_text(kpis.load),
                r60=f"{kpis.per_hour:.1f}", flood=duration_text(kpis.flood_s),
                chat=len(kpis.chattering), stale=len(kpis.stale), shelved=kpis.shelved,
                oos=kpis.out_of_service))
        theme.set_state_property(self, "severity", load_severity(kpis.load))


def create_panel(ctx: PanelContext, settings: dict[str, Any]) -> AlarmKpiView:
    journal = ctx.find(AlarmJournal)
    engine = ctx.find(AlarmEngine)
    return AlarmKpiView(journal, engine, window_s=float(settings.get("window_h", 24)) * 3600,
                        operators=int(settings.get("operators", 1)))


register_panel(kpi_spec.SPEC, create_panel)
