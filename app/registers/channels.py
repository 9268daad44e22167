"""Department channels and the shift handover log, on the replicated records.

A message is an immutable record of kind "message" (its id is unique per terminal, so a
message replayed by the outbox is taken once); read receipts are one field per terminal
(`read.<terminal id>`), which only that terminal writes, so receipts never conflict.
Messages read in order of their time, then terminal, then id.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.auth.permissions import Role
from app.registers import fields as f
from app.registers.records import Record, RecordError
from app.registers.replica import RegisterError, Replica

KIND = "message"
DEPARTMENTS = ("production", "maintenance", "quality", "logistics", "purchasing", "ehs")
SHIFT_CHANNEL = "shift"
CHANNELS = (*DEPARTMENTS, SHIFT_CHANNEL)
LINK_TYPES = ("station", "alarm", "andon", "order", "risk", "supplier")
MAX_TEXT = 1000

# The department a role writes for; every role also writes the shift handover log.
ROLE_DEPARTMENT: dict[Role, str] = {
    Role.OPERATOR: "production", Role.TEAM_LEAD: "production",
    Role.MAINTENANCE: "maintenance", Role.SAFETY_OFFICER: "ehs",
    Role.SUPERVISOR: "production", Role.ADMIN: "production", Role.PURCHASING: "purchasing",
}
# Roles that may write in any channel (they coordinate between departments).
ALL_CHANNELS = frozenset({Role.SUPERVISOR, Role.ADMIN})


def role_department(role: Role) -> str:
    return ROLE_DEPARTMENT.get(role, "production")


def may_write(role: Role | None, channel: str) -> bool:
    if role is None:
        return False
    if role in ALL_CHANNELS or channel == SHIFT_CHANNEL:
        return True
    return role_department(role) == channel


def validate(d: dict[str, Any]) -> None:
    f.choice(d, "channel", CHANNELS)
    f.text(d, "text", required=True, max_len=MAX_TEXT)
    f.text(d, "author", required=True, max_len=80)
    f.choice(d, "department", DEPARTMENTS)
    f.number(d, "ts", required=True)
    link = d.get("link")
    if link is not None:
        if not isinstance(link, dict):
            raise RecordError("link: expected an entry")
        f.choice(link, "type", LINK_TYPES)
        f.text(link, "id", required=True, max_len=120)
    mentions = d.get("mentions", [])
    if not isinstance(mentions, list) or any(m not in DEPARTMENTS for m in mentions):
        raise RecordError(f"mentions: expected departments ({', '.join(DEPARTMENTS)})")


@dataclass(frozen=True)
class Message:
    id: str
    channel: str
    text: str
    author: str
    department: str
    ts: float
    terminal: str
    link: dict[str, str] | None
    mentions: tuple[str, ...]
    read_by: tuple[str, ...]  # terminal ids

    @classmethod
    def of(cls, rec: Record) -> Message:
        v = rec.values()
        read = tuple(sorted(k.removeprefix("read.") for k in v if k.startswith("read.")))
        return cls(rec.id, v["channel"], v["text"], v["author"], v["department"],
                   float(v["ts"]), str(v.get("terminal", "")), v.get("link"),
                   tuple(v.get("mentions", [])), read)


class Channels:
    def __init__(self, replica: Replica, clock: Callable[[], float]) -> None:
        self.replica = replica
        self._clock = clock
        replica.register_kind(KIND, validate)

    def post(self, channel: str, text: str, *, author: str, role: Role,
             link: dict[str, str] | None = None,
             mentions: tuple[str, ...] = ()) -> Message:
        if channel not in CHANNELS:
            raise RegisterError(f"unknown channel {channel!r}")
        if not may_write(role, channel):
            raise RegisterError(f"only {channel} and supervisors write in the {channel} "
                                "channel; use the shift log or your own department")
        text = text.strip()
        if not text:
            raise RegisterError("the message is empty")
        mid = f"{self.replica.terminal_id}-{uuid.uuid4().hex[:10]}"
        rec = self.replica.put(KIND, mid, {
            "channel": channel, "text": text, "author": author,
            "department": role_department(role), "ts": self._clock(),
            "terminal": self.replica.terminal_id, "link": link, "mentions": list(mentions),
        }, actor=author, action="post")
        return Message.of(rec)

    def messages(self, channel: str | None = None) -> list[Message]:
        msgs = [Message.of(r) for r in self.replica.records(KIND)]
        if channel is not None:
            msgs = [m for m in msgs if m.channel == channel or channel in m.mentions]
        return sorted(msgs, key=lambda m: (m.ts, m.terminal, m.id))

    def mark_read(self, message_id: str, *, actor: str) -> None:
        rec = self.replica.get(KIND, message_id)
        if rec is None:
            raise RegisterError(f"no message {message_id!r}")
        key = f"read.{self.replica.terminal_id}"
        if rec.get(key) is None:
            self.replica.put(KIND, message_id, {key: self._clock()}, actor=actor,
                             action="read")

    def unread(self, channel: str) -> int:
        me = self.replica.terminal_id
        return sum(1 for m in self.messages(channel)
                   if me not in m.read_by and m.terminal != me)
