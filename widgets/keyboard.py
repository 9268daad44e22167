"""TouchKeyboard: a glove-friendly on-screen keyboard for forms on line-side terminals.

It types into whatever text field has the focus (its keys never take the focus), so a
form places one keyboard under its fields. Keys are at least 56 px high; Shift is one
shot; the digit row and the characters forms need most (- . , @ / :) are always there.
A physical keyboard keeps working beside it. `follow(field)` makes a field the target
when it has the focus (the first followed field is the target otherwise).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

translate = QCoreApplication.translate

KEY_PX = 56
ROWS = ("1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm.,@")


class TouchKeyboard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TouchKeyboard")
        self._shift = False
        self._target: QWidget | None = None
        self._fields: list[QWidget] = []
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 6, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for r, row in enumerate(ROWS):
            for c, ch in enumerate(row):
                self.keys[ch] = self._key(ch, lambda _=False, ch=ch: self._type(ch))
                grid.addWidget(self.keys[ch], r, c)
        self.shift_key = self._key("⇧", self._toggle_shift)
        self.shift_key.setCheckable(True)
        self.shift_key.setAccessibleName(translate("TouchKeyboard", "Shift"))
        self.space_key = self._key(translate("TouchKeyboard", "Space"),
                                   lambda: self._type(" "))
        self.slash_key = self._key("/", lambda: self._type("/"))
        self.colon_key = self._key(":", lambda: self._type(":"))
        self.back_key = self._key("⌫", lambda: self._press(Qt.Key.Key_Backspace))
        self.back_key.setAccessibleName(translate("TouchKeyboard", "Delete"))
        grid.addWidget(self.shift_key, 4, 0, 1, 2)
        grid.addWidget(self.slash_key, 4, 2)
        grid.addWidget(self.colon_key, 4, 3)
        grid.addWidget(self.space_key, 4, 4, 1, 4)
        grid.addWidget(self.back_key, 4, 8, 1, 2)

    def follow(self, field: QWidget) -> None:
        """Type into `field` when it has the focus (the first followed is the default).
        No signal connection or event filter: either outlives a deleted form and crashes
        the process when Qt calls back into it."""
        if self._target is None:
            self._target = field
        self._fields.append(field)

    def target(self) -> QWidget | None:
        """The followed field that has the focus, else the first one."""
        focus = QApplication.focusWidget()
        if focus is not None and any(focus is f for f in self._fields):
            return focus
        return self._target

    def _key(self, label: str, fn: object) -> QPushButton:
        b = QPushButton(label)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing goes to the field, not the key
        b.setMinimumSize(44, KEY_PX)
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        b.clicked.connect(fn)  # type: ignore[arg-type]
        return b

    def _toggle_shift(self) -> None:
        self._shift = self.shift_key.isChecked()
        for ch, b in self.keys.items():
            b.setText(ch.upper() if self._shift else ch)

    def _type(self, ch: str) -> None:
        text = ch.upper() if self._shift else ch
        target = self.target()
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     text))
        if self._shift:
            self.shift_key.setChecked(False)
            self._toggle_shift()

    def _press(self, key: Qt.Key) -> None:
        target = self.target()
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))
