"""AlarmTable panel: the alarm list (filter, sort, acknowledge, shelve), the history of
the selected alarm, and the alarm journal. Registered as panel "alarms".

Touch first: shelving picks a reason and a duration from on-screen lists (no keyboard).
Buttons an operator's role may not use stay visible but disabled, with a tooltip that
says why. Engine changes arrive through `EngineWatch` (a GUI timer), journal queries
run on a worker thread and come back through a queued signal.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.alarms.engine import AlarmEngine
from app.alarms.journal import AlarmJournal
from app.alarms.model import AlarmEvent, AlarmState, AlarmStatus, EventKind
from app.auth.permissions import Action, PermissionDenied, Role, allowed
from layouts.panels import alarms as alarms_spec
from widgets import icons, theme
from widgets.alarm_banner import EngineWatch, paint_priority, state_text
from widgets.alarm_journal import JournalView
from widgets.flow_layout import FlowLayout
from widgets.kinetic import kinetic
from widgets.panels import PanelContext, register_panel
from widgets.permission_text import user_message
from widgets.site_text import alarm_message

log = logging.getLogger(__name__)
# Bare name so pyside6-lupdate finds the strings (it does not see through wrappers).
translate = QCoreApplication.translate

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# Marked for lupdate; translated where shown.
SHELVE_REASONS = (
    QT_TRANSLATE_NOOP("ShelveReason", "Sensor fault"),
    QT_TRANSLATE_NOOP("ShelveReason", "Maintenance work"),
    QT_TRANSLATE_NOOP("ShelveReason", "Known nuisance alarm"),
    QT_TRANSLATE_NOOP("ShelveReason", "Process upset under control"),
    QT_TRANSLATE_NOOP("ShelveReason", "Commissioning"),
)
SHELVE_DURATIONS_S = (15 * 60, 60 * 60, 4 * 3600, 8 * 3600)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AlarmTable", text)


def _time(ts: float | None) -> str:
    return "" if ts is None else time.strftime("%H:%M:%S", time.localtime(ts))


def _duration_text(seconds: int) -> str:
    # Counts as plain names: lupdate skips plurals whose count is an expression.
    minutes, hours = seconds // 60, seconds // 3600
    if seconds < 3600:
        return QCoreApplication.translate("AlarmTable", "%n min", "", minutes)
    return QCoreApplication.translate("AlarmTable", "%n h", "", hours)


def who(session: Any) -> tuple[str | None, Role | None]:
    """(user id, role) of whoever is signed in; the SessionManager or a plain object."""
    if session is None:
        return None, None
    current = getattr(session, "current", None)
    user_id = getattr(session, "user_id", None) or getattr(current, "user_id", None)
    role = getattr(session, "role", None)
    try:
        return user_id, (Role(role) if role is not None else None)
    except ValueError:
        return user_id, None


def _denied_tip(role: Role | None, what: str) -> str:
    if role is None:
        return translate("AlarmTable", "Sign in to %1").replace("%1", what)
    text = translate("AlarmTable", "Your role (%1) may not %2")
    return text.replace("%1", str(role)).replace("%2", what)


# --- the list model -------------------------------------------------------------------

COLUMNS = (QT_TRANSLATE_NOOP("AlarmTable", "Priority"), QT_TRANSLATE_NOOP("AlarmTable", "State"),
           QT_TRANSLATE_NOOP("AlarmTable", "Time"), QT_TRANSLATE_NOOP("AlarmTable", "Alarm"),
           QT_TRANSLATE_NOOP("AlarmTable", "Value"), QT_TRANSLATE_NOOP("AlarmTable", "Notes"))
COL_PRIORITY, COL_STATE, COL_TIME, COL_ALARM, COL_VALUE, COL_NOTES = range(6)
_ROOT = QModelIndex()


class AlarmModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AlarmStatus] = []

    def set_rows(self, rows: list[AlarmStatus]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        col = index.column()
        if role == SORT_ROLE:
            return (int(s.priority), s.state.value, s.since or 0.0, s.message,
                    str(s.value), "")[col]
        if role == Qt.ItemDataRole.UserRole:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_PRIORITY:
                return str(int(s.priority))  # painted as a marker by the delegate
            if col == COL_STATE:
                return state_text(s.state)
            if col == COL_TIME:
                return _time(s.since)
            if col == COL_ALARM:
                return alarm_message(s)
            if col == COL_VALUE:
                unit = s.definition.unit
                return "" if s.value is None else f"{_fmt(s.value)} {unit}".strip()
            return self._notes(s)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ALARM:
            return f"{s.id}\n{s.definition.tag or ''}"
        if role == Qt.ItemDataRole.FontRole and s.unacked:
            font = QFont()
            font.setBold(True)  # unacknowledged rows stand out without colour
            return font
        return None

    @staticmethod
    def _notes(s: AlarmStatus) -> str:
        notes = []
        if s.first_out:
            notes.append(translate("AlarmTable", "first out"))
        if s.chattering:
            notes.append(translate("AlarmTable", "chattering"))
        if s.shelved is not None:
            until = translate("AlarmTable", "until %1 (%2)")
            notes.append(until.replace("%1", _time(s.shelved.until))
                         .replace("%2", s.shelved.reason))
        if s.out_of_service is not None:
            notes.append(s.out_of_service.reason)
        return ", ".join(notes)


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


class PriorityDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(style.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        s: AlarmStatus = index.data(Qt.ItemDataRole.UserRole)
        if s is not None:
            r = QRectF(option.rect).adjusted(4, 4, -4, -4)
            paint_priority(painter, r, int(s.priority),
                           filled=s.state is not AlarmState.RTN_UNACK)


STATE_FILTERS: tuple[tuple[str, frozenset[AlarmState] | None], ...] = (
    (QT_TRANSLATE_NOOP("AlarmTable", "Alarms"),
     frozenset({AlarmState.UNACK, AlarmState.ACKED, AlarmState.RTN_UNACK, AlarmState.SHELVED,
                AlarmState.SUPPRESSED, AlarmState.OUT_OF_SERVICE})),
    (QT_TRANSLATE_NOOP("AlarmTable", "Unacknowledged"),
     frozenset({AlarmState.UNACK, AlarmState.RTN_UNACK})),
    (QT_TRANSLATE_NOOP("AlarmTable", "Acknowledged"), frozenset({AlarmState.ACKED})),
    (QT_TRANSLATE_NOOP("AlarmTable", "Shelved"), frozenset({AlarmState.SHELVED})),
    (QT_TRANSLATE_NOOP("AlarmTable", "Suppressed"), frozenset({AlarmState.SUPPRESSED})),
    (QT_TRANSLATE_NOOP("AlarmTable", "Out of service"), frozenset({AlarmState.OUT_OF_SERVICE})),
    (QT_TRANSLATE_NOOP("AlarmTable", "All defined"), None),
)


class AlarmFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.priority = 0  # 0: all
        self.states: frozenset[AlarmState] | None = STATE_FILTERS[0][1]
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(self, *, priority: int | None = None,
                   states: frozenset[AlarmState] | bool | None = False,
                   text: str | None = None) -> None:
        if priority is not None:
            self.priority = priority
        if states is not False:
            self.states = states  # type: ignore[assignment]
        if text is not None:
            self.text = text.strip().lower()
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        s: AlarmStatus = self.sourceModel().rows[row]  # type: ignore[attr-defined]
        if self.priority and int(s.priority) != self.priority:
            return False
        if self.states is not None and s.state not in self.states:
            return False
        if self.text:
            hay = f"{s.id} {s.message} {s.definition.tag or ''} {s.definition.area}".lower()
            return self.text in hay
        return True


# --- shelving, touch only -------------------------------------------------------------

class ShelvePane(QWidget):
    """Pick a reason and a duration from on-screen lists; no keyboard needed."""

    accepted = Signal(str, int)  # reason, duration in seconds (0: out of service)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.out_of_service = False
        self.title = QLabel(self)
        self.reasons = QListWidget(self)
        for r in SHELVE_REASONS:
            self.reasons.addItem(QCoreApplication.translate("ShelveReason", r))
        self.reasons.setStyleSheet(f"QListWidget::item {{ min-height: {theme.TOUCH_PX}px; }}")
        self.durations = QButtonGroup(self)
        row = QHBoxLayout()
        for i, secs in enumerate(SHELVE_DURATIONS_S):
            b = QPushButton(_duration_text(secs), self)
            b.setCheckable(True)
            b.setMinimumHeight(theme.TOUCH_PX)
            self.durations.addButton(b, i)
            row.addWidget(b)
        self.durations.button(1).setChecked(True)
        self.ok = QPushButton(translate("AlarmTable", "Shelve"), self)
        self.cancel = QPushButton(translate("AlarmTable", "Cancel"), self)
        for b in (self.ok, self.cancel):
            b.setMinimumHeight(theme.TOUCH_PX)
        self.ok.setEnabled(False)
        self.reasons.currentRowChanged.connect(lambda r: self.ok.setEnabled(r >= 0))
        self.ok.clicked.connect(self._accept)
        self.cancel.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(QLabel(translate("AlarmTable", "Reason"), self))
        lay.addWidget(self.reasons, 1)
        self.duration_label = QLabel(translate("AlarmTable", "For how long"), self)
        lay.addWidget(self.duration_label)
        lay.addLayout(row)
        lay.addLayout(buttons)

    def start(self, status: AlarmStatus, *, out_of_service: bool = False) -> None:
        """Ask for a shelve (reason + duration) or, for out of service, a reason only."""
        self.out_of_service = out_of_service
        text = (translate("AlarmTable", "Take out of service: %1") if out_of_service
                else translate("AlarmTable", "Shelve: %1"))
        self.title.setText(text.replace("%1", status.message or status.id))
        self.ok.setText(translate("AlarmTable", "Take out of service") if out_of_service
                        else translate("AlarmTable", "Shelve"))
        self.duration_label.setVisible(not out_of_service)
        for b in self.durations.buttons():
            b.setVisible(not out_of_service)
        self.reasons.setCurrentRow(-1)
        self.ok.setEnabled(False)

    def _accept(self) -> None:
        item = self.reasons.currentItem()
        if item is None:
            return
        secs = 0 if self.out_of_service else SHELVE_DURATIONS_S[
            max(0, self.durations.checkedId())]
        self.accepted.emit(item.text(), secs)


class AlarmTable(QWidget):
    """Alarm list with filter, sort, acknowledge and shelve; history; journal."""

    def __init__(self, engine: Any, session: Any = None, journal: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.session = session
        self.model = AlarmModel(self)
        self.proxy = AlarmFilter(self)
        self.proxy.setSourceModel(self.model)
        self._selected: str | None = None

        # filters
        self.priority_filter = QComboBox(self)
        self.priority_filter.addItem(translate("AlarmTable", "All priorities"), 0)
        for p in (1, 2, 3, 4):
            label = translate("AlarmTable", "Priority %1")
            self.priority_filter.addItem(label.replace("%1", str(p)), p)
        self.state_filter = QComboBox(self)
        for label, states in STATE_FILTERS:
            self.state_filter.addItem(_tr(label), states)
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(translate("AlarmTable", "Search alarms"))
        self.text_filter.setClearButtonEnabled(True)
        for w in (self.priority_filter, self.state_filter, self.text_filter):
            w.setMinimumHeight(theme.TOUCH_PX)
        self.priority_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(priority=self.priority_filter.currentData()))
        self.state_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(states=self.state_filter.currentData()))
        self.text_filter.textChanged.connect(lambda t: self.proxy.set_filter(text=t))
        self.list_button = QPushButton(translate("AlarmTable", "Alarms"), self)
        self.journal_button = QPushButton(translate("AlarmTable", "Journal"), self)
        icons.set_icon(self.list_button, "alarm", size=24)
        icons.set_icon(self.journal_button, "journal", size=24)
        for b in (self.list_button, self.journal_button):
            b.setCheckable(True)
            b.setMinimumHeight(theme.TOUCH_PX)
        self.list_button.setChecked(True)
        views = QButtonGroup(self)
        views.addButton(self.list_button)
        views.addButton(self.journal_button)
        self.list_button.clicked.connect(lambda: self.show_journal(False))
        self.journal_button.clicked.connect(lambda: self.show_journal(True))
        filters = QHBoxLayout()
        filters.addWidget(self.list_button)
        filters.addWidget(self.journal_button)
        filters.addWidget(self.priority_filter)
        filters.addWidget(self.state_filter)
        filters.addWidget(self.text_filter, 1)

        # the list
        self.view = kinetic(QTableView(self))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_PRIORITY, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(theme.TOUCH_PX)
        self.view.setItemDelegateForColumn(COL_PRIORITY, PriorityDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_ALARM, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(theme.TOUCH_PX)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.installEventFilter(self)  # re-share the columns when the view resizes

        self.history = kinetic(QListWidget(self))
        self.history_title = QLabel(translate("AlarmTable", "History of the selected alarm"), self)
        side = QWidget(self)
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.addWidget(self.history_title)
        side_lay.addWidget(self.history, 1)
        # what the zone's camera saw when a safety alarm came (app.cameras), if any
        self.snapshot_of: Callable[[str], Any] | None = None  # alarm id -> Snapshot | None
        self.snapshot = QLabel(self)
        self.snapshot.setObjectName("AlarmSnapshot")
        self.snapshot.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.snapshot.hide()
        self._snapshot_id: int | None = None
        side_lay.addWidget(self.snapshot)
        # The history pane shows only while an alarm is selected: on a small screen the
        # list itself keeps the room (the operator's layout fits 1280x800 unscrolled).
        self.history_pane = side
        side.hide()
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        # actions
        self.ack_button = QPushButton(translate("AlarmTable", "Acknowledge"), self)
        self.ack_all_button = QPushButton(translate("AlarmTable", "Acknowledge all visible"), self)
        self.shelve_button = QPushButton(translate("AlarmTable", "Shelve…"), self)
        self.unshelve_button = QPushButton(translate("AlarmTable", "Unshelve"), self)
        self.oos_button = QPushButton(translate("AlarmTable", "Out of service…"), self)
        self.in_service_button = QPushButton(translate("AlarmTable", "Return to service"), self)
        self.message = QLabel(self)
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        buttons = FlowLayout()
        for b in (self.ack_button, self.ack_all_button, self.shelve_button,
                  self.unshelve_button, self.oos_button, self.in_service_button):
            b.setMinimumHeight(theme.TOUCH_PX)
            buttons.addWidget(b)
        for b, name in ((self.ack_button, "ack"), (self.ack_all_button, "ack"),
                        (self.shelve_button, "shelve"), (self.unshelve_button, "unshelve"),
                        (self.oos_button, "out_of_service"),
                        (self.in_service_button, "in_service")):
            icons.set_icon(b, name, size=24)
        actions = QVBoxLayout()
        actions.addLayout(buttons)
        actions.addWidget(self.message)
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.ack_all_button.clicked.connect(self.acknowledge_visible)
        self.shelve_button.clicked.connect(self._start_shelve)
        self.unshelve_button.clicked.connect(self.unshelve_selected)
        self.oos_button.clicked.connect(lambda: self._start_shelve(out_of_service=True))
        self.in_service_button.clicked.connect(self.return_selected_to_service)

        list_page = QWidget(self)
        list_lay = QVBoxLayout(list_page)
        list_lay.setContentsMargins(0, 0, 0, 0)
        list_lay.addWidget(split, 1)
        list_lay.addLayout(actions)
        self.shelve_pane = ShelvePane(self)
        self.shelve_pane.accepted.connect(self._shelve)
        self.shelve_pane.cancelled.connect(lambda: self.pages.setCurrentWidget(list_page))
        self.journal = JournalView(journal, self, engine=engine)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.shelve_pane)
        self.pages.addWidget(self.journal)
        # A stack is as tall as its tallest page; the list decides the panel's size, the
        # shelve pane and the journal take the room it leaves (so the layout fits).
        for page in (self.shelve_pane, self.journal):
            page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._list_page = list_page

        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addWidget(self.pages, 1)

        self.watch = EngineWatch(engine, parent=self)
        self.watch.changed.connect(self.refresh)
        self.refresh()

    # --- data ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        # The alarm texts come from the site file in the worker's language: draw again.
        if event.type() == QEvent.Type.LanguageChange:
            n = self.model.rowCount()
            if n:
                self.model.dataChanged.emit(self.model.index(0, COL_ALARM),
                                            self.model.index(n - 1, COL_ALARM))
        super().changeEvent(event)

    def refresh(self) -> None:
        if self.engine is None:
            self.model.set_rows([])
            self._say(translate("AlarmTable", "Alarms not available"), "warning")
            self.update_actions()
            return
        selected = self._selected
        self.model.set_rows(self.engine.statuses())
        if selected is not None:
            self.select(selected)
        self._show_history()
        self.update_actions()
        self._fit_columns()

    def eventFilter(self, obj: Any, event: QEvent) -> bool:
        if obj is self.view and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(obj, event)

    def _fit_columns(self) -> None:
        """Keep the alarm text readable in a narrow panel: with every other column at its
        content width, a 600 px panel left "Flam… gas i…"; then State and Notes
        give up width (their text elides) until the alarm text has 40 % of the row.
        The value keeps its width: an elided number misleads."""
        header = self.view.horizontalHeader()
        avail = self.view.viewport().width()
        if avail <= 0:
            return
        squeezable = (COL_STATE, COL_NOTES)
        want = {c: max(header.sectionSizeHint(c), self.view.sizeHintForColumn(c))
                for c in range(len(COLUMNS)) if c != COL_ALARM}
        room = avail - sum(want.values())
        need = min(260, int(avail * 0.4))
        if room >= need:
            for c in squeezable:
                header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
            return
        total = sum(want[c] for c in squeezable) or 1
        for c in squeezable:
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(c, max(theme.TOUCH_PX, want[c] - (need - room) * want[c] // total))

    def visible_statuses(self) -> list[AlarmStatus]:
        return [self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
                for r in range(self.proxy.rowCount())]

    def select(self, alarm_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if idx.data(Qt.ItemDataRole.UserRole).id == alarm_id:
                self.view.selectionModel().select(
                    idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.view.setCurrentIndex(idx)
                return True
        return False

    def selected_status(self) -> AlarmStatus | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def _selection_changed(self, *_: Any) -> None:
        s = self.selected_status()
        self._selected = s.id if s else None
        self._show_history()
        self.update_actions()

    def _show_history(self) -> None:
        self.history.clear()
        self.history_pane.setVisible(self._selected is not None)
        if self._selected is None or self.engine is None:
            return
        try:
            events = self.engine.history(self._selected)
        except KeyError:
            return
        for ev in reversed(events):
            self.history.addItem(_history_line(ev))
        self._show_snapshot()

    def _show_snapshot(self) -> None:
        snap = (self.snapshot_of(self._selected) if self.snapshot_of is not None
                and self._selected is not None else None)
        if snap is None:
            self._snapshot_id = None
            self.snapshot.hide()
            return
        if snap.id != self._snapshot_id:  # decode a picture once, not per refresh
            self._snapshot_id = snap.id
            pm = QPixmap()
            pm.loadFromData(snap.jpeg, "JPEG")
            self.snapshot.setPixmap(pm.scaledToWidth(min(320, pm.width()),
                                                     Qt.TransformationMode.SmoothTransformation))
            self.snapshot.setToolTip(translate("AlarmTable", "Camera {camera} at {time}").format(
                camera=snap.camera, time=time.strftime("%H:%M:%S", time.localtime(snap.ts))))
        self.snapshot.show()

    # --- actions -------------------------------------------------------------------

    def update_actions(self) -> None:
        _, role = who(self.session)
        sel = self.selected_status()
        can_ack = allowed(role, Action.ALARM_ACK)
        can_shelve = allowed(role, Action.ALARM_SHELVE)
        visible_unacked = any(s.unacked for s in self.visible_statuses())
        self._enable(self.ack_button, can_ack, sel is not None and sel.unacked,
                     _denied_tip(role, translate("AlarmTable", "acknowledge alarms")),
                     translate("AlarmTable", "Select an unacknowledged alarm"))
        self._enable(self.ack_all_button, can_ack, visible_unacked,
                     _denied_tip(role, translate("AlarmTable", "acknowledge alarms")),
                     translate("AlarmTable", "No unacknowledged alarm is shown"))
        self._enable(self.shelve_button, can_shelve,
                     sel is not None and sel.state in (AlarmState.UNACK, AlarmState.ACKED,
                                                       AlarmState.RTN_UNACK, AlarmState.NORMAL),
                     _denied_tip(role, translate("AlarmTable", "shelve alarms")),
                     translate("AlarmTable", "Select an alarm to shelve"))
        self._enable(self.unshelve_button, can_shelve,
                     sel is not None and sel.state is AlarmState.SHELVED,
                     _denied_tip(role, translate("AlarmTable", "shelve alarms")),
                     translate("AlarmTable", "Select a shelved alarm"))
        can_oos = allowed(role, Action.ALARM_OUT_OF_SERVICE)
        self._enable(self.oos_button, can_oos,
                     sel is not None and sel.out_of_service is None,
                     _denied_tip(role, translate("AlarmTable", "take alarms out of service")),
                     translate("AlarmTable", "Select an alarm in service"))
        self._enable(self.in_service_button, can_oos,
                     sel is not None and sel.out_of_service is not None,
                     _denied_tip(role, translate("AlarmTable", "return alarms to service")),
                     translate("AlarmTable", "Select an alarm out of service"))

    @staticmethod
    def _enable(button: QPushButton, permitted: bool, applicable: bool, denied: str,
                not_applicable: str) -> None:
        button.setEnabled(permitted and applicable)
        button.setToolTip("" if permitted and applicable else
                          (denied if not permitted else not_applicable))

    def _actor(self) -> tuple[str, Role | None]:
        user_id, role = who(self.session)
        touch = getattr(self.session, "touch", None)
        if callable(touch):
            touch()
        return user_id or "", role

    def _run(self, fn: Any, done: str) -> None:
        try:
            fn()
        except PermissionDenied as e:
            self._say(user_message(e), "alarm")
        except (KeyError, ValueError) as e:
            self._say(str(e), "alarm")
        else:
            self._say(done, "")
        self.refresh()

    def acknowledge_selected(self) -> None:
        s = self.selected_status()
        if s is None:
            return
        actor, role = self._actor()
        self._run(lambda: self.engine.acknowledge(s.id, actor=actor, role=role),
                  translate("AlarmTable", "Acknowledged"))

    def acknowledge_visible(self) -> None:
        ids = [s.id for s in self.visible_statuses() if s.unacked]
        actor, role = self._actor()
        count = len(ids)  # a plain name: lupdate skips plurals whose count is an expression
        self._run(lambda: self.engine.acknowledge_all(ids, actor=actor, role=role),
                  QCoreApplication.translate("AlarmTable", "%n acknowledged", "", count))

    def _start_shelve(self, out_of_service: bool = False) -> None:
        s = self.selected_status()
        if s is None:
            return
        self.shelve_pane.start(s, out_of_service=out_of_service)
        self.pages.setCurrentWidget(self.shelve_pane)

    def _shelve(self, reason: str, duration_s: int) -> None:
        self.pages.setCurrentWidget(self._list_page)
        alarm_id = self._selected
        if alarm_id is None:
            return
        actor, role = self._actor()
        if self.shelve_pane.out_of_service:
            self._run(lambda: self.engine.remove_from_service(
                alarm_id, actor=actor, role=role, reason=reason),
                translate("AlarmTable", "Out of service"))
        else:
            self._run(lambda: self.engine.shelve(alarm_id, actor=actor, role=role,
                                                 reason=reason, duration_s=duration_s),
                      translate("AlarmTable", "Shelved"))

    def return_selected_to_service(self) -> None:
        s = self.selected_status()
        if s is None:
            return
        actor, role = self._actor()
        self._run(lambda: self.engine.return_to_service(s.id, actor=actor, role=role),
                  translate("AlarmTable", "Returned to service"))

    def unshelve_selected(self) -> None:
        s = self.selected_status()
        if s is None:
            return
        actor, role = self._actor()
        self._run(lambda: self.engine.unshelve(s.id, actor=actor, role=role),
                  translate("AlarmTable", "Unshelved"))

    def show_journal(self, on: bool) -> None:
        self.journal_button.setChecked(on)
        self.list_button.setChecked(not on)
        if on:
            self.pages.setCurrentWidget(self.journal)
            self.journal.load(text=self.text_filter.text())
        else:
            self.pages.setCurrentWidget(self._list_page)

    def _say(self, text: str, severity: str) -> None:
        self.message.setText(text)
        theme.set_state_property(self.message, "severity", severity)


def event_text(kind: EventKind) -> str:
    return {
        EventKind.ACTIVATED: translate("AlarmEvent", "activated"),
        EventKind.CLEARED: translate("AlarmEvent", "returned to normal"),
        EventKind.ACKNOWLEDGED: translate("AlarmEvent", "acknowledged"),
        EventKind.SHELVED: translate("AlarmEvent", "shelved"),
        EventKind.UNSHELVED: translate("AlarmEvent", "unshelved"),
        EventKind.SHELVE_EXPIRED: translate("AlarmEvent", "shelving expired"),
        EventKind.SUPPRESSED: translate("AlarmEvent", "suppressed by design"),
        EventKind.UNSUPPRESSED: translate("AlarmEvent", "no longer suppressed"),
        EventKind.OUT_OF_SERVICE: translate("AlarmEvent", "taken out of service"),
        EventKind.IN_SERVICE: translate("AlarmEvent", "returned to service"),
        EventKind.CHATTERING: translate("AlarmEvent", "chattering"),
        EventKind.CHATTERING_END: translate("AlarmEvent", "chattering ended"),
        EventKind.FLOOD_BEGIN: translate("AlarmEvent", "alarm flood began"),
        EventKind.FLOOD_END: translate("AlarmEvent", "alarm flood ended"),
    }.get(kind, str(kind))


def _history_line(ev: AlarmEvent) -> str:
    by = f"  {ev.actor}" if ev.actor else ""
    where = f" @{ev.terminal}" if ev.origin == "remote" else ""
    state = state_text(ev.state) if ev.state is not None else ""
    return f"{_time(ev.ts)}  {event_text(ev.kind)}  → {state}{by}{where}"


def create_panel(ctx: PanelContext, settings: dict[str, Any]) -> AlarmTable:
    table = AlarmTable(ctx.find(AlarmEngine), ctx.session, ctx.find(AlarmJournal))
    from app.cameras.service import CameraHub

    hub = ctx.find(CameraHub)
    if hub is not None:
        table.snapshot_of = hub.latest_snapshot.get
    if settings.get("state"):
        for i, (label, _) in enumerate(STATE_FILTERS):
            if label.lower() == str(settings["state"]).lower():
                table.state_filter.setCurrentIndex(i)
    return table


register_panel(alarms_spec.SPEC, create_panel)
