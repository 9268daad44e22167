"""Danger zones of robot cells: worker positions against zone polygons while the robot
is active; the intrusion alarm (through the alarm engine) and the safe-speed request.

Configuration (site file):

    [positions]                       # where worker positions come from
    topic = "demo/body/line1/wearables/{worker}/{signal}"
    x = "pos_x"                       # the signal carrying x, metres on the hall floor
    y = "pos_y"
    stale_after_s = 15                # a position older than this is forgotten

    [[zones]]
    id = "robot3"
    name = "Robot cell 3"
    polygon = [[27, 6.5], [33, 6.5], [33, 13.5], [27, 13.5]]   # metres
    robot_state_tag = "demo/body/line1/weld/robot3/state"
    active_values = ["running"]       # robot states that make the zone dangerous
    safe_speed_tag = "demo/body/line1/weld/robot3/safe_speed"  # optional, writable
    safe_speed_value = true           # written on intrusion ...
    release_value = false             # ... and when the zone is empty again
    priority = 1                      # alarm priority (1 = critical)
    hysteresis_m = 0.5                # a worker counts as inside until this far out

Positions arrive on the raw MQTT topic (subscribed with the pattern's filter, so any
worker counts without a tag per worker) and also from the change stream when the site
defines them as tags. A robot state that is not GOOD counts as active (fail safe).
The alarm of a zone is "zone.<id>.intrusion" (kind EXTERNAL, area "safety"); it names
the pseudonyms inside, never a person.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.config import SiteConfig, Table
from app.model import Quality, Sample, Value
from app.observers import Observers
from app.safety.wearables import BadReading, TopicPattern, parse_reading

log = logging.getLogger(__name__)

Point = tuple[float, float]
SAFETY_AREA = "safety"


# --- configuration ---------------------------------------------------------------------


@dataclass(frozen=True)
class PositionsConfig:
    topic: TopicPattern
    x: str = "pos_x"
    y: str = "pos_y"
    stale_after_s: float = 15.0


@dataclass(frozen=True)
class ZoneConfig:
    id: str
    name: str
    polygon: tuple[Point, ...]
    robot_state_tag: str
    active_values: tuple[str, ...] = ("running",)
    safe_speed_tag: str | None = None
    safe_speed_value: Value = True
    release_value: Value = False
    priority: int = 1
    hysteresis_m: float = 0.5

    @property
    def alarm_id(self) -> str:
        return f"zone.{self.id}.intrusion"


def parse_positions(root: Table, cfg: SiteConfig) -> PositionsConfig:
    t = root.table("positions")
    topic = t.str("topic", required=True)
    try:
        pattern = TopicPattern(topic)
    except ValueError as e:
        raise t.error("topic", str(e)) from None
    p = PositionsConfig(pattern, t.str("x", "pos_x"), t.str("y", "pos_y"),
                        t.float("stale_after_s", 15.0, min=1.0, max=3600.0))
    t.done()
    return p


def parse_zones(root: Table, cfg: SiteConfig) -> list[ZoneConfig]:
    zones: list[ZoneConfig] = []
    for t in root.tables("zones"):
        zid = t.str("id", required=True, pattern=r"[A-Za-z0-9_\-]+")
        if any(z.id == zid for z in zones):
            raise t.error("id", f"zone {zid!r} is defined twice")
        raw = t.list("polygon", required=True)
        poly: list[Point] = []
        for i, pt in enumerate(raw):
            ok = (isinstance(pt, list) and len(pt) == 2
                  and all(isinstance(c, int | float) and not isinstance(c, bool) for c in pt))
            if not ok:
                raise t.error(f"polygon[{i}]", f"expected [x, y] in metres, got {pt!r}")
            poly.append((float(pt[0]), float(pt[1])))
        if len(poly) < 3:
            raise t.error("polygon", f"needs at least 3 corners; got {len(poly)}")
        if abs(_area(poly)) < 1e-6:
            raise t.error("polygon", "has no area (corners on one line?)")
        state = t.str("robot_state_tag", required=True)
        if state not in cfg.tags:
            raise t.error("robot_state_tag", f"unknown tag {state!r}")
        speed = t.str("safe_speed_tag")
        if speed is not None and speed not in cfg.tags:
            raise t.error("safe_speed_tag", f"unknown tag {speed!r}")
        if speed is not None and not cfg.tags[speed].writable:
            raise t.error("safe_speed_tag", f"tag {speed!r} is not writable "
                          "(set writable = true)")
        zones.append(ZoneConfig(
            id=zid, name=t.str("name", zid), polygon=tuple(poly), robot_state_tag=state,
            active_values=tuple(str(v) for v in t.list("active_values", ["running"])),
            safe_speed_tag=speed,
            safe_speed_value=t.raw("safe_speed_value", True),
            release_value=t.raw("release_value", False),
            priority=t.int("priority", 1, min=1, max=4),
            hysteresis_m=t.float("hysteresis_m", 0.5, min=0.0, max=10.0),
        ))
        t.done()
    return zones


# --- geometry ----------------------------------------------------------------------------


def _area(poly: list[Point] | tuple[Point, ...]) -> float:
    return 0.5 * sum(x0 * y1 - x1 * y0
                     for (x0, y0), (x1, y1) in zip(poly, (*poly[1:], poly[0]), strict=True))


def contains(poly: tuple[Point, ...], p: Point) -> bool:
    """Point in polygon (even-odd rule); points on an edge count as inside."""
    x, y = p
    if distance_to_edge(poly, p) < 1e-9:
        return True
    inside = False
    for (x0, y0), (x1, y1) in zip(poly, (*poly[1:], poly[0]), strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def distance_to_edge(poly: tuple[Point, ...], p: Point) -> float:
    best = math.inf
    px, py = p
    for (x0, y0), (x1, y1) in zip(poly, (*poly[1:], poly[0]), strict=True):
        dx, dy = x1 - x0, y1 - y0
        seg = dx * dx + dy * dy
        u = 0.0 if seg == 0 else max(0.0, min(1.0, ((px - x0) * dx + (py - y0) * dy) / seg))
        best = min(best, math.hypot(px - (x0 + u * dx), py - (y0 + u * dy)))
    return best


# --- snapshots for views ---------------------------------------------------------------------


@dataclass(frozen=True)
class WorkerPosition:
    pseudo: str
    x: float
    y: float
    ts: float


@dataclass(frozen=True)
class ZoneView:
    config: ZoneConfig
    robot_state: str | None  # the PLC's word, None when not known
    robot_active: bool
    occupants: tuple[str, ...]
    intrusion: bool


@dataclass(frozen=True)
class FloorSnapshot:
    zones: tuple[ZoneView, ...] = ()
    workers: tuple[WorkerPosition, ...] = ()


# --- the monitor -------------------------------------------------------------------------------


@dataclass
class _Zone:
    config: ZoneConfig
    robot: Sample | None = None
    occupants: set[str] = field(default_factory=set)
    intrusion: bool = False
    slowed: bool = False


class ZoneMonitor:
    """Evaluates zones on every position or robot-state change; thread-safe.

    `alarms` is the AlarmEngine (define / set_condition); `runtime` writes safe speed.
    """

    def __init__(self, runtime: Any, zones: list[ZoneConfig], positions: PositionsConfig,
                 alarms: Any, *, clock: Callable[[], float] = time.time) -> None:
        self.runtime = runtime
        self.positions = positions
        self.alarms = alarms
        self._clock = clock
        self._lock = threading.RLock()
        self._zones = {z.id: _Zone(z) for z in zones}
        self._by_state_tag: dict[str, list[_Zone]] = {}
        for z in self._zones.values():
            self._by_state_tag.setdefault(z.config.robot_state_tag, []).append(z)
        self._xy: dict[str, dict[str, float]] = {}  # worker -> {"x", "y", "ts"}
        self._observers: Observers = Observers("zones")
        self._unsubscribe: Callable[[], None] | None = None
        self._unsubscribe_topic: Callable[[], None] | None = None
        self._sweeper: Any = None
        self._define_alarms()

    def _define_alarms(self) -> None:
        from app.alarms.model import AlarmDefinition, AlarmKind, Priority

        for z in self._zones.values():
            self.alarms.define(AlarmDefinition(
                id=z.config.alarm_id, kind=AlarmKind.EXTERNAL,
                priority=Priority(z.config.priority),
                message=f"Worker in danger zone {z.config.name} while the robot is active",
                area=SAFETY_AREA))

    # --- wiring ---------------------------------------------------------------------------

    def start(self) -> None:
        """Listen to the change stream and the wearables topic; sweep stale positions."""
        latest = dict(self.runtime.latest)
        with self._lock:
            for tag, zones in self._by_state_tag.items():
                for z in zones:
                    z.robot = latest.get(tag)
        self._unsubscribe = self.runtime.subscribe(self.on_samples)
        try:
            self._unsubscribe_topic = self.runtime.subscribe_topic(
                self.positions.topic.mqtt_filter, self.on_message)
        except Exception as e:  # no broker: positions may still come as tags
            log.warning("zones: cannot subscribe to %s: %s", self.positions.topic.mqtt_filter, e)
        self._sweeper = self.runtime.every(1.0, self.sweep, "zones")

    def stop(self) -> None:
        for undo in (self._unsubscribe, self._unsubscribe_topic, self._sweeper):
            if undo is not None:
                undo()
        self._unsubscribe = self._unsubscribe_topic = self._sweeper = None

    def add_observer(self, fn: Callable[[], None]) -> Callable[[], None]:
        """`fn()` after every change of the floor (views then take `snapshot()`)."""
        return self._observers.add(fn)

    # --- inputs ------------------------------------------------------------------------------

    def on_samples(self, batch: list[Sample]) -> None:
        """Change-stream listener: robot states, and positions when they are tags."""
        touched: set[str] = set()
        with self._lock:
            for s in batch:
                for z in self._by_state_tag.get(s.tag, ()):
                    z.robot = s
                    touched.add(z.config.id)
                m = self.positions.topic.match(s.tag)
                if m and m[1] in (self.positions.x, self.positions.y) \
                        and s.quality is Quality.GOOD and isinstance(s.value, int | float):
                    self._set_xy(m[0], m[1], float(s.value), s.ts)
                    touched.add("*")
        if touched:
            self._evaluate()

    def on_message(self, topic: str, payload: bytes) -> None:
        """Raw MQTT handler for the positions topic."""
        m = self.positions.topic.match(topic)
        if m is None or m[1] not in (self.positions.x, self.positions.y):
            return
        try:
            value, ts = parse_reading(payload, self._clock())
        except BadReading as e:
            log.warning("zones: ignored %s: %s", topic, e)
            return
        self.update_position(m[0], m[1], value, ts)

    def update_position(self, worker: str, signal: str, value: float, ts: float) -> None:
        with self._lock:
            self._set_xy(worker, signal, value, ts)
        self._evaluate()

    def _set_xy(self, worker: str, signal: str, value: float, ts: float) -> None:
        axis = "x" if signal == self.positions.x else "y"
        w = self._xy.setdefault(worker, {})
        w[axis] = value
        w["ts"] = max(ts, w.get("ts", 0.0))
        w["seen"] = self._clock()

    def sweep(self, now: float | None = None) -> None:
        """Forget positions not heard of for `stale_after_s` (the wearable went quiet)."""
        now = self._clock() if now is None else now
        with self._lock:
            stale = [w for w, d in self._xy.items()
                     if now - d.get("seen", 0.0) > self.positions.stale_after_s]
            for w in stale:
                del self._xy[w]
        if stale:
            log.info("zones: positions of %s are stale, forgotten", ", ".join(stale))
            self._evaluate()

    # --- evaluation ----------------------------------------------------------------------------

    def _evaluate(self) -> None:
        actions: list[Callable[[], None]] = []
        with self._lock:
            for z in self._zones.values():
                c = z.config
                occupants: set[str] = set()
                for w, d in self._xy.items():
                    if "x" not in d or "y" not in d:
                        continue
                    p = (d["x"], d["y"])
                    if contains(c.polygon, p) or (
                            w in z.occupants and distance_to_edge(c.polygon, p) <= c.hysteresis_m):
                        occupants.add(w)
                active = _robot_active(z)
                intrusion = bool(occupants) and active
                changed = occupants != z.occupants or intrusion != z.intrusion
                z.occupants = occupants
                if changed and (intrusion or z.intrusion):
                    names = ", ".join(sorted(occupants))
                    msg = (f"Worker {names} in danger zone {c.name} while the robot is active"
                           if intrusion else f"Danger zone {c.name} clear")
                    actions.append(_bind(self.alarms.set_condition, c.alarm_id, intrusion,
                                         len(occupants), msg))
                z.intrusion = intrusion
                if c.safe_speed_tag is not None:
                    if intrusion and not z.slowed:
                        z.slowed = True
                        actions.append(_bind(self._write, c.safe_speed_tag, c.safe_speed_value))
                    elif not occupants and z.slowed:
                        z.slowed = False
                        actions.append(_bind(self._write, c.safe_speed_tag, c.release_value))
        for act in actions:  # outside the lock: the engine has its own and calls observers
            try:
                act()
            except Exception:
                log.exception("zones: action failed")
        self._observers.notify()

    def _write(self, tag: str, value: Value) -> None:
        fut = self.runtime.safety_write(tag, value)

        def done(f: Any) -> None:
            if f.exception() is not None:
                log.error("zones: safe-speed write %s = %r failed: %s", tag, value,
                          f.exception())
        fut.add_done_callback(done)

    # --- reading -------------------------------------------------------------------------------

    def snapshot(self) -> FloorSnapshot:
        with self._lock:
            zones = tuple(ZoneView(z.config, None if z.robot is None or z.robot.quality
                                   is not Quality.GOOD else str(z.robot.value),
                                   _robot_active(z), tuple(sorted(z.occupants)), z.intrusion)
                          for z in self._zones.values())
            workers = tuple(WorkerPosition(w, d["x"], d["y"], d["ts"])
                            for w, d in sorted(self._xy.items()) if "x" in d and "y" in d)
        return FloorSnapshot(zones, workers)


def _robot_active(z: _Zone) -> bool:
    s = z.robot
    if s is None or s.quality is not Quality.GOOD:
        return True  # unknown robot state: treat the cell as dangerous
    return str(s.value) in z.config.active_values


def _bind(fn: Callable[..., Any], *args: Any) -> Callable[[], None]:
    return lambda: fn(*args)
