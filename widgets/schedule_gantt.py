"""The production plan on screen: a Gantt, re-plan proposals to accept or reject, next jobs.

`GanttView` paints a `Plan`: one row per station, the now line, each car's operation
coloured by state (done, running, planned on time, planned late), blocked time (breaks
and off-shift hatched grey, maintenance violet, predicted maintenance violet dashed, a
fault red). Drag (a finger or the mouse) pans, pinch or the wheel zooms, and the +/-
buttons (48 px, for gloves) do the same. `SchedulePanel` shows the accepted plan and,
when a re-plan waits, its before/after with the changes listed and Accept/Reject for
the team lead. `NextJobs` is the station panel's "what comes next" list.
All of it reads `app.scheduling.service.SchedulingService`; no rules here.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QGestureEvent,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPinchGesture,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Action, PermissionDenied, allowed
from app.scheduling.planner import Changes, Plan
from app.scheduling.service import ScheduleError, SchedulingService
from layouts.panels import scheduling as spec
from widgets.panel_frame import PanelFrame
from widgets.panels import PanelContext, register_panel
from widgets.permission_text import user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")
TOUCH_PX = 48

DONE = QColor("#9e9e9e")
RUNNING = QColor("#1e88e5")
ON_TIME = QColor("#43a047")
LATE = QColor("#e53935")
AT_RISK = QColor("#fb8c00")  # late by less than 15 min
WINDOW_COLOURS = {"break": QColor(120, 120, 120, 70), "off_shift": QColor(90, 90, 90, 110),
                  "maintenance": QColor(142, 36, 170, 150), "predicted": QColor(142, 36, 170, 90),
                  "fault": QColor(229, 57, 53, 120)}


def _hhmm(t: float) -> str:
    return datetime.fromtimestamp(t).strftime("%H:%M")


class GanttView(QWidget):
    """Paints one plan; the visible time window pans and zooms by touch, wheel or buttons."""

    def __init__(self, names: dict[str, str], parent: QWidget | None = None,
                 hours: float = 3.0) -> None:
        super().__init__(parent)
        self.setObjectName("Gantt")
        self._names = names
        self.plan: Plan | None = None
        self.stations: list[str] = list(names)
        self.highlight: set[str] = set()  # ops to outline (moved in a proposal)
        now = time.time()
        self.t0, self.t1 = now - 0.15 * hours * 3600, now + 0.85 * hours * 3600
        self._drag: tuple[float, float, float] | None = None
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.grabGesture(Qt.GestureType.PinchGesture)

    def set_plan(self, plan: Plan | None, stations: list[str] | None = None) -> None:
        self.plan = plan
        if stations:
            self.stations = stations
        self.update()

    # --- view window ------------------------------------------------------------------

    def zoom(self, factor: float, at: float | None = None) -> None:
        """factor < 1 zooms in. Between 10 minutes and 2 days across."""
        span = self.t1 - self.t0
        new = min(max(span * factor, 600.0), 2 * 86400.0)
        c = at if at is not None else (self.t0 + self.t1) / 2
        r = (c - self.t0) / span if span > 0 else 0.5
        self.t0, self.t1 = c - r * new, c - r * new + new
        self.update()

    def pan(self, seconds: float) -> None:
        self.t0 += seconds
        self.t1 += seconds
        self.update()

    def show_now(self) -> None:
        span = self.t1 - self.t0
        now = time.time()
        self.t0, self.t1 = now - 0.15 * span, now + 0.85 * span
        self.update()

    def _left(self) -> float:
        fm = self.fontMetrics()
        names = [self._names.get(s, s) for s in self.stations] or ["-"]
        return float(min(220, max(fm.horizontalAdvance(n) for n in names) + 12))

    def _x(self, t: float) -> float:
        w = self.width() - self._left() - 4
        return self._left() + (t - self.t0) / (self.t1 - self.t0) * w

    def _t(self, x: float) -> float:
        w = self.width() - self._left() - 4
        return self.t0 + (x - self._left()) / w * (self.t1 - self.t0)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.Gesture:
            g = e.gesture(Qt.GestureType.PinchGesture) if isinstance(e, QGestureEvent) else None
            if isinstance(g, QPinchGesture) and g.scaleFactor() > 0:
                self.zoom(1.0 / g.scaleFactor(), self._t(g.centerPoint().x()
                                                          - self.mapToGlobal(QPointF(0, 0)).x()))
                return True
        return super().event(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        self._drag = (e.position().x(), self.t0, self.t1)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if self._drag is None:
            return
        x0, t0, t1 = self._drag
        w = max(1.0, self.width() - self._left() - 4)
        dt = (e.position().x() - x0) / w * (t1 - t0)
        self.t0, self.t1 = t0 - dt, t1 - dt
        self.update()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        self._drag = None

    def wheelEvent(self, e: QWheelEvent) -> None:
        self.zoom(0.85 if e.angleDelta().y() > 0 else 1 / 0.85, self._t(e.position().x()))

    # --- painting --------------------------------------------------------------------

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fg = pal.color(pal.ColorRole.WindowText)
        top, axis_h = 4.0, 22.0
        rows = self.stations or ["-"]
        row_h = max(20.0, (self.height() - top - axis_h - 4) / len(rows))
        left, right = self._left(), self.width() - 4.0
        # time axis: a tick per sensible step
        span = self.t1 - self.t0
        step = next((s for s in (300, 600, 900, 1800, 3600, 7200, 14400, 21600, 43200)
                     if span / s <= max(3, self.width() / 90)), 86400)
        p.setPen(QPen(fg))
        tick = (self.t0 // step + 1) * step
        grid = QColor(fg)
        grid.setAlpha(40)
        while tick < self.t1:
            x = self._x(tick)
            p.setPen(QPen(grid))
            p.drawLine(QPointF(x, top), QPointF(x, top + row_h * len(rows)))
            p.setPen(QPen(fg))
            p.drawText(QRectF(x - 30, top + row_h * len(rows) + 2, 60, axis_h),
                       Qt.AlignmentFlag.AlignHCenter, _hhmm(tick))
            tick += step
        now = time.time()
        plan = self.plan
        late_by = plan.lateness if plan is not None else {}
        for i, st in enumerate(rows):
            y = top + i * row_h
            p.setPen(QPen(fg))
            p.drawText(QRectF(2, y, left - 6, row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       self._names.get(st, st))
            p.setPen(QPen(grid))
            p.drawLine(QPointF(left, y + row_h), QPointF(right, y + row_h))
            if plan is None:
                continue
            for w in plan.windows:
                if w.station != st or w.end < self.t0 or w.start > self.t1:
                    continue
                r = QRectF(self._x(w.start), y + 1, max(2.0, self._x(w.end) - self._x(w.start)),
                           row_h - 2)
                c = WINDOW_COLOURS.get(w.kind, WINDOW_COLOURS["maintenance"])
                style = (Qt.BrushStyle.BDiagPattern if w.kind in ("break", "off_shift", "fault")
                         else Qt.BrushStyle.SolidPattern)
                p.fillRect(r, QBrush(c, style))
                if w.kind == "predicted":
                    p.setPen(QPen(QColor(142, 36, 170), 2, Qt.PenStyle.DashLine))
                    p.drawRect(r)
            for o in plan.ops_of(st):
                if o.end < self.t0 or o.start > self.t1:
                    continue
                if o.end <= now:
                    c = DONE
                elif o.start <= now:
                    c = RUNNING
                else:
                    late = late_by.get(o.order, 0.0)
                    c = LATE if late >= 900 else AT_RISK if late > 0 else ON_TIME
                x0, x1 = self._x(o.start), self._x(o.end)
                r = QRectF(x0, y + 3, max(1.5, x1 - x0 - 1), row_h - 6)
                p.fillRect(r, c)
                colour = plan.jobs.get(o.job, ("", "", ""))[2]
                if colour and row_h > 26:  # the car's paint colour as a stripe
                    p.fillRect(QRectF(r.x(), r.bottom() - 4, r.width(), 4), QColor(
                        {"white": "#f5f5f5", "silver": "#b0bec5"}.get(colour, colour)))
                if o.op in self.highlight:
                    p.setPen(QPen(fg, 2))
                    p.drawRect(r)
                if r.width() > 44:
                    p.setPen(QPen(QColor("white")))
                    p.drawText(r.adjusted(3, 0, -2, -4), Qt.AlignmentFlag.AlignVCenter,
                               o.order)
        x = self._x(now)
        if left <= x <= right:
            p.setPen(QPen(QColor("#d81b60"), 2))
            p.drawLine(QPointF(x, top), QPointF(x, top + row_h * len(rows)))
        p.end()


def changes_text(ch: Changes, names: dict[str, str]) -> list[str]:
    """The changes of a re-plan as lines a lead reads."""
    out = []
    for x in ch.late:
        if x.before > 0:
            line = translate("Schedule", "Order %1 late by %2 min (was %3 min)")
            out.append(line.replace("%1", x.order).replace("%2", f"{x.minutes:.0f}")
                       .replace("%3", f"{x.before:.0f}"))
        else:
            line = translate("Schedule", "Order %1 late by %2 min (was on time)")
            out.append(line.replace("%1", x.order).replace("%2", f"{x.minutes:.0f}"))
    if not ch.late:
        out.append(translate("Schedule", "No order late"))
    out.append(translate("Schedule", "Lost output this shift: %1 cars")
               .replace("%1", str(ch.lost_output)))
    out.append(translate("Schedule", "Sequence changes: %1 cars")
               .replace("%1", str(ch.sequence_moves)))
    out.append(translate("Schedule", "Operations moved to another station: %1")
               .replace("%1", str(ch.station_moves)))
    return out


class _Relay(QObject):
    """Service observers run on other threads; this hops to the GUI thread."""

    changed = Signal(str)


def _attach(widget: QWidget, svc: SchedulingService, fn: Any) -> None:
    relay = _Relay(widget)
    relay.changed.connect(fn, Qt.ConnectionType.QueuedConnection)
    alive = [True]

    def notify(ev: str) -> None:
        if alive[0]:
            relay.changed.emit(ev)

    remove = svc.subscribe(notify)

    def detach(*_: Any) -> None:
        alive[0] = False
        remove()

    relay.destroyed.connect(detach)


class SchedulePanel(PanelFrame):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__(translate("panels", "Production plan"))
        self.setObjectName("SchedulePanel")
        self.ctx = ctx
        self.svc: SchedulingService | None = ctx.find(SchedulingService)
        names = {k: v.name for k, v in ctx.config.stations.items()}
        stations = self.svc.line.stations if self.svc is not None else []
        self.gantt = GanttView({s: names.get(s, s) for s in stations},
                               hours=float(settings.get("hours", 3) or 3))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, fn in (("-", lambda: self.gantt.zoom(1 / 0.7)),
                        ("+", lambda: self.gantt.zoom(0.7)),
                        ("<", lambda: self.gantt.pan(-(self.gantt.t1 - self.gantt.t0) / 3)),
                        ("now", self.gantt.show_now),
                        (">", lambda: self.gantt.pan((self.gantt.t1 - self.gantt.t0) / 3))):
            b = QPushButton()
            b.setMinimumSize(TOUCH_PX, TOUCH_PX)
            b.clicked.connect(fn)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addWidget(self.status, 1)
        self.shortage_button = QPushButton()
        self.shortage_button.setMinimumHeight(TOUCH_PX)
        self.shortage_button.clicked.connect(self._open_shortage)
        bar.addWidget(self.shortage_button)
        # the proposal: before/after, changes, accept/reject
        self.proposal = QWidget()
        self.proposal.setObjectName("ReplanProposal")
        pbox = QVBoxLayout(self.proposal)
        pbox.setContentsMargins(0, 0, 0, 0)
        self.proposal_title = QLabel("")
        self.proposal_title.setProperty("role", "title")
        self.proposal_title.setWordWrap(True)
        self.changes = QListWidget()
        self.changes.setObjectName("ReplanChanges")
        self.changes.setStyleSheet("QListWidget::item { min-height: 26px; }")
        self.changes.setMaximumHeight(92)
        self.before_after = QPushButton()
        self.accept_button = QPushButton()
        self.reject_button = QPushButton()
        for b in (self.before_after, self.accept_button, self.reject_button):
            b.setMinimumHeight(56)
        self.accept_button.setObjectName("AcceptReplan")
        self.accept_button.clicked.connect(self._accept)
        self.reject_button.clicked.connect(self._reject)
        self.before_after.clicked.connect(self._toggle_before)
        prow = QHBoxLayout()
        prow.addWidget(self.before_after)
        prow.addStretch(1)
        prow.addWidget(self.reject_button)
        prow.addWidget(self.accept_button)
        pbox.addWidget(self.proposal_title)
        pbox.addWidget(self.changes)
        pbox.addLayout(prow)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        # A waiting re-plan goes above the Gantt: it is what the lead must see first.
        self.body.addLayout(bar)
        self.body.addWidget(self.proposal)
        self.body.addWidget(self.gantt, 1)
        self.body.addWidget(self.message)
        self._showing_before = False
        self._sheet: Any = None
        if self.svc is not None:
            _attach(self, self.svc, lambda _ev: self.refresh())
        if ctx.session is not None:  # who is signed in decides Accept/Reject
            relay = _Relay(self)
            relay.changed.connect(lambda _e: self.refresh(), Qt.ConnectionType.QueuedConnection)
            alive = [True]

            def on_session(*_: Any) -> None:
                if alive[0]:
                    relay.changed.emit("")

            remove = ctx.session.add_observer(on_session)

            def detach(*_: Any) -> None:
                alive[0] = False
                remove()

            relay.destroyed.connect(detach)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self.gantt.update)  # the now line moves
        self._tick.start(10_000)
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        self.set_title(translate("panels", "Production plan"))
        for key, text in (("-", "−"), ("+", "+"), ("<", "◀"), (">", "▶"),
                          ("now", translate("Schedule", "Now"))):
            self.buttons[key].setText(text)
        self.buttons["-"].setToolTip(translate("Schedule", "Zoom out"))
        self.buttons["+"].setToolTip(translate("Schedule", "Zoom in"))
        self.shortage_button.setText(translate("Schedule", "Flag a shortage"))
        self.accept_button.setText(translate("Schedule", "Accept"))
        self.reject_button.setText(translate("Schedule", "Reject"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _who(self) -> tuple[str | None, Any]:
        who = self.ctx.session.current if self.ctx.session is not None else None
        return (who.user_id, who.role) if who else (None, None)

    def refresh(self) -> None:
        svc = self.svc
        if svc is None:
            self.status.setText(translate("Schedule", "No production plan on this terminal "
                                                      "(no [scheduling] section)"))
            self.proposal.hide()
            return
        plan, prop = svc.plan, svc.proposal
        if plan is None:
            self.status.setText(translate("Schedule", "No plan yet (no orders)") if not svc.busy
                                else translate("Schedule", "Planning…"))
        else:
            late = len(plan.lateness)
            text = translate("Schedule", "Plan of %1, accepted by %2; %3 orders late") \
                .replace("%1", _hhmm(plan.created)).replace("%2", plan.accepted_by or "—") \
                .replace("%3", str(late))
            if svc.busy:
                text += " · " + translate("Schedule", "re-planning…")
            self.status.setText(text)
        if prop is None:
            self.proposal.hide()
            self._showing_before = False
            self.gantt.highlight = set()
            self.gantt.set_plan(plan)
            return
        names = svc.line.station_names
        self.proposal.show()
        self.proposal_title.setText(
            translate("Schedule", "Re-plan proposed: %1 — %2 orders late (found in %3 s)")
            .replace("%1", prop.plan.reason).replace("%2", str(len(prop.changes.late)))
            .replace("%3", f"{prop.plan.seconds:.1f}"))
        self.changes.clear()
        for line in changes_text(prop.changes, names):
            self.changes.addItem(line)
        self.gantt.highlight = set(prop.changes.moved)
        self.gantt.set_plan(prop.before if self._showing_before else prop.plan)
        self.before_after.setText(translate("Schedule", "Show after") if self._showing_before
                                  else translate("Schedule", "Show before"))
        _, role = self._who()
        may = allowed(role, Action.SCHEDULE_ACCEPT)
        for b in (self.accept_button, self.reject_button):
            b.setEnabled(may)
            b.setToolTip("" if may else translate(
                "Schedule", "Sign in as team lead or supervisor to decide on a re-plan"))

    def _toggle_before(self) -> None:
        self._showing_before = not self._showing_before
        self.refresh()

    def _accept(self) -> None:
        user, role = self._who()
        try:
            assert self.svc is not None
            self.svc.accept(user or "", role)
        except (ScheduleError, PermissionDenied) as e:
            self.message.setText(user_message(e))
            return
        self.message.setText(translate("Schedule", "Plan accepted and shared with the line"))
        self._showing_before = False
        self.refresh()

    def _reject(self) -> None:
        user, role = self._who()
        try:
            assert self.svc is not None
            self.svc.reject(user or "", role)
        except (ScheduleError, PermissionDenied) as e:
            self.message.setText(user_message(e))
            return
        self.message.setText(translate("Schedule", "Re-plan rejected; the plan stays as it was"))
        self.refresh()

    def _open_shortage(self) -> None:
        if self.svc is None:
            return
        from widgets.overlay import Overlay

        sheet = ShortageSheet(self.svc, self._who()[0] or "terminal")
        self._sheet = Overlay.open(self, sheet, title=translate("Schedule", "Material shortage"))
        sheet.done.connect(lambda text: (self._sheet.close_with(None),
                                         self.message.setText(text)))


class ShortageSheet(QWidget):
    """Which part is short (an option or a variant) and for how long: two touches."""

    done = Signal(str)

    def __init__(self, svc: SchedulingService, actor: str) -> None:
        super().__init__()
        self.svc, self.actor = svc, actor
        parts = sorted({o for order in svc.orders() for o in order.options}
                       | {order.variant for order in svc.orders()})
        box = QVBoxLayout(self)
        box.addWidget(QLabel(translate("Schedule", "What is missing at the line?")))
        self.choice = QListWidget()
        self.choice.setStyleSheet("QListWidget::item { min-height: 48px; }")
        for p in parts:
            self.choice.addItem(p)
        box.addWidget(self.choice)
        box.addWidget(QLabel(translate("Schedule", "Expected back in:")))
        row = QHBoxLayout()
        for minutes in (30, 60, 120, 240):
            b = QPushButton(translate("Schedule", "%1 min").replace("%1", str(minutes)))
            b.setMinimumSize(96, 56)
            b.clicked.connect(lambda _=False, m=minutes: self._flag(m))
            row.addWidget(b)
        box.addLayout(row)
        self.message = QLabel("")
        box.addWidget(self.message)

    def _flag(self, minutes: int) -> None:
        item = self.choice.currentItem()
        if item is None:
            self.message.setText(translate("Schedule", "Choose the part first"))
            return
        try:
            self.svc.flag_shortage(item.text(), time.time() + minutes * 60, self.actor)
        except ScheduleError as e:
            self.message.setText(str(e))
            return
        self.done.emit(translate("Schedule", "Shortage of %1 flagged; re-planning")
                       .replace("%1", item.text()))


class NextJobs(QLabel):
    """The station panel's next jobs from the accepted plan."""

    def __init__(self, svc: SchedulingService, station: str) -> None:
        super().__init__("")
        self.setObjectName("NextJobs")
        self.setWordWrap(True)
        self.svc, self.station = svc, station
        _attach(self, svc, lambda _ev: self.refresh())
        t = QTimer(self)
        t.timeout.connect(self.refresh)
        t.start(15_000)
        self.refresh()

    def refresh(self) -> None:
        plan = self.svc.plan
        jobs = plan.next_jobs(self.station, time.time(), 3) if plan is not None else []
        if not jobs:
            self.setText(translate("Schedule", "Next jobs: none planned"))
            return
        parts = []
        for o in jobs:
            _order, variant, colour = plan.jobs.get(o.job, ("", "", "")) if plan else ("", "", "")
            late = plan.lateness.get(o.order, 0.0) if plan else 0.0
            flag = " ⚠" if late > 0 else ""
            parts.append(f"{_hhmm(o.start)} {o.order} {variant} {colour}{flag}".strip())
        self.setText(translate("Schedule", "Next jobs: %1").replace("%1", " · ".join(parts)))


def add_next_jobs(panel: PanelFrame, ctx: PanelContext, station: str) -> NextJobs | None:
    """Put the next-jobs line on a station panel when the site plans this station."""
    svc = ctx.find(SchedulingService)
    if svc is None or station not in svc.line.stations:
        return None
    w = NextJobs(svc, station)
    panel.body.addWidget(w)
    return w


register_panel(spec.GANTT, SchedulePanel)
