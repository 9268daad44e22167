"""Overlay: an in-window modal sheet over the layout area (never over the fixed frame).

Every dialog of the terminal is an Overlay, never an application-modal QDialog: the
e-stop, the alarm banner and the link status in the frame stay visible and usable
while a sheet is open. The scrim swallows touches on the panels beneath it.

    sheet = Overlay.open(self, content, title=tr("Change setpoint"))
    sheet.finished.connect(...)      # emitted once with the result (None = cancelled)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from widgets import icons

HOST_PROPERTY = "overlayHost"


def find_host(w: QWidget) -> QWidget:
    """The widget an overlay opened from `w` covers: the nearest marked overlay host
    (the shell's layout area), else `w`'s top-level window."""
    p: QWidget | None = w
    while p is not None:
        if p.property(HOST_PROPERTY):
            return p
        p = p.parentWidget()
    return w.window()


def mark_host(w: QWidget) -> None:
    w.setProperty(HOST_PROPERTY, True)


class Overlay(QWidget):
    finished = Signal(object)  # the result given to close_with(); None when cancelled

    def __init__(self, host: QWidget, content: QWidget, *, title: str = "",
                 closable: bool = True) -> None:
        super().__init__(host)
        self.setObjectName("OverlayScrim")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.host = host
        self.content = content
        self._done = False

        self.sheet = QFrame(self)
        self.sheet.setObjectName("OverlaySheet")
        self.title = QLabel(title)
        self.title.setObjectName("OverlayTitle")
        self.title.setWordWrap(True)
        self.close_button = QPushButton(QCoreApplication.translate("Overlay", "Close"))
        icons.set_icon(self.close_button, "close", size=24)
        self.close_button.clicked.connect(lambda: self.close_with(None))
        self.close_button.setVisible(closable)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        box = QVBoxLayout(self.sheet)
        box.setContentsMargins(16, 12, 16, 16)
        box.addLayout(head)
        box.addWidget(scroll, 1)

        host.installEventFilter(self)
        self._fit()

    @classmethod
    def open(cls, anchor: QWidget, content: QWidget, *, title: str = "",
             closable: bool = True) -> Overlay:
        """Show `content` in a sheet over the layout area that holds `anchor`."""
        o = cls(find_host(anchor), content, title=title, closable=closable)
        o.show()
        o.raise_()
        content.setFocus(Qt.FocusReason.PopupFocusReason)
        return o

    def close_with(self, result: Any = None) -> None:
        if self._done:
            return
        self._done = True
        self.host.removeEventFilter(self)
        self.hide()
        self.finished.emit(result)
        self.deleteLater()

    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.host and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.close_button.isVisible():
            self.close_with(None)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: Any) -> None:
        event.accept()  # the scrim swallows touches meant for the panels beneath

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.close_button.setText(QCoreApplication.translate("Overlay", "Close"))
        super().changeEvent(event)

    def _fit(self) -> None:
        r = self.host.rect()
        self.setGeometry(r)
        hint = self.sheet.sizeHint()
        # A scroll area's size hint is capped at a few dozen characters, so a wide sheet
        # (the layout editor) was squeezed and clipped its labels: ask the content too.
        content = self.content.sizeHint()
        m = self.sheet.layout().contentsMargins()
        head = max(self.title.sizeHint().height(), self.close_button.sizeHint().height())
        want_w = content.width() + m.left() + m.right() + 24  # + a vertical scroll bar
        want_h = content.height() + head + m.top() + m.bottom() + 12
        w = min(max(hint.width(), want_w, int(r.width() * 0.5)), r.width() - 24)
        h = min(max(hint.height(), want_h, 200), r.height() - 24)
        self.sheet.setGeometry((r.width() - w) // 2, (r.height() - h) // 2, max(w, 100),
                               max(h, 100))
