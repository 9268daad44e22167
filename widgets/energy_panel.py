"""Energy views: the supervisor's energy panel and a station's energy tile.

The panel shows, for the live shift, today or this week: kWh per vehicle against the
baseline, idle waste, renewable share, CO2e and cost per vehicle, a flow picture
(grid and PV into the line, into the stations, recovered heat back) drawn with
QPainter, Pareto bars of consumers and idle wastes, kWh per vehicle per hour, and the
recommendations with their weekly savings and an Apply button where permitted.

Everything comes from `EnergyService.view_async` (the ledger, read on the service's
own thread); the panel only paints. Apply goes through `EnergyService.apply` (role
check, the checked and audited write).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Action, PermissionDenied, allowed
from app.energy.advice import Recommendation
from app.energy.service import EnergyError, EnergyService, EnergyView, LiveFlows
from layouts.panels import energy as energy_spec
from widgets.panels import PanelContext, register_panel
from widgets.permission_text import user_message

translate = QCoreApplication.translate
TOUCH_PX = 48
REFRESH_MS = 3000

GRID_C, PV_C, HEAT_C = QColor("#5b8def"), QColor("#e0b000"), QColor("#e0643c")
PROD_C, IDLE_C, UNKNOWN_C = QColor("#3fa34d"), QColor("#e08a00"), QColor("#888888")


def period_label(period: str) -> str:
    return {"shift": translate("Energy", "Live shift"), "today": translate("Energy", "Today"),
            "week": translate("Energy", "This week")}.get(period, period)


def _scale(f: QFont, k: float) -> None:
    """Scale a font in place, whether it is sized in points or (by a style sheet) pixels."""
    if f.pointSizeF() > 0:
        f.setPointSizeF(f.pointSizeF() * k)
    elif f.pixelSize() > 0:
        f.setPixelSize(max(1, round(f.pixelSize() * k)))


def _num(x: float | None, nd: int = 1) -> str:
    return "—" if x is None else f"{x:,.{nd}f}"


def rec_title(r: Recommendation) -> str:
    p = r.params
    if r.kind == "idle_sleep":
        return (translate("Energy", "%1: let it sleep after %2 min idle")
                .replace("%1", r.name).replace("%2", f"{p.get('after_min', 0):g}"))
    if r.kind == "booth_setback":
        return translate("Energy", "%1: set back air and heat while the line stands") \
            .replace("%1", r.name)
    if r.kind == "stagger_startup":
        return translate("Energy", "Stagger start-up after breaks and shift change")
    return r.title


def rec_evidence(r: Recommendation) -> str:
    p = r.params
    if r.kind in ("idle_sleep", "booth_setback"):
        return (translate("Energy", "%1 kWh drawn idle; %2 min of it more than %3 min into "
                          "a stop, at %4 kW (asleep: %5 kW)")
                .replace("%1", _num(p.get("idle_kwh"))).replace("%2", _num(p.get(
                    "sleepable_min"), 0)).replace("%3", f"{p.get('after_min', 0):g}")
                .replace("%4", _num(p.get("idle_kw"))).replace("%5", _num(p.get("sleep_kw"))))
    if r.kind == "stagger_startup":
        return (translate("Energy", "Demand peaked at %1 kW against a contract limit of %2 kW")
                .replace("%1", _num(p.get("peak_kw"), 0))
                .replace("%2", _num(p.get("contract_kw"), 0)))
    return r.evidence


class _Relay(QObject):
    """Futures complete on other threads; this hops to the GUI thread."""

    view_ready = Signal(object)
    message = Signal(str)


def _poller(owner: QWidget, svc: EnergyService | None, period: Any,
            on_view: Any) -> _Relay:
    """Every REFRESH_MS ask the service for a view of `period()`; `on_view(view)` on
    the GUI thread. One request at a time; nothing is called after `owner` is gone.

    The relay has no Qt parent: the service's worker thread may still emit on it while
    `owner` is being deleted, so it must outlive `owner` (it goes with the last Python
    reference). Its signals connect only to methods of Qt objects, which Qt
    disconnects when their object goes."""
    relay = _Relay()
    relay.view_ready.connect(on_view, Qt.ConnectionType.QueuedConnection)
    alive = [True]
    busy = [False]

    def done(fut: Any) -> None:
        busy[0] = False
        if alive[0] and fut.exception() is None:
            relay.view_ready.emit(fut.result())

    def request() -> None:
        if svc is None or busy[0] or not alive[0]:
            return
        busy[0] = True
        svc.view_async(period()).add_done_callback(done)

    def detach(*_: Any) -> None:
        alive[0] = False

    owner.destroyed.connect(detach)
    timer = QTimer(owner)
    timer.timeout.connect(request)
    timer.start(REFRESH_MS)
    relay.request = request  # type: ignore[attr-defined]
    relay.alive = alive  # type: ignore[attr-defined]
    QTimer.singleShot(0, timer, request)
    return relay


# --- the flow picture ----------------------------------------------------------------------


class FlowView(QWidget):
    """Grid and PV into the line, the line into its stations, recovered heat back.

    Arrow widths follow the power; dashes move along them, so a living plant looks
    alive. Stations are green while producing, amber while idle (drawing idle power).
    """

    def __init__(self, names: dict[str, str]) -> None:
        super().__init__()
        self.setObjectName("EnergyFlow")
        self.setMinimumSize(260, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._names = names
        self._live: LiveFlows | None = None
        self._phase = 0.0
        self._anim = QTimer(self)
        self._anim.timeout.connect(self._step)
        self._anim.start(200)

    def set_live(self, live: LiveFlows) -> None:
        self._live = live
        self.update()

    def _step(self) -> None:
        if self.isVisible() and self._live is not None:
            self._phase = (self._phase + 2.0) % 24.0
            self.update()

    def paintEvent(self, _e: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fg = self.palette().windowText().color()
        live = self._live
        w, h = float(self.width()), float(self.height())
        if live is None:
            p.setPen(fg)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       translate("Energy", "Waiting for meter data"))
            return
        line_kw = max(live.line_kw, 1.0)
        grid = live.grid_kw if live.grid_kw is not None else max(0.0, live.line_kw
                                                                  - (live.pv_kw or 0.0))
        pv = live.pv_kw or 0.0
        heat = live.recovered_kw or 0.0
        scale = 26.0 / max(line_kw, grid + min(pv, line_kw), 1.0)
        box_w, box_h = min(130.0, w * 0.18), 54.0
        grid_r = QRectF(8, h * 0.12, box_w, box_h)
        pv_r = QRectF(8, h * 0.62, box_w, box_h)
        line_r = QRectF(w * 0.30, h * 0.5 - 36, max(104.0, min(150.0, w * 0.22)), 72)
        st = list(live.stations.items())
        n = max(1, len(st))
        sx, sw = w * 0.56, w * 0.44 - 8
        gap = 4.0
        sh = min(48.0, (h - 30 - gap * (n - 1)) / n)
        top = (h - 30 - (sh * n + gap * (n - 1))) / 2
        # arrows first, boxes over them
        self._arrow(p, grid_r.right(), grid_r.center().y(), line_r.left(),
                    line_r.center().y() - 18, grid * scale, GRID_C)
        self._arrow(p, pv_r.right(), pv_r.center().y(), line_r.left(),
                    line_r.center().y() + 18, min(pv, line_kw) * scale, PV_C)
        rects = []
        for i, (mid, (kw, producing)) in enumerate(st):
            r = QRectF(sx, top + i * (sh + gap), sw, sh)
            rects.append((mid, kw, producing, r))
            colour = PROD_C if producing else IDLE_C if producing is False else UNKNOWN_C
            self._arrow(p, line_r.right(), line_r.center().y(), r.left(), r.center().y(),
                        (kw or 0.0) * scale, colour)
        if heat > 0.05:
            path = QPainterPath(QPointF(sx, h - 14))
            path.cubicTo(QPointF(w * 0.6, h - 4), QPointF(line_r.center().x(), h - 4),
                         QPointF(line_r.center().x(), line_r.bottom()))
            self._stroke(p, path, heat * scale, HEAT_C)
            p.setPen(HEAT_C)
            p.drawText(QRectF(line_r.left() - 40, h - 24, line_r.width() + 200, 22),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       translate("Energy", "Recovered heat %1 kW").replace("%1", _num(heat)))
        self._box(p, grid_r, translate("Energy", "Grid"), f"{_num(grid)} kW", GRID_C, fg)
        self._box(p, pv_r, translate("Energy", "PV"), f"{_num(pv)} kW", PV_C, fg)
        self._box(p, line_r, translate("Energy", "Line"), f"{_num(live.line_kw)} kW",
                  fg, fg, big=True)
        for mid, kw, producing, r in rects:
            colour = PROD_C if producing else IDLE_C if producing is False else UNKNOWN_C
            # the frame's colour says idle (amber) or producing (green)
            self._box(p, r, self._names.get(mid, mid), f"{_num(kw)} kW", colour, fg,
                      compact=True)

    def _arrow(self, p: QPainter, x0: float, y0: float, x1: float, y1: float, width: float,
               colour: QColor) -> None:
        path = QPainterPath(QPointF(x0, y0))
        mx = (x0 + x1) / 2
        path.cubicTo(QPointF(mx, y0), QPointF(mx, y1), QPointF(x1, y1))
        self._stroke(p, path, width, colour)

    def _stroke(self, p: QPainter, path: QPainterPath, width: float, colour: QColor) -> None:
        if width <= 0.2:
            return
        c = QColor(colour)
        c.setAlpha(110)
        p.setPen(QPen(c, max(1.5, width), Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        dash = QPen(colour, max(1.0, min(4.0, width / 3)), Qt.PenStyle.CustomDashLine,
                    Qt.PenCapStyle.FlatCap)
        dash.setDashPattern([4.0, 4.0])
        dash.setDashOffset(-self._phase / max(1.0, min(4.0, width / 3)))
        p.setPen(dash)
        p.drawPath(path)

    def _box(self, p: QPainter, r: QRectF, title: str, value: str, colour: QColor,
             fg: QColor, *, big: bool = False, compact: bool = False) -> None:
        bg = self.palette().window().color()
        p.setPen(QPen(colour, 2))
        p.setBrush(bg)
        p.drawRoundedRect(r, 6, 6)
        f = QFont(self.font())
        p.setPen(fg)
        if compact:
            inner = r.adjusted(8, 1, -6, -1)
            fm = QFontMetrics(f)
            if inner.height() >= 2 * fm.height():  # room for the name above the value
                _scale(f, 0.9)
                p.setFont(f)
                name = QFontMetrics(f).elidedText(title, Qt.TextElideMode.ElideRight,
                                                  int(inner.width()))
                p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, name)
                f.setBold(True)
                p.setFont(f)
                p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                           value)
                p.setFont(self.font())
                return
            f.setBold(True)
            value_w = QFontMetrics(f).horizontalAdvance(value) + 8
            p.setFont(f)
            p.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, value)
            f.setBold(False)
            p.setFont(f)
            name = QFontMetrics(f).elidedText(title, Qt.TextElideMode.ElideRight,
                                              int(max(10.0, inner.width() - value_w)))
            p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            p.setFont(self.font())
            return
        top, bottom = QRectF(r.left(), r.top() + 4, r.width(), r.height() / 2 - 4), \
            QRectF(r.left(), r.center().y(), r.width(), r.height() / 2 - 4)
        p.setFont(f)
        p.drawText(top, Qt.AlignmentFlag.AlignCenter, title)
        f.setBold(True)
        if big:
            _scale(f, 1.3)
        p.setFont(f)
        p.drawText(bottom, Qt.AlignmentFlag.AlignCenter, value)
        p.setFont(self.font())


# --- bars ------------------------------------------------------------------------------------


class ParetoView(QWidget):
    """Horizontal bars, largest first, with the cumulative share on the right."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title
        self._rows: list[tuple[str, float, float]] = []  # name, kWh, cumulative share
        self._colour = GRID_C
        self.setMinimumSize(200, 90)

    def set_rows(self, title: str, rows: list[tuple[str, float, float]], colour: QColor) -> None:
        self._title, self._rows, self._colour = title, rows[:7], colour
        self.update()

    def paintEvent(self, _e: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fg = self.palette().windowText().color()
        w, h = float(self.width()), float(self.height())
        p.setPen(fg)
        f = QFont(self.font())
        f.setBold(True)
        p.setFont(f)
        p.drawText(QRectF(4, 0, w - 8, 24), Qt.AlignmentFlag.AlignLeft
                   | Qt.AlignmentFlag.AlignVCenter, self._title)
        p.setFont(self.font())
        if not self._rows:
            p.drawText(QRectF(4, 26, w - 8, h - 26), Qt.AlignmentFlag.AlignCenter,
                       translate("Energy", "Nothing measured yet"))
            return
        fm = QFontMetrics(self.font())
        label_w = min(170.0, w * 0.36)
        val_w = float(fm.horizontalAdvance("9,999.9 kWh  100 %")) + 4
        bar_w = max(20.0, w - label_w - val_w - 12)
        fits = max(1, int((h - 28) // (fm.height() + 2)))  # rows that stay readable
        rows = self._rows[:fits]
        n = len(rows)
        rh = min(30.0, (h - 28) / n)
        top_v = rows[0][1] or 1.0
        for i, (name, kwh, cum) in enumerate(rows):
            y = 28 + i * rh
            p.setPen(fg)
            p.drawText(QRectF(4, y, label_w - 6, rh), Qt.AlignmentFlag.AlignLeft
                       | Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(name, Qt.TextElideMode.ElideRight, int(label_w - 8)))
            bw = bar_w * kwh / top_v
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._colour)
            p.drawRoundedRect(QRectF(label_w, y + rh * 0.18, max(2.0, bw), rh * 0.64), 3, 3)
            p.setPen(fg)
            p.drawText(QRectF(label_w + bar_w + 4, y, val_w, rh), Qt.AlignmentFlag.AlignLeft
                       | Qt.AlignmentFlag.AlignVCenter,
                       f"{_num(kwh)} kWh  {cum * 100:.0f} %")


class HourlyView(QWidget):
    """kWh per vehicle per hour (bars) against the baseline (dashed line)."""

    def __init__(self) -> None:
        super().__init__()
        self._hours: list[tuple[int, float | None]] = []
        self._baseline: float | None = None
        self._tz: Any = None
        self.setMinimumSize(200, 90)

    def set_data(self, hours: list[tuple[int, float | None]], baseline: float | None,
                 tz: Any) -> None:
        self._hours, self._baseline, self._tz = hours[-24:], baseline, tz
        self.update()

    def paintEvent(self, _e: Any) -> None:
        from datetime import datetime

        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fg = self.palette().windowText().color()
        w, h = float(self.width()), float(self.height())
        f = QFont(self.font())
        f.setBold(True)
        p.setFont(f)
        p.setPen(fg)
        p.drawText(QRectF(4, 0, w - 8, 24), Qt.AlignmentFlag.AlignLeft
                   | Qt.AlignmentFlag.AlignVCenter,
                   translate("Energy", "kWh per vehicle, by hour"))
        p.setFont(self.font())
        values = [v for _, v in self._hours if v is not None]
        if not values:
            p.drawText(QRectF(4, 26, w - 8, h - 26), Qt.AlignmentFlag.AlignCenter,
                       translate("Energy", "No vehicles yet in this period"))
            return
        top = max([*values, self._baseline or 0.0]) * 1.2
        plot = QRectF(36, 30, w - 44, h - 52)
        n = len(self._hours)
        slot = plot.width() / n
        base = self._baseline
        for i, (hour, v) in enumerate(self._hours):
            x = plot.left() + i * slot
            if v is not None:
                bh = plot.height() * v / top
                over = base is not None and v > base
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(IDLE_C if over else PROD_C)
                bw = min(slot * 0.7, 48.0)
                p.drawRect(QRectF(x + (slot - bw) / 2, plot.bottom() - bh, bw, bh))
            if n <= 12 or i % max(1, n // 8) == 0:
                p.setPen(fg)
                label = datetime.fromtimestamp(hour, self._tz).strftime("%H")
                p.drawText(QRectF(x, plot.bottom() + 2, slot, 18), Qt.AlignmentFlag.AlignCenter,
                           label)
        p.setPen(fg)
        p.drawText(QRectF(0, plot.top() - 8, 34, 16), Qt.AlignmentFlag.AlignRight,
                   f"{top:.1f}")
        if base is not None:
            y = plot.bottom() - plot.height() * base / top
            pen = QPen(fg, 1.5, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.drawText(QRectF(plot.left() + 4, y - 18, plot.width(), 16),
                       Qt.AlignmentFlag.AlignRight,
                       translate("Energy", "baseline %1").replace("%1", f"{base:.2f}"))


# --- recommendations ----------------------------------------------------------------------


class RecommendationRow(QFrame):
    def __init__(self, rec: Recommendation, currency: str, applied: bool, may_apply: bool,
                 on_apply: Any) -> None:
        super().__init__()
        self.setObjectName("EnergyRecommendation")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.rec = rec
        box = QHBoxLayout(self)
        text = QVBoxLayout()
        title = QLabel(rec_title(rec))
        f = title.font()
        f.setBold(True)
        title.setFont(f)
        title.setWordWrap(True)
        evidence = QLabel(rec_evidence(rec))
        evidence.setWordWrap(True)
        s = rec.savings_per_week
        saves = QLabel(translate("Energy", "Saves about %1 kWh, %2 %3 and %4 kg CO2e a week")
                       .replace("%1", _num(s.kwh, 0)).replace("%2", _num(s.cost, 2))
                       .replace("%3", currency).replace("%4", _num(s.co2e_kg, 0)))
        for label in (title, evidence, saves):
            # wrap to the width the list has, never widen it
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(80)
        saves.setWordWrap(True)
        text.addWidget(title)
        text.addWidget(evidence)
        text.addWidget(saves)
        box.addLayout(text, 1)
        self.apply_button = QPushButton()
        self.apply_button.setMinimumSize(120, TOUCH_PX)
        if rec.tag is None:
            self.apply_button.setText(translate("Energy", "On site"))
            self.apply_button.setEnabled(False)
            self.apply_button.setToolTip(translate("Energy", "Needs a change on site; "
                                                   "there is no switch for it"))
        elif applied:
            self.apply_button.setText(translate("Energy", "Applied"))
            self.apply_button.setEnabled(False)
        else:
            self.apply_button.setText(translate("Energy", "Apply"))
            self.apply_button.setEnabled(may_apply)
            if not may_apply:
                self.apply_button.setToolTip(translate(
                    "Energy", "Sign in as team lead, maintenance or supervisor to apply"))
        self.apply_button.clicked.connect(lambda: on_apply(rec))
        box.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignVCenter)


class _Message(QLabel):
    """A line of feedback that takes no room while it says nothing."""

    def __init__(self) -> None:
        super().__init__("")
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))


class _Kpi(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("EnergyKpi")
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 2, 6, 2)
        box.setSpacing(0)
        self.caption = QLabel()
        self.value = QLabel("—")
        f = self.value.font()
        _scale(f, 1.35)
        f.setBold(True)
        self.value.setFont(f)
        self.note = QLabel("")
        small = self.note.font()
        _scale(small, 0.9)
        self.note.setFont(small)
        self.caption.setFont(small)
        for w in (self.caption, self.value, self.note):
            box.addWidget(w)

    def show_value(self, caption: str, value: str, note: str = "",
                   colour: str | None = None) -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.note.setText(note)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")


# --- the panel -----------------------------------------------------------------------------


class EnergyPanel(QWidget):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("EnergyPanel")
        self._ctx = ctx
        self._svc: EnergyService | None = ctx.find(EnergyService)
        self._period = settings.get("period") or "shift"
        self._view: EnergyView | None = None
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.period_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        for p in energy_spec.PERIODS:
            b = QPushButton()
            b.setCheckable(True)
            b.setMinimumSize(120, TOUCH_PX)
            b.setChecked(p == self._period)
            b.clicked.connect(lambda _=False, p=p: self._choose(p))
            group.addButton(b)
            head.addWidget(b)
            self.period_buttons[p] = b
        self.kpis = [_Kpi() for _ in range(6)]
        kpi_row = QHBoxLayout()
        for k in self.kpis:
            kpi_row.addWidget(k, 1)
        names = {m.id: m.name for m in self._svc.config.meters} if self._svc else {}
        self.flow = FlowView(names)
        self.consumers = ParetoView("")
        self.idle = ParetoView("")
        self.hourly = HourlyView()
        self.recs_box = QVBoxLayout()
        self.recs_box.setContentsMargins(0, 0, 0, 0)
        recs_host = QWidget()
        recs_host.setLayout(self.recs_box)
        self.recs_title = QLabel()
        bold = self.recs_title.font()
        bold.setBold(True)
        self.recs_title.setFont(bold)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(recs_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.message = _Message()
        recs = QVBoxLayout()
        recs.setContentsMargins(0, 0, 0, 0)
        recs.setSpacing(2)
        recs.addWidget(self.recs_title)
        recs.addWidget(scroll, 1)
        recs.addWidget(self.message)
        scroll.setMinimumHeight(90)
        # three columns: the flows; what consumes and what idles; per hour and advice
        self.recs_host = QWidget()
        self.recs_host.setLayout(recs)
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        self._wide: bool | None = None
        self._arrange(wide=True)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.setSpacing(4)
        box.addLayout(head)
        box.addLayout(kpi_row)
        box.addLayout(self.grid, 1)
        self._relay = _poller(self, self._svc, lambda: self._period, self._show)
        self._relay.message.connect(self._on_message, Qt.ConnectionType.QueuedConnection)
        if ctx.session is not None:  # who may apply changes with who is signed in
            relay = self._relay
            alive = relay.alive  # type: ignore[attr-defined]
            remove = ctx.session.add_observer(lambda *_: alive[0] and relay.message.emit(""))
            self.destroyed.connect(lambda *_: remove())
        self._retranslate()

    def _arrange(self, wide: bool) -> None:
        """Wide and low (a row of a layout): three columns; else two (a column)."""
        if wide == self._wide:
            return
        self._wide = wide
        g = self.grid
        for w in (self.flow, self.consumers, self.idle, self.hourly, self.recs_host):
            g.removeWidget(w)
        for i in range(4):
            g.setColumnStretch(i, 0)
            g.setRowStretch(i, 0)
        if wide:
            g.addWidget(self.flow, 0, 0, 2, 1)
            g.addWidget(self.consumers, 0, 1)
            g.addWidget(self.idle, 1, 1)
            g.addWidget(self.hourly, 0, 2)
            g.addWidget(self.recs_host, 1, 2)
            for col, k in enumerate((4, 3, 4)):
                g.setColumnStretch(col, k)
            g.setRowStretch(0, 2)
            g.setRowStretch(1, 3)
        else:
            g.addWidget(self.flow, 0, 0, 2, 1)
            g.addWidget(self.consumers, 0, 1)
            g.addWidget(self.idle, 1, 1)
            g.addWidget(self.hourly, 2, 0)
            g.addWidget(self.recs_host, 2, 1)
            g.setColumnStretch(0, 5)
            g.setColumnStretch(1, 4)
            for row, k in enumerate((3, 3, 5)):
                g.setRowStretch(row, k)

    def resizeEvent(self, event: Any) -> None:
        self._arrange(wide=self.width() > 2.2 * max(1, self.height()))
        super().resizeEvent(event)

    def _retranslate(self) -> None:
        self.title.setText(translate("Energy", "Energy"))
        for p, b in self.period_buttons.items():
            b.setText(period_label(p))
        self.recs_title.setText(translate("Energy", "What to change"))
        if self._svc is None:
            self.message.setText(translate("Energy", "This site configures no energy meters "
                                           "([energy] in the site file)"))
        if self._view is not None:
            self._show(self._view)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _on_message(self, text: str) -> None:
        """Feedback from an apply, or "" when who is signed in changed."""
        self.message.setText(text)
        if self._view is not None:
            self._show_recs(self._view)

    def _choose(self, period: str) -> None:
        self._period = period
        self._relay.request()  # type: ignore[attr-defined]

    def _role(self) -> tuple[str | None, Any]:
        who = self._ctx.session.current if self._ctx.session is not None else None
        return (who.user_id, who.role) if who else (None, None)

    def _show(self, view: EnergyView) -> None:
        if view.period != self._period:
            return  # an answer for the period shown before the switch
        self._view = view
        r = view.report
        cur = r.currency
        base = r.baseline_kwh_per_vehicle
        enpi = r.enpi_pct
        note = ""
        colour = None
        if enpi is not None and base is not None:
            word = translate("Energy", "better") if enpi >= 0 else translate("Energy", "worse")
            note = (translate("Energy", "baseline %1 · %2 % %3").replace("%1", f"{base:.2f}")
                    .replace("%2", f"{abs(enpi):.0f}").replace("%3", word))
            colour = "#3fa34d" if enpi >= 0 else "#e08a00"
        k = self.kpis
        k[0].show_value(translate("Energy", "kWh per vehicle"), _num(r.kwh_per_vehicle, 2),
                        note, colour)
        live = view.live
        standing = sum(1 for _, producing in live.stations.values() if producing is False)
        k[1].show_value(translate("Energy", "Idle now"), f"{_num(live.idle_kw)} kW",
                        translate("Energy", "%1 stations standing, still drawing")
                        .replace("%1", str(standing)) if standing
                        else translate("Energy", "every station producing"),
                        "#e08a00" if live.idle_kw > 1 else None)
        share = None if r.idle_share is None else r.idle_share * 100
        k[2].show_value(translate("Energy", "Idle waste"), f"{_num(r.idle_kwh)} kWh",
                        translate("Energy", "%1 % of %2 kWh").replace("%1", _num(share, 0))
                        .replace("%2", _num(r.kwh, 0)))
        ren = None if r.renewable_share is None else r.renewable_share * 100
        k[3].show_value(translate("Energy", "Renewable (PV)"), f"{_num(ren, 0)} %",
                        translate("Energy", "recovered heat %1 kWh")
                        .replace("%1", _num(r.recovered_kwh, 0)))
        k[4].show_value(translate("Energy", "CO2e per vehicle"),
                        f"{_num(r.co2e_kg_per_vehicle, 2)} kg",
                        translate("Energy", "market-based %1 kg")
                        .replace("%1", _num(r.co2e_market_kg_per_vehicle, 2)))
        peak = "" if not r.contract_peak_kw else translate("Energy", "peak %1 of %2 kW") \
            .replace("%1", _num(r.peak_kw, 0)).replace("%2", _num(r.contract_peak_kw, 0))
        k[5].show_value(translate("Energy", "Cost per vehicle"),
                        f"{_num(r.cost_per_vehicle, 2)} {cur}", peak)
        self.title.setText(translate("Energy", "Energy — %1").replace("%1", period_label(
            view.period) if view.period != "shift" else translate("Energy", "%1 shift")
            .replace("%1", view.label)))
        self.flow.set_live(live)
        cons = [(e.name, e.kwh, e.cumulative_share) for e in r.ranking if e.kind == "consumption"]
        idle = [(e.name, e.kwh, e.cumulative_share) for e in r.ranking if e.kind == "idle"]
        self.consumers.set_rows(translate("Energy", "Largest consumers"), cons, GRID_C)
        self.idle.set_rows(translate("Energy", "Largest idle wastes"), idle, IDLE_C)
        self.hourly.set_data([(h.hour, h.kwh_per_vehicle) for h in r.hours], base,
                             self._svc.config.tz() if self._svc else None)
        self._show_recs(view)

    def _show_recs(self, view: EnergyView) -> None:
        while self.recs_box.count():
            item = self.recs_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        _, role = self._role()
        may = allowed(role, Action.ENERGY_APPLY)
        if not view.recommendations:
            empty = QLabel(translate("Energy", "Nothing to change in this period"))
            self.recs_box.addWidget(empty)
        for rec in view.recommendations[:6]:
            self.recs_box.addWidget(RecommendationRow(rec, view.report.currency,
                                                      view.applied.get(rec.id, False), may,
                                                      self._apply))
        self.recs_box.addStretch(1)

    def _apply(self, rec: Recommendation) -> None:
        if self._svc is None:
            return
        user, role = self._role()
        try:
            fut = self._svc.apply(rec, user or "", role)
        except (EnergyError, PermissionDenied) as e:
            self.message.setText(user_message(e))
            return
        self.message.setText(translate("Energy", "Sending to the PLC…"))
        relay = self._relay
        title = rec_title(rec)

        def done(f: Any) -> None:
            err = f.exception()
            text = (translate("Energy", "Not applied: %1").replace("%1", str(err)) if err
                    else translate("Energy", "Applied: %1").replace("%1", title))
            if relay.alive[0]:  # type: ignore[attr-defined]
                relay.message.emit(text)  # the relay outlives the panel: always safe
                relay.request()  # type: ignore[attr-defined]

        fut.add_done_callback(done)


# --- the station tile ----------------------------------------------------------------------


class EnergyTile(QFrame):
    """A station's energy at a glance: its kWh per vehicle this shift and idle now."""

    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("EnergyTile")
        self._svc: EnergyService | None = ctx.find(EnergyService)
        self._station = settings.get("station") or ""
        meter = None
        if self._svc is not None:
            meter = next((m for m in self._svc.config.meters
                          if self._station and m.station == self._station), None)
        self._meter = meter.id if meter else None
        st = ctx.config.stations.get(self._station) if ctx.config is not None else None
        self._name = st.name if st else (meter.name if meter else "")
        self.caption = QLabel()
        self.caption.setProperty("role", "title")
        self.per_vehicle = QLabel("—")
        f = self.per_vehicle.font()
        _scale(f, 1.6)
        f.setBold(True)
        self.per_vehicle.setFont(f)
        self.idle_now = QLabel("")
        self.idle_shift = QLabel("")
        box = QVBoxLayout(self)
        for w in (self.caption, self.per_vehicle, self.idle_now, self.idle_shift):
            box.addWidget(w)
        box.addStretch(1)
        self._relay = _poller(self, self._svc, lambda: "shift", self._show)
        self.caption.setText(translate("Energy", "Energy — %1").replace(
            "%1", self._name or translate("Energy", "line")))
        if self._svc is None:
            self.idle_now.setText(translate("Energy", "No energy meters on this site"))

    def _show(self, view: EnergyView) -> None:
        r = view.report
        if self._meter is None:
            kwh, idle_kwh = r.kwh, r.idle_kwh
            kw, producing = view.live.line_kw, None
            idle_kw = view.live.idle_kw
        else:
            t = r.meters[self._meter]
            kwh, idle_kwh = t.kwh, t.idle_kwh
            kw, producing = view.live.stations.get(self._meter, (None, None))
            idle_kw = (kw or 0.0) if producing is False else 0.0
        per = kwh / r.vehicles if r.vehicles else None
        self.per_vehicle.setText(translate("Energy", "%1 kWh/vehicle").replace("%1",
                                                                              _num(per, 2)))
        if producing is False or (self._meter is None and idle_kw > 1):
            self.idle_now.setText(translate("Energy", "Idle now: %1 kW").replace(
                "%1", _num(idle_kw)))
            self.idle_now.setStyleSheet("color: #e08a00; font-weight: bold;")
        else:
            self.idle_now.setText(translate("Energy", "Drawing %1 kW").replace("%1", _num(kw)))
            self.idle_now.setStyleSheet("")
        self.idle_shift.setText(translate("Energy", "Idle this shift: %1 kWh").replace(
            "%1", _num(idle_kwh)))


def _tile(ctx: PanelContext, settings: dict[str, Any]) -> QWidget:
    return EnergyTile(ctx, settings)


register_panel(energy_spec.SPEC, EnergyPanel)
register_panel(energy_spec.TILE, _tile)


