"""The energy domain's service declaration: owns `[energy]`, needs the alarm engine."""

from __future__ import annotations

import concurrent.futures
from typing import Any

from app.alarms.engine import AlarmEngine
from app.energy.config import energy_of, parse_energy
from app.energy.service import EnergyService
from app.model import Value
from app.services import ConfigSection, ServiceContext, ServiceSpec


def _write_path(ctx: ServiceContext) -> Any:
    """The checked, audited write: limits and type by the runtime, then the audit record
    with the PLC's read-back (or the reason it failed)."""
    runtime, store = ctx.runtime, ctx.store

    def write(path: str, value: Value, actor: str) -> concurrent.futures.Future:
        fut = runtime.write(path, value)

        def audit(f: concurrent.futures.Future) -> None:
            err = f.exception()
            detail = {"requested": value, "read_back": None if err else f.result().value,
                      "error": str(err) if err else "", "by": "energy recommendation"}
            store.audit.record(actor, "energy.apply", path, detail)

        fut.add_done_callback(audit)
        return fut

    return write


def _build(ctx: ServiceContext) -> EnergyService | None:
    cfg = energy_of(ctx.config)
    if cfg is None:
        return None
    return EnergyService(cfg, ctx.config, ctx.runtime, ctx.store, alarms=ctx.get(AlarmEngine),
                         write=_write_path(ctx), clock=ctx.clock)


SPEC = ServiceSpec(name="energy", provides=EnergyService, build=_build,
                   sections=(ConfigSection("energy", parse_energy),), needs=(AlarmEngine,))
