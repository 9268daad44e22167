"""The plant mimic: a drawing of the line from its site configuration (layouts.mimic).

Stations stand in their places along the conveyor band; car bodies move on it (from
the conveyor's speed and carrier counter); each station shows its name, its state in
words, its count and a priority marker for its active alarms. ISA-101: everything is
grey while normal; colour only for abnormal, and always with words (FAULT, STOPPED,
NO DATA). An open stop circuit shows every station STOPPED and says E-STOP.

`MimicView` paints one `LineMimic` from a `MimicState`; `LineMimicWidget` binds a view
to this terminal's bridge and alarm engine; touching a station opens its station
panel over the layout area. `PlantGrid` (widgets.overview) uses `MimicView` for the
lines a supervisor sees on the broker.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from app.alarms.engine import AlarmEngine
from app.model import Quality, Sample
from layouts import mimic as model
from layouts.mimic import LineMimic, Look, StationBox
from layouts.panels import mimic as mimic_spec
from widgets import icons, theme
from widgets.alarm_banner import paint_priority
from widgets.panels import register_panel
from widgets.site_text import station_name
from widgets.value_tile import format_value

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


def look_text(look: Look) -> str:
    return {
        Look.NORMAL: translate("Mimic", "RUNNING"),
        Look.IDLE: translate("Mimic", "IDLE"),
        Look.WARNING: translate("Mimic", "MAINTENANCE"),
        Look.FAULT: translate("Mimic", "FAULT"),
        Look.STOPPED: translate("Mimic", "STOPPED"),
        Look.NO_DATA: translate("Mimic", "NO DATA"),
    }[look]


def state_words(look: Look, raw: Any) -> str:
    """The words under a station: the look's word, or the PLC's own word for a
    warning state it names (blocked, starved) so nothing is hidden by the mapping."""
    if look is Look.WARNING and isinstance(raw, str) and raw.lower() not in (
            "maintenance", "maint", "service"):
        return raw.upper()
    return look_text(look)


@dataclass(frozen=True)
class StationShow:
    look: Look = Look.NO_DATA
    raw: Any = None
    count: int | float | None = None
    alarms: int = 0  # active (annunciated) alarms of the station
    top_priority: int | None = None  # the most urgent of them
    unacked: bool = False


@dataclass
class MimicState:
    stations: dict[str, StationShow] = field(default_factory=dict)
    conveyor: StationShow = field(default_factory=StationShow)
    speed: float | None = None  # m/min
    carriers: int | None = None
    line_stopped: bool = False
    stale: bool = False  # a remote line whose summary is old or whose terminal is offline


class MimicView(QWidget):
    """Paints a LineMimic; `stationActivated(id)` on a touch on a station."""

    stationActivated = Signal(str)

    def __init__(self, line: LineMimic, *, compact: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MimicView")
        self.line = line
        self.compact = compact
        self.state = MimicState()
        self.track: model.CarrierTrack | None = None
        if line.conveyor is not None and line.track_m > 0:
            self.track = model.CarrierTrack(line.track_m, line.pitch_m)
        self.rects: dict[str, QRectF] = {}
        self.band = QRectF()
        self._pressed: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(self.minimumSizeHint())
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._anim = QTimer(self)  # bodies glide between readings; 10 Hz is smooth enough
        self._anim.setInterval(100)
        self._anim.timeout.connect(self.update)
        theme.notifier().changed.connect(self._text_changed)

    # --- sizes ---------------------------------------------------------------------------

    def _row_min(self) -> float:
        """The height a row of station boxes needs at the theme's text size: a line of
        the name, the state in words and a row for the count (or the alarm marker)."""
        def line_h(px: int, texts: list[str], mono: bool = False) -> float:
            f = self._font(px, bold=True)
            fm = QFontMetricsF(_mono(f) if mono else f)
            return max(_text_size(fm, t)[1] for t in [*texts, "Ag"])

        names = [station_name(st) for st in self.line.stations]
        words = [look_text(look) for look in Look]
        name_h = line_h(theme.px(14 if self.compact else 16), names)
        state_h = line_h(theme.px(15 if self.compact else 18), words)
        count_h = line_h(theme.px(14 if self.compact else 17), ["0123456789"], mono=True)
        row = max(count_h, float(theme.px(22)))
        return 5 + 8 + name_h + 2 + state_h + 2 + row + 2

    def _caption_h(self) -> float:
        fm = QFontMetricsF(self._font(theme.px(13 if self.compact else 15), bold=True))
        return max(float(theme.px(20 if self.compact else 26)),
                   _text_size(fm, self.caption_text() or "Ag")[1] + 2)

    def minimumSizeHint(self) -> QSize:
        rows = len(self.line.rows)
        # margins, the rows with their gaps, the band at its tallest and the caption
        height = 2 * 6 + rows * (self._row_min() + 6) + 40 + 2 + self._caption_h()
        per_row = 96 if self.compact else 120  # the least, at 100 % text
        height = max(height, per_row * rows + (46 if self.compact else 70))
        return QSize(max(320, int(110 * len(self.line.stations) * 0.6)), int(height + 1))

    def sizeHint(self) -> QSize:
        hint = self.minimumSizeHint()
        return QSize(hint.width() * 2, hint.height() + (0 if self.compact else 60))

    def _text_changed(self) -> None:
        """The theme, text size or language changed: the boxes need another height."""
        self.setMinimumSize(self.minimumSizeHint())
        self.updateGeometry()
        self.update()

    # --- state ---------------------------------------------------------------------------

    def set_state(self, state: MimicState) -> None:
        self.state = state
        now = time.monotonic()
        if self.track is not None:
            if state.speed is not None:
                self.track.set_speed(0.0 if state.line_stopped else state.speed, now)
            if state.carriers is not None:
                self.track.set_count(state.carriers, now)
        moving = bool(self.track and self.track.speed_m_s > 0 and not state.stale)
        if moving and not self._anim.isActive():
            self._anim.start()
        elif not moving and self._anim.isActive():
            self._anim.stop()
        self.update()

    def show_station(self, sid: str, show: StationShow) -> None:
        self.state.stations[sid] = show
        self.update()

    def body_positions(self) -> list[float]:
        if self.track is None or (self.state.carriers is None and self.state.speed is None):
            return []
        return self.track.positions(time.monotonic())

    # --- geometry ------------------------------------------------------------------------

    def _layout(self) -> None:
        w, h = float(self.width()), float(self.height())
        margin = 6.0
        caption_h = self._caption_h()
        band_h = max(18.0, min(40.0, h * 0.16))
        rows = self.line.rows
        above = [r for r in rows if r <= 0]
        below = [r for r in rows if r > 0]
        gap = 6.0
        avail = h - 2 * margin - band_h - caption_h - gap * (len(rows))
        row_h = max(40.0, avail / max(1, len(rows)))
        unit = (w - 2 * margin) / self.line.length
        y = margin
        tops: dict[int, float] = {}
        for r in above:
            tops[r] = y
            y += row_h + gap
        band_top = y
        y += band_h + gap
        for r in below:
            tops[r] = y
            y += row_h + gap
        self.band = QRectF(margin, band_top, w - 2 * margin, band_h)
        self.caption = QRectF(margin, (y if below else band_top + band_h + 2), w - 2 * margin,
                              caption_h)
        self.rects = {
            st.id: QRectF(margin + st.x * unit, tops[st.row], st.w * unit, row_h)
            for st in self.line.stations}

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, _event: Any) -> None:
        self._layout()
        c = theme.colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(c.panel))
        self._paint_band(p, c)
        for st in self.line.stations:
            self._paint_station(p, c, st, self.rects[st.id])
        self._paint_caption(p, c)
        if self.state.stale:
            p.fillRect(self.rect(), QColor(128, 128, 128, 90))
        p.end()

    def _font(self, px: float, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(max(theme.px(12), int(px)))
        f.setBold(bold)
        return f

    def _fitting_font(self, words: list[str], width: float, px: int,
                      bold: bool = True) -> QFont:
        """The largest font from `px` down to the theme's smallest in which the widest
        of `words` fits `width` (words on their own lines may wrap, not shrink)."""
        smallest = theme.px(12)

        def fits(font: QFont) -> bool:
            fm = QFontMetricsF(font)
            return max((fm.horizontalAdvance(w) for w in words), default=0.0) <= width

        f = self._font(px, bold)
        while px > smallest and not fits(f):
            px -= 1
            f = self._font(px, bold)
        if bold and not fits(f):
            f = self._font(px, False)  # the last step before eliding: not bold
        return f

    def _paint_band(self, p: QPainter, c: Any) -> None:
        band = self.band
        conv = self.state.conveyor
        abnormal = conv.look in (Look.FAULT, Look.STOPPED) or self.state.line_stopped
        p.setPen(QPen(QColor(c.alarm if abnormal else c.border), 3 if abnormal else 1))
        p.setBrush(QColor(c.window))
        p.drawRoundedRect(band, band.height() / 2, band.height() / 2)
        # direction chevrons: faint, so they never compete with a state colour
        p.setPen(QPen(QColor(c.border), 1.5))
        step = max(40.0, band.height() * 2.2)
        x = band.left() + band.height()
        cy, s = band.center().y(), band.height() * 0.18
        while x < band.right() - band.height():
            p.drawLine(QPointF(x - s, cy - s), QPointF(x, cy))
            p.drawLine(QPointF(x - s, cy + s), QPointF(x, cy))
            x += step
        # stations stand on the band
        p.setPen(QPen(QColor(c.border), 2))
        for st in self.line.stations:
            r = self.rects[st.id]
            if st.row <= 0:
                p.drawLine(QPointF(r.center().x(), r.bottom()), QPointF(r.center().x(), band.top()))
            else:
                p.drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), band.bottom()))
        # car bodies (side view): dark grey, normal is never coloured
        bw = min(band.height() * 2.0, 56.0)
        bh = band.height() * 0.7
        body_color, wheel = QColor(c.muted), QColor(c.text)
        for pos in self.body_positions():
            x = band.left() + band.height() / 2 + pos * (band.width() - band.height())
            top = cy - bh / 2
            path = QPainterPath()
            path.addRoundedRect(QRectF(x - bw / 2, top + bh * 0.35, bw, bh * 0.4),
                                bh * 0.12, bh * 0.12)
            cabin = QPolygonF([QPointF(x - bw * 0.28, top + bh * 0.37),
                               QPointF(x - bw * 0.14, top), QPointF(x + bw * 0.16, top),
                               QPointF(x + bw * 0.32, top + bh * 0.37)])
            path.addPolygon(cabin)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(body_color)
            p.drawPath(path.simplified())
            p.setBrush(wheel)
            rw = bh * 0.16
            for wx in (x - bw * 0.3, x + bw * 0.3):
                p.drawEllipse(QPointF(wx, top + bh * 0.78), rw, rw)

    def _station_texts(self, st: StationBox, r: QRectF) -> _BoxTexts:
        """Where a station box's texts go (fonts, words, rectangles), fitted to the box:
        the name on one or two lines (a smaller font, then elided in the middle so the
        number at its end stays), the state in words always, the count beside the state
        only when both fit, else on a row below when there is room, else left out."""
        show = self.state.stations.get(st.id, StationShow())
        look = Look.STOPPED if self.state.line_stopped else show.look
        # on pixel centres, so a 1 px grey border is crisp and never a blend
        box = QRectF(round(r.left()) + 2.5, round(r.top()) + 2.5, round(r.width()) - 5,
                     round(r.height()) - 5)
        pad = 6.0 if box.width() >= theme.px(110) else 3.0
        inner = box.adjusted(pad, 4, -pad, -4)
        t = _BoxTexts(box=box, inner=inner, look=look)
        # a narrow box (a small card, many stations) drops the kind icon, puts the state,
        # the count and the alarm marker on rows of their own, and takes a smaller font
        # before it elides a word; the state in words always shows
        narrow = box.width() < theme.px(110)
        icon_side = 0.0 if narrow else float(theme.px(18 if self.compact else 22))
        marker = float(theme.px(22 if narrow or self.compact else 30)) if show.alarms else 0.0
        t.many = f"×{show.alarms}" if show.alarms > 1 else ""
        t.many_font = self._font(theme.px(12), bold=True)
        many_w = _text_size(QFontMetricsF(t.many_font), t.many)[0] + 2 if t.many else 0.0
        many_h = _text_size(QFontMetricsF(t.many_font), t.many)[1] if t.many else 0.0
        t.kind_icon = f"kind.{st.kind}" if f"kind.{st.kind}" in icons.NAMES else "settings"
        has_count = bool(st.cycle_tag) or show.count is not None  # remote boxes have no tags
        count = "—" if show.count is None else format_value(show.count)
        t.count_font = _mono(self._font(theme.px(13 if narrow else 14 if self.compact else 17),
                                        bold=True))
        count_w, count_h = _text_size(QFontMetricsF(t.count_font), count)
        name = station_name(st)  # the site's name in the worker's language
        name_px = theme.px(14 if self.compact else 16)
        name_h1 = _text_size(QFontMetricsF(self._font(name_px, True)), name)[1]
        t.state = state_words(look, show.raw)
        t.state_font = self._fitting_font([t.state], inner.width(),
                                          theme.px(15 if self.compact else 18))
        state_w, state_h = _text_size(QFontMetricsF(t.state_font), t.state)
        # the rows below the name: is there room for a row of the count (and the marker)?
        row_h = max(count_h if has_count else 0.0, marker if narrow else 0.0)
        below_row = (narrow and (has_count or bool(show.alarms))) or (
            has_count and state_w + 6 + count_w > inner.width())
        if below_row and name_h1 + 2 + state_h + 2 + row_h > inner.height():
            below_row = False  # no room: the count beside the state, or not at all
        marker_top = bool(show.alarms) and not (narrow and below_row)
        count_beside = has_count and not (narrow and below_row) and (
            state_w + 6 + count_w <= inner.width() - (max(marker, many_w) + 4 if marker_top
                                                      else 0.0))
        count_below = has_count and below_row and not count_beside
        # the name: one line, or two when the box is tall enough for both
        name_w = inner.width() - icon_side - (4 if icon_side else 0) - (
            marker + 4 if marker_top else 0)
        rest = 2 + state_h + (2 + row_h if below_row else 0.0)
        if 2 * name_h1 + rest <= inner.height():
            t.name_font = self._fitting_font(name.split(), name_w, name_px)
            fm = QFontMetricsF(t.name_font)
            t.name_lines = _wrap(name, fm, name_w, 2)
        else:
            t.name_font = self._fitting_font([name], name_w, name_px)
            fm = QFontMetricsF(t.name_font)
            t.name_lines = [fm.elidedText(name, Qt.TextElideMode.ElideMiddle, name_w)]
        line_h = max(_text_size(fm, ln)[1] for ln in t.name_lines)
        t.name_line_h = line_h
        name_left = inner.left() + icon_side + (4 if icon_side else 0)
        t.name = QRectF(name_left, inner.top(),
                        max(_text_size(fm, ln)[0] for ln in t.name_lines),
                        line_h * len(t.name_lines))
        head_h = max(icon_side, t.name.height())
        if icon_side:
            t.icon = QRectF(inner.left(), inner.top() + (min(line_h, head_h) - icon_side) / 2,
                            icon_side, icon_side)
        # the alarm marker: by the name (wide), or at the right of the count row (narrow)
        mid_top = inner.top() + head_h + 2
        if show.alarms and show.top_priority is not None:
            if marker_top:
                t.marker = QRectF(inner.right() - marker, inner.top(), marker, marker)
                if t.many:
                    t.many_rect = QRectF(inner.right() - many_w, t.marker.bottom(), many_w,
                                         many_h)
            else:
                top = mid_top + state_h + 2
                t.marker = QRectF(inner.right() - marker, top + (row_h - marker) / 2,
                                  marker, marker)
                if t.many:
                    t.many_rect = QRectF(t.marker.left() - many_w - 2,
                                         top + (row_h - many_h) / 2, many_w, many_h)
        t.filled = show.unacked
        t.priority = show.top_priority

        def reserve(top: float, h: float) -> float:  # the marker's width where it is
            if marker_top and t.marker is not None:
                bottom = (t.many_rect or t.marker).bottom()
                if top < bottom and t.marker.top() < top + h:
                    return max(marker, many_w) + 4
            return 0.0

        # the state in words (colour only when abnormal), elided only as the last resort
        avail = inner.width() - reserve(mid_top, state_h) - (count_w + 6 if count_beside
                                                             else 0.0)
        sfm = QFontMetricsF(t.state_font)
        t.state = sfm.elidedText(t.state, Qt.TextElideMode.ElideRight, avail)
        t.state_rect = QRectF(inner.left(), mid_top, _text_size(sfm, t.state)[0], state_h)
        below = t.state_rect.bottom()
        # the count in fixed-width digits, so it never jiggles: right of the state row,
        # or on the row under it
        if count_beside:
            right = inner.right() - reserve(mid_top, state_h)
            t.count = count
            t.count_rect = QRectF(right - count_w, mid_top + (state_h - count_h) / 2,
                                  count_w, count_h)
        elif count_below:
            top = mid_top + state_h + 2
            right = inner.right() - reserve(top, row_h)
            if not narrow and count_w <= right - inner.left():
                t.count = count
                t.count_rect = QRectF(right - count_w, top + (row_h - count_h) / 2,
                                      count_w, count_h)
            elif narrow:
                room = (t.many_rect.left() - 2 if t.many_rect else
                        t.marker.left() - 2 if t.marker else inner.right()) - inner.left()
                if count_w <= room:
                    t.count = count
                    t.count_rect = QRectF(inner.left(), top + (row_h - count_h) / 2,
                                          count_w, count_h)
        if below_row:
            below = mid_top + state_h + 2 + row_h
        if t.marker is not None:
            below = max(below, (t.many_rect or t.marker).bottom())
        # the machine's pictogram in the free space below: the line reads as press,
        # robots and booth at a glance
        free = QRectF(inner.left(), below + 4, inner.width(), inner.bottom() - below - 6)
        side = min(free.width(), free.height(), 72.0)
        if side >= 24:
            t.pictogram = QRectF(free.center().x() - side / 2, free.center().y() - side / 2,
                                 side, side)
        c = theme.colors()
        t.color = {Look.FAULT: c.alarm, Look.STOPPED: c.alarm, Look.WARNING: c.warning,
                   Look.NO_DATA: c.bad}.get(look)
        return t

    def text_rects(self, sid: str) -> dict[str, QRectF]:
        """The rectangles of the texts painted in a station's box (name, state, count,
        the number of alarms), in widget coordinates, for checks."""
        self._layout()
        st = next(s for s in self.line.stations if s.id == sid)
        t = self._station_texts(st, self.rects[sid])
        out = {"name": t.name, "state": t.state_rect}
        if t.count_rect is not None:
            out["count"] = t.count_rect
        if t.many_rect is not None:
            out["many"] = t.many_rect
        return out

    def box_rect(self, sid: str) -> QRectF:
        """The painted border of a station's box (inside its touch area)."""
        self._layout()
        r = self.rects[sid]
        return QRectF(round(r.left()) + 2.5, round(r.top()) + 2.5, round(r.width()) - 5,
                      round(r.height()) - 5)

    def _paint_station(self, p: QPainter, c: Any, st: StationBox, r: QRectF) -> None:
        t = self._station_texts(st, r)
        color = t.color
        p.setPen(QPen(QColor(color or c.border), 3 if color else 1))
        p.setBrush(QColor(c.button) if t.look is not Look.NO_DATA
                   else QBrush(QColor(c.border), Qt.BrushStyle.BDiagPattern))
        p.drawRoundedRect(t.box, 4, 4)
        if t.icon is not None:
            icons.paint(p, t.kind_icon, t.icon, c.muted)
        p.setFont(t.name_font)
        p.setPen(QColor(c.text))
        for i, line in enumerate(t.name_lines):
            p.drawText(QRectF(t.name.left(), t.name.top() + i * t.name_line_h,
                              t.name.width() + 2, t.name_line_h),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        p.setFont(t.state_font)
        p.setPen(QColor(color or c.text))
        p.drawText(t.state_rect.adjusted(0, 0, 2, 0),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, t.state)
        if t.count_rect is not None:
            p.setFont(t.count_font)
            p.setPen(QColor(c.muted))
            p.drawText(t.count_rect.adjusted(-2, 0, 0, 0),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, t.count)
        if t.marker is not None and t.priority is not None:
            paint_priority(p, t.marker, int(t.priority), filled=t.filled)
            if t.many_rect is not None:
                p.setFont(t.many_font)
                p.setPen(QColor(c.text))
                p.drawText(t.many_rect, Qt.AlignmentFlag.AlignHCenter
                           | Qt.AlignmentFlag.AlignVCenter, t.many)
        if t.pictogram is not None:
            icons.paint(p, t.kind_icon, t.pictogram, c.border)

    def caption_text(self) -> str:
        """The line under the band: the conveyor's name (in the worker's language), its
        state, speed and bodies out."""
        conv = self.line.conveyor
        parts: list[str] = []
        if conv is not None:
            conv_show = self.state.conveyor
            parts.append(f"{station_name(conv)}: {state_words(conv_show.look, conv_show.raw)}")
            if self.state.speed is not None:
                parts.append(f"{format_value(self.state.speed)} m/min")
            if self.state.carriers is not None:
                parts.append(translate("Mimic", "{n} bodies out").format(
                    n=format_value(self.state.carriers)))
        return " · ".join(parts)

    def _paint_caption(self, p: QPainter, c: Any) -> None:
        text = self.caption_text()
        p.setFont(self._font(theme.px(13 if self.compact else 15)))
        fm = QFontMetricsF(p.font())
        r = self.caption
        if self.state.line_stopped:
            stop = translate("Mimic", "E-STOP: LINE STOPPED")
            p.setFont(self._font(theme.px(13 if self.compact else 15), bold=True))
            sw = QFontMetricsF(p.font()).horizontalAdvance(stop) + r.height() + 8
            icons.paint(p, "estop", QRectF(r.left(), r.top(), r.height(), r.height()), c.alarm)
            p.setPen(QColor(c.alarm))
            p.drawText(QRectF(r.left() + r.height() + 4, r.top(), sw, r.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, stop)
            r = r.adjusted(sw + 12, 0, 0, 0)
            p.setFont(self._font(theme.px(13 if self.compact else 15)))
        conv_bad = self.state.conveyor.look in (Look.FAULT, Look.NO_DATA)
        p.setPen(QColor(c.alarm if self.state.conveyor.look is Look.FAULT else
                        c.bad if conv_bad else c.muted))
        p.drawText(r, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   fm.elidedText(text, Qt.TextElideMode.ElideRight, r.width()))

    # --- touch ---------------------------------------------------------------------------

    def station_at(self, pos: QPointF) -> str | None:
        self._layout()
        for sid, r in self.rects.items():
            if r.contains(pos):
                return sid
        return None

    def mousePressEvent(self, event: Any) -> None:
        self._pressed = self.station_at(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: Any) -> None:
        sid = self.station_at(event.position())
        if sid is not None and sid == self._pressed:
            self.stationActivated.emit(sid)
        self._pressed = None
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:  # an elided name in full, with its state
            sid = self.station_at(event.pos())  # type: ignore[attr-defined]
            st = next((s for s in self.line.stations if s.id == sid), None)
            if st is None:
                QToolTip.hideText()
            else:
                show = self.state.stations.get(st.id, StationShow())
                look = Look.STOPPED if self.state.line_stopped else show.look
                QToolTip.showText(event.globalPos(),  # type: ignore[attr-defined]
                                  f"{station_name(st)}: {state_words(look, show.raw)}", self)
            return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._text_changed()
        super().changeEvent(event)


class LineMimicWidget(MimicView):
    """This terminal's line: bound to the bridge (states, counts, conveyor) and the
    alarm engine (markers); opens a station's panel when touched."""

    def __init__(self, ctx: Any, *, compact: bool = False,
                 parent: QWidget | None = None) -> None:
        config = ctx.config
        super().__init__(model.build(config), compact=compact, parent=parent)
        self.ctx = ctx
        self._samples: dict[str, Sample] = {}
        estop = config.sections.get("estop")
        self._circuit_tag = getattr(estop, "circuit_state_tag", None)
        self._stopped_value = getattr(estop, "stopped_value", "stopped")
        tags = set()
        for st in self.line.stations:
            tags.update(t for t in (st.state_tag, st.cycle_tag) if t)
        conv = self.line.conveyor
        if conv is not None:
            tags.update(t for t in (conv.state_tag, self.line.speed_tag, self.line.carrier_tag)
                        if t)
        if self._circuit_tag:
            tags.add(self._circuit_tag)
        self._alarms: dict[str, str] = {}
        engine = ctx.find(AlarmEngine)
        self.engine = engine
        if engine is not None:
            self._alarms = model.station_alarm_map(
                config, [s.definition for s in engine.statuses()])
            from widgets.alarm_banner import EngineWatch

            self._watch = EngineWatch(engine, parent=self)
            self._watch.changed.connect(self._refresh)
        for t in sorted(tags):
            ctx.bridge.watch(t, self._on_sample, self)
        self.stationActivated.connect(self.open_station)
        self._refresh()

    def _on_sample(self, s: Sample) -> None:
        self._samples[s.tag] = s
        self._refresh()

    def _value(self, tag: str | None) -> tuple[Any, bool]:
        s = self._samples.get(tag) if tag else None
        if s is None:
            return None, False
        return s.value, s.quality is Quality.GOOD

    def _refresh(self) -> None:
        circuit, circuit_good = self._value(self._circuit_tag)
        stopped = bool(circuit_good and str(circuit).lower() == str(self._stopped_value).lower())
        alarms: dict[str, list[Any]] = {}
        if self.engine is not None:
            for a in self.engine.active():
                sid = self._alarms.get(a.id)
                if sid is None and a.id not in self._alarms:
                    # defined after this view was built (zones, health): map it now
                    self._alarms.update(model.station_alarm_map(self.ctx.config, [a.definition]))
                    sid = self._alarms.get(a.id)
                if sid is not None:
                    alarms.setdefault(sid, []).append(a)
        stations: dict[str, StationShow] = {}
        for st in self.line.stations:
            raw, good = self._value(st.state_tag)
            count, count_good = self._value(st.cycle_tag)
            mine = alarms.get(st.id, [])
            stations[st.id] = StationShow(
                model.look_of(raw, good=good), raw, count if count_good else None, len(mine),
                min((int(a.priority) for a in mine), default=None),
                any(a.unacked for a in mine))
        conv = self.line.conveyor
        conv_show = StationShow()
        speed = carriers = None
        if conv is not None:
            raw, good = self._value(conv.state_tag)
            conv_show = StationShow(model.look_of(raw, good=good), raw)
            v, ok = self._value(self.line.speed_tag)
            speed = float(v) if ok and isinstance(v, int | float) else None
            n, ok = self._value(self.line.carrier_tag)
            carriers = int(n) if ok and isinstance(n, int | float) else None
        self.set_state(MimicState(stations, conv_show, speed, carriers, stopped))

    def open_station(self, sid: str) -> Any:
        """Open the station's panel in a sheet over the layout area."""
        from widgets.overlay import Overlay
        from widgets.station_panel import StationPanel

        st = self.ctx.config.stations.get(sid)
        if st is None:
            return None
        panel = StationPanel(self.ctx, sid, show_trend=True)
        panel.setMinimumWidth(min(720, max(480, self.window().width() // 2)))
        self.station_sheet = Overlay.open(self, panel, title=station_name(st))
        return self.station_sheet


@dataclass
class _BoxTexts:
    """What goes where in one station's box (MimicView._station_texts)."""

    box: QRectF
    inner: QRectF
    look: Look
    color: str | None = None
    kind_icon: str = "settings"
    icon: QRectF | None = None
    name_font: QFont = field(default_factory=QFont)
    name_lines: list[str] = field(default_factory=list)
    name_line_h: float = 0.0
    name: QRectF = field(default_factory=QRectF)
    state: str = ""
    state_font: QFont = field(default_factory=QFont)
    state_rect: QRectF = field(default_factory=QRectF)
    count: str = ""
    count_font: QFont = field(default_factory=QFont)
    count_rect: QRectF | None = None
    marker: QRectF | None = None
    priority: int | None = None
    filled: bool = False
    many: str = ""
    many_font: QFont = field(default_factory=QFont)
    many_rect: QRectF | None = None
    pictogram: QRectF | None = None


def _text_size(fm: QFontMetricsF, text: str) -> tuple[float, float]:
    """Width and height of one line as drawn (with fallback fonts: a Chinese line is
    taller than the font's own height)."""
    if not text:
        return 0.0, fm.height()
    r = fm.boundingRect(QRectF(0, 0, 1e6, 1e6), int(Qt.TextFlag.TextSingleLine), text)
    return max(r.width(), fm.horizontalAdvance(text)), max(r.height(), fm.height())


def _mono(f: QFont) -> QFont:
    f = QFont(f)
    f.setFamilies(["DejaVu Sans Mono", "Noto Sans Mono", "monospace"])
    return f


def _wrap(text: str, fm: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Words on at most `max_lines` lines of `width`; the last line elided."""
    words, lines, cur = text.split(), [], ""
    for w in words:
        trial = f"{cur} {w}".strip()
        if fm.horizontalAdvance(trial) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    if len(lines) > max_lines:
        lines = [*lines[:max_lines - 1], " ".join(lines[max_lines - 1:])]
    return [fm.elidedText(ln, Qt.TextElideMode.ElideRight, width) for ln in lines] or [""]


def with_station(state: MimicState, sid: str, **changes: Any) -> MimicState:
    """A copy of `state` with one station's show changed (for tests and previews)."""
    stations = dict(state.stations)
    stations[sid] = replace(stations.get(sid, StationShow()), **changes)
    return replace(state, stations=stations)


class MimicPanel(QWidget):
    """The layout panel: the line's name over its mimic (no frame title in compact
    mode, where every pixel goes to the drawing)."""

    def __init__(self, ctx: Any, settings: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("MimicPanel")
        compact = bool(settings.get("compact", False))
        self.view = LineMimicWidget(ctx, compact=compact, parent=self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.title: QLabel | None = None
        if not compact:
            self.title = QLabel(self.view.line.name)
            self.title.setProperty("role", "title")
            box.addWidget(self.title)
        box.addWidget(self.view, 1)


def create_panel(ctx: Any, settings: dict[str, Any]) -> MimicPanel:
    if not ctx.config.stations:
        raise ValueError(translate("Mimic", "No stations are configured ([[stations]] in the "
                                            "site file)"))
    return MimicPanel(ctx, settings)


register_panel(mimic_spec.SPEC, create_panel)
