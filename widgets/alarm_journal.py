"""The alarm journal view: every alarm transition with who and when, newest first,
queried off the GUI thread (the alarm table shows it on its Journal page)."""

from __future__ import annotations

import concurrent.futures
import logging
import time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets import icons, theme

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return QCoreApplication.translate("AlarmTable", text)


class _Relay(QObject):
    loaded = Signal(object, object)  # rows or None, error or None


def _done(fut: concurrent.futures.Future, relay: _Relay) -> None:
    exc = fut.exception()
    if exc is not None:
        log.error("alarm journal query failed: %s", exc)
    # Emitted on the worker thread; the connection is queued to the GUI thread.
    relay.loaded.emit(None if exc else fut.result(), exc)


class JournalView(QWidget):
    """The alarm journal (newest first), queried off the GUI thread."""


    HEADERS = (QT_TRANSLATE_NOOP("AlarmTable", "Time"), QT_TRANSLATE_NOOP("AlarmTable", "Alarm"),
               QT_TRANSLATE_NOOP("AlarmTable", "Event"), QT_TRANSLATE_NOOP("AlarmTable", "State"),
               QT_TRANSLATE_NOOP("AlarmTable", "By"), QT_TRANSLATE_NOOP("AlarmTable", "Terminal"),
               QT_TRANSLATE_NOOP("AlarmTable", "Message"))

    def __init__(self, journal: Any, parent: QWidget | None = None,
                 engine: Any = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._pool = concurrent.futures.ThreadPoolExecutor(1, "alarm-journal-query")
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels([_tr(h) for h in self.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.status = QLabel(self)
        self.refresh_button = QPushButton(translate("AlarmTable", "Refresh"), self)
        self.refresh_button.setMinimumHeight(theme.TOUCH_PX)
        icons.set_icon(self.refresh_button, "reset", size=24)
        self.refresh_button.clicked.connect(lambda: self.load())
        # No Qt parent: a query still running when this view is deleted emits on a live
        # object (emitting on the deleted view from the worker crashed the process).
        self._relay = _Relay()
        self._relay.loaded.connect(self._show)
        self.loading = False
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)
        # the alarm system's performance over the journal (ISA-18.2), refreshed with it
        from widgets.alarm_kpi import KpiStrip

        self.kpis = KpiStrip(journal, engine, parent=self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.kpis)
        lay.addWidget(self.table, 1)
        self.destroyed.connect(lambda *_: self._pool.shutdown(wait=False))
        if journal is None:
            self.status.setText(
                translate("AlarmTable", "No journal: this terminal has no local store"))
            self.refresh_button.setEnabled(False)

    def load(self, alarm_id: str | None = None, text: str | None = None) -> None:
        if self.journal is None:
            return
        self.loading = True
        self.status.setText(translate("AlarmTable", "Loading…"))
        self.kpis.refresh()
        fut = self._pool.submit(self.journal.query, alarm_id=alarm_id, text=text or None)
        relay = self._relay
        fut.add_done_callback(lambda f: _done(f, relay))

    def _show(self, rows: Any, exc: Any) -> None:
        self.loading = False
        if exc is not None:
            text = translate("AlarmTable", "The journal could not be read: %1")
            self.status.setText(text.replace("%1", str(exc)))
            theme.set_state_property(self.status, "severity", "alarm")
            return
        theme.set_state_property(self.status, "severity", "")
        count = len(rows)  # a plain name: lupdate skips plurals whose count is an expression
        self.status.setText(QCoreApplication.translate("AlarmTable", "%n entries", "", count))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            by = r.actor + (f" ({r.detail.get('role')})" if r.detail.get("role") else "")
            values = (time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(r.ts)), r.alarm_id,
                      r.event, r.state or "", by, r.terminal, r.message)
            for j, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))


# --- the panel ------------------------------------------------------------------------
