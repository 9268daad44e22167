"""LayoutHost: renders a validated layout document into a grid of panels.

    {"schema": 1, "columns": 12, "rows": 8, "theme": "light", "font_scale": 1.0,
     "language": "en", "panels": [{"id", "type", "col", "row", "colspan", "rowspan",
     "settings": {...}}]}

Panels are built through `widgets.panels.PANEL_TYPES` (the factories registered for
the specs of `layouts.catalogue`); a panel that cannot be built
(unknown type, bad settings, a bug in its factory) becomes a placeholder that says
what is wrong, and every other panel still shows. Validation belongs to `layouts/`.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from layouts import catalogue
from widgets import i18n, theme
from widgets.panels import PANEL_TYPES, PanelContext

log = logging.getLogger(__name__)

_loaded = False


def load_panel_modules() -> None:
    """Import the widgets module of every panel type in `layouts.catalogue` (an explicit
    list, so a frozen bundle, which has no source files to search, gets them all)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for name in catalogue.PANEL_MODULES:
        try:
            importlib.import_module(name)
        except Exception:
            log.exception("panel module %s failed to import", name)
    for spec in catalogue.PANELS:
        if spec.name not in PANEL_TYPES:
            log.error("panel type %r: %s registered no factory for it", spec.name, spec.module)


class Placeholder(QFrame):
    """Stands in for a panel that cannot be shown, and says why."""

    def __init__(self, panel_id: str, type_name: str, reason: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Placeholder")
        self.panel_id, self.type_name, self.reason = panel_id, type_name, reason
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setProperty("severity", "warning")
        box = QVBoxLayout(self)
        box.addWidget(self.label)
        self._retranslate()

    def _retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate(
            "LayoutHost", "⚠ Panel “{id}” (type “{type}”) cannot be shown:\n{reason}").format(
                id=self.panel_id, type=self.type_name, reason=self.reason))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class LayoutHost(QWidget):
    """The layout area's content. `set_layout(doc)` replaces every panel."""

    layoutApplied = Signal(dict)

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc: dict[str, Any] = {}
        self.panels: dict[str, QWidget] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(6, 6, 6, 6)
        self.grid.setSpacing(6)
        load_panel_modules()

    def set_layout(self, doc: dict[str, Any], *, apply_preferences: bool = True) -> None:
        self.clear()
        self.doc = doc
        if apply_preferences:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                theme.apply_theme(app, doc.get("theme", "light"),
                                  float(doc.get("font_scale", 1.0)))
                i18n.set_language(app, doc.get("language", "en"))
        cols, rows = int(doc.get("columns", 12)), int(doc.get("rows", 8))
        for c in range(cols):
            self.grid.setColumnStretch(c, 1)
        for r in range(rows):
            self.grid.setRowStretch(r, 1)
        for p in doc.get("panels", []):
            pid = str(p.get("id", "?"))
            w = self._build(pid, str(p.get("type", "")), dict(p.get("settings") or {}))
            w.setProperty("panelId", pid)
            self.panels[pid] = w
            self.grid.addWidget(w, int(p.get("row", 0)), int(p.get("col", 0)),
                                int(p.get("rowspan", 1)), int(p.get("colspan", 1)))
        self.layoutApplied.emit(doc)

    def _build(self, pid: str, type_name: str, settings: dict[str, Any]) -> QWidget:
        ptype = PANEL_TYPES.get(type_name)
        if ptype is None:
            known = ", ".join(sorted(PANEL_TYPES)) or "none"
            log.error("layout panel %s: unknown panel type %r (known: %s)", pid, type_name, known)
            return Placeholder(pid, type_name, QCoreApplication.translate(
                "LayoutHost", "unknown panel type (known: {known})").format(known=known))
        try:
            return ptype.factory(self.ctx, {**ptype.spec.default_settings(), **settings})
        except Exception as e:
            log.exception("layout panel %s (%s) could not be built", pid, type_name)
            return Placeholder(pid, type_name, str(e) or type(e).__name__)

    def clear(self) -> None:
        for w in self.panels.values():
            self.grid.removeWidget(w)
            w.hide()
            w.deleteLater()  # its bridge listeners go with it
        self.panels.clear()
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 0)
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 0)
