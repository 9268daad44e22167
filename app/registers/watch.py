"""Register facts that raise alarms: certificates lapsing or lapsed, corrective actions
and response measures overdue (escalating), early-warning indicators past threshold.

`check()` runs once a minute (and at once after a register change): it defines an
external alarm per watched fact the first time it is seen and feeds its condition, so the
alarm engine's life cycle (acknowledge, shelve, journal) applies as to any other alarm.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from app.alarms.model import AlarmDefinition, AlarmKind, Priority
from app.registers import fields as f
from app.registers.risks import RiskRegister
from app.registers.suppliers import SupplierRegister, certificates, overdue_actions

log = logging.getLogger(__name__)

AREA = "registers"


class AlarmSink(Protocol):
    def define(self, definition: AlarmDefinition) -> None: ...

    def set_condition(self, alarm_id: str, active: bool, value: Any = None,
                      message: str | None = None) -> None: ...


@dataclass(frozen=True)
class WatchConfig:
    cert_warn_days: tuple[int, ...] = (90, 30)  # first: advisory (low), last: medium
    escalate_after_days: int = 7  # an overdue measure goes to the supervisor after this
    indicator_priority: Priority = Priority.MEDIUM


@dataclass
class _Watched:
    definition: AlarmDefinition
    active: bool = False


class RegisterWatch:
    def __init__(self, alarms: AlarmSink, suppliers: SupplierRegister, risks: RiskRegister,
                 config: WatchConfig, clock: Callable[[], float]) -> None:
        self.alarms, self.suppliers, self.risks = alarms, suppliers, risks
        self.config = config
        self._clock = clock
        self._watched: dict[str, _Watched] = {}

    def check(self) -> None:
        wanted: dict[str, tuple[Priority, str]] = {}
        today = f.today(self._clock())
        warn = sorted(self.config.cert_warn_days, reverse=True)
        for rec in self.suppliers.all():
            name = rec.get("name", rec.id)
            for c in certificates(rec, today):
                aid = f"supplier.{rec.id}.cert.{_slug(c.standard)}"
                if c.lapsed:
                    wanted[aid] = (Priority.HIGH, f"Supplier {name}: {c.standard} certificate "
                                                  f"lapsed {-c.days_left} days ago")
                elif warn and c.days_left <= warn[0]:
                    prio = Priority.MEDIUM if c.days_left <= warn[-1] else Priority.LOW
                    wanted[aid] = (prio, f"Supplier {name}: {c.standard} certificate lapses "
                                         f"in {c.days_left} days ({c.valid_to.isoformat()})")
            for i, a in enumerate(overdue_actions(rec, today)):
                wanted[f"supplier.{rec.id}.action.{i}"] = (
                    Priority.MEDIUM, f"Supplier {name}: corrective action overdue by "
                                     f"{a.days_over} days ({a.owner or 'no owner'})")
        for rec in self.risks.all():
            if rec.get("status") == "closed":
                continue
            title = rec.get("title", rec.id)
            for m in self.risks.overdue(rec):
                escalated = m.days_over >= self.config.escalate_after_days
                who = "supervisor" if escalated else (rec.get("owner_role") or m.responsible)
                wanted[f"risk.{rec.id}.measure.{m.measure}"] = (
                    Priority.HIGH if escalated else Priority.MEDIUM,
                    f"Risk {title}: measure overdue by {m.days_over} days "
                    f"({m.responsible}) — for the {who}")
            for r in self.risks.readings(rec):
                if r.crossed:
                    wanted[f"risk.{rec.id}.indicator.{r.indicator}"] = (
                        self.config.indicator_priority,
                        f"Risk {title}: early warning, {r.label} is {r.value:g} "
                        f"({r.op} {r.threshold:g})")
                    self.risks.propose(r)
        self._apply(wanted)

    def _apply(self, wanted: dict[str, tuple[Priority, str]]) -> None:
        for aid, (prio, message) in wanted.items():
            w = self._watched.get(aid)
            if w is None or w.definition.priority is not prio:
                d = AlarmDefinition(id=aid, kind=AlarmKind.EXTERNAL, priority=prio,
                                    message=message, area=AREA)
                self.alarms.define(d)
                w = self._watched[aid] = _Watched(d, w.active if w else False)
            self.alarms.set_condition(aid, True, message=message)
            w.active = True
        for aid, w in self._watched.items():
            if w.active and aid not in wanted:
                self.alarms.set_condition(aid, False)
                w.active = False

    def active(self) -> list[str]:
        return sorted(a for a, w in self._watched.items() if w.active)


def _slug(text: str) -> str:
    return "".join(ch.lower() if ch.isalnum() else "_" for ch in text).strip("_")
