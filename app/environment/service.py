"""Environment monitoring as a terminal service (built where `[environment]` is set)."""

from __future__ import annotations

from collections.abc import Callable

from app.alarms.engine import AlarmEngine
from app.environment.config import parse
from app.environment.monitor import EnvironmentMonitor
from app.model import Quality
from app.runtime import Runtime
from app.services import ConfigSection, ServiceContext, ServiceSpec, stop_all


class Environment:
    """The monitor, following the runtime's change stream for late samples."""

    def __init__(self, monitor: EnvironmentMonitor, runtime: Runtime) -> None:
        self.monitor = monitor
        self.runtime = runtime
        self._removers: list[Callable[[], None]] = []

    def start(self) -> None:
        self.monitor.start()
        self._removers.append(self.monitor.stop)
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
    return Environment(monitor, runtime)


SPEC = ServiceSpec(name="environment", provides=Environment, build=build,
                   sections=(ConfigSection("environment", parse),), needs=(AlarmEngine,))
