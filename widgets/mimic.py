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
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

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
        theme.notifier().changed.connect(self.update)

    # --- sizes ---------------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        rows = len(self.line.rows)
        per_row = 96 if self.compact else 120
        return QSize(max(320, int(110 * len(self.line.stations) * 0.6)),
                     per_row * rows + (46 if self.compact else 70))

    def sizeHint(self) -> QSize:
        hint = self.minimumSizeHint()
        return QSize(hint.width() * 2, hint.height() + (0 if self.compact else 60))

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
        caption_h = float(theme.px(20 if self.compact else 26))
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

    def _paint_station(self, p: QPainter, c: Any, st: StationBox, r: QRectF) -> None:
        show = self.state.stations.get(st.id, StationShow())
        look = Look.STOPPED if self.state.line_stopped else show.look
        # on pixel centres, so a 1 px grey border is crisp and never a blend
        box = QRectF(round(r.left()) + 2.5, round(r.top()) + 2.5, round(r.width()) - 5,
                     round(r.height()) - 5)
        color = {Look.FAULT: c.alarm, Look.STOPPED: c.alarm, Look.WARNING: c.warning,
                 Look.NO_DATA: c.bad}.get(look)
        p.setPen(QPen(QColor(color or c.border), 3 if color else 1))
        p.setBrush(QColor(c.button) if look is not Look.NO_DATA
                   else QBrush(QColor(c.border), Qt.BrushStyle.BDiagPattern))
        p.drawRoundedRect(box, 4, 4)
        pad = 6.0 if box.width() >= theme.px(110) else 3.0
        inner = box.adjusted(pad, 4, -pad, -4)
        # a narrow box (a small card, many stations) drops the kind icon, puts the state,
        # the count and the alarm marker on rows of their own, and takes a smaller font
        # before it elides a word; the state in words always shows
        narrow = box.width() < theme.px(110)
        icon_side = 0.0 if narrow else float(theme.px(18 if self.compact else 22))
        marker = float(theme.px(22 if narrow or self.compact else 30)) if show.alarms else 0.0
        many = f"×{show.alarms}" if show.alarms > 1 else ""
        small_bold = self._font(theme.px(12), bold=True)
        many_w = QFontMetricsF(small_bold).horizontalAdvance(many) + 2 if many else 0.0
        kind_icon = f"kind.{st.kind}" if f"kind.{st.kind}" in icons.NAMES else "settings"
        has_count = bool(st.cycle_tag) or show.count is not None  # remote boxes have no tags
        count = "—" if show.count is None else format_value(show.count)
        count_font = self._font(theme.px(13 if narrow else 14 if self.compact else 17),
                                bold=True)
        count_font.setFamilies(["DejaVu Sans Mono", "Noto Sans Mono", "monospace"])
        count_w = QFontMetricsF(count_font).horizontalAdvance(count) if has_count else 0.0
        marker_top = bool(show.alarms) and not narrow  # wide: the marker by the name
        # the name: up to two lines beside the kind icon
        name_w = inner.width() - icon_side - (4 if icon_side else 0) - (
            marker + 4 if marker_top else 0)
        name = station_name(st)  # the site's name in the worker's language
        p.setFont(self._fitting_font(name.split(), name_w,
                                     theme.px(14 if self.compact else 16)))
        fm = QFontMetricsF(p.font())
        lines = _wrap(name, fm, name_w, 2)
        name_rect = QRectF(inner.left() + icon_side + (4 if icon_side else 0), inner.top(),
                           name_w, max(icon_side, fm.height() * len(lines)))
        if icon_side:
            icons.paint(p, kind_icon, QRectF(inner.left(),
                                             inner.top() + (fm.height() - icon_side) / 2,
                                             icon_side, icon_side), c.muted)
        p.setPen(QColor(c.text))
        p.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                   "\n".join(lines))
        # the state in words (colour only when abnormal); wide: the count at the right of
        # the same row, in fixed-width digits so it never jiggles
        words = state_words(look, show.raw)
        beside = (count_w + 6 if has_count and not narrow else 0.0) + (
            max(marker, many_w) + 4 if marker_top and many else 0.0)
        p.setFont(self._fitting_font([words], inner.width() - beside,
                                     theme.px(15 if self.compact else 18)))
        fm = QFontMetricsF(p.font())
        mid = QRectF(inner.left(), name_rect.bottom() + 2, inner.width(), fm.height())
        p.setPen(QColor(color or c.text))
        p.drawText(QRectF(mid.left(), mid.top(), mid.width() - beside, mid.height()),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   fm.elidedText(words, Qt.TextElideMode.ElideRight, mid.width() - beside))
        below = mid.bottom()
        if narrow and (has_count or show.alarms):
            row_h = max(QFontMetricsF(count_font).height(), marker)
            row = QRectF(inner.left(), mid.bottom() + 2, inner.width(), row_h)
            below = row.bottom()
        else:
            row = mid
        if has_count:
            p.setFont(count_font)
            p.setPen(QColor(c.muted))
            align = Qt.AlignmentFlag.AlignLeft if narrow else Qt.AlignmentFlag.AlignRight
            right = row.adjusted(0, 0, -(max(marker, many_w) + 4)
                                 if marker_top and many else 0, 0)
            p.drawText(right, align | Qt.AlignmentFlag.AlignVCenter, count)
        if show.alarms and show.top_priority is not None:
            if marker_top:
                mr = QRectF(inner.right() - marker, inner.top(), marker, marker)
                many_rect = QRectF(mr.right() - max(marker, many_w), mr.bottom(),
                                   max(marker, many_w), theme.px(16))
                many_align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            else:  # narrow: at the right of the count row, how many left of it
                mr = QRectF(row.right() - marker, row.top() + (row.height() - marker) / 2,
                            marker, marker)
                many_rect = QRectF(mr.left() - many_w - 2, row.top(), many_w, row.height())
                many_align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            paint_priority(p, mr, int(show.top_priority), filled=show.unacked)
            if many:
                p.setFont(small_bold)
                p.setPen(QColor(c.text))
                p.drawText(many_rect, many_align, many)
        mid = QRectF(mid.left(), mid.top(), mid.width(), below - mid.top())
        # the machine's pictogram in the free space below: the line reads as press,
        # robots and booth at a glance
        free = QRectF(inner.left(), mid.bottom() + 4, inner.width(),
                      inner.bottom() - mid.bottom() - 6)
        side = min(free.width(), free.height(), 72.0)
        if side >= 24:
            icons.paint(p, kind_icon, QRectF(free.center().x() - side / 2,
                                             free.center().y() - side / 2, side, side), c.border)

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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
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
