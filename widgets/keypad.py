"""NumericKeypad: a glove-friendly on-screen number pad (PIN entry, numeric values).

Keys are at least 64 px square. In masked mode the display shows one dot per digit.
Physical keys work too (digits, Backspace, Delete/Escape to clear, Enter to submit).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

KEY_PX = 64  # minimum key edge: operable with work gloves



class NumericKeypad(QWidget):
    submitted = Signal(str)
    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, masked: bool = False,
                 max_length: int = 8) -> None:
        super().__init__(parent)
        self.setObjectName("NumericKeypad")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.masked = masked
        self.max_length = max_length
        self._text = ""

        self.display = QLabel()
        self.display.setObjectName("KeypadDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumHeight(KEY_PX)
        self.display.setAccessibleName(translate("NumericKeypad", "Entered digits"))

        grid = QGridLayout()
        grid.setSpacing(8)
        self.keys: dict[str, QPushButton] = {}
        for i, d in enumerate("123456789"):
            self._add_key(grid, d, d, i // 3, i % 3)
        self.clear_key = self._add_key(grid, "clear", translate("NumericKeypad", "Clear"), 3, 0)
        self._add_key(grid, "0", "0", 3, 1)
        self.back_key = self._add_key(grid, "back", "⌫", 3, 2)
        self.back_key.setAccessibleName(translate("NumericKeypad", "Delete last digit"))
        self.ok_key = self._add_key(grid, "ok", translate("NumericKeypad", "OK"), 4, 0, colspan=3)
        self.ok_key.setObjectName("KeypadOk")

        box = QVBoxLayout(self)
        box.addWidget(self.display)
        box.addLayout(grid)
        self._refresh()

    def _add_key(self, grid: QGridLayout, key: str, label: str, row: int, col: int,
                 colspan: int = 1) -> QPushButton:
        b = QPushButton(label)
        b.setMinimumSize(KEY_PX * colspan, KEY_PX)
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep typing focus on the pad
        b.setAutoRepeat(key == "back")
        b.clicked.connect(lambda _=False, k=key: self.press(k))
        grid.addWidget(b, row, col, 1, colspan)
        self.keys[key] = b
        return b

    # --- behaviour ---------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    def clear(self) -> None:
        self._set("")

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        self._refresh()

    def press(self, key: str) -> None:
        if key.isdigit() and len(key) == 1:
            if len(self._text) < self.max_length:
                self._set(self._text + key)
        elif key == "back":
            self._set(self._text[:-1])
        elif key == "clear":
            self._set("")
        elif key == "ok":
            self.submitted.emit(self._text)

    def _set(self, text: str) -> None:
        self._text = text
        self._refresh()
        self.changed.emit(text)

    def _refresh(self) -> None:
        shown = "●" * len(self._text) if self.masked else self._text
        self.display.setText(shown or " ")
        self.ok_key.setEnabled(bool(self._text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if text and text.isdigit() and len(text) == 1:
            self.press(text)
        elif key == Qt.Key.Key_Backspace:
            self.press("back")
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Escape) and self._text:
            self.press("clear")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._text:
            self.press("ok")
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.clear_key.setText(translate("NumericKeypad", "Clear"))
            self.ok_key.setText(translate("NumericKeypad", "OK"))
            self.back_key.setAccessibleName(translate("NumericKeypad", "Delete last digit"))
            self.display.setAccessibleName(translate("NumericKeypad", "Entered digits"))
        super().changeEvent(event)
