"""ValueTile: one tag's value, unit, quality, limit state and trend arrow.

ISA-101: the tile is grey while the value is normal; out of limits it gets colour AND
a text/shape cue (▲ HIGH / ▼ LOW), so it reads without colour vision. BAD quality
shows "BAD" over a hatched tile with the last value small; a stale value is shown
muted with its age. Nothing abnormal is ever shown as if current.
"""

from __future__ import annotations

import math
import time
from collections import deque
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.model import LinkState, Quality, Sample, Value
from widgets import theme
from widgets.clock import format_age, ticker

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class Severity(StrEnum):
    NORMAL = "normal"
    ALARM = "alarm"  # out of limits
    WARNING = "warning"  # uncertain quality
    BAD = "bad"
    STALE = "stale"
    NODATA = "nodata"


def format_value(value: Value, decimals: int | None = None) -> str:
    """A value as an operator reads it (no 12.300000001, no 'True')."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return translate("ValueTile", "ON") if value else translate("ValueTile", "OFF")
    if isinstance(value, int):
        return f"{value:d}"
    if isinstance(value, float):
        if math.isnan(value):
            return "—"
        if decimals is None:
            a = abs(value)
            decimals = 0 if a >= 1000 else 1 if a >= 10 else 2
        return f"{value:.{decimals}f}"
    return str(value)


def limit_state(value: Value, low: float | None, high: float | None) -> str:
    """'high', 'low' or '' for a numeric value against optional limits."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    if high is not None and value > high:
        return "high"
    if low is not None and value < low:
        return "low"
    return ""


def humanize(signal: str) -> str:
    """'oil_temp' -> 'Oil temp': a readable caption when the site gives no description."""
    text = signal.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


class ValueTile(QFrame):
    """Shows one tag from the bridge. `limits=(low, high)` overrides the tag's range."""

    TREND_WINDOW_S = 10.0

    def __init__(
        self,
        bridge: Any,
        tag: str,
        *,
        title: str | None = None,
        limits: tuple[float | None, float | None] | None = None,
        stale_after_s: float | None = None,
        decimals: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ValueTile")
        self.bridge, self.tag = bridge, tag
        tc = bridge.tag_config(tag) if bridge is not None else None
        self.unit = getattr(tc, "unit", "") or ""
        self.low, self.high = (
            limits if limits is not None else (getattr(tc, "low", None), getattr(tc, "high", None))
        )
        self.stale_after_s = stale_after_s
        self.decimals = decimals
        self._title_text = (title or getattr(tc, "description", "")
                            or humanize(tag.rsplit("/", 1)[-1]))
        self.sample: Sample | None = None
        self.severity = Severity.NODATA
        self._history: deque[tuple[float, float]] = deque(maxlen=64)

        self.title = QLabel(self._title_text)
        self.title.setProperty("role", "caption")
        self.title.setWordWrap(True)  # long descriptions wrap instead of widening the grid
        self.title.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setProperty("role", "value")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.unit_label = QLabel(self.unit)
        self.unit_label.setProperty("role", "unit")
        self.arrow = QLabel("")
        self.arrow.setProperty("role", "big")
        self.status = QLabel("")
        self.status.setProperty("role", "status")
        self.status.setWordWrap(True)

        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.value, 1)
        row.addWidget(self.unit_label, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.arrow, 0)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.setSpacing(2)
        box.addWidget(self.title)
        box.addLayout(row)
        box.addWidget(self.status)

        if bridge is not None:
            bridge.watch(tag, self.set_sample, self)
        ticker().tick.connect(self._render)
        self._render()

    # --- input -------------------------------------------------------------------------

    def set_sample(self, s: Sample) -> None:
        self.sample = s
        if (
            isinstance(s.value, int | float)
            and not isinstance(s.value, bool)
            and s.quality is not Quality.BAD
        ):
            self._history.append((s.ts, float(s.value)))
        self._render()

    # --- state -------------------------------------------------------------------------

    def is_stale(self, at: float | None = None) -> bool:
        s = self.sample
        if s is None or s.quality is Quality.BAD:
            return False
        link = self.bridge.link_of(self.tag) if self.bridge is not None else None
        if link is not None and link.state is not LinkState.CONNECTED:
            return True
        if self.stale_after_s is None:
            return False
        return (at or time.time()) - s.ts > self.stale_after_s

    def trend(self) -> int:
        """+1 rising, -1 falling, 0 steady over the last few seconds."""
        if len(self._history) < 2:
            return 0
        t_last, v_last = self._history[-1]
        ref = next((v for t, v in self._history if t_last - t <= self.TREND_WINDOW_S), v_last)
        span = (
            (self.high - self.low)
            if self.low is not None and self.high is not None
            else max(abs(v_last), 1.0)
        )
        delta = v_last - ref
        if abs(delta) < 0.01 * span:
            return 0
        return 1 if delta > 0 else -1

    def _render(self) -> None:
        s = self.sample
        self.title.setText(self._title_text)
        if s is None:
            self._show(Severity.NODATA, "—", translate("ValueTile", "NO DATA"), "")
            return
        text = format_value(s.value, self.decimals)
        if s.quality is Quality.BAD:
            last = (
                ""
                if s.value is None
                else translate("ValueTile", "last {value} {unit}")
                .format(value=text, unit=self.unit)
                .strip()
            )
            status = translate("ValueTile", "BAD quality") + (f" · {last}" if last else "")
            self._show(Severity.BAD, translate("ValueTile", "BAD"), status, "")
            return
        age = time.time() - s.ts
        if self.is_stale():
            self._show(
                Severity.STALE,
                text,
                translate("ValueTile", "STALE · {age} old").format(age=format_age(age)),
                "",
            )
            return
        arrow = {1: "↑", -1: "↓", 0: "→"}[self.trend()] if len(self._history) > 1 else ""
        lim = limit_state(s.value, self.low, self.high)
        if lim == "high":
            self._show(
                Severity.ALARM,
                text,
                translate("ValueTile", "▲ HIGH · limit {limit}").format(
                    limit=format_value(self.high)
                ),
                arrow,
            )
        elif lim == "low":
            self._show(
                Severity.ALARM,
                text,
                translate("ValueTile", "▼ LOW · limit {limit}").format(
                    limit=format_value(self.low)
                ),
                arrow,
            )
        elif s.quality is Quality.UNCERTAIN:
            self._show(
                Severity.WARNING, text + "?", translate("ValueTile", "? UNCERTAIN quality"), arrow
            )
        else:
            self._show(Severity.NORMAL, text, "", arrow)

    def _show(self, severity: Severity, value: str, status: str, arrow: str) -> None:
        self.severity = severity
        self.value.setText(value)
        self.status.setText(status)
        self.status.setVisible(bool(status))
        self.arrow.setText(arrow)
        sev = "" if severity in (Severity.NORMAL, Severity.NODATA) else str(severity)
        for w in (self, self.value, self.status):
            theme.set_state_property(w, "severity", sev)

    # --- painting, language ---------------------------------------------------------------

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self.severity is Severity.BAD:
            # Hatching: a BAD value is recognisable without colour and at a glance.
            p = QPainter(self)
            c = QColor(theme.colors().bad)
            c.setAlpha(90)
            p.fillRect(self.rect().adjusted(3, 3, -3, -3), QBrush(c, Qt.BrushStyle.BDiagPattern))
            p.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
