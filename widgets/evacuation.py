"""EvacuationBanner: a full-width strip under the shell's fixed frame while an
evacuation alarm (app/safety/evacuation.py) is active anywhere on the line.

It is part of the window's layout, not an overlay: it pushes the layout area down and
never covers the fixed frame, so the e-stop (in the frame's right column, in its own
window) and the alarm banner stay visible and touchable. Red and yellow alternate each
half second, the text is large, and it cannot be dismissed: it goes when the alarm does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

translate = QCoreApplication.translate

POLL_MS = 250
FLASH_MS = 500


class EvacuationBanner(QWidget):
    def __init__(self, watch: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EvacuationBanner")
        self.watch = watch
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(88)
        self.text = QLabel()
        self.text.setObjectName("EvacuationText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        f = self.text.font()
        f.setBold(True)
        f.setPixelSize(30)
        self.text.setFont(f)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        box.addWidget(self.text)
        self.flash_on = True
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._toggle)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._poll.start()
        self.hide()
        self.refresh()

    def refresh(self) -> None:
        active = self.watch.active() if self.watch is not None else []
        if not active:
            if self.isVisible() or self._flash.isActive():
                self._flash.stop()
                self.hide()
            return
        lines = []
        for ev in active:
            where = "" if not ev.terminal else " " + translate(
                "EvacuationBanner", "(reported by terminal {terminal})").format(
                    terminal=ev.terminal)
            lines.append(f"{ev.message}{where}")
        self.text.setText(translate("EvacuationBanner", "⚠ EVACUATE — LEAVE THE HALL NOW ⚠")
                          + "\n" + "\n".join(lines))
        if not self._flash.isActive():
            self.flash_on = True
            self._paint()
            self._flash.start()
        self.show()

    def _toggle(self) -> None:
        self.flash_on = not self.flash_on
        self._paint()

    def _paint(self) -> None:
        bg, fg = ("#d40000", "#ffffff") if self.flash_on else ("#ffd200", "#000000")
        self.setStyleSheet(f"QWidget#EvacuationBanner {{ background: {bg}; "
                           f"border: 4px solid #000000; }} "
                           f"QLabel#EvacuationText {{ color: {fg}; background: transparent; }}")
