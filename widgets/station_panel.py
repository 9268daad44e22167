"""StationPanel: one station (press, robot, paint booth, conveyor) from its StationConfig.

State lamp, cycle count, key values as tiles, a small trend and setpoint buttons; a
site adds stations in configuration, never here. Registered as panel type "station"
(settings {"station": id}). `reportProblem(station_id)` is the andon hook.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from app.andon import AndonBoard
from app.model import Quality, Sample
from app.safety.line_stop import LineStop
from layouts.panels import station as station_spec
from widgets import icons
from widgets.lamp import StateLamp
from widgets.panel_frame import PanelFrame
from widgets.panels import PanelContext, register_panel
from widgets.setpoint import open_setpoint
from widgets.site_text import station_name, tag_description
from widgets.trend import TrendPlot
from widgets.value_tile import ValueTile, format_value

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class SetpointRow(QWidget):
    """'Stroke setpoint  120 mm  [Change…]' bound to the tag; opens the setpoint sheet."""

    def __init__(self, ctx: PanelContext, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.path = ctx, path
        tc = ctx.config.tags[path]
        self.tc = tc
        self.name = QLabel(tc.description or tc.name)
        self.name.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setProperty("role", "big")
        self.button = QPushButton()
        icons.set_icon(self.button, "setpoint", size=24)
        self.button.clicked.connect(self.open)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 1)
        row.addWidget(self.value)
        row.addWidget(self.button)
        self._retranslate()
        ctx.bridge.watch(path, self._show, self)

    def _show(self, s: Sample) -> None:
        text = (
            translate("StationPanel", "BAD") if s.quality is Quality.BAD else format_value(s.value)
        )
        self.value.setText(f"{text} {self.tc.unit}".strip())

    def open(self) -> None:
        self.overlay = open_setpoint(self, self.ctx, self.path)

    def _retranslate(self) -> None:
        self.name.setText(tag_description(self.tc) or self.tc.name)  # the site's words
        self.button.setText(translate("StationPanel", "Change…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class StationPanel(PanelFrame):
    reportProblem = Signal(str)  # station id: the andon engineer's button connects here

    def __init__(
        self,
        ctx: PanelContext,
        station_id: str,
        *,
        show_trend: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        st = ctx.config.stations.get(station_id)
        if st is None:
            known = ", ".join(sorted(ctx.config.stations)) or "none configured"
            raise ValueError(f"unknown station {station_id!r} (stations: {known})")
        super().__init__(station_name(st, ctx.config), parent)
        self.ctx, self.station = ctx, st
        self.lamp = StateLamp(ctx.bridge, st.state_tag)
        self.lamp.set_line_stop(ctx.find(LineStop))  # idle during an e-stop: "stopped (e-stop)"
        self.cycles_caption = QLabel()
        self.cycles_caption.setProperty("role", "caption")
        self.cycles = QLabel("—")
        self.cycles.setProperty("role", "big")
        top = QHBoxLayout()
        top.addWidget(self.lamp, 1)
        if st.cycle_tag:
            top.addWidget(self.cycles_caption)
            top.addWidget(self.cycles)
            ctx.bridge.watch(st.cycle_tag, self._show_cycles, self)
        self.body.addLayout(top)

        self.tiles: list[ValueTile] = []
        grid = QGridLayout()
        grid.setSpacing(6)
        values = list(st.values) + (
            [st.power_tag] if st.power_tag and st.power_tag not in st.values else []
        )
        for i, tag in enumerate(values):
            tile = ValueTile(ctx.bridge, tag)
            self.tiles.append(tile)
            grid.addWidget(tile, i // 2, i % 2)
        self.body.addLayout(grid)

        self.trend: TrendPlot | None = None
        if show_trend and st.trend:
            from app.alarms.engine import AlarmEngine
            from app.alarms.journal import AlarmJournal

            self.trend = TrendPlot(
                ctx.bridge, st.trend, store=ctx.store, window_s=600, compact=True,
                alarms=ctx.find(AlarmEngine), journal=ctx.find(AlarmJournal),
            )
            self.body.addWidget(self.trend, 1)

        self.setpoints = [SetpointRow(ctx, p) for p in st.setpoints]
        for row in self.setpoints:
            self.body.addWidget(row)
        # Andon, touch 1 of 2: the sheet opens with this station filled in.
        self.andon_button: QPushButton | None = None
        if ctx.find(AndonBoard) is not None:
            from widgets.andon import open_report

            self.andon_button = QPushButton()
            self.andon_button.setObjectName("AndonButton")
            self.andon_button.setMinimumHeight(48)
            icons.set_icon(self.andon_button, "report")
            self.andon_button.clicked.connect(self.report_problem)
            self.reportProblem.connect(lambda sid: open_report(self, ctx, sid))
            self.add_header_widget(self.andon_button)
        from widgets.schedule_gantt import add_next_jobs

        self.next_jobs = add_next_jobs(self, ctx, st.id)  # None unless the site plans it
        from widgets.job_panel import add_job_view

        self.job_button = add_job_view(self, ctx, st.id)  # None without instructions
        self._retranslate()

    def _show_cycles(self, s: Sample) -> None:
        self.cycles.setText(
            translate("StationPanel", "BAD") if s.quality is Quality.BAD else format_value(s.value)
        )

    def report_problem(self) -> None:
        """Ask for an andon report about this station (the andon button calls this)."""
        self.reportProblem.emit(self.station.id)

    def _retranslate(self) -> None:
        self.set_title(station_name(self.station, self.ctx.config))  # the site's own words
        self.cycles_caption.setText(translate("StationPanel", "Cycles"))
        if self.andon_button is not None:
            self.andon_button.setText(translate("StationPanel", "Report a problem"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @classmethod
    def create(cls, ctx: PanelContext, settings: dict[str, Any]) -> StationPanel:
        return cls(
            ctx, str(settings.get("station", "")), show_trend=bool(settings.get("trend", True))
        )


register_panel(station_spec.SPEC, StationPanel.create)
