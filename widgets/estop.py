"""The on-screen emergency stop of the shell's fixed frame: big red button, the PLC's
read-back circuit state, the loud NOT CONFIRMED banner, the deliberate Reset… and,
beside it, Start… (a reset never starts the line). Both confirmations are an overlay
on the panel's text side: they never push the page and never cover the button. During
a start's pre-start warning the panel shows the countdown (and beeps each second where
the site sets `prestart_audible`).

Why the button lives in its own top-level window (the decision, and its test):
Qt's modal dialogs block mouse input to every other window: an application-modal
QDialog (`exec()`, or `setWindowModality(ApplicationModal)`) would make an e-stop that
is a child of the main window dead until the dialog closes. The shell uses in-window
overlays, but any code (a library, a file dialog, a future panel) may still open a
modal dialog, so the e-stop cannot rely on that convention. Therefore:

1. `EStopWindow` is a frameless, always-on-top tool window with no parent: no dialog
   is its parent, so a window-modal dialog (`QDialog.open()`) never blocks it.
2. `ModalityGuard` excepts it from application modality: Qt does not block a window
   that is a (transient) child of the modal window. When Qt sends the e-stop window
   `WindowBlocked`, the guard makes the blocking modal window its transient parent,
   which Qt re-evaluates at once (synchronously, before the next input event), so the
   window is unblocked; when that modal window hides, the guard lets go (and adopts
   the next modal window, if one is still open). Measured with Qt 6.11: without the
   guard a window-level click on the e-stop is dropped while an application-modal
   dialog is open; with it the click arrives.
3. `EStopDock` is the placeholder the shell puts in its fixed frame: it reserves the
   space and keeps the e-stop window over itself as the main window moves, resizes,
   hides or shows.

The button fires on *press* (not on release): one touch, even if a gloved finger
slides off before lifting. No confirmation, no sign-in. The test
(tests/safety/test_qt_estop.py) clicks through Qt's window-level input path, which
honours modality, with a plain main-window button as the negative control.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPen, QWindow
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Action, PermissionDenied, allowed
from app.safety.estop import (
    CircuitState,
    EStopController,
    EStopStatus,
    RequestState,
    ResetRefused,
)
from widgets import theme
from widgets.permission_text import denied_text, user_message

log = logging.getLogger(__name__)

BUTTON_PX = 120  # >= 96 px: hit by a gloved hand without aiming
TEXT_SIDE_PX = 210  # width of the state text and Reset…/Start… at 100 % text
RED = QColor("#d40000")
RED_DOWN = QColor("#8f0000")
YELLOW = QColor("#ffd200")


class EStopButton(QAbstractButton):
    """The red mushroom on a yellow ring. Emits `pressed` on touch-down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EStopButton")
        self.setText(self.tr("EMERGENCY STOP"))
        # Fixed: the frame reflows around it at 200 % text, the button never shrinks.
        self.setFixedSize(BUTTON_PX + 20, BUTTON_PX + 20)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a stray Enter must not stop the line
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("EMERGENCY STOP"))

    def sizeHint(self) -> QSize:
        return QSize(BUTTON_PX + 20, BUTTON_PX + 20)

    def hitButton(self, pos: Any) -> bool:  # the whole square counts: easier to hit
        return self.rect().contains(pos)

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 4
        r = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        p.setPen(QPen(QColor("#202020"), 2))
        p.setBrush(YELLOW)
        p.drawEllipse(r)
        ring = side * 0.13
        inner = r.adjusted(ring, ring, -ring, -ring)
        p.setBrush(RED_DOWN if self.isDown() else RED)
        p.drawEllipse(inner)
        f = QFont(self.font())
        f.setBold(True)
        f.setPixelSize(max(10, int(side * 0.105)))
        p.setFont(f)
        p.setPen(QColor("white"))
        p.drawText(inner, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setText(self.tr("EMERGENCY STOP"))
            self.setAccessibleName(self.tr("EMERGENCY STOP"))
        super().changeEvent(event)


class EStopPanel(QFrame):
    """Button, note, read-back state, banner, Reset… and its in-window confirmation.

    `session` is the SessionManager (`current` -> SignedIn | None, `add_observer`);
    without one, Reset… stays disabled.
    """

    statusChanged = Signal(object)  # EStopStatus, re-emitted on the GUI thread
    sessionChanged = Signal()

    def __init__(self, controller: EStopController, session: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EStopPanel")
        self.controller = controller
        self.session = session
        self.button = EStopButton()
        self.button.pressed.connect(self._press)
        self.note = QLabel()
        self.note.setObjectName("EStopNote")
        self.note.setWordWrap(True)
        self.circuit = QLabel()
        self.circuit.setObjectName("EStopCircuit")
        self.circuit.setWordWrap(True)  # "UNKNOWN — no read-back" must not run off the edge
        self.banner = QLabel()
        self.banner.setObjectName("EStopBanner")
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.hide()
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("EStopReset")
        self.reset_button.setMinimumHeight(48)
        self.reset_button.clicked.connect(self._ask_reset)
        self.start_button = QPushButton()
        self.start_button.setObjectName("EStopStart")
        self.start_button.setMinimumHeight(48)
        self.start_button.clicked.connect(self._ask_start)
        self.start_button.setVisible(controller.config.start_tag is not None)
        self.countdown = QLabel()  # the pre-start warning, while a start is announced
        self.countdown.setObjectName("EStopCountdown")
        self.countdown.setWordWrap(True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setStyleSheet("QLabel#EStopCountdown { background: #ffd200; "
                                     "color: black; font-weight: bold; padding: 6px; "
                                     "border: 3px solid black; }")
        self.countdown.hide()
        self.cancel_start_button = QPushButton()
        self.cancel_start_button.setObjectName("EStopCancelStart")
        self.cancel_start_button.setMinimumHeight(48)
        self.cancel_start_button.clicked.connect(self._cancel_start)
        self.cancel_start_button.hide()
        self._last_beep = 0

        # In-window confirmation: page 1 of a stack over the panel, never a QDialog.
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("EStopConfirmReset")
        self.cancel_button = QPushButton()
        self.confirm_button.clicked.connect(self._confirmed)
        self.cancel_button.clicked.connect(self._close_confirm)
        for b in (self.confirm_button, self.cancel_button):
            b.setMinimumHeight(48)
        self._confirming = ""  # "reset" or "start": what the overlay asks about
        self.message = QLabel()  # why a reset was refused
        self.message.setObjectName("EStopMessage")
        self.message.setWordWrap(True)

        # Button left, what it means right: keeps the fixed frame short, so the layout
        # area below gets the height.
        main = QWidget()
        h = QHBoxLayout(main)
        h.setContentsMargins(4, 4, 4, 4)
        # top: beside the circuit state, not adrift in a frame made tall at 200 %
        h.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        v = QVBoxLayout()
        v.setSpacing(2)
        v.addWidget(self.circuit)
        v.addWidget(self.banner)
        v.addWidget(self.countdown)
        v.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.cancel_start_button, 0, Qt.AlignmentFlag.AlignRight)
        row.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignRight)
        row.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        v.addLayout(row)
        v.addStretch(1)
        # The text side has a bounded width (it wraps instead of widening), so at 200 %
        # text the panel stays inside the window and Reset…/Start… stay reachable.
        self.text_side = QWidget()
        self.text_side.setLayout(v)
        v.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.text_side, 1)
        self._fit_text_side()
        theme.notifier().changed.connect(self._fit_text_side)
        confirm = QFrame()
        confirm.setObjectName("EStopConfirmOverlay")
        confirm.setAutoFillBackground(True)
        confirm.setFrameShape(QFrame.Shape.Box)
        c = QVBoxLayout(confirm)
        c.addWidget(self.confirm_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        c.addLayout(buttons)
        # The confirmation is an overlay over the text side of the panel, outside any
        # layout: it never pushes the page, and the e-stop button stays uncovered.
        self.stack = QStackedWidget(self)
        self.stack.addWidget(QWidget())
        self.stack.addWidget(confirm)
        self.main = main
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(main)
        self.stack.hide()
        self._tick = QTimer(self)  # the pre-start countdown
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._render)

        self._flash_on = False
        self._flash = QTimer(self)
        self._flash.setInterval(400)
        self._flash.timeout.connect(self._toggle_flash)
        self.statusChanged.connect(self._render)
        # Reconcile: the observer signal is the fast path, but the display must never
        # depend on one event arriving. Every 100 ms the panel checks that what it
        # shows is the controller's current status and renders again if not.
        self._rendered: EStopStatus | None = None
        self._reconcile = QTimer(self)
        self._reconcile.setInterval(100)
        self._reconcile.timeout.connect(self._check_rendered)
        self._reconcile.start()
        self.sessionChanged.connect(self._update_reset)
        # Observers run on other threads; the signal queues the status to this thread.
        self._remove = controller.add_observer(self.statusChanged.emit)
        self._remove_session = (session.add_observer(lambda *_: self.sessionChanged.emit())
                                if session is not None and hasattr(session, "add_observer")
                                else None)
        self.destroyed.connect(self._detach_observers)
        self._retranslate()
        self._render()

    def _fit_text_side(self) -> None:
        """The text side's width: TEXT_SIDE_PX at the font scale, or more where the
        language's Reset…/Start… need it (German "Zurücksetzen…" was cut off)."""
        if not hasattr(self, "text_side"):
            return
        buttons = [b for b in (self.reset_button, self.start_button) if not b.isHidden()]
        for b in buttons:
            b.ensurePolished()
        need = sum(b.sizeHint().width() for b in buttons) + 8 * len(buttons)
        self.text_side.setFixedWidth(max(theme.px(TEXT_SIDE_PX), need))
        self.updateGeometry()

    # --- actions ------------------------------------------------------------------------

    def _press(self) -> None:
        who = self.session.current if self.session is not None else None
        self.controller.press(who.user_id if who is not None else None)
        self._render()

    def _signed_in(self) -> Any:
        return self.session.current if self.session is not None else None

    def _ask_reset(self) -> None:
        self._open_confirm("reset")

    def _ask_start(self) -> None:
        self._open_confirm("start")

    def _open_confirm(self, what: str) -> None:
        self.message.clear()
        self._confirming = what
        self._retranslate()
        self.stack.setCurrentIndex(1)
        self._place_overlay()
        self.stack.show()
        self.stack.raise_()

    def _place_overlay(self) -> None:
        """Over the text side of the panel: right of the e-stop button, same height."""
        left = self.button.geometry().right() + 8
        self.stack.setGeometry(QRect(left, 0, max(0, self.width() - left), self.height()))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.stack.isVisible():
            self._place_overlay()

    def _close_confirm(self) -> None:
        self.stack.hide()
        self.stack.setCurrentIndex(0)
        self._confirming = ""

    def _confirmed(self) -> None:
        what = self._confirming
        self._close_confirm()
        if what == "start":
            self._do_start()
        else:
            self._do_reset()

    def _do_reset(self) -> None:
        who = self._signed_in()
        self._close_confirm()
        try:
            self.controller.reset(who.user_id if who else "", who.role if who else None,
                                  confirmed=True)
        except (PermissionDenied, ResetRefused) as e:
            self.message.setText(self.tr("Reset refused: %s") % user_message(e))

    def _do_start(self) -> None:
        who = self._signed_in()
        try:
            fut = self.controller.start(who.user_id if who else "", who.role if who else None,
                                        confirmed=True)
        except (PermissionDenied, ResetRefused) as e:
            self.message.setText(self.tr("Start refused: %s") % user_message(e))
            return
        fut.add_done_callback(lambda f: self.statusChanged.emit(None))
        self._render()

    def _cancel_start(self) -> None:
        who = self._signed_in()
        self.controller.cancel_start(who.user_id if who else "")

    # --- view ----------------------------------------------------------------------------

    def _check_rendered(self) -> None:
        if self.controller.status is not self._rendered:
            self._render()

    def _render(self, *_: object) -> None:
        """Show the controller's current status. A queued statusChanged may carry an
        older one, so its argument is only a wake-up, never what is shown."""
        st = self.controller.status
        self._rendered = st
        circuit = {CircuitState.RUNNING: self.tr("Stop circuit (PLC): RUNNING"),
                   CircuitState.STOPPED: self.tr("Stop circuit (PLC): STOPPED"),
                   CircuitState.READY: self.tr(
                       "Stop circuit (PLC): RESET — line stopped, ready to start"),
                   CircuitState.UNKNOWN: self.tr("Stop circuit (PLC): UNKNOWN — no read-back")
                   }[st.circuit]
        if st.request is RequestState.REQUESTED:
            circuit += "\n" + self.tr("Stop requested — waiting for the PLC…")
        elif st.request is RequestState.CONFIRMED:
            circuit += "\n" + self.tr("Stop confirmed by the PLC")
        self.circuit.setText(circuit)
        self.circuit.setProperty("circuit", str(st.circuit))
        failed = st.request is RequestState.NOT_CONFIRMED
        if failed:
            self.banner.setText(self.tr("STOP NOT CONFIRMED — USE THE HARD-WIRED EMERGENCY STOP"))
            self.banner.setToolTip(st.detail)
            self.banner.show()
            if not self._flash.isActive():
                self._flash_on = True
                self._flash.start()
                self._paint_banner()
        else:
            self._flash.stop()
            self.banner.hide()
        self._render_prestart(st)
        self._update_reset()

    def _render_prestart(self, st: EStopStatus) -> None:
        if st.prestart_until is None:
            self.countdown.hide()
            self.cancel_start_button.hide()
            self._tick.stop()
            return
        left = max(0.0, st.prestart_until - time.time())
        secs = int(left + 0.999)
        self.countdown.setText(self.tr("WARNING: THE LINE STARTS IN %n s — keep clear", "",
                                       secs))
        self.countdown.setProperty("seconds", secs)
        self.countdown.show()
        self.cancel_start_button.show()
        if not self._tick.isActive():
            self._tick.start()
        if self.controller.config.prestart_audible and secs != self._last_beep:
            QApplication.beep()
        self._last_beep = secs

    def _toggle_flash(self) -> None:
        self._flash_on = not self._flash_on
        self._paint_banner()

    def _paint_banner(self) -> None:
        bg, fg = ("#d40000", "white") if self._flash_on else ("white", "#d40000")
        self.banner.setStyleSheet(f"QLabel#EStopBanner {{ background: {bg}; color: {fg}; "
                                  "font-weight: bold; border: 3px solid #d40000; "
                                  "padding: 6px; }")
        self.banner.setProperty("flash", self._flash_on)

    def _update_reset(self) -> None:
        who = self._signed_in()
        role = who.role if who else None
        ok, why = self.controller.can_reset(role)
        if not allowed(role, Action.ESTOP_RESET):
            why = denied_text(Action.ESTOP_RESET, role)  # who may, in the worker's language
        self.reset_button.setEnabled(ok)
        self.reset_button.setToolTip(why)
        can_start, why_not = self.controller.can_start(role)
        if not allowed(role, Action.LINE_START):
            why_not = denied_text(Action.LINE_START, role)
        self.start_button.setEnabled(can_start)
        self.start_button.setToolTip(why_not)
        still = {"reset": ok, "start": can_start}.get(self._confirming, True)
        if not still and self.stack.isVisible():
            self._close_confirm()

    def _retranslate(self) -> None:
        self.note.setText(self.tr("Supplements the hard-wired e-stop — does not replace it"))
        self.reset_button.setText(self.tr("Reset…"))
        self.start_button.setText(self.tr("Start…"))
        self.cancel_start_button.setText(self.tr("Cancel start"))
        if self._confirming == "start":
            self.confirm_text.setText(self.tr(
                "Start the line? A pre-start warning of %1 s runs first. Make sure nobody "
                "is in a danger zone.").replace(
                    "%1", f"{self.controller.config.prestart_warning_s:g}"))
            self.confirm_button.setText(self.tr("Confirm start"))
        else:
            self.confirm_text.setText(self.tr(
                "Reset the stop circuit? The line stays stopped until someone starts it. "
                "Make sure nobody is in a danger zone."))
            self.confirm_button.setText(self.tr("Confirm reset"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._fit_text_side()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._render()
        super().changeEvent(event)

    def _detach_observers(self, *_: Any) -> None:
        remove, self._remove = self._remove, lambda: None
        remove()
        if self._remove_session is not None:
            self._remove_session, remove_session = None, self._remove_session
            remove_session()

    def closeEvent(self, event: Any) -> None:
        self._detach_observers()
        super().closeEvent(event)


class ModalityGuard(QObject):
    """Keeps one window out of the block of any application-modal window (see above)."""

    def __init__(self, window: QWindow) -> None:
        super().__init__(window)
        self.window = window
        self._watched: set[int] = set()
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.WindowBlocked:
            self.adopt()
        return False

    def adopt(self) -> None:
        modal = QGuiApplication.modalWindow()
        if modal is None or modal is self.window:
            return
        log.debug("e-stop window adopts modal window %s as transient parent", modal)
        self.window.setTransientParent(modal)  # Qt re-evaluates the block at once
        if id(modal) not in self._watched:
            self._watched.add(id(modal))
            modal.visibleChanged.connect(self._modal_visibility)
            modal.destroyed.connect(lambda *_: self._watched.discard(id(modal)))

    def _modal_visibility(self, visible: bool) -> None:
        if not visible:
            QTimer.singleShot(0, self.release)

    def release(self) -> None:
        parent = self.window.transientParent()
        if parent is not None and not parent.isVisible():
            self.window.setTransientParent(None)  # may be blocked again -> adopt the next


class EStopWindow(QWidget):
    """The frameless, always-on-top tool window that carries the e-stop panel."""

    def __init__(self, controller: EStopController, session: Any = None) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("EStopWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setWindowTitle(self.tr("Emergency stop"))
        self.panel = EStopPanel(controller, session, self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.panel)
        self.winId()  # create the QWindow now, so the guard watches it from the start
        self.guard = ModalityGuard(self.windowHandle())

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if QGuiApplication.modalWindow() is not None:  # shown while a dialog is open
            self.guard.adopt()

    def closeEvent(self, event: Any) -> None:
        self.panel._detach_observers()  # the controller outlives this window
        super().closeEvent(event)


class EStopDock(QWidget):
    """The e-stop's place in the shell's fixed frame; the e-stop window follows it."""

    def __init__(self, controller: EStopController, session: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EStopDock")
        self.estop = EStopWindow(controller, session)
        # The window's content grows (NOT CONFIRMED banner, refusal message); the frame
        # must give it that room, or the warning is clipped to the space of the calm state.
        self.estop.installEventFilter(self)
        self.destroyed.connect(self.estop.close)
        self._top: QWidget | None = None

    @property
    def panel(self) -> EStopPanel:
        return self.estop.panel

    def sizeHint(self) -> QSize:
        return self.estop.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.estop.minimumSizeHint()

    def _follow(self) -> None:
        if not self.isVisible():
            return
        self.estop.setGeometry(self.geometry().translated(
            self.parentWidget().mapToGlobal(QPointF(0, 0)).toPoint()
            if self.parentWidget() else self.pos()))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        top = self.window()
        if top is not self._top:
            if self._top is not None:
                self._top.removeEventFilter(self)
            self._top = top
            top.installEventFilter(self)
        self.estop.show()
        self._follow()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.estop.hide()

    def moveEvent(self, event: Any) -> None:
        super().moveEvent(event)
        self._follow()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._follow()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._top and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self._follow()
        elif obj is self.estop and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return False
