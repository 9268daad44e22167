"""Department channels and the shift handover log: pick a channel (unread counts on
the buttons), read the messages in order, answer with the on-screen keyboard, mention a
department, link a station."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.registers.channels import CHANNELS, DEPARTMENTS, may_write, role_department
from app.registers.replica import RegisterError
from layouts.panels import registers as specs
from widgets import icons
from widgets.keyboard import TouchKeyboard
from widgets.panels import PanelContext, register_panel
from widgets.register_views import ROW_PX, RegisterPanel, add_row, touch_list

translate = QCoreApplication.translate


def channel_label(name: str) -> str:
    return {"production": translate("Channels", "Production"),
            "maintenance": translate("Channels", "Maintenance"),
            "quality": translate("Channels", "Quality"),
            "logistics": translate("Channels", "Logistics"),
            "purchasing": translate("Channels", "Purchasing"),
            "ehs": translate("Channels", "EHS"),
            "shift": translate("Channels", "Shift log")}.get(name, name)


class ChannelsPanel(RegisterPanel):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__(ctx)
        self.setObjectName("ChannelsPanel")
        self.channel = settings.get("channel") or "shift"
        self.buttons: dict[str, QPushButton] = {}
        tabs = QHBoxLayout()
        for name in CHANNELS:
            b = QPushButton()
            b.setCheckable(True)
            b.setMinimumHeight(ROW_PX)
            b.clicked.connect(lambda _=False, n=name: self.show_channel(n))
            self.buttons[name] = b
            tabs.addWidget(b)
        self.list = touch_list("MessageList")
        self.text = QLineEdit()
        self.text.setMinimumHeight(ROW_PX)
        self.text.returnPressed.connect(self.send)
        self.mention = QComboBox()
        self.mention.setMinimumHeight(ROW_PX)
        self.link = QComboBox()
        self.link.setMinimumHeight(ROW_PX)
        self.send_button = QPushButton()
        self.send_button.setMinimumHeight(ROW_PX)
        self.send_button.setProperty("role", "primary")
        self.send_button.clicked.connect(self.send)
        icons.set_icon(self.send_button, "report")
        self.keys_button = QPushButton("⌨")
        self.keys_button.setCheckable(True)
        self.keys_button.setMinimumSize(ROW_PX, ROW_PX)
        self.keyboard = TouchKeyboard()
        self.keyboard.follow(self.text)
        self.keyboard.setVisible(False)
        self.keys_button.toggled.connect(self.keyboard.setVisible)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        compose = QHBoxLayout()
        compose.addWidget(self.text, 1)
        compose.addWidget(self.keys_button)
        compose.addWidget(self.send_button)
        options = QHBoxLayout()
        options.addWidget(self.mention, 1)
        options.addWidget(self.link, 1)
        box = QVBoxLayout(self)
        box.addLayout(tabs)
        box.addWidget(self.list, 1)
        box.addLayout(compose)
        box.addLayout(options)
        box.addWidget(self.message)
        box.addWidget(self.keyboard)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setPlaceholderText(translate("Channels", "Write a message"))
        self.send_button.setText(translate("Channels", "Send"))
        self.mention.clear()
        self.mention.addItem(translate("Channels", "Mention nobody"), "")
        for d in DEPARTMENTS:
            self.mention.addItem(translate("Channels", "Mention %1").replace(
                "%1", channel_label(d)), d)
        self.link.clear()
        self.link.addItem(translate("Channels", "No station"), "")
        for sid, st in self.ctx.config.stations.items():
            self.link.addItem(st.name, sid)
        self.refresh()

    def show_channel(self, name: str) -> None:
        self.channel = name
        self.refresh()

    def refresh(self) -> None:
        reg = self.registers
        self.list.clear()
        if reg is None:
            self.list.addItem(translate("Channels", "No channels on this terminal"))
            return
        for name, b in self.buttons.items():
            n = reg.channels.unread(name)
            b.setText(channel_label(name) + (f" ({n})" if n else ""))
            b.setChecked(name == self.channel)
        user, role = self.user()
        names = {k: v.name for k, v in self.ctx.config.stations.items()}
        for m in reg.channels.messages(self.channel):
            when = dt.datetime.fromtimestamp(m.ts).strftime("%d.%m. %H:%M")
            extra = []
            if m.link:
                extra.append("→ " + names.get(m.link["id"], m.link["id"]))
            if m.mentions:
                extra.append("@" + ", @".join(channel_label(d) for d in m.mentions))
            add_row(self.list, f"{m.author} · {channel_label(m.department)} · {when}"
                    + (f"  {'  '.join(extra)}" if extra else "") + f"\n{m.text}", m.id)
            if role is not None and reg.replica.terminal_id not in m.read_by \
                    and m.terminal != reg.replica.terminal_id:
                reg.channels.mark_read(m.id, actor=user)
        self.list.scrollToBottom()
        writable = may_write(role, self.channel)
        for w in (self.text, self.send_button):
            w.setEnabled(writable)
        if role is None:
            self.text.setPlaceholderText(translate("Channels", "Sign in to write"))
        elif not writable:
            self.text.setPlaceholderText(
                translate("Channels", "You write in %1 and the shift log")
                .replace("%1", channel_label(role_department(role))))
        else:
            self.text.setPlaceholderText(translate("Channels", "Write a message"))

    def send(self) -> None:
        reg = self.registers
        user, role = self.user()
        if reg is None or role is None:
            return
        station = self.link.currentData()
        mention = self.mention.currentData()
        try:
            reg.channels.post(self.channel, self.text.text(), author=user, role=role,
                              link={"type": "station", "id": station} if station else None,
                              mentions=(mention,) if mention else ())
        except RegisterError as e:
            self.message.setText(str(e))
            return
        self.text.clear()
        self.message.setText("")
        self.mention.setCurrentIndex(0)
        self.link.setCurrentIndex(0)


register_panel(specs.CHANNELS, ChannelsPanel)
