"""Communication loss: one alarm per source, naming the source and the line.

An alarm on one tag's BAD quality (the old way) names a station for what is a link
fault, fires once per tag or not at all, and waits for an on-delay chosen to sit out a
start-up. Instead each source of the terminal gets one alarm, `comm.<source id>`,
raised as soon as the source itself reports the link lost (OFFLINE or RECONNECTING).
The sources detect that within two keep-alive periods (app/sources/opcua.py: a silent
session is probed every half keep-alive; MQTT: the broker's keep-alive), so the alarm
follows the link with no delay of its own. While a source is still CONNECTING for the
first time nothing is raised: a terminal that starts is not a link that was lost; a
first connection that fails (OFFLINE) is.

    [comm_loss]
    priority = 2                     # default for every source (1 most urgent .. 4)
    [comm_loss.sources]
    plc-body = 1                     # a PLC the line cannot run blind on
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.config import SiteConfig, Table
from app.model import LinkState, LinkStatus

log = logging.getLogger(__name__)

AREA = "links"
_LOST = (LinkState.OFFLINE, LinkState.RECONNECTING)
_WHAT = {"opcua": "the PLC", "mqtt": "the broker", "sparkplug": "the Sparkplug broker"}


def alarm_id(source_id: str) -> str:
    return f"comm.{source_id}"


@dataclass(frozen=True)
class CommLossConfig:
    priority: int = 2
    sources: dict[str, int] = field(default_factory=dict)  # source id -> priority

    def priority_of(self, source_id: str) -> int:
        return self.sources.get(source_id, self.priority)


def parse_comm_loss(root: Table, cfg: SiteConfig) -> CommLossConfig:
    t = root.table("comm_loss")
    priority = t.int("priority", 2, min=1, max=4)
    per: dict[str, int] = {}
    if "sources" in t.data:
        st = t.table("sources")
        for sid in list(st.data):
            if sid not in cfg.sources:
                known = ", ".join(sorted(cfg.sources)) or "none defined"
                raise st.error(sid, f"unknown source {sid!r} (sources: {known})")
            per[sid] = st.int(sid, required=True, min=1, max=4)
        st.done()
    t.done()
    return CommLossConfig(priority=priority, sources=per)


def message(line: str, source_id: str, kind: str) -> str:
    what = _WHAT.get(kind, "the source")
    return f"{line}: communication with {what} {source_id} lost"


class CommLossMonitor:
    """Raises `comm.<source>` in `alarms` while that source's link is lost."""

    def __init__(self, runtime: Any, alarms: Any, config: CommLossConfig | None = None,
                 *, line: str = "") -> None:
        self.runtime = runtime
        self.alarms = alarms
        self.config = config or CommLossConfig()
        site = runtime.config.site
        self.line = line or site.line or site.name
        self.sources = dict(runtime.config.sources)
        self._unsubscribe: Callable[[], None] | None = None

    def start(self) -> None:
        from app.alarms.model import AlarmDefinition, AlarmKind, Priority

        for sid, sc in self.sources.items():
            self.alarms.define(AlarmDefinition(
                id=alarm_id(sid), kind=AlarmKind.EXTERNAL,
                priority=Priority(self.config.priority_of(sid)),
                message=message(self.line, sid, sc.kind), area=AREA))
        self._unsubscribe = self.runtime.subscribe_status(self.on_status)
        for status in list(self.runtime.links.values()):
            self.on_status(status)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def on_status(self, status: LinkStatus) -> None:
        """Link-status listener (runtime thread)."""
        if status.source not in self.sources:
            return
        if status.state is LinkState.CONNECTING:
            return  # not yet known either way
        lost = status.state in _LOST
        self.alarms.set_condition(alarm_id(status.source), lost,
                                  value=status.detail if lost else None)


def _build(ctx: Any) -> CommLossMonitor:
    from app.alarms.engine import AlarmEngine

    return CommLossMonitor(ctx.runtime, ctx.get(AlarmEngine),
                           ctx.config.sections.get("comm_loss"))


def _spec() -> Any:
    from app.alarms.engine import AlarmEngine
    from app.services import ConfigSection, ServiceSpec

    return ServiceSpec(name="comm_loss", provides=CommLossMonitor, build=_build,
                       sections=(ConfigSection("comm_loss", parse_comm_loss),),
                       needs=(AlarmEngine,))


SPEC = _spec()  # in app.domains after the alarm engine
