"""Supervisor overview: every line and terminal seen on the broker, at a glance.

One card per line (station states, key values, alarm counts) with its terminals'
online state and age; the open andon items of the plant below. Updates come from
`app.overview.PlantDirectory` (runtime thread) through a queued relay.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.overview import LineSummary, PlantDirectory, TerminalSeen, line_id
from layouts.panels import overview as overview_spec
from widgets.andon import AndonPanel
from widgets.panels import PanelContext, register_panel

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


def age(seconds: float) -> str:
    if seconds < 90:
        return translate("Overview", "%1 s ago").replace("%1", str(int(seconds)))
    if seconds < 5400:
        return translate("Overview", "%1 min ago").replace("%1", str(int(seconds // 60)))
    return translate("Overview", "%1 h ago").replace("%1", str(int(seconds // 3600)))


class _Relay(QObject):
    changed = Signal()


class LineCard(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("LineCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel()
        self.name.setProperty("role", "title")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        box = QVBoxLayout(self)
        box.addWidget(self.name)
        box.addWidget(self.body, 1)

    def show_line(self, line: LineSummary | None, name: str,
                  terminals: list[TerminalSeen], now: float) -> None:
        self.name.setText(name)
        rows: list[str] = []
        for t in sorted(terminals, key=lambda t: t.terminal):
            state = (translate("Overview", "online") if t.online
                     else translate("Overview", "OFFLINE"))
            rows.append(f"{'●' if t.online else '○'} {t.terminal}: {state} ({age(now - t.ts)})")
        if line is not None:
            rows.append(translate("Overview", "Summary %1").replace("%1", age(now - line.ts)))
            rows += [f"  {k}: {v}" for k, v in line.values.items()]
            rows += [f"  {st}: {state}" for st, state in line.stations.items()]
            unacked = line.alarms.get("unacked")
            if unacked:
                text = translate("Overview", "%1 unacknowledged alarms")
                rows.append("⚠ " + text.replace("%1", str(unacked)))
        else:
            rows.append(translate("Overview", "no line summary received yet"))
        self.body.setText("\n".join(rows))


class OverviewPanel(QWidget):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("OverviewPanel")
        self._directory: PlantDirectory | None = ctx.services.get("directory")
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.grid = QGridLayout()
        self.cards: dict[str, LineCard] = {}
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.empty)
        box.addLayout(self.grid)
        self.andon = AndonPanel(ctx, {})
        box.addWidget(self.andon, 1)
        self._relay = _Relay(self)
        self._relay.changed.connect(self.refresh, Qt.ConnectionType.QueuedConnection)
        if self._directory is not None:
            # The directory outlives this panel: stop listening when the relay goes
            # (a new layout), and never touch it after that.
            alive, relay = [True], self._relay

            def relay_change() -> None:
                if alive[0]:
                    relay.changed.emit()

            remove = self._directory.subscribe(relay_change)

            def detach(*_: object) -> None:
                alive[0] = False
                remove()

            relay.destroyed.connect(detach)
        self._ages = QTimer(self)  # the "seen N s ago" texts must age even when quiet
        self._ages.timeout.connect(self.refresh)
        self._ages.start(5000)
        self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText(translate("Overview", "Plant overview"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        if self._directory is None:
            self.empty.setText(translate(
                "Overview", "No broker configured: the overview needs the plant broker."))
            return
        terminals, lines = self._directory.snapshot()
        by_line: dict[str, list[TerminalSeen]] = {}
        for t in terminals.values():
            by_line.setdefault(line_id(t.line) if t.line else "?", []).append(t)
        keys = sorted(set(lines) | set(by_line))
        self.empty.setText("" if keys
                           else translate("Overview", "Waiting for terminals on the broker…"))
        now = time.time()
        for i, key in enumerate(keys):
            card = self.cards.get(key)
            if card is None:
                card = self.cards[key] = LineCard()
                self.grid.addWidget(card, i // 3, i % 3)
            line = lines.get(key)
            unassigned = translate("Overview", "Unassigned terminals")
            name = line.name if line else (unassigned if key == "?" else key)
            card.show_line(line, name, by_line.get(key, []), now)


register_panel(overview_spec.SPEC, OverviewPanel)
