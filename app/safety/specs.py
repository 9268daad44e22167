"""The safety domain's services, each where the site file configures it: the e-stop
(`[estop]`), hazard alerts on the broker (`[hazards]`) and danger zones (`[[zones]]`
with `[positions]`). The e-stop comes first in `app.domains`: nothing can delay it."""

from __future__ import annotations

from app.alarms.engine import AlarmEngine
from app.config import ConfigError
from app.safety.estop import EStopController, parse_estop
from app.safety.hazards import HazardPublisher, HazardsConfig, parse_hazards
from app.safety.zones import PositionsConfig, ZoneMonitor, parse_positions, parse_zones
from app.services import ConfigSection, ServiceContext, ServiceSpec


def _estop(ctx: ServiceContext) -> EStopController | None:
    cfg = ctx.config.sections.get("estop")
    return None if cfg is None else EStopController(ctx.runtime, cfg, store=ctx.store)


def _hazards(ctx: ServiceContext) -> HazardPublisher:
    return HazardPublisher(ctx.runtime, ctx.get(AlarmEngine),
                           ctx.config.sections.get("hazards", HazardsConfig()))


def _zones(ctx: ServiceContext) -> ZoneMonitor | None:
    sections = ctx.config.sections
    if not sections.get("zones"):
        return None
    positions = sections.get("positions")
    if not isinstance(positions, PositionsConfig):
        raise ConfigError(ctx.config.file, "positions", "[[zones]] need a [positions] "
                          "section (where worker positions come from)")
    return ZoneMonitor(ctx.runtime, sections["zones"], positions, ctx.get(AlarmEngine))


class _EStopLifecycle:
    """The controller's own `start` starts the line; the terminal only closes it."""

    def __init__(self, estop: EStopController) -> None:
        self.estop = estop

    def start(self) -> None:
        """It follows the circuit from construction on."""

    def stop(self) -> None:
        self.estop.close()


ESTOP = ServiceSpec(name="estop", provides=EStopController, build=_estop,
                    sections=(ConfigSection("estop", parse_estop),),
                    lifecycle=_EStopLifecycle)
HAZARDS = ServiceSpec(name="hazards", provides=HazardPublisher, build=_hazards,
                      sections=(ConfigSection("hazards", parse_hazards),),
                      needs=(AlarmEngine,))
ZONES = ServiceSpec(name="zones", provides=ZoneMonitor, build=_zones,
                    sections=(ConfigSection("zones", parse_zones),
                              ConfigSection("positions", parse_positions)),
                    needs=(AlarmEngine,))
