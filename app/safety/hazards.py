"""Hazard alarms for a manager's phone: every transition of a hazard alarm (danger-zone
intrusion, smoke, gas, hall temperature, ...) published as JSON on
`<topic_root>/hazards`.

    [hazards]
    alarms = ["zone.*", "env.*"]   # alarm ids (fnmatch patterns) that count as hazards
    areas = ["safety"]             # ... and alarms of these areas

Payload: {"alarm_id", "priority", "message", "state", "event", "ts", "terminal"}.
Health alarms (area "health") are personal data and are never published here, whatever
the patterns say.
"""

from __future__ import annotations

import fnmatch
import logging
from dataclasses import dataclass
from typing import Any

from app.config import SiteConfig, Table

log = logging.getLogger(__name__)

HEALTH_AREA = "health"
_PUBLISHED = frozenset({"activated", "cleared", "acknowledged", "shelved", "unshelved",
                        "shelve_expired", "out_of_service", "in_service"})


@dataclass(frozen=True)
class HazardsConfig:
    alarms: tuple[str, ...] = ("zone.*",)
    areas: tuple[str, ...] = ("safety",)
    topic: str = "hazards"  # below the site's topic_root


def parse_hazards(root: Table, cfg: SiteConfig) -> HazardsConfig:
    t = root.table("hazards")
    c = HazardsConfig(tuple(t.list("alarms", ["zone.*"], of=str)),
                      tuple(t.list("areas", ["safety"], of=str)),
                      t.str("topic", "hazards", pattern=r"[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-]+)*"))
    t.done()
    return c


class HazardPublisher:
    """Alarm-engine observer that forwards hazard alarm events to the broker."""

    def __init__(self, runtime: Any, alarms: Any, config: HazardsConfig | None = None) -> None:
        self.runtime = runtime
        self.config = config or HazardsConfig()
        site = runtime.config.site
        self.topic = f"{site.topic_root}/{self.config.topic}"
        self._terminal = site.terminal_id
        self._unsubscribe = alarms.subscribe(self.on_events)

    def is_hazard(self, definition: Any) -> bool:
        if definition.area == HEALTH_AREA:
            return False
        return definition.area in self.config.areas or any(
            fnmatch.fnmatchcase(definition.id, p) for p in self.config.alarms)

    def on_events(self, events: list[Any]) -> None:
        for ev in events:
            st = ev.status
            if st is None or str(ev.kind) not in _PUBLISHED or not self.is_hazard(st.definition):
                continue
            payload = {"alarm_id": ev.alarm_id, "priority": int(st.priority),
                       "message": ev.message or st.message, "state": str(ev.state),
                       "event": str(ev.kind), "ts": ev.ts, "terminal": self._terminal}
            try:
                fut = self.runtime.publish(self.topic, payload, qos=1)
                fut.add_done_callback(_log_failure(ev.alarm_id))
            except Exception:
                log.exception("hazards: publish of %s failed", ev.alarm_id)

    def start(self) -> None:
        """Forwards hazard events from construction on."""

    def stop(self) -> None:
        self.close()

    def close(self) -> None:
        self._unsubscribe()


def _log_failure(alarm_id: str) -> Any:
    def cb(f: Any) -> None:
        if not f.cancelled() and f.exception() is not None:
            log.warning("hazards: publish of %s failed: %s", alarm_id, f.exception())
    return cb
