"""What the register panels share: following a replica and the session from the GUI
thread, the signed-in worker, touch-sized list rows, and a form sheet with the
on-screen keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Action, Role, allowed
from app.registers.service import Registers
from widgets import theme
from widgets.keyboard import TouchKeyboard
from widgets.panels import PanelContext

translate = QCoreApplication.translate

ROW_PX = 56  # list rows a gloved finger hits


class _Relay(QObject):
    changed = Signal()


class RegisterPanel(QWidget):
    """Base of a register panel: `refresh()` runs on the GUI thread after any change of
    the registers or of who is signed in; `retranslate()` on a language change."""

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.registers: Registers | None = ctx.find(Registers)
        self._relay = _Relay(self)
        self._relay.changed.connect(self.refresh, Qt.ConnectionType.QueuedConnection)
        alive = [True]
        relay = self._relay

        def poke(*_: Any) -> None:
            if alive[0]:
                relay.changed.emit()

        removers: list[Callable[[], None]] = []
        if self.registers is not None:
            removers.append(self.registers.replica.subscribe(poke))
        if ctx.session is not None:
            removers.append(ctx.session.add_observer(poke))

        def detach(*_: Any) -> None:
            alive[0] = False
            for remove in removers:
                remove()

        self._relay.destroyed.connect(detach)

    def user(self) -> tuple[str, Role | None]:
        who = self.ctx.session.current if self.ctx.session is not None else None
        return (who.user_id, who.role) if who else ("", None)

    def may(self, action: Action) -> bool:
        return allowed(self.user()[1], action)

    def refresh(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def touch_list(name: str) -> QListWidget:
    lst = QListWidget()
    lst.setObjectName(name)
    lst.setWordWrap(True)
    lst.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
    lst.setStyleSheet(f"QListWidget::item {{ min-height: {ROW_PX}px; padding: 4px; }}")
    return lst


def add_row(lst: QListWidget, text: str, key: str, severity: str = "") -> QListWidgetItem:
    row = QListWidgetItem(text)
    row.setData(Qt.ItemDataRole.UserRole, key)
    c = theme.colors()
    color = {"alarm": c.alarm, "warning": c.warning, "ok": c.ok}.get(severity)
    if color:
        row.setForeground(QColor(color))
    lst.addItem(row)
    return row


def big_button(text: str, *, role: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(ROW_PX)
    if role:
        b.setProperty("role", role)
    return b


class FormSheet(QWidget):
    """Labelled text fields over the on-screen keyboard, an OK button and a message
    line beside it (errors appear next to what they are about: the form)."""

    def __init__(self, fields: list[tuple[str, str, str]], ok_text: str) -> None:
        super().__init__()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.edits: dict[str, QLineEdit] = {}
        for key, label, value in fields:
            e = QLineEdit(value)
            e.setMinimumHeight(ROW_PX)
            self.edits[key] = e
            form.addRow(label, e)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setProperty("severity", "alarm")
        self.ok = big_button(ok_text, role="primary")
        self.keyboard = TouchKeyboard()
        for e in self.edits.values():
            self.keyboard.follow(e)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(self.ok)
        box.addWidget(self.keyboard)
        if self.edits:
            next(iter(self.edits.values())).setFocus()

    def values(self) -> dict[str, str]:
        return {k: e.text().strip() for k, e in self.edits.items()}

    def fail(self, text: str) -> None:
        self.message.setText(text)
