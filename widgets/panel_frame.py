"""PanelFrame: the common frame of a layout panel: a title, a header slot, a body.

The header slot takes widgets other engineers add to every panel (the andon
"Report a problem" button) without touching the panel's own code.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


class PanelFrame(QFrame):
    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        self.title = QLabel(title)
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.header = QHBoxLayout()
        self.header.setSpacing(6)
        self.header.addWidget(self.title, 1)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 8)
        box.setSpacing(6)
        box.addLayout(self.header)
        box.addLayout(self.body, 1)

    def add_header_widget(self, w: QWidget) -> None:
        """Put a widget at the right end of the title row (e.g. the andon button)."""
        self.header.addWidget(w)

    def set_title(self, text: str) -> None:
        self.title.setText(text)
