"""Vitals panel: what the signed-in viewer may see of worker health, and nothing else.

The rule is `HealthMonitor.visible_vitals` (app/health/monitor.py), applied on every
refresh with whoever is signed in now: a worker sees their own readings; the safety
role sees each consenting worker's state (ok / warning / alarm) by pseudonym, without
values; anyone else sees a sentence saying vitals are private. Signing out clears it
at the next refresh (1 s) or at once through the session observer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.auth.session import SessionManager
from app.auth.users import UserRepo
from app.health.monitor import HealthMonitor
from app.health.rules import Level
from layouts.panels import vitals as vitals_spec
from widgets.panels import PanelContext, register_panel

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


_UNITS = {"heart_rate": "bpm", "bp_systolic": "mmHg", "bp_diastolic": "mmHg",
          "skin_temp": "°C"}
_LABELS = {"heart_rate": QT_TRANSLATE_NOOP("Vitals", "Heart rate"),
           "bp_systolic": QT_TRANSLATE_NOOP("Vitals", "Blood pressure (systolic)"),
           "bp_diastolic": QT_TRANSLATE_NOOP("Vitals", "Blood pressure (diastolic)"),
           "skin_temp": QT_TRANSLATE_NOOP("Vitals", "Skin temperature")}
_LEVELS = {Level.OK: QT_TRANSLATE_NOOP("Vitals", "ok"),
           Level.WARNING: QT_TRANSLATE_NOOP("Vitals", "warning"),
           Level.ALARM: QT_TRANSLATE_NOOP("Vitals", "ALARM")}


class VitalsPanel(QWidget):
    """`viewer()` returns (user_id, role, pseudonym) of who is signed in, or Nones."""

    sessionChanged = Signal()

    def __init__(self, health: Any, viewer: Any, session: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VitalsPanel")
        self.health = health
        self.viewer = viewer
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.list, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.sessionChanged.connect(self.refresh)
        self._remove = (session.add_observer(lambda *_: self.sessionChanged.emit())
                        if session is not None else None)
        if self._remove is not None:
            self.destroyed.connect(lambda *_: self._remove())
        self.refresh()

    def rows(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def refresh(self) -> None:
        user_id, role, pseudo = self.viewer()
        seen = self.health.visible_vitals(user_id, role, pseudo)
        self.list.clear()
        if not seen:
            self.heading.setText(translate("Vitals", "Vitals are personal: shown only to the "
                                           "worker and to the safety officer."))
            return
        self.heading.setText(translate("Vitals", "Worker health"))
        for w in seen:
            level = translate("Vitals", _LEVELS[w.level])
            why = f" — {', '.join(w.reasons)}" if w.reasons else ""
            head = (translate("Vitals", "Your vitals (%s): %s") % (w.pseudo, level) if w.own
                    else f"{w.pseudo}: {level}")
            item = QListWidgetItem(head + why)
            item.setData(0x0100, w.level.word)  # Qt.UserRole: for styling and tests
            self.list.addItem(item)
            for signal, r in sorted((w.readings or {}).items()):
                label = translate("Vitals", _LABELS.get(signal, signal))
                self.list.addItem(f"    {label}: {r.value:.0f} {_UNITS.get(signal, '')}")


def _viewer_of(ctx: PanelContext) -> Any:
    session = ctx.session or ctx.find(SessionManager)
    users = ctx.find(UserRepo)

    def viewer() -> tuple[str | None, Any, str | None]:
        who = session.current if session is not None else None
        if who is None:
            return None, None, None
        pseudo = getattr(who, "pseudonym", None)
        if pseudo is None and users is not None:
            user = users.get(who.user_id)
            pseudo = user.pseudonym if user is not None else None
        return who.user_id, who.role, pseudo

    return viewer


def create_panel(ctx: PanelContext, settings: dict[str, Any]) -> VitalsPanel:
    health = ctx.find(HealthMonitor)
    if health is None:
        raise ValueError(translate(
            "Vitals", "Health monitoring is not configured ([health] in the site file)"))
    return VitalsPanel(health, _viewer_of(ctx), ctx.session or ctx.find(SessionManager))


register_panel(vitals_spec.SPEC, create_panel)
