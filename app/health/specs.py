"""The health domain's service: wearable vitals against limits (`[health]`)."""

from __future__ import annotations

from app.alarms.engine import AlarmEngine
from app.health.config import parse_health
from app.health.monitor import HealthMonitor
from app.services import ConfigSection, ServiceContext, ServiceSpec


def _health(ctx: ServiceContext) -> HealthMonitor | None:
    cfg = ctx.config.sections.get("health")
    if cfg is None:
        return None
    return HealthMonitor(ctx.runtime, cfg, ctx.get(AlarmEngine), store=ctx.store)


SPEC = ServiceSpec(name="health", provides=HealthMonitor, build=_health,
                   sections=(ConfigSection("health", parse_health),), needs=(AlarmEngine,))
