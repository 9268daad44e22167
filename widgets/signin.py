"""Sign-in: badge reader capture, the sign-in sheet (pick a user, PIN on the keypad),
and the activity watch that drives auto sign-out.

A badge reader is a keyboard: it types the badge digits and Enter into whatever has
focus. `BadgeReaderFilter`, installed on the application, recognises such a burst
(at least `min_digits` digits, no more than `max_gap_s` between keys, all within
`burst_s`, ended by Enter), swallows the Enter, removes the digits from the field
that received them, and emits `badgeScanned`. A person typing digits is far slower
than the gap, so their typing is left alone.

The sheet is shown in an in-window `Overlay`, never an application-modal dialog, so
the e-stop in the frame stays usable while someone signs in.
"""

from __future__ import annotations

import concurrent.futures
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.auth.session import Outcome, SessionManager, SignInResult, format_duration
from widgets.keypad import KEY_PX, NumericKeypad
from widgets.overlay import Overlay

log = logging.getLogger(__name__)

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")



# --- badge reader --------------------------------------------------------------------

class BadgeReaderFilter(QObject):
    """Application-level event filter that turns a badge reader's keystroke burst into
    `badgeScanned(str)`."""

    badgeScanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, min_digits: int = 4,
                 burst_s: float = 0.3, max_gap_s: float = 0.08,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.min_digits, self.burst_s, self.max_gap_s = min_digits, burst_s, max_gap_s
        self.clock = clock
        self._digits: list[str] = []
        self._first = self._last = 0.0
        self._seen: tuple[int, str, int] | None = None
        self._seen_obj: QWidget | None = None

    def install(self, app: QCoreApplication | None = None) -> None:
        (app or QApplication.instance()).installEventFilter(self)

    def uninstall(self, app: QCoreApplication | None = None) -> None:
        (app or QApplication.instance()).removeEventFilter(self)

    def _reset(self) -> None:
        self._digits.clear()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        # An ignored key event propagates to the parents, and the application filter
        # sees it again for each: count it once.
        sig = (event.key(), event.text(), event.timestamp())
        # (isAncestorOf is also true for the widget itself, hence the `is not`.)
        if (sig == self._seen and self._seen_obj is not None and obj is not self._seen_obj
                and obj.isAncestorOf(self._seen_obj)):
            return False
        self._seen, self._seen_obj = sig, obj
        now = self.clock()
        text = event.text()
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                    | Qt.KeyboardModifier.AltModifier)
        if len(text) == 1 and text.isdigit() and not mods:
            if self._digits and now - self._last > self.max_gap_s:
                self._reset()
            if not self._digits:
                self._first = now
            self._digits.append(text)
            self._last = now
            return False  # the digit goes on; removed again if this was a badge
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            digits = "".join(self._digits)
            is_badge = (len(digits) >= self.min_digits and now - self._first <= self.burst_s
                        and now - self._last <= self.max_gap_s)
            self._reset()
            if is_badge:
                _scrub(obj, digits)
                self.badgeScanned.emit(digits)
                return True  # the Enter must not submit the field the digits fell into
            return False
        self._reset()
        return False


def _scrub(obj: QWidget, digits: str) -> None:
    """Take the badge digits back out of the widget they were typed into."""
    if isinstance(obj, QLineEdit) and obj.text().endswith(digits):
        obj.setText(obj.text()[: -len(digits)])
    elif isinstance(obj, NumericKeypad) and obj.text.endswith(digits):
        obj._set(obj.text[: -len(digits)])


# --- activity --------------------------------------------------------------------------

class SessionActivity(QObject):
    """Touches and keys count as activity; a 1 s timer signs out after inactivity."""

    _INPUT = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                        QEvent.Type.KeyPress, QEvent.Type.Wheel})

    def __init__(self, session: SessionManager, parent: QObject | None = None,
                 interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.session = session
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.session.tick())

    def install(self, app: QCoreApplication | None = None) -> None:
        (app or QApplication.instance()).installEventFilter(self)
        self.timer.start()

    def uninstall(self, app: QCoreApplication | None = None) -> None:
        (app or QApplication.instance()).removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT and self.session.current is not None:
            self.session.touch()
        return False


# --- the sign-in sheet -------------------------------------------------------------------

def result_message(result: SignInResult) -> str:
    """The translated message for a sign-in result (never says whether a user exists)."""
    match result.outcome:
        case Outcome.SIGNED_IN:
            name = result.session.name if result.session else ""
            return translate("SignIn", "Signed in as {name}.").format(name=name)
        case Outcome.WRONG:
            return translate("SignIn", "Wrong user or PIN. Attempts left before sign-in is locked: "
                       "{n}.").format(n=result.attempts_left)
        case Outcome.LOCKED if "badge" in result.message.lower():
            if "once" in result.message:  # a burst of reads: the reader's rate limit
                return translate("SignIn", "Hold the badge once, then wait a moment.")
            return translate("SignIn", "Too many unknown badges. Badge sign-in is locked for "
                             "another {time}; sign in with your PIN.").format(
                time=format_duration(result.retry_after_s or 0.0))
        case Outcome.LOCKED:
            return locked_message(result.retry_after_s or 0.0)
        case Outcome.PIN_REQUIRED:
            return translate("SignIn", "Badge accepted. Enter your PIN.")
        case Outcome.BADGE_REQUIRED:
            return translate("SignIn", "This role signs in with badge and PIN: hold your "
                             "badge to the reader first, then enter your PIN.")
        case Outcome.UNKNOWN_BADGE:
            return translate("SignIn", "Badge not recognised. Sign in with your PIN or ask "
                             "your team lead.")
        case Outcome.BAD_FORMAT:
            return translate("SignIn", "A PIN is 4 to 8 digits.")
    return result.message


def locked_message(remaining_s: float) -> str:
    return translate("SignIn", "Too many wrong PINs. Sign-in is locked for another {time}.").format(
        time=format_duration(remaining_s))


# The PIN check hashes (scrypt, tens of ms by design) and reads the store: never on the
# GUI thread. One worker keeps attempts in order.
_PIN_CHECKS = concurrent.futures.ThreadPoolExecutor(max_workers=1,
                                                    thread_name_prefix="lineside-pin")


class SignInView(QWidget):
    """Pick your name, type your PIN; or hold your badge to the reader."""

    signedIn = Signal(object)  # app.auth.session.SignedIn
    _checked = Signal(object)  # SignInResult from the PIN worker

    def __init__(self, session: SessionManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SignInView")
        self.session = session
        self._locked_until = 0.0  # monotonic

        self.users = QListWidget()
        self.users.setObjectName("SignInUsers")
        self.users.setMinimumWidth(260)
        self.users.setSpacing(4)
        self.users.currentItemChanged.connect(self._picked)
        self.badge_hint = QLabel()
        self.badge_hint.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.users, 1)
        left.addWidget(self.badge_hint)

        self.who = QLabel()
        self.who.setObjectName("SignInWho")
        self.keypad = NumericKeypad(masked=True)
        self.keypad.submitted.connect(self._submit_pin)
        self._checked.connect(self._pin_checked)
        self.message = QLabel()
        self.message.setObjectName("SignInMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("sign-in message")
        right = QVBoxLayout()
        right.addWidget(self.who)
        right.addWidget(self.keypad, 1)
        right.addWidget(self.message)

        box = QHBoxLayout(self)
        box.addLayout(left, 1)
        box.addLayout(right, 1)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._update_lock)
        self._retranslate()
        self.reload_users()

    def reload_users(self) -> None:
        self.users.clear()
        try:
            users = self.session.users.list(include_disabled=False)
        except Exception:
            log.exception("cannot read the user list")
            self.show_message(translate(
                "SignIn", "The user list cannot be read; badge sign-in may still work. Tell "
                "your team lead."), error=True)
            return
        for u in users:
            item = QListWidgetItem(u.name)
            item.setData(Qt.ItemDataRole.UserRole, u.user_id)
            item.setSizeHint(QSize(240, KEY_PX))  # a row is a touch target
            self.users.addItem(item)
        self._picked(self.users.currentItem())

    def select_user(self, user_id: str) -> bool:
        for i in range(self.users.count()):
            if self.users.item(i).data(Qt.ItemDataRole.UserRole) == user_id:
                self.users.setCurrentRow(i)
                return True
        return False

    @property
    def selected_user(self) -> str | None:
        item = self.users.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _picked(self, item: QListWidgetItem | None, _prev: object = None) -> None:
        self.keypad.clear()
        self.keypad.setEnabled(item is not None)
        self.who.setText(translate("SignIn", "PIN for {name}").format(name=item.text()) if item
                         else translate("SignIn", "Pick your name, then type your PIN"))
        if item is not None:
            self.keypad.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit_pin(self, pin: str) -> None:
        user_id = self.selected_user
        self.keypad.clear()
        if user_id is None:
            self.show_message(translate("SignIn", "Pick your name first."), error=True)
            return
        self.keypad.setEnabled(False)
        self.show_message(translate("SignIn", "Checking…"))
        fut = _PIN_CHECKS.submit(self.session.sign_in_pin, user_id, pin)
        fut.add_done_callback(self._relay_check)

    def _relay_check(self, fut: concurrent.futures.Future) -> None:
        """Worker thread: hand the outcome to the GUI thread (the view may be gone)."""
        if fut.exception() is not None:
            log.error("sign-in check failed: %s", fut.exception())
            return
        try:
            self._checked.emit(fut.result())
        except RuntimeError:  # the sheet was closed meanwhile
            log.debug("sign-in result for a closed sheet dropped")

    def _pin_checked(self, result: SignInResult) -> None:
        self.keypad.setEnabled(self.selected_user is not None)
        self.show_result(result)

    def sign_in_badge(self, badge: str) -> SignInResult:
        result = self.session.sign_in_badge(badge)
        self.show_result(result)
        return result

    def show_result(self, result: SignInResult) -> None:
        if result.outcome is Outcome.PIN_REQUIRED and result.user_id:
            self.select_user(result.user_id)  # the badge chose the user; the PIN follows
        if result.outcome is Outcome.LOCKED:
            self._locked_until = time.monotonic() + (result.retry_after_s or 0.0)
            self._countdown.start()
        self.show_message(result_message(result), error=not result.ok)
        if result.ok:
            self.signedIn.emit(result.session)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("severity", "alarm" if error else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _update_lock(self) -> None:
        remaining = self._locked_until - time.monotonic()
        if remaining <= 0:
            self._countdown.stop()
            self.show_message(translate("SignIn", "You can try again now."))
        else:
            self.show_message(locked_message(remaining), error=True)

    def _retranslate(self) -> None:
        self.badge_hint.setText(translate("SignIn", "Or hold your badge to the reader."))
        self._picked(self.users.currentItem())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class SignInController(QObject):
    """Owns the badge filter and the sign-in sheet of one window.

    A badge works whatever has focus; if it is not recognised, the sheet opens with the
    message. `open()` shows the sheet over the layout area holding `anchor`.
    """

    signedIn = Signal(object)

    def __init__(self, session: SessionManager, anchor: QWidget,
                 badge_filter: BadgeReaderFilter | None = None) -> None:
        super().__init__(anchor)
        self.session = session
        self.anchor = anchor
        self.badges = badge_filter or BadgeReaderFilter(self)
        self.badges.badgeScanned.connect(self._badge)
        self.badges.install()
        self.sheet: Overlay | None = None
        self.view: SignInView | None = None

    def open(self) -> SignInView:
        if self.sheet is not None and self.view is not None:
            return self.view
        self.view = SignInView(self.session)
        self.view.signedIn.connect(self._done)
        self.sheet = Overlay.open(self.anchor, self.view, title=translate("SignIn", "Sign in"))
        self.sheet.finished.connect(self._closed)
        return self.view

    def close(self) -> None:
        if self.sheet is not None:
            self.sheet.close_with(None)

    def _closed(self, _result: object) -> None:
        self.sheet = self.view = None

    def _done(self, who: object) -> None:
        self.signedIn.emit(who)
        self.close()

    def _badge(self, badge: str) -> None:
        if self.view is not None:
            self.view.sign_in_badge(badge)
            return
        result = self.session.sign_in_badge(badge)
        if result.ok:
            self.signedIn.emit(result.session)
        else:
            self.open().show_result(result)
