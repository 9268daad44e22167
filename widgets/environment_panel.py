"""The Environment panel: each monitored parameter with its value, limit and projected
average and a two-hour sparkline against the limit band; the open early warnings and
exceedances with the note form (cause and action); the anomalies with their evidence
and a dismiss-with-reason. ISA-101: grey when normal, colour only when abnormal.

It shows the monitor's snapshot (made on the monitor's thread), never queries itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Action, allowed
from app.environment.config import Parameter
from app.environment.limits import Level, Status
from app.environment.monitor import EnvironmentError
from app.environment.service import Environment
from layouts.panels import environment as specs
from widgets import theme
from widgets.flow_layout import FlowLayout
from widgets.overlay import Overlay
from widgets.panels import PanelContext, register_panel
from widgets.register_views import FormSheet, big_button

translate = QCoreApplication.translate
CARD_PX = 236  # a parameter card: value, sparkline, limit and state


def level_text(level: Level) -> str:
    return {Level.NORMAL: translate("Environment", "within limit"),
            Level.WARNING: translate("Environment", "on course to exceed"),
            Level.EXCEEDED: translate("Environment", "EXCEEDED")}[level]


def rule_text(p: Parameter) -> str:
    """What the permit averages: "30-min mean", "daily mean", ..."""
    match p.rule.value:
        case "block_mean" | "rolling_mean":
            return translate("Environment", "%1-min mean").replace("%1", str(p.window_min))
        case "daily_mean":
            return translate("Environment", "daily mean")
        case "daily_total":
            return translate("Environment", "today")
        case "monthly_total":
            return translate("Environment", "this month")
    return ""


class Sparkline(QWidget):
    """Minute means of the last two hours with the permitted band (no axes: a glance)."""

    def __init__(self, p: Parameter) -> None:
        super().__init__()
        self.p = p
        self.points: tuple[tuple[float, float], ...] = ()
        self.level = Level.NORMAL
        self.setMinimumSize(80, 34)

    def sizeHint(self) -> QSize:
        return QSize(220, 36)

    def paintEvent(self, _e: QPaintEvent) -> None:
        c = theme.colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(2, 4, -2, -4)
        values = [v for _t, v in self.points]
        limits = [x for x in (self.p.low, self.p.high) if x is not None]
        lo = min(values + limits) if values or limits else 0.0
        hi = max(values + limits) if values or limits else 1.0
        span = (hi - lo) or 1.0
        lo, hi = lo - 0.1 * span, hi + 0.1 * span

        def y(v: float) -> float:
            return r.bottom() - (v - lo) / (hi - lo) * r.height()

        band = QColor(c.muted)
        band.setAlpha(40)
        top = y(self.p.high) if self.p.high is not None else r.top()
        bottom = y(self.p.low) if self.p.low is not None else r.bottom()
        painter.fillRect(QRectF(r.left(), top, r.width(), bottom - top), band)
        painter.setPen(QPen(QColor(c.alarm), 1, Qt.PenStyle.DashLine))
        for lim in limits:
            painter.drawLine(QPointF(r.left(), y(lim)), QPointF(r.right(), y(lim)))
        if len(self.points) >= 2:
            t0, t1 = self.points[0][0], self.points[-1][0]
            dt_ = (t1 - t0) or 1.0
            line = QPolygonF([QPointF(r.left() + (t - t0) / dt_ * r.width(), y(v))
                              for t, v in self.points])
            color = {Level.EXCEEDED: c.alarm, Level.WARNING: c.warning}.get(self.level,
                                                                            c.text)
            painter.setPen(QPen(QColor(color), 2))
            painter.drawPolyline(line)
        painter.end()


class ParameterCard(QFrame):
    def __init__(self, p: Parameter) -> None:
        super().__init__()
        self.setObjectName("ValueTile")
        self.p = p
        self.name = QLabel(p.name)
        self.name.setProperty("role", "caption")
        self.value = QLabel("–")
        self.value.setProperty("role", "value")
        self.value.setMinimumWidth(0)
        self.limit = QLabel()
        self.limit.setProperty("role", "caption")
        self.limit.setWordWrap(True)
        self.state = QLabel()
        self.state.setProperty("role", "status")
        self.state.setWordWrap(True)
        self.spark = Sparkline(p)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.name)
        box.addWidget(self.value)  # full width: the number is never cut
        box.addWidget(self.spark)
        box.addWidget(self.limit)
        box.addWidget(self.state)

    def show_status(self, st: Status | None, points: tuple[tuple[float, float], ...],
                    live: float | None) -> None:
        unit = f" {self.p.unit}" if self.p.unit else ""
        # The big figure is the value now; the rule's value (a mean, a total) beside it.
        now = live if not self.p.rule.is_total else (st.value if st else None)
        self.value.setText("–" if now is None else f"{now:.3g}{unit}")
        ruled = "" if st is None or st.value is None or self.p.rule.is_total or \
            self.p.rule.value == "instant" else (
                f"{rule_text(self.p)} {st.value:.3g}{unit}  ·  ")
        proj = "" if st is None or st.projected is None else (
            "  ·  " + translate("Environment", "projected %1").replace(
                "%1", f"{st.projected:.3g}{unit}"))
        self.limit.setText(ruled + translate("Environment", "limit %1").replace(
            "%1", self.p.limit_text()) + proj)
        level = st.level if st is not None else Level.NORMAL
        self.state.setText(level_text(level))
        self.state.setToolTip(st.explanation if st is not None else "")
        severity = {Level.EXCEEDED: "alarm", Level.WARNING: "warning"}.get(level, "")
        for w in (self, self.state):
            theme.set_state_property(w, "severity", severity)
        self.spark.points, self.spark.level = points, level
        self.spark.update()


class _Relay(QObject):
    changed = Signal()


class EnvironmentPanel(QWidget):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("EnvironmentPanel")
        self.ctx = ctx
        self.env: Environment | None = ctx.find(Environment)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.cards: dict[str, ParameterCard] = {}
        grid = FlowLayout(spacing=8)  # as many cards to a row as the panel's width holds
        params = self.env.monitor.config.parameters if self.env else ()
        for p in params:
            card = ParameterCard(p)
            card.setFixedWidth(CARD_PX)
            self.cards[p.id] = card
            grid.addWidget(card)
        self.events_title = QLabel()
        self.events_title.setProperty("role", "title")
        self.events = QVBoxLayout()
        self.anomalies = QVBoxLayout()
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addLayout(grid)
        box.addWidget(self.events_title)
        box.addLayout(self.events)
        box.addLayout(self.anomalies)
        box.addStretch(1)
        # No Qt parent (as the energy panel's, 1f5d044): the monitor's worker thread may
        # still emit while this panel is being deleted, so the relay must outlive it.
        self._relay = _Relay()
        self._relay.changed.connect(self.refresh, Qt.ConnectionType.QueuedConnection)
        alive = [True]
        relay = self._relay
        removers = []
        if self.env is not None:
            removers.append(self.env.monitor.subscribe(
                lambda: alive[0] and relay.changed.emit()))
        if ctx.session is not None:
            removers.append(ctx.session.add_observer(
                lambda *_: alive[0] and relay.changed.emit()))

        def detach(*_: Any) -> None:
            alive[0] = False
            for remove in removers:
                remove()

        self.destroyed.connect(detach)
        self.refresh()

    def _user(self) -> tuple[str, Any]:
        who = self.ctx.session.current if self.ctx.session is not None else None
        return (who.user_id, who.role) if who else ("", None)

    def refresh(self) -> None:
        self.title.setText(translate("Environment", "Environment and permit limits"))
        self.events_title.setText(translate("Environment", "Warnings, exceedances, anomalies"))
        if self.env is None:
            self.title.setText(translate("Environment", "No environment monitoring configured"))
            return
        snap = self.env.monitor.snapshot
        for pid, card in self.cards.items():
            card.show_status(snap.status.get(pid), snap.recent.get(pid, ()),
                             snap.live.get(pid))
        for layout in (self.events, self.anomalies):
            while layout.count():
                item = layout.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
        names = {p.id: p.name for p in self.env.monitor.config.parameters}
        _user, role = self._user()
        shown = 0
        for e in snap.events[:6]:
            when = dt.datetime.fromtimestamp(e.start).strftime("%d.%m. %H:%M")
            kind = (translate("Environment", "Exceedance") if e.kind == "exceedance"
                    else translate("Environment", "Early warning"))
            value = "" if e.value is None else f" {e.value:.3g}"
            text = f"{kind} · {names.get(e.param, e.param)} · {when}{value}"
            if e.cause:
                text += "\n" + translate("Environment", "Cause: %1 · done: %2 (%3)").replace(
                    "%1", e.cause).replace("%2", e.action).replace("%3", e.noted_by)
            row = self._row(text, "alarm" if e.kind == "exceedance" and not e.end else
                            "warning" if not e.end else "")
            if not e.cause:
                b = big_button(translate("Environment", "Note cause…"))
                b.setEnabled(allowed(role, Action.ENV_NOTE))
                b.clicked.connect(lambda _=False, eid=e.id: self.open_note(eid))
                row.layout().addWidget(b)  # type: ignore[union-attr]
            self.events.addWidget(row)
            shown += 1
        for a in snap.anomalies[:4]:
            row = self._row(translate("Environment", "Anomaly (%1) · %2: %3")
                            .replace("%1", a.kind).replace("%2", names.get(a.param, a.param))
                            .replace("%3", a.evidence), "warning")
            b = big_button(translate("Environment", "Dismiss…"))
            b.setEnabled(allowed(role, Action.ENV_DISMISS))
            b.clicked.connect(lambda _=False, aid=a.id: self.open_dismiss(aid))
            row.layout().addWidget(b)  # type: ignore[union-attr]
            self.anomalies.addWidget(row)
            shown += 1
        if not shown:
            self.events.addWidget(self._row(translate(
                "Environment", "No warnings, exceedances or anomalies in the last day"), ""))

    def _row(self, text: str, severity: str) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        h.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setWordWrap(True)
        if severity:
            label.setProperty("severity", severity)
        h.addWidget(label, 1)
        return w

    def open_note(self, event_id: int) -> Overlay | None:
        if self.env is None:
            return None
        form = FormSheet([("cause", translate("Environment", "Cause"), ""),
                          ("action", translate("Environment", "What was done"), "")],
                         translate("Environment", "Save note"))
        overlay = Overlay.open(self, form, title=translate("Environment", "Exceedance note"))

        def save() -> None:
            v = form.values()
            try:
                self.env.monitor.note(event_id, v["cause"], v["action"],  # type: ignore
                                      actor=self._user()[0] or "terminal")
            except EnvironmentError as e:
                form.fail(str(e))
                return
            overlay.close_with(event_id)

        form.ok.clicked.connect(save)
        return overlay

    def open_dismiss(self, anomaly_id: int) -> Overlay | None:
        if self.env is None:
            return None
        form = FormSheet([("reason", translate("Environment", "Why is it not a problem?"), "")],
                         translate("Environment", "Dismiss anomaly"))
        overlay = Overlay.open(self, form, title=translate("Environment", "Dismiss anomaly"))

        def save() -> None:
            try:
                self.env.monitor.dismiss(anomaly_id, form.values()["reason"],  # type: ignore
                                         actor=self._user()[0] or "terminal")
            except EnvironmentError as e:
                form.fail(str(e))
                return
            overlay.close_with(anomaly_id)

        form.ok.clicked.connect(save)
        return overlay


register_panel(specs.ENVIRONMENT, EnvironmentPanel)
