"""Wiring: build and start the safety and health services a site file configures.

    services = start_safety(runtime, alarm_engine)   # after runtime.start()
    services.estop.press(None) ...
    services.stop()

A section that is absent gives None for its service (a terminal without wearables has
no health monitor). The PanelContext carries them as services["estop"], ["zones"],
["health"].
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.safety.estop import EStopController
from app.safety.hazards import HazardPublisher, HazardsConfig
from app.safety.line_stop import LineStop
from app.safety.zones import PositionsConfig, ZoneMonitor


@dataclass
class SafetyServices:
    estop: EStopController | None = None
    zones: ZoneMonitor | None = None
    hazards: HazardPublisher | None = None
    health: Any = None  # app.health.monitor.HealthMonitor
    line_stop: LineStop | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in (("estop", self.estop), ("zones", self.zones),
                                  ("hazards", self.hazards), ("health", self.health),
                                  ("line_stop", self.line_stop))
                if v is not None}

    def stop(self) -> None:
        for s in (self.zones, self.health, self.line_stop):
            if s is not None:
                s.stop()
        if self.hazards is not None:
            self.hazards.close()
        if self.estop is not None:
            self.estop.close()


def start_safety(runtime: Any, alarms: Any, *, store: Any = None) -> SafetyServices:
    sections = runtime.config.sections
    out = SafetyServices()
    if "estop" in sections:
        out.estop = EStopController(runtime, sections["estop"], store=store)
    site = runtime.config.site
    if alarms is not None:
        # The stop as the top alarm: from this terminal's read-back, or shared over the
        # broker by the terminals that have one.
        out.line_stop = LineStop(alarms, line=site.line or site.name,
                                 topic_root=site.topic_root, terminal_id=site.terminal_id,
                                 estop=out.estop,
                                 transport=runtime if site.broker else None)
        out.line_stop.start()
        out.hazards = HazardPublisher(runtime, alarms, sections.get("hazards", HazardsConfig()))
        if sections.get("zones"):
            positions = sections.get("positions")
            if positions is None:
                from app.config import ConfigError
                raise ConfigError(runtime.config.file, "positions",
                                  "[[zones]] need a [positions] section (where worker "
                                  "positions come from)")
            assert isinstance(positions, PositionsConfig)
            out.zones = ZoneMonitor(runtime, sections["zones"], positions, alarms)
            out.zones.start()
        if "health" in sections:
            from app.health.monitor import HealthMonitor

            out.health = HealthMonitor(runtime, sections["health"], alarms, store=store)
            out.health.start()
    return out
