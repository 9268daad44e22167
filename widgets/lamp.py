"""StateLamp: a station's state as shape + text + colour (never colour alone).

running ● filled circle (grey, ISA-101: normal is not coloured), idle ○ hollow circle,
fault ▲ triangle in alarm colour, maintenance ◆ diamond in warning colour, unknown or
BAD quality ▨ hatched square. While the line's e-stop is active (`set_line_stop`), an
idle station reads "stopped (e-stop)" with an alarm-coloured ■ square: it is not idle,
it was stopped, and it will not run until reset and started.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from app.model import Quality, Sample, Value
from widgets import theme


class StationState(StrEnum):
    RUNNING = "running"
    IDLE = "idle"
    FAULT = "fault"
    MAINTENANCE = "maintenance"
    ESTOP = "estop"  # stopped by the line's emergency stop (shown, never parsed)
    UNKNOWN = "unknown"


# PLCs report states as names or as codes; codes follow the common PackML-like order.
_CODES = {0: StationState.IDLE, 1: StationState.RUNNING, 2: StationState.FAULT,
          3: StationState.MAINTENANCE}
_ALIASES = {"run": StationState.RUNNING, "auto": StationState.RUNNING,
            "producing": StationState.RUNNING, "stopped": StationState.IDLE,
            "error": StationState.FAULT, "alarm": StationState.FAULT,
            "maint": StationState.MAINTENANCE, "service": StationState.MAINTENANCE}


def parse_state(value: Value) -> StationState:
    if isinstance(value, bool):
        return StationState.RUNNING if value else StationState.IDLE
    if isinstance(value, int | float):
        return _CODES.get(int(value), StationState.UNKNOWN)
    if isinstance(value, str):
        v = value.strip().lower()
        try:
            state = StationState(v)
        except ValueError:
            return _ALIASES.get(v, StationState.UNKNOWN)
        return StationState.UNKNOWN if state is StationState.ESTOP else state
    return StationState.UNKNOWN


def state_text(state: StationState) -> str:
    return {
        StationState.RUNNING: QCoreApplication.translate("StateLamp", "RUNNING"),
        StationState.IDLE: QCoreApplication.translate("StateLamp", "IDLE"),
        StationState.FAULT: QCoreApplication.translate("StateLamp", "FAULT"),
        StationState.MAINTENANCE: QCoreApplication.translate("StateLamp", "MAINTENANCE"),
        StationState.ESTOP: QCoreApplication.translate("StateLamp", "stopped (e-stop)"),
        StationState.UNKNOWN: QCoreApplication.translate("StateLamp", "NO DATA"),
    }[state]


class _Shape(QWidget):
    def __init__(self, lamp: StateLamp) -> None:
        super().__init__(lamp)
        self.lamp = lamp
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        d = theme.px(28)
        return QSize(d, d)

    def paintEvent(self, _e: Any) -> None:
        c = theme.colors()
        st = self.lamp.state
        color = QColor({StationState.FAULT: c.alarm, StationState.MAINTENANCE: c.warning,
                        StationState.ESTOP: c.alarm,
                        StationState.UNKNOWN: c.bad}.get(st, c.text))
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        p.setPen(QPen(color, 2.5))
        p.setBrush(QBrush(color))
        if st is StationState.RUNNING:
            p.drawEllipse(r)
        elif st is StationState.IDLE:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(r)
        elif st is StationState.FAULT:
            p.drawPolygon(QPolygonF([QPointF(r.center().x(), r.top()), r.bottomRight(),
                                     r.bottomLeft()]))
        elif st is StationState.ESTOP:
            p.drawRect(r.adjusted(2, 2, -2, -2))
        elif st is StationState.MAINTENANCE:
            cx, cy = r.center().x(), r.center().y()
            p.drawPolygon(QPolygonF([QPointF(cx, r.top()), QPointF(r.right(), cy),
                                     QPointF(cx, r.bottom()), QPointF(r.left(), cy)]))
        else:
            p.setBrush(QBrush(color, Qt.BrushStyle.BDiagPattern))
            p.drawRect(r)
        p.end()


class StateLamp(QWidget):
    """Shows a state tag (or a state set by code) as shape, text and colour."""

    _lineStopChanged = Signal()  # from the line-stop observer's thread to this one

    def __init__(self, bridge: Any = None, tag: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = StationState.UNKNOWN
        self.plc_state = StationState.UNKNOWN  # what the PLC reports, before the e-stop
        self._line_stop: Any = None
        self._remove_stop: Any = None
        self._lineStopChanged.connect(lambda: self.set_state(self.plc_state))
        self.shape = _Shape(self)
        self.label = QLabel(state_text(self.state))
        self.label.setProperty("role", "big")
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.shape)
        box.addWidget(self.label, 1)
        self.set_state(StationState.UNKNOWN)
        if bridge is not None and tag:  # after the reset: watch() delivers a known value now
            bridge.watch(tag, self.set_sample, self)

    def set_sample(self, s: Sample) -> None:
        self.set_state(StationState.UNKNOWN if s.quality is Quality.BAD else parse_state(s.value))

    def set_line_stop(self, line_stop: Any) -> None:
        """Follow the line's stop (app.safety.line_stop.LineStop: `active`,
        `add_observer`): an idle station then reads "stopped (e-stop)"."""
        self._line_stop = line_stop
        if line_stop is not None:
            self._remove_stop = line_stop.add_observer(lambda *_: self._lineStopChanged.emit())
            self.destroyed.connect(lambda *_: self._remove_stop and self._remove_stop())
        self.set_state(self.plc_state)

    def set_state(self, state: StationState) -> None:
        self.plc_state = state
        if (state is StationState.IDLE and self._line_stop is not None
                and self._line_stop.active):
            state = StationState.ESTOP
        self.state = state
        self.label.setText(state_text(state))
        sev = {StationState.FAULT: "alarm", StationState.MAINTENANCE: "warning",
               StationState.ESTOP: "alarm", StationState.UNKNOWN: "bad"}.get(state, "")
        theme.set_state_property(self.label, "severity", sev)
        self.shape.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.label.setText(state_text(self.state))
        elif event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.shape.updateGeometry()
        super().changeEvent(event)
