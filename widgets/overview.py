"""Supervisor overview: every line and terminal seen on the broker, at a glance.

One card per line: a small mimic of it (stations in their places, states, counts,
alarm markers, bodies on the conveyor) drawn from the line's published summary, its
key figures and its terminals' online state and age; the open andon items below.
Updates come from `app.overview.PlantDirectory` (runtime thread) through a queued relay.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.overview import LineSummary, PlantDirectory, TerminalSeen, line_id
from layouts.mimic import LineMimic, look_of
from layouts.panels import overview as overview_spec
from widgets import theme
from widgets.andon import AndonPanel
from widgets.mimic import MimicState, MimicView, StationShow
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


STALE_AFTER_S = 180.0  # three missed heartbeats: the picture is old, say so


def mimic_state(line: LineSummary, *, stale: bool) -> MimicState:
    """A published summary's `live` part as what a MimicView shows."""
    live = line.live or {}
    alarms = live.get("alarms") or {}
    stations: dict[str, StationShow] = {}
    for sid, (state, count) in (live.get("stations") or {}).items():
        n, top, unacked = (alarms.get(sid) or [0, None, False])[:3]
        stations[sid] = StationShow(look_of(state, good=state is not None), state, count,
                                    int(n), top, bool(unacked))
    conv = live.get("conveyor")
    speed, carriers = live.get("speed"), live.get("carriers")
    return MimicState(stations, StationShow(look_of(conv, good=conv is not None), conv),
                      float(speed) if isinstance(speed, int | float) else None,
                      int(carriers) if isinstance(carriers, int | float) else None,
                      bool(live.get("stopped")), stale)


class LineCard(QFrame):
    """One line seen on the broker: its name and terminals, a small mimic of it, and
    its key figures (power, bodies out, alarms by priority, unacknowledged)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("LineCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel()
        self.name.setProperty("role", "title")
        self.terminals = QLabel()
        self.terminals.setProperty("role", "caption")
        self.terminals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.terminals.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.body = QLabel()  # without a mimic (an older terminal): the plain text
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.figures = QLabel()
        self.figures.setObjectName("LineFigures")
        self.figures.setProperty("role", "big")
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setWordWrap(True)  # never wider than the card
        self.view: MimicView | None = None
        self._layout_json: dict[str, Any] | None = None
        head = QHBoxLayout()
        head.addWidget(self.name)
        head.addWidget(self.terminals, 1)  # the rest of the row, elided by its width
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(8, 6, 8, 8)
        self.box.addLayout(head)
        self.box.addWidget(self.body)
        self.box.addWidget(self.figures)

    def show_line(self, line: LineSummary | None, name: str,
                  terminals: list[TerminalSeen], now: float) -> None:
        self.name.setText(name)
        # the online terminals by name (a few), the offline ones counted: a plant with
        # many terminals must not make the card wider than the screen
        online = sorted((t for t in terminals if t.online), key=lambda t: t.terminal)
        offline = [t for t in terminals if not t.online]
        parts = [f"● {t.terminal} · {age(now - t.ts)}" for t in online[:3]]
        if len(online) > 3:
            parts.append(translate("Overview", "+%1 online").replace("%1", str(len(online) - 3)))
        if offline:
            parts.append("○ " + translate("Overview", "%1 OFFLINE")
                         .replace("%1", str(len(offline))))
        self.terminals.setText("   ".join(parts))
        on, off = translate("Overview", "online"), translate("Overview", "OFFLINE")
        self.terminals.setToolTip("\n".join(
            f"{t.terminal}: {on if t.online else off} ({age(now - t.ts)})"
            for t in sorted(terminals, key=lambda t: t.terminal)))
        offline = bool(terminals) and not any(t.online for t in terminals)
        if line is None:
            self.body.setText(translate("Overview", "no line summary received yet"))
            self.body.show()
            self.figures.hide()
            return
        stale = offline or now - line.ts > STALE_AFTER_S
        if line.mimic:
            self._show_mimic(line, stale)
        else:
            self.body.setText("\n".join(f"{st}: {state}" for st, state in line.stations.items()))
            self.body.show()
        figures = [f"{k}: {v}" for k, v in line.values.items()]
        carriers = (line.live or {}).get("carriers")
        if isinstance(carriers, int | float):
            figures.append(translate("Overview", "bodies out: %1")
                           .replace("%1", str(int(carriers))))
        counts = " ".join(f"{SHAPES_TEXT[p]}{p}: {line.alarms.get(f'p{p}', 0)}"
                          for p in (1, 2, 3, 4))
        figures.append(counts)
        unacked = int(line.alarms.get("unacked", 0))
        figures.append(translate("Overview", "unacknowledged: %1").replace("%1", str(unacked)))
        if stale:
            figures.append(translate("Overview", "OLD DATA (summary %1)").replace(
                "%1", age(now - line.ts)))
        self.figures.setText("   ·   ".join(figures))
        theme.set_state_property(self.figures, "severity",
                                 "warning" if stale else "alarm" if unacked else "")
        self.figures.show()

    def _show_mimic(self, line: LineSummary, stale: bool) -> None:
        if self.view is None or self._layout_json != line.mimic:
            try:
                drawing = LineMimic.from_json(line.mimic)
            except (KeyError, TypeError, ValueError) as e:
                self.body.setText(translate("Overview", "the line's drawing is unreadable: %1")
                                  .replace("%1", str(e)))
                self.body.show()
                return
            if self.view is not None:
                self.view.deleteLater()
            self.view = MimicView(drawing, compact=True, parent=self)
            self._layout_json = line.mimic
            self.box.insertWidget(2, self.view, 1)
        self.body.hide()
        self.view.set_state(mimic_state(line, stale=stale))


SHAPES_TEXT = {1: "▲", 2: "◆", 3: "■", 4: "●"}  # the alarm banner's priority shapes


class OverviewPanel(QWidget):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("OverviewPanel")
        self._directory: PlantDirectory | None = ctx.find(PlantDirectory)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.grid = QGridLayout()
        self.cards: dict[str, LineCard] = {}
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.empty)
        box.addLayout(self.grid, 3)  # the lines' mimics get the room, the andon list less
        self.andon = AndonPanel(ctx, {})
        box.addWidget(self.andon, 2)
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
        for key in keys:
            card = self.cards.get(key)
            if card is None:
                card = self.cards[key] = LineCard()
                self._place_cards()
            line = lines.get(key)
            unassigned = translate("Overview", "Unassigned terminals")
            name = line.name if line else (unassigned if key == "?" else key)
            card.show_line(line, name, by_line.get(key, []), now)


    def _place_cards(self) -> None:
        """Two cards a row (a line is wide); a plant of one line gets the whole width."""
        cards = [self.cards[k] for k in sorted(self.cards)]
        for card in cards:
            self.grid.removeWidget(card)
        for i, card in enumerate(cards):
            self.grid.addWidget(card, i // 2, i % 2, 1, 2 if len(cards) == 1 else 1)


register_panel(overview_spec.SPEC, OverviewPanel)
