"""Evacuation alarms: the few alarms (gas at the evacuation level, ...) that mean
"leave the hall now", shown full width on every terminal of the line.

    [evacuation]
    alarms = ["hall_gas_hihi"]   # alarm ids (or prefixes ending in "*")

An evacuation is active while any listed alarm is active here (this terminal's engine)
or on another terminal of the line (their retained `<root>/alarms/<id>/state`, which
alarm sharing publishes), so a terminal that does not read the gas sensor still shows
it. The view (widgets/evacuation.py) takes `active()` on a timer; nothing here blocks.
"""

from __future__ import annotations

import fnmatch
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.config import SiteConfig, Table

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EvacuationConfig:
    alarms: tuple[str, ...] = ()

    def matches(self, alarm_id: str) -> bool:
        return any(fnmatch.fnmatchcase(alarm_id, p) for p in self.alarms)


def parse_evacuation(root: Table, cfg: SiteConfig) -> EvacuationConfig:
    t = root.table("evacuation")
    items = t.list("alarms", required=True)
    if not items or not all(isinstance(a, str) and a for a in items):
        raise t.error("alarms", "expected a list of alarm ids (or patterns such as "
                      "\"hall_gas_*\")")
    t.done()
    return EvacuationConfig(tuple(items))


@dataclass(frozen=True)
class Evacuation:
    alarm_id: str
    message: str
    terminal: str  # where it is active ("" for this terminal)
    since: float | None = None


class EvacuationWatch:
    """Which evacuation alarms are active on the line, here or elsewhere."""

    def __init__(self, alarms: Any, config: EvacuationConfig, *, topic_root: str,
                 terminal_id: str, transport: Any = None) -> None:
        self.alarms = alarms
        self.config = config
        self.root = topic_root.rstrip("/")
        self.terminal_id = terminal_id
        self.transport = transport
        self._lock = threading.Lock()
        self._remote: dict[tuple[str, str], Evacuation] = {}  # (alarm, terminal) -> active
        self._unsubscribe: list[Callable[[], None]] = []

    def start(self) -> None:
        if self.transport is not None:
            try:
                unsub = self.transport.subscribe_topic(f"{self.root}/alarms/+/state",
                                                       self.on_message)
                if callable(unsub):
                    self._unsubscribe.append(unsub)
            except Exception as e:
                log.warning("evacuation: cannot follow other terminals' alarms: %s", e)

    def stop(self) -> None:
        for u in self._unsubscribe:
            u()
        self._unsubscribe.clear()

    def on_message(self, topic: str, payload: bytes) -> None:
        parts = topic.split("/")
        if len(parts) < 3 or not self.config.matches(parts[-2]) or not payload:
            return
        try:
            msg = json.loads(payload)
            terminal = str(msg["terminal"])
            active = bool(msg["active"]) and msg.get("state") not in (
                "shelved", "suppressed", "out_of_service")
        except (ValueError, TypeError, KeyError) as e:
            log.warning("evacuation: ignored a malformed message on %s: %s", topic, e)
            return
        if terminal == self.terminal_id:
            return
        key = (parts[-2], terminal)
        with self._lock:
            if active:
                self._remote[key] = Evacuation(parts[-2], str(msg.get("message") or ""),
                                               terminal, msg.get("since"))
            else:
                self._remote.pop(key, None)

    def active(self) -> list[Evacuation]:
        """Active evacuations, this terminal's first, one per alarm id."""
        out: dict[str, Evacuation] = {}
        if self.alarms is not None:
            for s in self.alarms.active():
                if self.config.matches(s.id) and s.active:
                    out[s.id] = Evacuation(s.id, s.message or s.id, "", s.since)
        with self._lock:
            for ev in self._remote.values():
                out.setdefault(ev.alarm_id, ev)
        return list(out.values())


def _build(ctx: Any) -> EvacuationWatch | None:
    from app.alarms.engine import AlarmEngine

    cfg = ctx.config.sections.get("evacuation")
    if cfg is None:
        return None
    site = ctx.config.site
    return EvacuationWatch(ctx.get(AlarmEngine), cfg, topic_root=site.topic_root,
                           terminal_id=site.terminal_id,
                           transport=ctx.runtime if ctx.shared else None)


def _spec() -> Any:
    from app.alarms.engine import AlarmEngine
    from app.services import ConfigSection, ServiceSpec

    return ServiceSpec(name="evacuation", provides=EvacuationWatch, build=_build,
                       sections=(ConfigSection("evacuation", parse_evacuation),),
                       needs=(AlarmEngine,))


SPEC = _spec()  # in app.domains after the alarm engine
