"""Floor map panel: the hall floor to scale with the danger zones of the robot cells,
each robot's state in words, and the pseudonymous worker markers.

Draws a `FloorSnapshot` from the ZoneMonitor (`ctx.find(ZoneMonitor)`), taken on a timer
(4 Hz), never per message. The hall keeps its proportions (a 5 m grid and a scale bar
say the distances); zone words stay inside their zone (zones do not overlap, so the
words never do); every worker's name sits in a pill placed where it covers no other
name or marker, with a leader line when it had to move away. ISA-101: grey while
normal; a zone in intrusion is red and says "INTRUSION"; an unknown state is hatched
and says so; a worker inside a zone is a red marker with "!".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.safety.zones import FloorSnapshot, ZoneMonitor
from layouts.panels import floor_map as floor_map_spec
from widgets import theme
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

    # metres -> pixels, y downwards on screen as on the plant drawing; a margin keeps
    # the scale bar and the labels of workers at the hall's edge inside the widget
    def _scale(self) -> tuple[float, float, float]:
        w, h = self.size_m
        m = float(theme.px(16))
        bottom = float(theme.px(26))  # room for the scale bar
        s = max(0.1, min((self.width() - 2 * m) / w, (self.height() - m - bottom) / h))
        return s, (self.width() - w * s) / 2, m + (self.height() - m - bottom - h * s) / 2

    def to_px(self, x: float, y: float) -> QPointF:
        s, ox, oy = self._scale()
        return QPointF(ox + x * s, oy + y * s)

    def zone_text(self, zv: Any) -> str:
        return "\n".join(self.zone_lines(zv))

    def zone_lines(self, zv: Any) -> list[str]:
        """The zone's words, most important first (INTRUSION before the robot's state)."""
        state = (str(zv.robot_state).upper() if zv.robot_state is not None
                 else translate("FloorMap", "state unknown"))
        lines = [zv.config.name]
        if zv.intrusion:
            lines.append(translate("FloorMap", "INTRUSION"))
        lines.append(state)
        return lines

    def paintEvent(self, _event: Any) -> None:
        c = theme.colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s, ox, oy = self._scale()
        w_m, h_m = self.size_m
        hall = QRectF(ox, oy, w_m * s, h_m * s)
        p.fillRect(self.rect(), QColor(c.panel))
        p.setPen(QPen(QColor(c.border), 2))
        p.setBrush(QColor(c.window))
        p.drawRect(hall)
        # a faint 5 m grid: distances can be read off the floor
        p.setPen(QPen(QColor(c.border), 1, Qt.PenStyle.DotLine))
        step = 5.0
        x = step
        while x < w_m:
            p.drawLine(self.to_px(x, 0), self.to_px(x, h_m))
            x += step
        y = step
        while y < h_m:
            p.drawLine(self.to_px(0, y), self.to_px(w_m, y))
            y += step
        self._paint_scale_bar(p, c, hall, s)
        self.label_rects: list[QRectF] = []
        self.zone_boxes: list[tuple[Any, QRectF]] = []
        for zv in self.snapshot.zones:
            self._paint_zone(p, c, zv)
        self._paint_zone_labels(p, c)
        self._paint_workers(p, c, s)
        if not self.snapshot.zones and not self.snapshot.workers:
            p.setPen(QColor(c.muted))
            p.drawText(hall, Qt.AlignmentFlag.AlignCenter,
                       translate("FloorMap", "No positions received yet"))
        p.end()

    def _font(self, px: int, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(theme.px(px))
        f.setBold(bold)
        return f

    def _paint_scale_bar(self, p: QPainter, c: Any, hall: QRectF, s: float) -> None:
        metres = 10.0 if s * 10 <= hall.width() / 3 else 5.0
        y = hall.bottom() + theme.px(14)
        x0 = hall.left()
        p.setPen(QPen(QColor(c.text), 2))
        p.drawLine(QPointF(x0, y), QPointF(x0 + metres * s, y))
        for x in (x0, x0 + metres * s):
            p.drawLine(QPointF(x, y - 4), QPointF(x, y + 4))
        p.setFont(self._font(12))
        p.setPen(QColor(c.muted))
        p.drawText(QRectF(x0 + metres * s + 6, y - theme.px(9), theme.px(160), theme.px(18)),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   translate("FloorMap", "{m} m · hall {w} × {h} m").format(
                       m=f"{metres:g}", w=f"{self.size_m[0]:g}", h=f"{self.size_m[1]:g}"))

    def _paint_zone(self, p: QPainter, c: Any, zv: Any) -> None:
        poly = QPolygonF([self.to_px(x, y) for x, y in zv.config.polygon])
        if zv.intrusion:
            fill, pen = QColor(c.alarm), QPen(QColor(c.alarm), 3)
            fill.setAlpha(70)
        elif zv.robot_state is None:
            fill = QBrush(QColor(c.border), Qt.BrushStyle.BDiagPattern)
            pen = QPen(QColor(c.bad), 2, Qt.PenStyle.DashLine)
        elif zv.robot_active:
            # a running robot is normal (grey, ISA-101); the solid dark fence says "keep out"
            fill, pen = QColor(c.button), QPen(QColor(c.text), 2)
        else:
            fill, pen = QColor(c.button), QPen(QColor(c.border), 1)
        p.setPen(pen)
        p.setBrush(QBrush(fill) if isinstance(fill, QColor) else fill)
        p.drawPolygon(poly)
        self.zone_boxes.append((zv, poly.boundingRect()))

    def _zone_label_layout(self) -> list[tuple[Any, QRectF, bool]]:
        """Where each zone's words go: inside its own box when they fit there, else in
        a callout above (or, when that collides, below) the zone; never over another
        label. Returns (zone, rect, inside)."""
        out: list[tuple[Any, QRectF, bool]] = []
        s, _, _ = self._scale()
        r = self._marker_radius(s)
        markers = [QRectF(pt.x() - r, pt.y() - r, 2 * r, 2 * r) for pt in
                   (self.to_px(w.x, w.y) for w in self.snapshot.workers)]
        taken: list[QRectF] = []
        for k, (zv, box) in enumerate(self.zone_boxes):
            lines = self.zone_lines(zv)
            w = max(QFontMetricsF(self._line_font(zv, i)).horizontalAdvance(t)
                    for i, t in enumerate(lines)) + 8
            h = sum(QFontMetricsF(self._line_font(zv, i)).height() for i in range(len(lines)))
            inner = box.adjusted(3, 3, -3, -3)
            if w <= inner.width() and h <= inner.height():
                out.append((zv, QRectF(inner.left(), inner.top(), inner.width(), h), True))
                continue
            cands = [QRectF(box.center().x() - w / 2, y, w, h)
                     for y in ((box.top() - h - 6, box.bottom() + 6) if k % 2 == 0
                               else (box.bottom() + 6, box.top() - h - 6))]
            cands += [c.translated(0, -(h + 4) if c.bottom() <= box.top() else h + 4)
                      for c in list(cands)]  # a step further out when both are crowded
            cands += [c.translated(dx, 0) for c in list(cands)
                      for dx in (-(w / 2 + 6), w / 2 + 6)]  # or beside, still joined
            cands = [c for c in cands if self.rect().contains(c.toRect())] or cands[:1]
            # never over another zone's words; over as few worker markers as possible
            free = [c for c in cands if not any(c.intersects(t) for t in taken)] or cands
            rect = min(free, key=lambda c: sum(c.intersects(m) for m in markers))
            taken.append(rect)
            out.append((zv, rect, False))
        return out

    def _line_font(self, zv: Any, k: int) -> QFont:
        return self._font(14 if k == 0 else 13, bold=k == 0 or (zv.intrusion and k == 1))

    def _paint_zone_labels(self, p: QPainter, c: Any) -> None:
        for zv, rect, inside in self._zone_label_layout():
            if not inside:
                box = next(b for z, b in self.zone_boxes if z is zv)
                p.setPen(QPen(QColor(c.alarm if zv.intrusion else c.border), 1))
                p.setBrush(QColor(c.panel))
                p.drawRoundedRect(rect, 4, 4)
                edge = box.top() if rect.bottom() <= box.top() else box.bottom()
                near = rect.bottom() if rect.bottom() <= box.top() else rect.top()
                x = min(max(box.center().x(), rect.left() + 4), rect.right() - 4)
                p.drawLine(QPointF(box.center().x(), edge), QPointF(x, near))
            lines = self.zone_lines(zv)
            y = rect.top()
            for k, text in enumerate(lines):
                f = self._line_font(zv, k)
                p.setFont(f)
                fm = QFontMetricsF(f)
                r = QRectF(rect.left(), y, rect.width(), fm.height())
                color = c.alarm if zv.intrusion and k == 1 else c.bad if (
                    zv.robot_state is None and k == len(lines) - 1) else c.text
                p.setPen(QColor(color))
                p.drawText(r, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                           fm.elidedText(text, Qt.TextElideMode.ElideRight, r.width()))
                y += fm.height()
            self.label_rects.append(rect)

    @staticmethod
    def _marker_radius(s: float) -> float:
        return max(float(theme.px(7)), min(s * 0.45, float(theme.px(11))))

    def _paint_workers(self, p: QPainter, c: Any, s: float) -> None:
        """Markers at their true places; each name in a pill placed where it overlaps
        no other name or marker (tried around the marker, then further out with a
        leader line), so close workers stay legible."""
        r = self._marker_radius(s)
        inside = {w.pseudo for zv in self.snapshot.zones for w in self.snapshot.workers
                  if w.pseudo in zv.occupants}
        centers = [(w, self.to_px(w.x, w.y)) for w in self.snapshot.workers]
        blocked = [QRectF(pt.x() - r, pt.y() - r, 2 * r, 2 * r) for _, pt in centers]
        blocked += self.label_rects  # never over a zone's words
        f = self._font(12, bold=True)
        p.setFont(f)
        fm = QFontMetricsF(f)
        self.worker_labels: dict[str, QRectF] = {}
        for w, pt in sorted(centers, key=lambda wc: (wc[1].y(), wc[1].x())):
            tw, th = fm.horizontalAdvance(w.pseudo) + 10, fm.height() + 2
            label = None
            for dist in (r + 3, r + th + 6, r + 2 * th + 10):
                for dx, dy in ((1, -0.5), (-1, -0.5), (0, -1), (0, 1), (1, 1), (-1, 1),
                               (1, -1.6), (-1, -1.6)):
                    cx = pt.x() + dx * (dist + (tw / 2 if dx else 0))
                    cy = pt.y() + dy * (dist + th / 2) if dy else pt.y()
                    cand = QRectF(cx - tw / 2, cy - th / 2, tw, th)
                    if not self.rect().contains(cand.toRect()):
                        continue
                    if any(cand.intersects(b) for b in blocked):
                        continue
                    label = cand
                    break
                if label is not None:
                    break
            if label is None:  # crowded beyond help: right of the marker, on top
                label = QRectF(pt.x() + r + 3, pt.y() - th / 2, tw, th)
            blocked.append(label)
            self.worker_labels[w.pseudo] = label
            danger = w.pseudo in inside
            if (label.center() - pt).manhattanLength() > r + tw:
                p.setPen(QPen(QColor(c.muted), 1))
                p.drawLine(pt, label.center())
            p.setPen(QPen(QColor(c.alarm if danger else c.text), 1))
            p.setBrush(QColor(c.panel))
            p.drawRoundedRect(label, th / 2, th / 2)
            p.drawText(label, Qt.AlignmentFlag.AlignCenter, w.pseudo)
        # a worker in danger is drawn last: never hidden under a neighbour's marker
        for w, pt in sorted(centers, key=lambda wc: wc[0].pseudo in inside):
            danger = w.pseudo in inside
            p.setPen(QPen(QColor("#ffffff"), 2))
            p.setBrush(QColor(c.alarm) if danger else QColor(c.text))
            p.drawEllipse(pt, r, r)
            if danger:
                p.setPen(QPen(QColor("#ffffff"), 2))
                p.setFont(self._font(11, bold=True))
                p.drawText(QRectF(pt.x() - r, pt.y() - r, 2 * r, 2 * r),
                           Qt.AlignmentFlag.AlignCenter, "!")
                p.setFont(f)


def create_panel(ctx: PanelContext, settings: dict[str, Any]) -> FloorMap:
    zones = ctx.find(ZoneMonitor)
    if zones is None:
        raise ValueError(translate(
            "FloorMap", "No danger zones are configured ([[zones]] in the site file)"))
    return FloorMap(zones.snapshot, width_m=float(settings.get("width_m", 60.0)),
                    height_m=float(settings.get("height_m", 22.0)))


register_panel(floor_map_spec.SPEC, create_panel)
