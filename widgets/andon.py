"""Andon views: "Report a problem" in two touches, and the board to take and close.

Touch 1 opens the sheet (station pre-filled); touch 2 on a category sends it. A note
is optional. The board lists open items; Take/Close are enabled only for roles that
may (the button says why otherwise); the reporter sees the status change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.andon import CATEGORIES, AndonBoard, AndonError, AndonItem, AndonStatus
from app.auth.permissions import Action, PermissionDenied, allowed
from layouts.panels import andon as andon_spec
from widgets import icons
from widgets.kinetic import kinetic
from widgets.overlay import Overlay
from widgets.panels import PanelContext, register_panel
from widgets.permission_text import user_message

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


def category_label(category: str) -> str:
    return {"machine": translate("Andon", "Machine"), "quality": translate("Andon", "Quality"),
            "material": translate("Andon", "Material"), "safety": translate("Andon", "Safety"),
            "other": translate("Andon", "Other")}.get(category, category)


def status_label(status: AndonStatus) -> str:
    return {AndonStatus.OPEN: translate("Andon", "open"),
            AndonStatus.TAKEN: translate("Andon", "taken"),
            AndonStatus.CLOSED: translate("Andon", "closed")}[status]


class ReportSheet(QWidget):
    """The sheet's content: station, optional note, one big button per category."""

    reported = Signal(object)  # AndonItem

    def __init__(self, board: AndonBoard, station: str, station_name: str,
                 reporter: str | None) -> None:
        super().__init__()
        self._board, self._station, self._reporter = board, station, reporter
        box = QVBoxLayout(self)
        self.where = QLabel(translate("Andon", "Station: %1").replace("%1", station_name))
        self.where.setProperty("role", "title")
        self.note = QLineEdit()
        self.note.setPlaceholderText(translate("Andon", "Note (optional)"))
        self.note.setMinimumHeight(48)
        box.addWidget(self.where)
        box.addWidget(QLabel(translate("Andon", "What is the problem? One touch sends it.")))
        grid = QGridLayout()
        self.buttons: dict[str, QToolButton] = {}
        for i, cat in enumerate(CATEGORIES):
            # An icon button: the symbol reads at a glance, the word under it says it.
            b = QToolButton()
            b.setText(category_label(cat))
            b.setObjectName("AndonCategory")
            b.setProperty("category", cat)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            icons.set_icon(b, f"andon.{cat}", size=44)
            b.setMinimumSize(160, 104)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, c=cat: self._send(c))
            grid.addWidget(b, i // 3, i % 3)
            self.buttons[cat] = b
        box.addLayout(grid)
        box.addWidget(self.note)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        box.addWidget(self.message)

    def _send(self, category: str) -> None:
        try:
            item = self._board.report(self._station, category, self.note.text(),
                                      reporter=self._reporter)
        except AndonError as e:
            self.message.setText(str(e))
            return
        self.reported.emit(item)


def open_report(anchor: QWidget, ctx: PanelContext, station: str) -> Overlay | None:
    """Open the report sheet over the layout area; returns None without an andon board."""
    board = ctx.find(AndonBoard)
    if board is None:
        return None
    cfg = ctx.config.stations.get(station) if ctx.config is not None else None
    who = ctx.session.current if ctx.session is not None else None
    sheet = ReportSheet(board, station, cfg.name if cfg else station,
                        who.user_id if who else None)
    overlay = Overlay.open(anchor, sheet, title=translate("Andon", "Report a problem"))
    sheet.reported.connect(lambda item: overlay.close_with(item))
    return overlay


class _Relay(QObject):
    """Board observers run on the runtime thread; this hops to the GUI thread."""

    changed = Signal(object)


class AndonPanel(QWidget):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("AndonPanel")
        self._ctx = ctx
        self._board: AndonBoard | None = ctx.find(AndonBoard)
        self._station = settings.get("station") or next(iter(ctx.config.stations), "")
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.report_button = QPushButton()
        self.report_button.setMinimumHeight(56)
        self.report_button.clicked.connect(lambda: open_report(self, self._ctx, self._station))
        self.list = kinetic(QListWidget())
        self.list.setObjectName("AndonList")
        self.list.setStyleSheet("QListWidget::item { min-height: 48px; }")
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.take_button = QPushButton()
        self.close_button = QPushButton()
        for b in (self.take_button, self.close_button):
            b.setMinimumHeight(56)
        icons.set_icon(self.report_button, "report")
        icons.set_icon(self.take_button, "take")
        icons.set_icon(self.close_button, "done")
        self.take_button.clicked.connect(self._take)
        self.close_button.clicked.connect(self._close)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.report_button)
        actions = QHBoxLayout()
        actions.addWidget(self.take_button)
        actions.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.list, 1)
        box.addLayout(actions)
        box.addWidget(self.message)
        self._relay = _Relay(self)
        self._relay.changed.connect(lambda _item: self.refresh(),
                                    Qt.ConnectionType.QueuedConnection)
        # The board and the session outlive this panel (a new layout replaces it): once
        # it is gone their callbacks must not touch its deleted relay.
        alive = [True]
        relay = self._relay

        def relay_change(item: Any = None, *_: Any) -> None:
            if alive[0]:
                relay.changed.emit(item)

        removers = []
        if self._board is not None:
            removers.append(self._board.subscribe(relay_change))
        if ctx.session is not None:
            removers.append(ctx.session.add_observer(lambda *_: relay_change(None)))

        def detach(*_: Any) -> None:
            alive[0] = False
            for remove in removers:
                if callable(remove):
                    remove()

        self._relay.destroyed.connect(detach)
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        self.title.setText(translate("Andon", "Problems (andon)"))
        self.report_button.setText(translate("Andon", "Report a problem"))
        self.take_button.setText(translate("Andon", "Take"))
        self.close_button.setText(translate("Andon", "Close as fixed"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        selected = self._selected_id()
        self.list.clear()
        if self._board is None:
            self.list.addItem(translate("Andon", "No andon board configured (needs a broker)"))
            return
        names = {k: v.name for k, v in self._ctx.config.stations.items()}
        for item in self._board.items():
            text = (f"[{status_label(item.status)}]  {names.get(item.station, item.station)}"
                    f" — {category_label(item.category)}")
            if item.note:
                text += f": {item.note}"
            if item.taken_by:
                text += "  (" + translate("Andon", "taken by %1").replace("%1", item.taken_by) + ")"
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(row)
            if item.id == selected:
                self.list.setCurrentItem(row)
        self._update_buttons()

    def _selected_id(self) -> str | None:
        row = self.list.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row is not None else None

    def _role(self) -> Any:
        who = self._ctx.session.current if self._ctx.session is not None else None
        return (who.user_id, who.role) if who else (None, None)

    def _update_buttons(self) -> None:
        _, role = self._role()
        item = self._board.get(self._selected_id() or "") if self._board else None
        may_take, may_close = allowed(role, Action.ANDON_TAKE), allowed(role, Action.ANDON_CLOSE)
        self.take_button.setEnabled(bool(item and may_take and item.status is AndonStatus.OPEN))
        self.close_button.setEnabled(bool(item and may_close))
        why = "" if may_take else translate(
            "Andon", "Sign in as maintenance or team lead to take problems")
        self.take_button.setToolTip(why)
        self.close_button.setToolTip(why)

    def _act(self, fn: Any) -> None:
        user, role = self._role()
        item_id = self._selected_id()
        if not item_id or self._board is None:
            return
        try:
            done: AndonItem = fn(item_id, user, role)
        except (AndonError, PermissionDenied) as e:
            self.message.setText(user_message(e))
            return
        said = {AndonStatus.TAKEN: translate("Andon", "%1 problem: you are on it"),
                AndonStatus.CLOSED: translate("Andon", "%1 problem closed"),
                AndonStatus.OPEN: translate("Andon", "%1 problem is open again")}
        self.message.setText(said[done.status].replace("%1", category_label(done.category)))
        self.refresh()

    def _take(self) -> None:
        self._act(self._board.take)  # type: ignore[union-attr]

    def _close(self) -> None:
        self._act(self._board.close)  # type: ignore[union-attr]


register_panel(andon_spec.SPEC, AndonPanel)
