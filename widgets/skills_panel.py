"""The skills matrix for team leads: workers down, stations across, each cell the level
(learning, qualified, trainer) with its expiry; gaps and trainings lapsing within 30
days stand out. A team lead touches a cell to change the level (a year's validity)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from app.auth.permissions import Action
from app.instructions.service import JobAssist
from layouts.panels import job as specs
from widgets import theme
from widgets.panels import PanelContext, register_panel
from widgets.register_views import ROW_PX, RegisterPanel

translate = QCoreApplication.translate
CYCLE = ("none", "learning", "qualified", "trainer")


def level_label(level: str) -> str:
    return {"none": "–", "learning": translate("Skills", "learning"),
            "qualified": translate("Skills", "qualified"),
            "trainer": translate("Skills", "trainer")}.get(level, level)


class SkillsPanel(RegisterPanel):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__(ctx)
        self.setObjectName("SkillsPanel")
        self.job: JobAssist | None = ctx.find(JobAssist)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget()
        self.table.verticalHeader().setDefaultSectionSize(ROW_PX)
        self.table.horizontalHeader().setMinimumHeight(48)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.cellClicked.connect(self.cycle)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.table, 1)
        box.addWidget(self.summary)
        self.retranslate()

    def stations(self) -> list[str]:
        return [b.station for b in self.job.config.stations] if self.job else []

    def retranslate(self) -> None:
        self.title.setText(translate("Skills", "Skills matrix"))
        self.refresh()

    def refresh(self) -> None:
        if self.registers is None or self.job is None:
            self.summary.setText(translate("Skills", "No skills matrix on this terminal"))
            return
        skills = self.registers.skills
        workers = skills.workers()
        stations = self.stations()
        names = {k: v.name for k, v in self.ctx.config.stations.items()}
        self.table.setRowCount(len(workers))
        self.table.setColumnCount(len(stations))
        self.table.setHorizontalHeaderLabels([names.get(s, s) for s in stations])
        self.table.setVerticalHeaderLabels([skills.record(w).get("name", w) for w in workers])
        c = theme.colors()
        gaps = 0
        for r, w in enumerate(workers):
            for col, st in enumerate(stations):
                chk = skills.check(w, st)
                text = level_label(chk.level)
                if chk.expires is not None:
                    text += f"\n{chk.expires.isoformat()}"
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (w, st, str(chk.level)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if chk.days_left is not None and chk.days_left <= 30:
                    item.setForeground(QColor(c.warning if chk.days_left >= 0 else c.alarm))
                if str(chk.level) == "none":
                    gaps += 1
                self.table.setItem(r, col, item)
        soon = skills.expiring(30)
        self.summary.setText(translate("Skills", "%1 gaps · %2 trainings or certificates "
                                                 "lapse within 30 days")
                             .replace("%1", str(gaps)).replace("%2", str(len(soon))) +
                             ("" if self.may(Action.SKILLS_EDIT) else "  ·  " + translate(
                                 "Skills", "team leads change a cell by touching it")))

    def cycle(self, row: int, col: int) -> None:
        if self.registers is None or not self.may(Action.SKILLS_EDIT):
            return
        item = self.table.item(row, col)
        if item is None:
            return
        worker, station, level = item.data(Qt.ItemDataRole.UserRole)
        nxt = CYCLE[(CYCLE.index(level) + 1) % len(CYCLE)] if level in CYCLE else "learning"
        expires = (dt.date.today() + dt.timedelta(days=365)).isoformat()
        self.registers.skills.set_station(worker, station, nxt, expires,
                                          actor=self.user()[0] or "terminal")


register_panel(specs.SKILLS, SkillsPanel)
