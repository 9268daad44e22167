"""Floor map panel: the hall floor with the danger zones of the robot cells, each robot's
state (colour and words), and the pseudonymous worker markers.

Draws a `FloorSnapshot` from the ZoneMonitor (ctx.services["zones"]), taken on a timer
(4 Hz), never per message. Colour always comes with words (ISA-101): a zone in
intrusion is red and says "INTRUSION"; an active robot's cell has an amber border and
says its state; an unknown state says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.safety.zones import FloorSnapshot
from layouts.panels import floor_map as floor_map_spec
from widgets.panels import PanelContext, register_panel

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class FloorMap(QWidget):
    """Custom-painted floor plan; `snapshot_fn()` returns the FloorSnapshot to draw."""

    def __init__(self, snapshot_fn: Any, *, width_m: float = 60.0, height_m: float = 22.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FloorMap")
        self.snapshot_fn = snapshot_fn
        self.size_m = (width_m, height_m)
        self.snapshot = FloorSnapshot()
        self.setMinimumSize(320, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()  # zone texts are painted: repaint in the new language
        super().changeEvent(event)

    def refresh(self) -> None:
        snap = self.snapshot_fn()
        if snap != self.snapshot:
            self.snapshot = snap
            self.update()

    # metres -> pixels, y downwards on screen as on the plant drawing
    def _scale(self) -> tuple[float, float, float]:
        w, h = self.size_m
        s = min((self.width() - 20) / w, (self.height() - 20) / h)
        return s, (self.width() - w * s) / 2, (self.height() - h * s) / 2

    def to_px(self, x: float, y: float) -> QPointF:
        s, ox, oy = self._scale()
        return QPointF(ox + x * s, oy + y * s)

    def zone_text(self, zv: Any) -> str:
        state = (zv.robot_state if zv.robot_state is not None
                 else translate("FloorMap", "state unknown"))
        text = f"{zv.config.name}\n{state}"
        if zv.intrusion:
            text += "\n" + translate("FloorMap", "INTRUSION")
        return text

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s, ox, oy = self._scale()
        hall = QRectF(ox, oy, self.size_m[0] * s, self.size_m[1] * s)
        p.setPen(QPen(QColor("#606060"), 1))
        p.setBrush(QColor("#e6e6e6"))
        p.drawRect(hall)
        font = QFont(self.font())
        # 9 px (the old floor) was unreadable at arm's length on a small map; 13 px is the
        # theme's smallest text. Zone names wrap inside their zone instead.
        font.setPixelSize(max(13, int(s * 0.8)))
        p.setFont(font)
        for zv in self.snapshot.zones:
            poly = QPolygonF([self.to_px(x, y) for x, y in zv.config.polygon])
            if zv.intrusion:
                fill, border = QColor("#ff6b6b"), QPen(QColor("#b00000"), 3)
            elif zv.robot_state is None:
                fill, border = QColor("#d0d0d0"), QPen(QColor("#404040"), 2, Qt.PenStyle.DashLine)
            elif zv.robot_active:
                fill, border = QColor("#f4f4f4"), QPen(QColor("#e0a000"), 3)
            else:
                fill, border = QColor("#f4f4f4"), QPen(QColor("#808080"), 1)
            p.setPen(border)
            p.setBrush(QBrush(fill))
            p.drawPolygon(poly)
            p.setPen(QColor("#101010"))
            p.drawText(poly.boundingRect(),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.zone_text(zv))
        r = max(4.0, s * 0.45)
        for w in self.snapshot.workers:
            c = self.to_px(w.x, w.y)
            inside = any(w.pseudo in zv.occupants for zv in self.snapshot.zones)
            p.setPen(QPen(QColor("#000000"), 1))
            p.setBrush(QColor("#b00000") if inside else QColor("#1f5fbf"))
            p.drawEllipse(c, r, r)
            p.setPen(QColor("#101010"))
            p.drawText(QPointF(c.x() + r + 2, c.y() - r), w.pseudo)
        if not self.snapshot.zones and not self.snapshot.workers:
            p.drawText(hall, Qt.AlignmentFlag.AlignCenter,
                       translate("FloorMap", "No positions received yet"))


def create_panel(ctx: PanelContext, settings: dict[str, Any]) -> FloorMap:
    zones = ctx.services.get("zones")
    if zones is None:
        raise ValueError(translate(
            "FloorMap", "No danger zones are configured ([[zones]] in the site file)"))
    return FloorMap(zones.snapshot, width_m=float(settings.get("width_m", 60.0)),
                    height_m=float(settings.get("height_m", 22.0)))


register_panel(floor_map_spec.SPEC, create_panel)
