"""The energy domain's service declaration: owns `[energy]`, needs the alarm engine."""

from __future__ import annotations

import concurrent.futures
from typing import Any

from app.alarms.engine import AlarmEngine
from app.auth.permissions import Action, Role
from app.energy.config import energy_of, parse_energy
from app.energy.service import EnergyService
from app.model import Value
from app.services import ConfigSection, ServiceContext, ServiceSpec
from app.writes import ActorRef, TagWrites


def _write_path(ctx: ServiceContext) -> Any:
    """The one checked, audited write (app.writes): role, type and limits checked, the
    audit record with the PLC's read-back (or the reason it failed)."""
    writes = ctx.get(TagWrites)

    def write(path: str, value: Value, actor: str,
              role: Role | None) -> concurrent.futures.Future:
        who = ActorRef(actor, role) if role is not None else None
        return writes.write(path, value, who, action=Action.ENERGY_APPLY,
                            via="energy recommendation", audit_as="energy.apply")

    return write


def _build(ctx: ServiceContext) -> EnergyService | None:
    cfg = energy_of(ctx.config)
    if cfg is None:
        return None
    return EnergyService(cfg, ctx.config, ctx.runtime, ctx.store, alarms=ctx.get(AlarmEngine),
                         write=_write_path(ctx), clock=ctx.clock)


SPEC = ServiceSpec(name="energy", provides=EnergyService, build=_build,
                   sections=(ConfigSection("energy", parse_energy),),
                   needs=(AlarmEngine, TagWrites))
