"""MainWindow: the fixed frame no layout can change or cover, and the layout area.

Frame: plant/line name, clock, a link indicator per source, the signed-in worker and
role with sign-in/sign-out, the alarm-summary slot and the e-stop slot (other
engineers' widgets go in with `set_alarm_banner` / `set_estop_widget`). The e-stop
slot sits outside the layout area, so no layout and no overlay can hide it.

Kiosk mode: full screen, frameless; leaving it needs Action.KIOSK_EXIT.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from app.auth.permissions import Action, Role, allowed
from app.model import LinkState, LinkStatus
from widgets import theme
from widgets.clock import format_age, ticker
from widgets.flow_layout import FlowLayout
from widgets.overlay import Overlay, mark_host
from widgets.panels import PanelContext
from widgets.site_text import use_site

log = logging.getLogger(__name__)


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


def role_text(role: Role | str | None) -> str:
    names = {
        Role.OPERATOR: QCoreApplication.translate("Roles", "Operator"),
        Role.TEAM_LEAD: QCoreApplication.translate("Roles", "Team lead"),
        Role.MAINTENANCE: QCoreApplication.translate("Roles", "Maintenance"),
        Role.SAFETY_OFFICER: QCoreApplication.translate("Roles", "Safety officer"),
        Role.SUPERVISOR: QCoreApplication.translate("Roles", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
        Role.PURCHASING: QCoreApplication.translate("Roles", "Purchasing"),
    }
    try:
        return names[Role(role)]
    except ValueError:
        return str(role or "")


def tabular(font: QFont) -> QFont:
    """`font` with tabular (fixed-width) figures, so a clock or a count never changes
    width as its digits change."""
    f = QFont(font)
    f.setFeature(QFont.Tag("tnum"), 1)
    return f


def figures_width(fm: QFontMetrics, pattern: str) -> int:
    """Width that holds `pattern` with every digit replaced by the widest digit: room
    reserved for any value of that shape, whatever the font does with figures."""
    widest = max("0123456789", key=fm.horizontalAdvance)
    return fm.horizontalAdvance("".join(widest if c.isdigit() else c for c in pattern))


class ElidedLabel(QLabel):
    """A label that never grows with its text: up to `max_lines` lines, the last one
    elided with "…"; the full text is its tooltip. Its height is reserved for
    `max_lines` lines, so a longer name never changes the frame's height."""

    def __init__(self, text: str = "", max_lines: int = 2, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        super().setText(text)  # accessibility and tests read the full text
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._full

    def lines(self, width: int) -> list[str]:
        """The text as drawn in `width`: word-wrapped, at most `max_lines`, the last
        elided."""
        fm = self.fontMetrics()
        words, lines, line = self._full.split(), [], ""
        while words:
            trial = f"{line} {words[0]}".strip()
            if fm.horizontalAdvance(trial) <= width or not line:
                line = trial
                words.pop(0)
                continue
            if len(lines) == self.max_lines - 1:
                break
            lines.append(line)
            line = ""
        rest = " ".join([line, *words]).strip()
        if rest:
            lines.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        return lines[: self.max_lines]

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        m = self.contentsMargins()
        return QSize(fm.horizontalAdvance(self._full) + m.left() + m.right() + 2,
                     fm.lineSpacing() * self.max_lines + m.top() + m.bottom())

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("Wwww…"), self.sizeHint().height())

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        r = self.contentsRect()
        fm = self.fontMetrics()
        lines = self.lines(r.width())
        y = r.top() + (r.height() - fm.lineSpacing() * len(lines)) // 2
        p.setPen(self.palette().color(self.foregroundRole()))
        for line in lines:
            p.drawText(QRect(r.left(), y, r.width(), fm.lineSpacing()),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
            y += fm.lineSpacing()


class FrameRow(FlowLayout):
    """The frame's top row: the first item (the plant name) takes what the others leave
    on the first line; the others keep their width and wrap onto more lines when the
    width runs out (200 % text), so nothing is pushed out of the window and a value
    changing never moves the buttons."""

    def insert_widget(self, index: int, w: QWidget) -> None:
        self.addChildWidget(w)
        self._items.insert(index, QWidgetItem(w))
        self.invalidate()

    def minimumSize(self) -> QSize:
        size = super().minimumSize()
        return QSize(min(size.width(), 200), size.height())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        items = self._visible()
        if not items:
            return 0
        gap, width = self.spacing(), rect.width()
        rows: list[list[tuple[Any, int]]] = [[]]
        first = items[0]
        first_min = min(first.minimumSize().width(), width)
        used = first_min
        for item in items[1:]:
            w = min(item.sizeHint().width(), width)
            if len(rows) == 1 and used + gap + w <= width:
                rows[0].append((item, w))
                used += gap + w
            elif len(rows) > 1 and rows[-1] and \
                    sum(x for _, x in rows[-1]) + gap * len(rows[-1]) + w <= width:
                rows[-1].append((item, w))
            else:
                rows.append([(item, w)])
        rest = sum(w for _, w in rows[0]) + gap * len(rows[0])
        rows[0].insert(0, (first, max(first_min, min(first.sizeHint().width(), width - rest))))
        y = rect.y()
        for row in rows:
            if not row:
                continue
            h = max(item.sizeHint().height() for item, _ in row)
            x = rect.x()
            for item, w in row:
                ih = min(h, item.sizeHint().height())
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (h - ih) // 2), QSize(w, ih)))
                x += w + gap
            y += h + gap
        return y - gap - rect.y()


class LinkIndicator(QLabel):
    """One source: '● plc1' connected, '◌ plc1 reconnecting · 12 s', '✕ plc1 offline'.

    While the link is down a touch asks for a reconnect now (`reconnectRequested`), so
    nobody waits out a backoff after the cable is back."""

    reconnectRequested = Signal(str)  # source id

    def __init__(self, status: LinkStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "link")
        self.setMinimumHeight(theme.TOUCH_PX)
        # Maximum, not Fixed: a Fixed chip's minimum is its reserved width, and at 200 %
        # in German that pushed the frame wider than the window and the e-stop out of it.
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.status = status
        self.render_status()

    def reserved_width(self) -> int:
        """Room for the longest state text with a long age: the chip keeps its width
        as the link changes state and the age grows."""
        f = QFont(self.font())
        f.setBold(True)
        fm = QFontMetrics(f)
        longest = max((self._texts("118 min")), key=fm.horizontalAdvance)
        m = self.contentsMargins()
        return fm.horizontalAdvance(longest) + m.left() + m.right() + 8

    def _texts(self, age: str) -> list[str]:
        src = self.status.source
        return [
            f"● {src}",
            f"◌ {src} " + translate("MainWindow", "connecting"),
            f"◌ {src} " + translate("MainWindow", "reconnecting · {age}").format(age=age),
            f"✕ {src} " + translate("MainWindow", "OFFLINE · {age}").format(age=age),
        ]

    def sizeHint(self) -> QSize:
        return QSize(max(super().sizeHint().width(), self.reserved_width()),
                     max(theme.TOUCH_PX, super().sizeHint().height()))

    def minimumSizeHint(self) -> QSize:  # the flow row clamps to its width at 200 %
        return QSize(theme.TOUCH_PX, self.sizeHint().height())

    @property
    def down(self) -> bool:
        return self.status.state in (LinkState.RECONNECTING, LinkState.OFFLINE)

    def mouseReleaseEvent(self, event: Any) -> None:
        if self.down and self.rect().contains(event.position().toPoint()):
            self.reconnectRequested.emit(self.status.source)
        super().mouseReleaseEvent(event)

    def set_status(self, status: LinkStatus) -> None:
        self.status = status
        self.render_status()

    def render_status(self) -> None:
        st = self.status
        ref = st.last_data if st.last_data is not None else st.since
        age = format_age(time.time() - ref)
        if st.state is LinkState.CONNECTED:
            text, sev = f"● {st.source}", ""
            tip = translate("MainWindow", "{source}: connected").format(source=st.source)
        elif st.state is LinkState.CONNECTING:
            text, sev = f"◌ {st.source} " + translate("MainWindow", "connecting"), "warning"
            tip = translate("MainWindow", "{source}: connecting").format(source=st.source)
        elif st.state is LinkState.RECONNECTING:
            # Short on the chip (its width is reserved for the longest); the tooltip
            # says what the age means.
            text = f"◌ {st.source} " + translate(
                "MainWindow", "reconnecting · {age}").format(age=age)
            sev = "warning"
            tip = translate("MainWindow", "{source}: reconnecting · no data for {age}").format(
                source=st.source, age=age) + (f"\n{st.detail}" if st.detail else "")
        else:
            text = f"✕ {st.source} " + translate("MainWindow", "OFFLINE · {age}").format(age=age)
            sev = "alarm"
            tip = translate("MainWindow", "{source}: OFFLINE · no data for {age}").format(
                source=st.source, age=age) + (f"\n{st.detail}" if st.detail else "")
        if self.down:
            tip = (tip + "\n" if tip else "") + translate("MainWindow", "Touch to reconnect now")
        self.setCursor(Qt.CursorShape.PointingHandCursor if self.down
                       else Qt.CursorShape.ArrowCursor)
        self.setText(text)
        self.setToolTip(tip)
        theme.set_state_property(self, "severity", sev)


class MainWindow(QMainWindow):
    signInRequested = Signal()  # the sign-in engineer opens the sign-in sheet on this
    kioskChanged = Signal(bool)

    def __init__(
        self, ctx: PanelContext, *, kiosk: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kiosk = False
        use_site(ctx.config)  # site strings (station names, alarm texts) in the language
        site = getattr(ctx.config, "site", None)
        self.plant_text = " · ".join(
            x for x in (getattr(site, "name", ""), getattr(site, "line", "")) if x
        )

        # --- the fixed frame ---
        self.frame = QFrame()
        self.frame.setObjectName("ShellFrame")
        # Nothing here may change size with a value: the plant and worker names elide
        # (full text in the tooltip), the clock has fixed-width figures in a reserved
        # width, the chips reserve their longest text, the sign button both labels.
        self.plant = ElidedLabel(self.plant_text or "LineSide")
        self.plant.setObjectName("PlantName")
        self.clock = QLabel()
        self.clock.setObjectName("Clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.links_box = FlowLayout(spacing=6)
        self.links: dict[str, LinkIndicator] = {}
        self.worker = ElidedLabel()
        self.worker.setObjectName("Worker")
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("SignButton")
        self.sign_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.sign_button.clicked.connect(self._sign_clicked)
        self.kiosk_button = QPushButton()
        self.kiosk_button.clicked.connect(self.request_exit_kiosk)
        self.kiosk_button.hide()

        top = FrameRow(spacing=10)
        self.top_row = top
        top.addWidget(self.plant)
        top.addWidget(self.clock)
        top.addWidget(self.worker)
        # frame buttons (e.g. "Edit layout", added by the application) go in here
        top.addWidget(self.sign_button)
        top.addWidget(self.kiosk_button)
        links_row = self.links_box

        self.alarm_slot = QWidget()
        self.alarm_slot.setObjectName("AlarmSlot")
        # As tall as the banner needs, never stretched to the e-stop's height (its stacked
        # layout would make the banner fill the slot, the alarm text adrift at the top).
        self.alarm_slot.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.alarm_slot_layout = QStackedLayout(self.alarm_slot)
        self.alarm_placeholder = QLabel()
        self.alarm_placeholder.setProperty("role", "caption")
        self.alarm_slot_layout.addWidget(self.alarm_placeholder)

        self.estop_slot = QWidget()
        self.estop_slot.setObjectName("EstopSlot")
        self.estop_slot.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.estop_slot.setMinimumWidth(theme.px(120))
        self.estop_layout = QStackedLayout(self.estop_slot)
        self.estop_placeholder = QLabel()
        self.estop_placeholder.setObjectName("EstopPlaceholder")
        self.estop_placeholder.setWordWrap(True)
        self.estop_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.estop_layout.addWidget(self.estop_placeholder)

        grid = QGridLayout(self.frame)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addLayout(top, 0, 0)
        grid.addLayout(links_row, 1, 0)
        grid.addWidget(self.alarm_slot, 2, 0)
        grid.addWidget(self.estop_slot, 0, 1, 3, 1)
        grid.setColumnStretch(0, 1)

        # --- the layout area: the only place layouts and overlays live ---
        self.layout_area = QWidget()
        self.layout_area.setObjectName("LayoutArea")
        mark_host(self.layout_area)
        self.layout_stack = QStackedLayout(self.layout_area)
        self.layout_widget: QWidget | None = None

        central = QWidget()
        central.setObjectName("Central")
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.frame)
        self._central_box = box
        self.notice = QLabel()
        self.notice.setObjectName("Notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        box.addWidget(self.notice)
        box.addWidget(self.layout_area, 1)
        self.setCentralWidget(central)

        # --- data ---
        bridge = ctx.bridge
        if bridge is not None:
            bridge.linkChanged.connect(self.set_link)
            for st in bridge.links().values():
                self.set_link(st)
        runtime = ctx.runtime
        for st in dict(getattr(runtime, "links", {}) or {}).values():
            if st.source not in self.links:
                self.set_link(st)
        self._session_remove = None
        if ctx.session is not None and hasattr(ctx.session, "add_observer"):
            # Observers run on the thread that changed the session: hop to the GUI.
            self._session_remove = ctx.session.add_observer(lambda *_a: self._sessionChanged.emit())
        self._sessionChanged.connect(self.refresh_session)
        ticker().tick.connect(self._tick)
        theme.notifier().changed.connect(self._fit_fixed_widths)
        self._retranslate()
        self._tick()
        self.set_kiosk(kiosk)

    _sessionChanged = Signal()

    # --- slots for other engineers' widgets ------------------------------------------------

    def add_frame_button(self, w: QWidget) -> None:
        """Add a control to the fixed frame's top row (left of the sign-in button)."""
        w.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.top_row.insert_widget(self.top_row.indexOf(self.sign_button), w)

    def show_notice(self, text: str | None) -> None:
        """A visible, non-blocking notice under the frame (e.g. a layout fallback)."""
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def set_layout_widget(self, w: QWidget) -> None:
        """Show `w` in the layout area (replacing the previous layout widget)."""
        if self.layout_widget is not None:
            self.layout_stack.removeWidget(self.layout_widget)
            self.layout_widget.deleteLater()
        self.layout_widget = w
        self.layout_stack.addWidget(w)
        self.layout_stack.setCurrentWidget(w)

    def set_evacuation_banner(self, w: QWidget) -> None:
        """A full-width strip right under the fixed frame: in the layout, never over the
        frame (so never over the e-stop)."""
        self._central_box.insertWidget(1, w)

    def set_alarm_banner(self, w: QWidget) -> None:
        self.alarm_slot_layout.addWidget(w)
        self.alarm_slot_layout.setCurrentWidget(w)

    def set_estop_widget(self, w: QWidget) -> None:
        self.estop_layout.addWidget(w)
        self.estop_layout.setCurrentWidget(w)
        self.estop_widget = w

    def overlay(self, content: QWidget, title: str = "") -> Overlay:
        """Open an in-window sheet over the layout area (never over the frame)."""
        return Overlay.open(self.layout_area, content, title=title)

    # --- links, session, clock ---------------------------------------------------------------

    def reconnect_now(self, source_id: str) -> None:
        """The link indicator's touch action: skip the rest of the reconnect backoff."""
        runtime = self.ctx.runtime
        if runtime is not None:
            log.info("link %s: reconnect now (asked at the terminal)", source_id)
            runtime.reconnect_now(source_id)

    def set_link(self, status: LinkStatus) -> None:
        ind = self.links.get(status.source)
        if ind is None:
            ind = self.links[status.source] = LinkIndicator(status)
            ind.reconnectRequested.connect(self.reconnect_now)
            self.links_box.addWidget(ind)
        else:
            ind.set_status(status)

    def refresh_session(self) -> None:
        who = getattr(self.ctx.session, "current", None) if self.ctx.session else None
        if who is None:
            self.worker.setText(translate("MainWindow", "Nobody signed in"))
            self.sign_button.setText(translate("MainWindow", "Sign in"))
        else:
            self.worker.setText(f"{who.name} · {role_text(who.role)}")
            self.sign_button.setText(translate("MainWindow", "Sign out"))

    def _sign_clicked(self) -> None:
        who = getattr(self.ctx.session, "current", None) if self.ctx.session else None
        if who is None:
            self.signInRequested.emit()
        else:
            self.ctx.session.sign_out("user")
            self.refresh_session()

    def _fit_fixed_widths(self) -> None:
        """Reserve the widths that must not follow the text (after a font, style or
        language change): the clock's, the worker's and the sign button's."""
        for w in (self.clock, self.worker, self.sign_button):
            w.ensurePolished()  # the QSS font sizes, not the default font
        self.clock.setFont(tabular(self.clock.font()))
        fm = self.clock.fontMetrics()
        self.clock.setFixedWidth(figures_width(fm, "00:00:00") + 8)
        self.worker.setFixedWidth(theme.px(180))
        bfm = self.sign_button.fontMetrics()
        widest = max(bfm.horizontalAdvance(translate("MainWindow", "Sign in")),
                     bfm.horizontalAdvance(translate("MainWindow", "Sign out")))
        self.sign_button.setFixedWidth(widest + 2 * theme.px(14) + 8)
        for ind in self.links.values():
            ind.updateGeometry()

    def _tick(self) -> None:
        self.clock.setText(time.strftime("%H:%M:%S"))
        for ind in self.links.values():
            if ind.status.state is not LinkState.CONNECTED:
                ind.render_status()  # the age grows while the link is down

    # --- kiosk -------------------------------------------------------------------------

    def set_kiosk(self, on: bool) -> None:
        self.kiosk = on
        flags = self.windowFlags()
        if on:
            self.setWindowFlags(flags | Qt.WindowType.FramelessWindowHint)
            self.showFullScreen()
        else:
            self.setWindowFlags(flags & ~Qt.WindowType.FramelessWindowHint)
            if self.isFullScreen():
                self.showNormal()
        self.kiosk_button.setVisible(on)
        self.kioskChanged.emit(on)

    def request_exit_kiosk(self) -> bool:
        """Leave kiosk mode if the signed-in role may; otherwise say who can."""
        who = getattr(self.ctx.session, "current", None) if self.ctx.session else None
        if who is not None and allowed(who.role, Action.KIOSK_EXIT):
            self.set_kiosk(False)
            self.show()
            return True
        msg = QLabel(
            translate(
                "MainWindow",
                "Only a supervisor or an administrator can leave kiosk mode. "
                "Sign in with such a role first.",
            )
        )
        msg.setWordWrap(True)
        msg.setProperty("role", "message")
        self.overlay(msg, translate("MainWindow", "Kiosk mode"))
        return False

    def closeEvent(self, event: Any) -> None:
        if self.kiosk:
            event.ignore()  # Alt+F4 must not end the terminal on the line
            self.request_exit_kiosk()
            return
        if self._session_remove is not None:
            self._session_remove()
        super().closeEvent(event)

    # --- language ----------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(
            translate("MainWindow", "LineSide — {plant}").format(plant=self.plant_text or "HMI")
        )
        self.alarm_placeholder.setText(translate("MainWindow", "No alarm summary available"))
        self.estop_placeholder.setText(
            translate("MainWindow", "E-stop not connected: use the hard-wired emergency stop")
        )
        self.kiosk_button.setText(translate("MainWindow", "Exit kiosk"))
        self.refresh_session()
        self._fit_fixed_widths()
        for ind in self.links.values():
            ind.render_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_fixed_widths()
        super().changeEvent(event)
