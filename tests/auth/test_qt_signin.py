"""The keypad, the sign-in sheet and the badge reader filter, driven like a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.auth.session import SessionManager
from widgets.keypad import KEY_PX, NumericKeypad
from widgets.overlay import Overlay
from widgets.signin import BadgeReaderFilter, SessionActivity, SignInController, SignInView


def tap(qtbot, pad: NumericKeypad, keys: str) -> None:
    for k in keys:
        qtbot.mouseClick(pad.keys[k], Qt.MouseButton.LeftButton)


def test_keypad_keys_are_glove_sized_and_masked(qtbot) -> None:
    pad = NumericKeypad(masked=True)
    qtbot.addWidget(pad)
    pad.resize(300, 420)
    pad.show()
    for b in pad.keys.values():
        assert b.width() >= KEY_PX and b.height() >= KEY_PX
    assert not pad.ok_key.isEnabled()
    tap(qtbot, pad, "4712")
    qtbot.mouseClick(pad.keys["back"], Qt.MouseButton.LeftButton)
    tap(qtbot, pad, "1")
    assert pad.display.text() == "●●●●" and "4" not in pad.display.text()
    with qtbot.waitSignal(pad.submitted) as sig:
        qtbot.mouseClick(pad.ok_key, Qt.MouseButton.LeftButton)
    assert sig.args == ["4711"]
    qtbot.mouseClick(pad.keys["clear"], Qt.MouseButton.LeftButton)
    assert pad.text == ""


def test_keypad_takes_physical_keys(qtbot) -> None:
    pad = NumericKeypad(max_length=4)
    qtbot.addWidget(pad)
    qtbot.keyClicks(pad, "123456")  # max 4 digits
    assert pad.display.text() == "1234"
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(pad.submitted) as sig:
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert sig.args == ["123"]


def submit(qtbot, view: SignInView) -> None:
    """Touch OK and wait for the answer (the PIN is checked off the GUI thread)."""
    qtbot.mouseClick(view.keypad.ok_key, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.message.text() != "Checking…", timeout=5000)


def test_sign_in_with_pin_on_the_keypad(qtbot, session: SessionManager) -> None:
    view = SignInView(session)
    qtbot.addWidget(view)
    assert [view.users.item(i).text() for i in range(view.users.count())] == [
        "Anna Berg", "Ben Cho"]
    assert not view.keypad.isEnabled()  # pick a name first
    assert view.select_user("anna")
    tap(qtbot, view.keypad, "0000")
    submit(qtbot, view)
    assert view.message.text() == (
        "Wrong user or PIN. Attempts left before sign-in is locked: 4.")
    assert session.current is None and view.keypad.text == ""
    tap(qtbot, view.keypad, "4711")
    with qtbot.waitSignal(view.signedIn) as sig:
        qtbot.mouseClick(view.keypad.ok_key, Qt.MouseButton.LeftButton)
    assert sig.args[0].user_id == "anna"
    assert view.message.text() == "Signed in as Anna Berg."


def test_lockout_shows_remaining_time(qtbot, session: SessionManager, clock) -> None:
    view = SignInView(session)
    qtbot.addWidget(view)
    view.select_user("ben")
    for _ in range(5):
        tap(qtbot, view.keypad, "9999")
        submit(qtbot, view)
    assert view.message.text() == "Too many wrong PINs. Sign-in is locked for another 5 min."
    clock.advance(100)
    tap(qtbot, view.keypad, "2580")
    submit(qtbot, view)
    assert view.message.text() == (
        "Too many wrong PINs. Sign-in is locked for another 3 min 20 s.")
    assert session.current is None


def window_with_field(qtbot) -> tuple[QWidget, QLineEdit, QPushButton]:
    w = QWidget()
    field = QLineEdit()
    estop = QPushButton("E-STOP")
    box = QVBoxLayout(w)
    box.addWidget(estop)
    box.addWidget(field)
    qtbot.addWidget(w)
    w.resize(900, 700)
    w.show()
    qtbot.waitExposed(w)
    field.setFocus()
    return w, field, estop


def test_badge_burst_signs_in_whatever_has_focus(qtbot, session: SessionManager) -> None:
    w, field, _ = window_with_field(qtbot)
    ctrl = SignInController(session, w)
    submitted: list[str] = []
    field.returnPressed.connect(lambda: submitted.append(field.text()))
    field.setText("note ")
    qtbot.keyClicks(field, "00012345")
    with qtbot.waitSignal(ctrl.signedIn) as sig:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert sig.args[0].user_id == "anna"
    assert field.text() == "note "  # the badge digits were taken back out
    assert submitted == []  # and the reader's Enter did not submit the field
    ctrl.badges.uninstall()


def test_slow_typing_is_not_a_badge(qtbot, session: SessionManager) -> None:
    w, field, _ = window_with_field(qtbot)
    ctrl = SignInController(session, w)
    submitted: list[str] = []
    field.returnPressed.connect(lambda: submitted.append(field.text()))
    for digit in "00012345":
        qtbot.keyClick(field, digit)
        qtbot.wait(120)  # a person, not a reader
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert session.current is None and ctrl.sheet is None
    assert submitted == ["00012345"]
    ctrl.badges.uninstall()


def test_short_burst_is_not_a_badge(qtbot, session: SessionManager) -> None:
    w, field, _ = window_with_field(qtbot)
    f = BadgeReaderFilter(w)
    f.install()
    seen: list[str] = []
    f.badgeScanned.connect(seen.append)
    qtbot.keyClicks(field, "123")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert seen == [] and field.text() == "123"
    f.uninstall()


def test_unknown_badge_opens_the_sheet_in_the_window(qtbot, session: SessionManager,
                                                     clock) -> None:
    w, field, estop = window_with_field(qtbot)
    ctrl = SignInController(session, w)
    qtbot.keyClicks(field, "99998888")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert ctrl.sheet is not None and isinstance(ctrl.sheet, Overlay)
    assert ctrl.view.message.text() == (
        "Badge not recognised. Sign in with your PIN or ask your team lead.")
    assert QApplication.activeModalWidget() is None  # no app-modal dialog
    pressed: list[bool] = []
    estop.clicked.connect(lambda: pressed.append(True))
    estop.click()
    assert pressed == [True]
    # A good badge on the open sheet signs in and closes it (the reader takes one badge
    # a second).
    clock.advance(1.5)
    with qtbot.waitSignal(ctrl.signedIn):
        qtbot.keyClicks(ctrl.view.keypad, "00012345")
        qtbot.keyClick(ctrl.view.keypad, Qt.Key.Key_Return)
    assert ctrl.sheet is None and session.current.user_id == "anna"
    ctrl.badges.uninstall()


def test_activity_keeps_the_session_and_the_timer_ends_it(qtbot, session, clock) -> None:
    _w, field, _ = window_with_field(qtbot)
    activity = SessionActivity(session, interval_ms=20)
    activity.install()
    session.sign_in_pin("ben", "2580")
    clock.advance(290)
    qtbot.keyClick(field, "a")  # activity
    clock.advance(290)
    for _ in range(2):  # two inactivity checks run, and the key press kept the session
        with qtbot.waitSignal(activity.timer.timeout, timeout=1000):
            pass
    assert session.current is not None
    clock.advance(20)
    qtbot.waitUntil(lambda: session.current is None, timeout=2000)
    activity.uninstall()


def test_badge_with_focus_on_a_button_counts_each_key_once(qtbot, session) -> None:
    # A button ignores digits, so each key event travels up to its parents and the
    # application filter sees it once per widget: it must still count once.
    w, _, estop = window_with_field(qtbot)
    f = BadgeReaderFilter(w, min_digits=8)
    f.install()
    seen: list[str] = []
    f.badgeScanned.connect(seen.append)
    qtbot.keyClicks(estop, "0001234")  # seven digits: too short even if each counted twice
    qtbot.keyClick(estop, Qt.Key.Key_Return)
    qtbot.keyClicks(estop, "00012345")
    qtbot.keyClick(estop, Qt.Key.Key_Return)
    assert seen == ["00012345"]
    f.uninstall()
