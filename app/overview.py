"""The plant as a supervisor desktop sees it: terminals, line summaries, open andons.

Every terminal publishes a retained summary of its line (station states, power,
alarm counts) on `<root>/lines/<line id>/summary` when it changes, at most every
`min_interval` s; presence comes from the retained status/last-will topic
`<root>/terminals/<id>/status`. A supervisor desktop is the same program that
subscribes to these for every line.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.alarms.engine import AlarmEngine
from app.model import Quality
from app.observers import Observers
from app.services import ServiceContext, ServiceSpec
from layouts import mimic

log = logging.getLogger(__name__)


def line_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "line"


@dataclass(frozen=True)
class TerminalSeen:
    terminal: str
    online: bool
    ts: float
    line: str = ""


@dataclass(frozen=True)
class LineSummary:
    line: str
    name: str
    ts: float
    stations: dict[str, str] = field(default_factory=dict)  # station name -> state
    values: dict[str, str] = field(default_factory=dict)  # label -> "123.4 kW"
    alarms: dict[str, int] = field(default_factory=dict)  # "p1".."p4", "unacked"
    # For the supervisor's small mimic of the line (layouts.mimic): the drawing
    # (LineMimic.to_json) and what it shows now (`live_state`); {} from older terminals.
    mimic: dict[str, Any] = field(default_factory=dict)
    live: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "name": self.name, "ts": self.ts,
                "stations": self.stations, "values": self.values, "alarms": self.alarms,
                "mimic": self.mimic, "live": self.live}


StationAlarms = dict[str, tuple[int, int, bool]]  # station id -> (active, top priority, unacked)


def live_state(config: Any, latest: dict[str, Any],
               station_alarms: StationAlarms | None = None) -> dict[str, Any]:
    """What the mimic of this line shows now: per station its state and count (None
    when not GOOD), its alarms; the conveyor's state, speed and carriers; the stop."""
    def good(tag: str | None) -> Any:
        s = latest.get(tag) if tag else None
        return s.value if s is not None and s.quality is Quality.GOOD else None

    line = mimic.build(config)
    out: dict[str, Any] = {"stations": {}, "alarms": {}}
    for st in line.stations:
        out["stations"][st.id] = [good(st.state_tag), good(st.cycle_tag)]
    for sid, (n, top, unacked) in (station_alarms or {}).items():
        if n:
            out["alarms"][sid] = [n, top, unacked]
    if line.conveyor is not None:
        out["conveyor"] = good(line.conveyor.state_tag)
        out["speed"] = good(line.speed_tag)
        out["carriers"] = good(line.carrier_tag)
    estop = config.sections.get("estop")
    circuit = good(getattr(estop, "circuit_state_tag", None))
    out["stopped"] = circuit is not None and str(circuit).lower() == str(
        getattr(estop, "stopped_value", "stopped")).lower()
    return out


def station_alarms_of(config: Any, engine: Any) -> StationAlarms:
    """Active alarms per station (count, most urgent priority, any unacknowledged)."""
    active = engine.active()
    where = mimic.station_alarm_map(config, [a.definition for a in active])
    out: dict[str, list[Any]] = {}
    for a in active:
        sid = where.get(a.id)
        if sid is None:
            continue
        n, top, unacked = out.get(sid, [0, 99, False])
        out[sid] = [n + 1, min(top, int(a.priority)), unacked or a.unacked]
    return {k: (int(v[0]), int(v[1]), bool(v[2])) for k, v in out.items()}


def summarize(config: Any, latest: dict[str, Any], alarms: dict[str, int] | None = None,
              clock: Callable[[], float] = time.time,
              station_alarms: StationAlarms | None = None) -> LineSummary:
    """Build this terminal's line summary from the runtime's latest values."""
    stations: dict[str, str] = {}
    power = 0.0
    power_known = False
    for st in config.stations.values():
        s = latest.get(st.state_tag) if st.state_tag else None
        stations[st.name] = (str(s.value) if s is not None and s.quality is Quality.GOOD
                             else "unknown")
        p = latest.get(st.power_tag) if st.power_tag else None
        if p is not None and p.quality is Quality.GOOD and isinstance(p.value, int | float):
            power += float(p.value)
            power_known = True
    values = {"power": f"{power:.1f} kW"} if power_known else {}
    return LineSummary(line_id(config.site.line or config.site.id),
                       config.site.line or config.site.name, clock(), stations, values,
                       dict(alarms or {}), mimic.build(config).to_json(),
                       live_state(config, latest, station_alarms))


class OverviewPublisher:
    """Publishes this terminal's line summary when it changes (rate-limited)."""

    def __init__(self, runtime: Any, alarms: Callable[[], dict[str, int]] | None = None,
                 min_interval: float = 5.0, heartbeat: float = 60.0,
                 station_alarms: Callable[[], StationAlarms] | None = None) -> None:
        self._runtime, self._alarms = runtime, alarms
        self._station_alarms = station_alarms
        self._min, self._heartbeat = min_interval, heartbeat
        self._last: tuple[float, dict[str, Any]] | None = None
        self._cancel: Callable[[], None] | None = None

    def start(self) -> None:
        """Check for a change every second (published at most every `min_interval`)."""
        if self._cancel is None:
            self._cancel = self._runtime.every(1.0, self.tick, "line summary")

    def stop(self) -> None:
        if self._cancel is not None:
            self._cancel()
            self._cancel = None

    def tick(self, now: float | None = None) -> bool:
        """Call periodically (GUI timer or runtime); returns True when it published."""
        now = time.time() if now is None else now
        rt = self._runtime
        summary = summarize(rt.config, dict(rt.latest), self._alarms() if self._alarms else None,
                            station_alarms=self._station_alarms() if self._station_alarms
                            else None)
        body = summary.to_json()
        comparable = {k: v for k, v in body.items() if k != "ts"}
        if self._last is not None:
            t, prev = self._last
            if now - t < self._min or (prev == comparable and now - t < self._heartbeat):
                return False
        self._last = (now, comparable)
        topic = f"{rt.config.site.topic_root}/lines/{summary.line}/summary"
        rt.publish(topic, body, retain=True)
        return True


class PlantDirectory:
    """What a supervisor desktop knows of every line and terminal (thread-safe)."""

    def __init__(self, runtime: Any) -> None:
        self._runtime = runtime
        self._lock = threading.Lock()
        self.terminals: dict[str, TerminalSeen] = {}
        self.lines: dict[str, LineSummary] = {}
        self._observers: Observers = Observers("plant directory")
        self._removers: list[Callable[[], None]] = []

    def start(self) -> None:
        root = self._runtime.config.site.topic_root
        self._removers = [
            self._runtime.subscribe_topic(f"{root}/terminals/+/status", self._on_status),
            self._runtime.subscribe_topic(f"{root}/lines/+/summary", self._on_summary)]

    def stop(self) -> None:
        while self._removers:
            self._removers.pop()()

    def subscribe(self, observer: Callable[[], None]) -> Callable[[], None]:
        """`observer()` after any terminal or line changed; returns a remover."""
        return self._observers.add(observer)

    def snapshot(self) -> tuple[dict[str, TerminalSeen], dict[str, LineSummary]]:
        with self._lock:
            return dict(self.terminals), dict(self.lines)

    def _on_status(self, topic: str, payload: bytes) -> None:
        terminal = topic.rsplit("/", 2)[-2]
        data = _json(topic, payload)
        if data is None:
            return
        seen = TerminalSeen(terminal, bool(data.get("online")), float(data.get("ts") or 0),
                            str(data.get("line", "")))
        with self._lock:
            self.terminals[terminal] = seen
        self._notify()

    def _on_summary(self, topic: str, payload: bytes) -> None:
        data = _json(topic, payload)
        if data is None:
            return
        try:
            summary = LineSummary(str(data["line"]), str(data.get("name", data["line"])),
                                  float(data.get("ts", 0)), dict(data.get("stations", {})),
                                  dict(data.get("values", {})), dict(data.get("alarms", {})),
                                  dict(data.get("mimic") or {}), dict(data.get("live") or {}))
        except (KeyError, TypeError, ValueError) as e:
            log.warning("ignoring a malformed line summary on %s: %s", topic, e)
            return
        with self._lock:
            self.lines[summary.line] = summary
        self._notify()

    def _notify(self) -> None:
        self._observers.notify()


def _json(topic: str, payload: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(payload)
    except ValueError:
        log.warning("ignoring a non-JSON message on %s", topic)
        return None
    if not isinstance(data, dict):
        log.warning("ignoring a message on %s: expected a JSON object", topic)
        return None
    return data


def alarm_counts(engine: AlarmEngine) -> dict[str, int]:
    """What a line summary says of the alarms: counts per priority and unacknowledged."""
    s = engine.summary()
    counts = {f"p{p}": n for p, n in s.by_priority.items() if n}
    counts["unacked"] = s.unacked
    return counts


def _directory(ctx: ServiceContext) -> PlantDirectory | None:
    return PlantDirectory(ctx.runtime) if ctx.shared else None


def _publisher(ctx: ServiceContext) -> OverviewPublisher | None:
    if not ctx.shared:
        return None
    engine = ctx.get(AlarmEngine)
    return OverviewPublisher(ctx.runtime, alarms=lambda: alarm_counts(engine),
                             station_alarms=lambda: station_alarms_of(ctx.config, engine))


DIRECTORY = ServiceSpec(name="directory", provides=PlantDirectory, build=_directory)
PUBLISHER = ServiceSpec(name="line_summary", provides=OverviewPublisher, build=_publisher,
                        needs=(AlarmEngine,))
