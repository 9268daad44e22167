"""Badge + PIN at the terminal: the badge opens the sheet with its user chosen and asks
for the PIN; the PIN completes the sign-in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.auth.session import SessionManager, SignInConfig
from widgets.signin import SignInController


def test_badge_then_pin_for_a_role_that_resets(qtbot, repo, clock) -> None:
    repo.set_badge("ben", "00054321").result(5)
    session = SessionManager(repo, clock=clock, sign_in=SignInConfig(badge_needs_pin=True))
    w = QWidget()
    field = QLineEdit()
    QVBoxLayout(w).addWidget(field)
    qtbot.addWidget(w)
    w.resize(900, 700)
    w.show()
    qtbot.waitExposed(w)
    field.setFocus()
    ctrl = SignInController(session, w)
    try:
        qtbot.keyClicks(field, "00054321")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        view = ctrl.view
        assert view is not None and session.current is None
        assert view.message.text() == "Badge accepted. Enter your PIN."
        assert view.selected_user == "ben"
        with qtbot.waitSignal(ctrl.signedIn, timeout=5000):
            for d in "2580":
                view.keypad.keys[d].click()
            view.keypad.ok_key.click()
        assert session.current is not None and session.current.user_id == "ben"
    finally:
        ctrl.badges.uninstall()
