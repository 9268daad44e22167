"""The about sheet: which LineSide runs here (version, bundle or source, Qt), for which
site and terminal, with which store. Plant IT and support read the version off it
without a keyboard."""

from __future__ import annotations

import platform
import sys
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QEvent, Qt, qVersion
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from app.version import version

translate = QCoreApplication.translate


class AboutSheet(QWidget):
    """Read-only facts about this installation, one row each."""

    def __init__(self, term: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutSheet")
        self.term = term
        self.form = QFormLayout(self)
        self.rows: list[tuple[QLabel, QLabel]] = []
        self._build()

    def facts(self) -> list[tuple[str, str]]:
        cfg = getattr(self.term, "config", None)
        site = getattr(cfg, "site", None)
        store = getattr(getattr(self.term, "store", None), "path", None)
        kind = (translate("About", "installed bundle") if getattr(sys, "frozen", False)
                else translate("About", "source"))
        return [
            (translate("About", "Version"), f"LineSide {version()} ({kind})"),
            (translate("About", "Site"),
             f"{getattr(site, 'name', '')} ({getattr(site, 'id', '')})".strip()),
            (translate("About", "Terminal"), str(getattr(site, "terminal_id", ""))),
            (translate("About", "Site file"), str(getattr(cfg, "file", ""))),
            (translate("About", "Store"), str(store or "")),
            (translate("About", "Runtime"),
             f"Python {platform.python_version()}, Qt {qVersion()}, "
             f"PySide6 {pyside_version}, {platform.system()} {platform.machine()}"),
        ]

    def _build(self) -> None:
        for name, value in self.facts():
            key, val = QLabel(name), QLabel(value)
            val.setWordWrap(True)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if not self.rows:
                val.setObjectName("AboutVersion")
            self.form.addRow(key, val)
            self.rows.append((key, val))

    def text(self) -> str:
        return "\n".join(f"{k.text()}: {v.text()}" for k, v in self.rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for (key, val), (name, value) in zip(self.rows, self.facts(), strict=True):
                key.setText(name)
                val.setText(value)
        super().changeEvent(event)


class AboutButton(QPushButton):
    """The frame's "About" button (a touch target like every frame button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutButton")
        self._retranslate()

    def _retranslate(self) -> None:
        self.setText(translate("About", "About"))
        self.setToolTip(translate("About", "Version and installation of this terminal"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
