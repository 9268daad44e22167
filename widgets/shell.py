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

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Action, Role, allowed
from app.model import LinkState, LinkStatus
from widgets import theme
from widgets.clock import format_age, ticker
from widgets.overlay import Overlay, mark_host
from widgets.panels import PanelContext

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


class LinkIndicator(QLabel):
    """One source: '● plc1' connected, '◌ plc1 reconnecting · 12 s', '✕ plc1 offline'.

    While the link is down a touch asks for a reconnect now (`reconnectRequested`), so
    nobody waits out a backoff after the cable is back."""

    reconnectRequested = Signal(str)  # source id

    def __init__(self, status: LinkStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "link")
        self.setMinimumHeight(theme.TOUCH_PX)
        self.status = status
        self.render_status()

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
            text = f"◌ {st.source} " + translate(
                "MainWindow", "reconnecting · no data for {age}"
            ).format(age=age)
            sev, tip = "warning", st.detail
        else:
            text = f"✕ {st.source} " + translate(
                "MainWindow", "OFFLINE · no data for {age}"
            ).format(age=age)
            sev, tip = "alarm", st.detail
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
        site = getattr(ctx.config, "site", None)
        self.plant_text = " · ".join(
            x for x in (getattr(site, "name", ""), getattr(site, "line", "")) if x
        )

        # --- the fixed frame ---
        self.frame = QFrame()
        self.frame.setObjectName("ShellFrame")
        self.plant = QLabel(self.plant_text or "LineSide")
        self.plant.setObjectName("PlantName")
        self.clock = QLabel()
        self.clock.setObjectName("Clock")
        self.links_box = QHBoxLayout()
        self.links_box.setSpacing(6)
        self.links: dict[str, LinkIndicator] = {}
        self.worker = QLabel()
        self.worker.setObjectName("Worker")
        for label in (self.plant, self.worker):
            label.setWordWrap(True)  # wrap rather than clip at 200 % font scale
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("SignButton")
        self.sign_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.sign_button.clicked.connect(self._sign_clicked)
        self.kiosk_button = QPushButton()
        self.kiosk_button.clicked.connect(self.request_exit_kiosk)
        self.kiosk_button.hide()

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.plant)
        top.addWidget(self.clock)
        top.addStretch(1)
        top.addWidget(self.worker)
        self.frame_buttons = QHBoxLayout()  # e.g. "Edit layout", added by the application
        top.addLayout(self.frame_buttons)
        top.addWidget(self.sign_button)
        top.addWidget(self.kiosk_button)
        links_row = QHBoxLayout()
        links_row.addLayout(self.links_box)
        links_row.addStretch(1)

        self.alarm_slot = QWidget()
        self.alarm_slot.setObjectName("AlarmSlot")
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
        self._retranslate()
        self._tick()
        self.set_kiosk(kiosk)

    _sessionChanged = Signal()

    # --- slots for other engineers' widgets ------------------------------------------------

    def add_frame_button(self, w: QWidget) -> None:
        """Add a control to the fixed frame's top row (left of the sign-in button)."""
        self.frame_buttons.addWidget(w)

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
        for ind in self.links.values():
            ind.render_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
