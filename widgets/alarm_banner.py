"""AlarmBanner: the shell's fixed alarm line. Shows the most urgent unacknowledged alarm
(priority as number + shape + colour, never colour alone), flashes until it is
acknowledged, counts per priority and the flood state; a tap opens the alarm table.

Also holds what the alarm table shares with it: the priority marker (shape, number,
colour), state texts, and `EngineWatch`, which takes the engine's snapshot on a GUI
timer (the engine's observers run on the runtime thread; views never get called from
there).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QWidget,
)

from app.alarms.model import AlarmState, AlarmStatus, AlarmSummary
from app.safety.line_stop import LINE_STOP_ALARM
from widgets import theme
from widgets.site_text import alarm_message

log = logging.getLogger(__name__)
# Bare name so pyside6-lupdate finds the strings (it does not see through wrappers).
translate = QCoreApplication.translate

FLASH_MS = 500
POLL_MS = 200


# Priority 1..4: shape, and which theme colour. The number is always drawn too.
SHAPES = {1: "triangle", 2: "diamond", 3: "square", 4: "circle"}
SHAPE_GLYPHS = {1: "▲", 2: "◆", 3: "■", 4: "●"}


def priority_color(priority: int) -> QColor:
    c = theme.colors()
    return QColor({1: c.alarm, 2: c.warning, 3: c.accent}.get(priority, c.muted))


def state_text(state: AlarmState) -> str:
    return {
        AlarmState.NORMAL: QCoreApplication.translate("AlarmState", "Normal"),
        AlarmState.UNACK: QCoreApplication.translate("AlarmState", "Unacknowledged"),
        AlarmState.ACKED: QCoreApplication.translate("AlarmState", "Acknowledged"),
        AlarmState.RTN_UNACK: QCoreApplication.translate("AlarmState", "Cleared, unacknowledged"),
        AlarmState.SHELVED: QCoreApplication.translate("AlarmState", "Shelved"),
        AlarmState.SUPPRESSED: QCoreApplication.translate("AlarmState", "Suppressed"),
        AlarmState.OUT_OF_SERVICE: QCoreApplication.translate("AlarmState", "Out of service"),
    }[state]


def paint_priority(p: QPainter, rect: QRectF, priority: int, *, filled: bool = True) -> None:
    """The priority marker: a shape per priority with its number inside."""
    color = priority_color(priority)
    m = min(rect.width(), rect.height())
    r = QRectF(rect.center().x() - m / 2, rect.center().y() - m / 2, m, m).adjusted(2, 2, -2, -2)
    path = QPainterPath()
    shape = SHAPES.get(priority, "circle")
    if shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(r.center().x(), r.top()), r.bottomRight(),
                                   r.bottomLeft(), QPointF(r.center().x(), r.top())]))
    elif shape == "diamond":
        c = r.center()
        path.addPolygon(QPolygonF([QPointF(c.x(), r.top()), QPointF(r.right(), c.y()),
                                   QPointF(c.x(), r.bottom()), QPointF(r.left(), c.y()),
                                   QPointF(c.x(), r.top())]))
    elif shape == "square":
        path.addRect(r.adjusted(m * 0.08, m * 0.08, -m * 0.08, -m * 0.08))
    else:
        path.addEllipse(r)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(color, 2))
    p.setBrush(color if filled else Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    font = p.font()
    font.setBold(True)
    font.setPixelSize(max(8, int(m * (0.36 if shape == "triangle" else 0.45))))
    p.setFont(font)
    p.setPen(QColor("#ffffff") if filled else color)
    text_rect = r.adjusted(0, m * 0.18, 0, 0) if shape == "triangle" else r
    p.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, str(priority))
    p.restore()


class PriorityMarker(QWidget):
    """A painted priority marker; hollow while `filled` is False (the flash's off phase)."""

    def __init__(self, size: int = 40, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.priority: int | None = None
        self.filled = True
        self.setFixedSize(size, size)

    def set_priority(self, priority: int | None, filled: bool = True) -> None:
        if (priority, filled) != (self.priority, self.filled):
            self.priority, self.filled = priority, filled
            self.update()

    def paintEvent(self, event: Any) -> None:
        if self.priority is None:
            return
        p = QPainter(self)
        paint_priority(p, QRectF(self.rect()), self.priority, filled=self.filled)
        p.end()


class EngineWatch(QObject):
    """Polls the engine's change counter on the GUI thread; emits `changed` after a change.

    A counter read is safe from any thread and costs nothing while the plant is quiet,
    and a flood of engine events becomes at most one refresh per poll.
    """

    changed = Signal()

    def __init__(self, engine: Any, interval_ms: int = POLL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._seen = -1
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        if engine is not None:
            self._timer.start()

    def poll(self) -> None:
        version = self.engine.version
        if version != self._seen:
            self._seen = version
            self.changed.emit()


class AlarmBanner(QFrame):
    """The fixed alarm line of the shell. `openRequested` fires on a tap."""

    openRequested = Signal()

    def __init__(self, engine: Any, parent: QWidget | None = None, *,
                 audible: bool | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setObjectName("AlarmBanner")
        self.setMinimumHeight(max(theme.TOUCH_PX, theme.px(theme.TOUCH_PX)))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(translate("AlarmBanner", "Alarm banner"))
        settings = getattr(engine, "settings", None)
        self.audible = bool(getattr(settings, "audible", False)) if audible is None else audible
        self.top: AlarmStatus | None = None
        self.summary = AlarmSummary()
        self.flashing = False
        self.flash_on = True
        self._last_unacked = 0

        self.marker = PriorityMarker(max(36, theme.px(36)), self)
        self.text = QLabel(self)
        self.text.setProperty("role", "message")
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Next to the e-stop on a 1280 px screen the top alarm's text has ~450 px: wrap it
        # onto a second line instead of cutting off what the operator must do.
        self.text.setWordWrap(True)
        self.counts = QLabel(self)
        self.flood = QLabel(translate("AlarmBanner", "ALARM FLOOD"), self)
        self.flood.setProperty("severity", "alarm")
        self.flood.setVisible(False)
        lay = QGridLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.setHorizontalSpacing(8)
        lay.setVerticalSpacing(0)
        lay.addWidget(self.marker, 0, 0, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        lay.addWidget(self.text, 0, 1)
        lay.setColumnStretch(1, 1)
        lay.addWidget(self.flood, 0, 2)
        self._counts_below = False
        lay.addWidget(self.counts, 0, 3)

        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._toggle_flash)
        self.watch = EngineWatch(engine, parent=self)
        self.watch.changed.connect(self.refresh)
        self.refresh()

    def sizeHint(self) -> QSize:
        return QSize(600, self.heightForWidth(self.width()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """One touch row, or what the wrapped alarm text (and the counts, when they sit
        under it) need at this width; never the grid's own guess for a wrapped label."""
        touch = max(theme.TOUCH_PX, theme.px(theme.TOUCH_PX))
        if width <= 0:
            return touch
        side = [self.marker] + [w for w in (self.flood, self.counts)
                                if w.isVisibleTo(self) and not (w is self.counts
                                                                and self._counts_below)]
        gaps = 8 * len(side) + 16
        text_w = max(40, width - sum(w.sizeHint().width() for w in side) - gaps)
        h = self.text.heightForWidth(text_w)
        if self._counts_below:
            h += self.counts.sizeHint().height()
        return max(touch, h + 8)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._place_counts()

    def _place_counts(self) -> None:
        """The counts go under the alarm text when they would leave it less than half
        of the banner (200 % text, Chinese or German beside the e-stop): the text must
        stay readable, not wrap a character a line."""
        below = self.counts.sizeHint().width() > 0.45 * self.width()
        if below == self._counts_below:
            return
        self._counts_below = below
        lay = self.layout()
        assert isinstance(lay, QGridLayout)
        lay.removeWidget(self.counts)
        if below:
            lay.addWidget(self.counts, 1, 1, 1, 3)
        else:
            lay.addWidget(self.counts, 0, 3)
        self.updateGeometry()

    def refresh(self) -> None:
        if self.engine is None:
            self.text.setText(translate("AlarmBanner", "Alarms not available"))
            theme.set_state_property(self.text, "severity", "warning")
            return
        active = self.engine.active()
        self.summary = self.engine.summary()
        unacked = [s for s in active if s.unacked]
        # An active stop of the line stays the top alarm, acknowledged or not.
        stop = next((s for s in active if s.id == LINE_STOP_ALARM), None)
        self.top = stop or (unacked[0] if unacked else (active[0] if active else None))
        self._show_top()
        self._show_counts()
        self.flood.setVisible(self.summary.flood)
        if self.audible and self.summary.unacked > self._last_unacked:
            QApplication.beep()
        self._last_unacked = self.summary.unacked

    def _show_top(self) -> None:
        top = self.top
        if top is None:
            self.text.setText(translate("AlarmBanner", "No active alarms"))
            theme.set_state_property(self.text, "severity", "")
            self.marker.set_priority(None)
            self._set_flashing(False)
            return
        when = _clock_text(top.since)
        self.text.setText(f"P{int(top.priority)}  {when}  {alarm_message(top)}  "
                          f"— {state_text(top.state)}")
        self.text.setToolTip(top.id)
        theme.set_state_property(self.text, "severity",
                                 "alarm" if int(top.priority) <= 2 else "warning")
        self._set_flashing(top.unacked)
        self.marker.set_priority(int(top.priority), self.flash_on)

    def _show_counts(self) -> None:
        s = self.summary
        parts = [f"{SHAPE_GLYPHS[p]}{p}: {s.by_priority.get(p, 0)}" for p in (1, 2, 3, 4)]
        unacked = s.unacked  # a plain name: lupdate skips plurals whose count is an expression
        unack = translate("AlarmBanner", "Unack: %n", "", unacked)
        self.counts.setText("  ".join(parts) + "   " + unack)

    def _set_flashing(self, on: bool) -> None:
        if on == self.flashing:
            return
        self.flashing = on
        self.flash_on = True
        if on:
            self._flash.start()
        else:
            self._flash.stop()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        # A worker's language applies at sign-in; a quiet engine sends no change, so
        # "No active alarms" stayed English until the next alarm.
        if event.type() == QEvent.Type.LanguageChange:
            self.flood.setText(translate("AlarmBanner", "ALARM FLOOD"))
            self.refresh()
        super().changeEvent(event)

    def _toggle_flash(self) -> None:
        self.flash_on = not self.flash_on
        if self.top is not None:
            self.marker.set_priority(int(self.top.priority), self.flash_on)
        self.update()

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self.top is None:
            return
        # The frame's border carries the flash: thick in the priority colour, then gone.
        if self.flashing and not self.flash_on:
            return
        p = QPainter(self)
        pen = QPen(priority_color(int(self.top.priority)), 4 if self.flashing else 2)
        if int(self.top.priority) >= 3:
            pen.setStyle(Qt.PenStyle.DashLine)  # a second cue besides colour
        p.setPen(pen)
        p.drawRect(QRectF(self.rect()).adjusted(2, 2, -2, -2))
        p.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.openRequested.emit()
        super().mouseReleaseEvent(event)


def _clock_text(ts: float | None) -> str:
    if ts is None:
        return ""
    return time.strftime("%H:%M:%S", time.localtime(ts))
