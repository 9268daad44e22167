"""BarGauge: a horizontal bar over a tag's range with its limits marked.

The bar is grey while normal; out of limits the bar takes the alarm colour and the
value text gets ▲/▼. BAD quality draws no bar (hatched) so a dead value never looks
like a real reading.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.model import Quality, Sample
from widgets import theme
from widgets.value_tile import format_value, limit_state


class BarGauge(QWidget):
    def __init__(self, bridge: Any, tag: str, *, minimum: float | None = None,
                 maximum: float | None = None,
                 limits: tuple[float | None, float | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tc = bridge.tag_config(tag) if bridge is not None else None
        self.unit = getattr(tc, "unit", "") or ""
        self.low, self.high = limits if limits is not None else (
            getattr(tc, "low", None), getattr(tc, "high", None))
        lo = minimum if minimum is not None else self.low
        hi = maximum if maximum is not None else self.high
        self.minimum = 0.0 if lo is None else float(lo)
        self.maximum = (self.minimum + 100.0) if hi is None else float(hi)
        if self.low is not None and self.high is not None and limits is None:
            # The engineering range is the scale; leave headroom to see an overshoot.
            span = self.maximum - self.minimum
            self.minimum -= 0.05 * span
            self.maximum += 0.05 * span
        self.sample: Sample | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if bridge is not None:
            bridge.watch(tag, self.set_sample, self)

    def sizeHint(self) -> QSize:
        return QSize(theme.px(160), theme.px(40))

    def minimumSizeHint(self) -> QSize:
        return QSize(theme.px(80), theme.px(40))

    def set_sample(self, s: Sample) -> None:
        self.sample = s
        self.update()

    def paintEvent(self, _e: Any) -> None:
        c = theme.colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        bar = QRectF(r.left(), r.top(), r.width(), r.height() * 0.45)
        p.setPen(QPen(QColor(c.border), 1))
        p.setBrush(QColor(c.window))
        p.drawRect(bar)
        span = self.maximum - self.minimum or 1.0

        def x_of(v: float) -> float:
            return bar.left() + bar.width() * min(1.0, max(0.0, (v - self.minimum) / span))

        s = self.sample
        text = "—"
        if s is not None and s.quality is Quality.BAD:
            p.fillRect(bar, QBrush(QColor(c.bad), Qt.BrushStyle.BDiagPattern))
            text = QCoreApplication.translate("BarGauge", "BAD")
        elif s is not None and isinstance(s.value, int | float) \
                and not isinstance(s.value, bool):
            lim = limit_state(s.value, self.low, self.high)
            fill = QColor(c.alarm if lim else c.muted)
            p.fillRect(QRectF(bar.left(), bar.top(), x_of(float(s.value)) - bar.left(),
                              bar.height()), fill)
            text = format_value(s.value) + (f" {self.unit}" if self.unit else "")
            text = {"high": "▲ ", "low": "▼ "}.get(lim, "") + text
        p.setPen(QPen(QColor(c.text), 2))
        for lim_v in (self.low, self.high):
            if lim_v is not None:
                x = x_of(lim_v)
                p.drawLine(int(x), int(bar.top() - 1), int(x), int(bar.bottom() + 3))
        p.drawText(QRectF(r.left(), bar.bottom() + 2, r.width(), r.height() - bar.height() - 2),
                   Qt.AlignmentFlag.AlignCenter, text)
        p.end()
