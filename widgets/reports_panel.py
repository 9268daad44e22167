"""The Reports view: make an ESG report now (yesterday, this month so far, last month),
the reports made so far (scheduled and on demand) with where their PDF, CSV and JSON
are, and opening the PDF. Reports are built off the GUI thread."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

import widgets.esg_pdf  # noqa: F401 (registers the PDF renderer for scheduled reports)
from app.auth.permissions import Action, allowed
from app.environment.reports import Made
from app.environment.service import Environment
from layouts.panels import environment as specs
from widgets.panels import PanelContext, register_panel
from widgets.register_views import add_row, big_button, touch_list

translate = QCoreApplication.translate


def periods(now: dt.datetime) -> list[tuple[str, str, str, float, float]]:
    """(button text, label, kind, start, end) of the reports one can make now."""
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    yesterday = today - dt.timedelta(days=1)
    first = today.replace(day=1)
    prev = (first - dt.timedelta(days=1)).replace(day=1)
    return [(translate("Reports", "Yesterday"), yesterday.strftime("%Y-%m-%d"), "daily",
             yesterday.timestamp(), today.timestamp()),
            (translate("Reports", "This month so far"), first.strftime("%Y-%m") + "-so-far",
             "on demand", first.timestamp(), now.timestamp()),
            (translate("Reports", "Last month"), prev.strftime("%Y-%m"), "monthly",
             prev.timestamp(), first.timestamp())]


class _Relay(QObject):
    done = Signal(object)  # list[Made] or an error text


class ReportsPanel(QWidget):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("ReportsPanel")
        self.ctx = ctx
        self.env: Environment | None = ctx.find(Environment)
        self.title = QLabel(translate("Reports", "ESG reports"))
        self.title.setProperty("role", "title")
        self.make_buttons = QHBoxLayout()
        self.buttons = []
        for text, label, kind, start, end in periods(dt.datetime.now()):
            b = big_button(text, role="primary")
            b.clicked.connect(lambda _=False, a=(label, kind, start, end): self.make(*a))
            self.buttons.append(b)
            self.make_buttons.addWidget(b)
        self.list = touch_list("ReportList")
        self.list.itemClicked.connect(lambda row: self.open_pdf(
            row.data(Qt.ItemDataRole.UserRole)))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addLayout(self.make_buttons)
        box.addWidget(self.list, 1)
        box.addWidget(self.message)
        self.made: list[Made] = []
        self._relay = _Relay(self)
        self._relay.done.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._busy = False
        self._in_background(lambda: None)

    def _may(self) -> bool:
        who = self.ctx.session.current if self.ctx.session is not None else None
        return allowed(who.role if who else None, Action.REPORT_MAKE)

    def _in_background(self, work: Any) -> None:
        """Run `work`, then read the list of reports, both off the GUI thread."""
        if self.env is None:
            self.message.setText(translate("Reports", "No environment monitoring configured"))
            return
        reports, relay = self.env.reports, self._relay

        def run() -> None:
            try:
                work()
                relay.done.emit(reports.made())
            except Exception as e:  # shown next to the buttons, logged by the caller
                relay.done.emit(str(e))

        threading.Thread(target=run, name="lineside-report-view", daemon=True).start()

    def make(self, label: str, kind: str, start: float, end: float) -> None:
        if self.env is None or self._busy:
            return
        if not self._may():
            self.message.setText(translate(
                "Reports", "Sign in as team lead, safety officer or supervisor to make one"))
            return
        self._busy = True
        self.message.setText(translate("Reports", "Making the report for %1…").replace(
            "%1", label))
        reports = self.env.reports
        self._in_background(lambda: reports.make(label, kind, start, end))

    def _show(self, result: object) -> None:
        self._busy = False
        if isinstance(result, str):
            self.message.setText(translate("Reports", "The report could not be made: %1")
                                 .replace("%1", result))
            return
        if self.message.text().endswith("…"):
            self.message.setText(translate("Reports", "Report made."))
        self.made = list(result)  # type: ignore[call-overload]
        self.list.clear()
        for m in self.made:
            when = dt.datetime.fromtimestamp(m.created).strftime("%d.%m.%Y %H:%M")
            files = "PDF, CSV, JSON" if m.pdf else "CSV, JSON"
            add_row(self.list, f"{m.label} · {m.kind} · {when}\n{files} — {m.folder}",
                    m.label)
        if not self.made:
            self.list.addItem(translate("Reports", "No reports yet"))

    def open_pdf(self, label: str | None) -> bool:
        m = next((x for x in self.made if x.label == label), None)
        if m is None:
            return False
        target = Path(m.pdf) if m.pdf else Path(m.folder)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


register_panel(specs.REPORTS, ReportsPanel)
