"""Environment monitoring as a terminal service (built where `[environment]` is set)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.alarms.engine import AlarmEngine
from app.environment.config import parse
from app.environment.monitor import EnvironmentMonitor
from app.environment.reports import ReportScheduler
from app.model import Quality
from app.runtime import Runtime
from app.services import ConfigSection, ServiceContext, ServiceSpec, stop_all


class Environment:
    """The monitor, following the runtime's change stream for late samples, and the
    scheduled ESG reports."""

    def __init__(self, monitor: EnvironmentMonitor, reports: ReportScheduler,
                 runtime: Runtime) -> None:
        self.monitor = monitor
        self.reports = reports
        self.runtime = runtime
        self._removers: list[Callable[[], None]] = []

    def start(self) -> None:
        self.monitor.start()
        self._removers.append(self.monitor.stop)
        self.reports.start()
        self._removers.append(self.reports.stop)
        self._removers.append(self.runtime.subscribe(self.monitor.on_samples))

    def stop(self) -> None:
        stop_all(self._removers)


def build(ctx: ServiceContext) -> Environment | None:
    cfg = ctx.config.sections.get("environment")
    if cfg is None:
        return None
    runtime = ctx.runtime

    def latest(tag: str) -> float | None:
        s = runtime.latest.get(tag)
        if s is None or s.quality is Quality.BAD or isinstance(s.value, bool | str | None):
            return None
        return float(s.value)

    monitor = EnvironmentMonitor(cfg, ctx.store, ctx.get(AlarmEngine), latest=latest,
                                 clock=ctx.clock)
    root = ctx.config.site.topic_root

    def publish(label: str, payload: dict[str, Any]) -> None:
        runtime.publish(f"{root}/reports/esg/{label}", payload, qos=1).result(10)

    reports = ReportScheduler(ctx.config, ctx.store, publish, ctx.store.path.parent / "reports",
                              clock=ctx.clock)
    return Environment(monitor, reports, runtime)


SPEC = ServiceSpec(name="environment", provides=Environment, build=build,
                   sections=(ConfigSection("environment", parse),), needs=(AlarmEngine,))
