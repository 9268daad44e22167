"""Alarm values: definitions, ISA-18.2 states, events and the snapshots views read."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from app.model import Value


class Priority(IntEnum):
    """1 is the most urgent; views show the number, a shape and a colour."""

    CRITICAL = 1
    HIGH = 2
    MEDIUM = 3
    LOW = 4


class AlarmKind(StrEnum):
    HIGH = "high"
    HIGH_HIGH = "high_high"
    LOW = "low"
    LOW_LOW = "low_low"
    DEVIATION = "deviation"  # |value - setpoint| > limit; setpoint from a tag or fixed
    RATE_OF_CHANGE = "rate_of_change"  # |d value / dt| > limit, per second
    DISCRETE = "discrete"  # value equals (or does not equal) a given value
    BAD_QUALITY = "bad_quality"  # communication lost or the source reports BAD
    EXTERNAL = "external"  # evaluated elsewhere, fed by `engine.set_condition`


ANALOG_KINDS = frozenset({AlarmKind.HIGH, AlarmKind.HIGH_HIGH, AlarmKind.LOW, AlarmKind.LOW_LOW,
                          AlarmKind.DEVIATION, AlarmKind.RATE_OF_CHANGE})


class AlarmState(StrEnum):
    """What an operator sees. The first four are the ISA-18.2 annunciation states;
    the last three take an alarm out of annunciation (they win over the first four)."""

    NORMAL = "normal"
    UNACK = "unack"  # active, unacknowledged
    ACKED = "acked"  # active, acknowledged
    RTN_UNACK = "rtn_unack"  # returned to normal, unacknowledged
    SHELVED = "shelved"
    SUPPRESSED = "suppressed"  # by design (e.g. its station is in maintenance)
    OUT_OF_SERVICE = "out_of_service"


class EventKind(StrEnum):
    ACTIVATED = "activated"
    CLEARED = "cleared"
    ACKNOWLEDGED = "acknowledged"
    SHELVED = "shelved"
    UNSHELVED = "unshelved"
    SHELVE_EXPIRED = "shelve_expired"
    SUPPRESSED = "suppressed"
    UNSUPPRESSED = "unsuppressed"
    OUT_OF_SERVICE = "out_of_service"
    IN_SERVICE = "in_service"
    CHATTERING = "chattering"
    CHATTERING_END = "chattering_end"
    FLOOD_BEGIN = "flood_begin"  # engine-wide: alarm_id is ""
    FLOOD_END = "flood_end"


@dataclass(frozen=True)
class SuppressRule:
    """Suppression by design: the alarm is suppressed while `tag` equals `equals`."""

    tag: str
    equals: Value

    def holds(self, value: Value) -> bool:
        return value == self.equals


@dataclass(frozen=True)
class AlarmDefinition:
    """One alarm: what condition on which tag, how urgent, what the operator reads."""

    id: str
    kind: AlarmKind
    priority: Priority = Priority.MEDIUM
    message: str = ""
    tag: str | None = None
    limit: float | None = None
    deadband: float = 0.0
    on_delay_s: float = 0.0
    off_delay_s: float = 0.0
    setpoint_tag: str | None = None  # deviation: from this tag ...
    setpoint: float | None = None  # ... or this fixed value
    equals: Value = None  # discrete: active while value == equals ...
    not_equals: Value = None  # ... or while value != not_equals
    station: str | None = None
    area: str = ""
    suppress_when: SuppressRule | None = None
    unit: str = ""

    def __post_init__(self) -> None:
        # Programmer errors (the site file parser reports user errors with file and key).
        object.__setattr__(self, "kind", AlarmKind(self.kind))
        object.__setattr__(self, "priority", Priority(self.priority))
        if not self.id:
            raise ValueError("an alarm needs an id")
        if self.kind is not AlarmKind.EXTERNAL and not self.tag:
            raise ValueError(f"alarm {self.id!r} ({self.kind}) needs a tag")
        if self.kind in ANALOG_KINDS and self.limit is None:
            raise ValueError(f"alarm {self.id!r} ({self.kind}) needs a limit")
        if self.kind is AlarmKind.DEVIATION and (self.setpoint_tag is None) == (
                self.setpoint is None):
            raise ValueError(f"alarm {self.id!r}: give either setpoint_tag or setpoint")
        if self.kind is AlarmKind.DISCRETE and (self.equals is None) == (self.not_equals is None):
            raise ValueError(f"alarm {self.id!r}: give either equals or not_equals")
        if self.deadband < 0 or self.on_delay_s < 0 or self.off_delay_s < 0:
            raise ValueError(f"alarm {self.id!r}: deadband and delays must be >= 0")


@dataclass(frozen=True)
class ActionRecord:
    """An operator action on an alarm (ack, shelve, service), shared between terminals.

    `id` makes applying it idempotent; `ts` decides which of two actions wins.
    """

    id: str
    ts: float
    actor: str
    role: str
    terminal: str
    action: str  # "ack", "shelve", "unshelve", "out_of_service", "in_service"
    reason: str = ""
    until: float | None = None  # shelve expiry (epoch seconds)

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "ts": self.ts, "actor": self.actor, "role": self.role,
                "terminal": self.terminal, "action": self.action, "reason": self.reason,
                "until": self.until}

    @classmethod
    def from_json(cls, d: dict[str, object]) -> ActionRecord:
        """Raises ValueError/TypeError/KeyError on a malformed record."""
        until = d.get("until")
        return cls(id=str(d["id"]), ts=float(d["ts"]), actor=str(d["actor"]),  # type: ignore[arg-type]
                   role=str(d.get("role", "")), terminal=str(d.get("terminal", "")),
                   action=str(d["action"]), reason=str(d.get("reason") or ""),
                   until=None if until is None else float(until))  # type: ignore[arg-type]


@dataclass(frozen=True)
class AlarmStatus:
    """A snapshot of one alarm, safe to hand to another thread."""

    definition: AlarmDefinition
    state: AlarmState  # what the operator sees (shelved/suppressed/OOS win)
    process_state: AlarmState  # NORMAL, UNACK, ACKED or RTN_UNACK
    active: bool  # the condition (after delays) holds now
    value: Value = None
    since: float | None = None  # when the current process state began
    changed_at: float | None = None
    first_out: bool = False
    chattering: bool = False
    shelved: ActionRecord | None = None  # the shelve action while shelved
    out_of_service: ActionRecord | None = None
    suppressed: bool = False
    last_ack: ActionRecord | None = None
    message: str = ""  # the definition's message, or the one given by set_condition
    last_shelve: ActionRecord | None = None  # latest shelve or unshelve (shared state)
    last_service: ActionRecord | None = None  # latest out-of/in-service (shared state)

    @property
    def id(self) -> str:
        return self.definition.id

    @property
    def priority(self) -> Priority:
        return self.definition.priority

    @property
    def unacked(self) -> bool:
        return self.state in (AlarmState.UNACK, AlarmState.RTN_UNACK)


@dataclass(frozen=True)
class AlarmEvent:
    """One journaled transition; `status` is the alarm after it (None for flood events)."""

    ts: float
    alarm_id: str
    kind: EventKind
    state: AlarmState | None
    prev_state: AlarmState | None
    priority: int | None
    value: Value = None
    actor: str = ""  # user id; "" for the process, "system" for timers
    terminal: str = ""
    message: str = ""
    origin: str = "local"  # "local" or "remote" (applied from another terminal)
    action: ActionRecord | None = None
    status: AlarmStatus | None = None


@dataclass(frozen=True)
class AlarmSummary:
    by_priority: dict[int, int] = field(default_factory=dict)  # active alarms (not NORMAL)
    unacked: int = 0
    unacked_by_priority: dict[int, int] = field(default_factory=dict)
    shelved: int = 0
    suppressed: int = 0
    out_of_service: int = 0
    flood: bool = False
