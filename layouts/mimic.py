"""The plant mimic's model: where each station of a line sits, what its state means in
ISA-101 terms, and where the car bodies on the conveyor are. No Qt.

A line is drawn in *line units* (one unit is about a robot cell's width): stations sit
on a row along the conveyor in the order of the site file, each as wide as its kind
needs (`KIND_WIDTH`), unless the optional `[mimic]` section places them:

    [mimic]
    conveyor = "conveyor1"      # the station whose tags move the bodies (default: the
                                # first station of kind "conveyor")
    pitch_m = 5.0               # one body per pitch of conveyor travel
    [[mimic.stations]]
    id = "press1"
    x = 0.0                     # left edge, line units
    w = 1.4                     # width (default: by kind)
    row = 0                     # 0 on the line; -1 above it, 1 below it (e.g. robots
                                # beside the conveyor)

The same model draws a line of this terminal (from the site config) and a line seen
on the broker (from its published `mimic` summary, `LineMimic.from_json`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

KIND_WIDTH = {"press": 1.4, "robot": 1.0, "paint_booth": 2.0, "generic": 1.0}
GAP = 0.25  # line units between stations
TRANSPORT_KINDS = frozenset({"conveyor", "skid", "agv"})
DEFAULT_PITCH_M = 5.0


class Look(StrEnum):
    """How a station is drawn (ISA-101: grey unless abnormal; colour with words)."""

    NORMAL = "normal"  # running: grey, no colour
    IDLE = "idle"  # not running but fine: grey, hollow marker
    WARNING = "warning"  # maintenance / blocked: amber border and words
    FAULT = "fault"  # red border and words
    STOPPED = "stopped"  # the e-stop circuit is open: red "STOPPED"
    NO_DATA = "no_data"  # no GOOD state: hatched, "NO DATA"


_STATE_LOOK = {"running": Look.NORMAL, "run": Look.NORMAL, "auto": Look.NORMAL,
               "producing": Look.NORMAL, "idle": Look.IDLE, "stopped": Look.IDLE,
               "ready": Look.IDLE, "fault": Look.FAULT, "error": Look.FAULT,
               "alarm": Look.FAULT, "maintenance": Look.WARNING, "maint": Look.WARNING,
               "service": Look.WARNING, "blocked": Look.WARNING, "starved": Look.WARNING}
_CODES = {0: Look.IDLE, 1: Look.NORMAL, 2: Look.FAULT, 3: Look.WARNING}


def look_of(state: Any, *, good: bool = True, line_stopped: bool = False) -> Look:
    """A station's look from its state value (name or code), its quality, and whether
    the line's stop circuit is open (which wins: a stopped line is never "normal")."""
    if line_stopped:
        return Look.STOPPED
    if not good or state is None:
        return Look.NO_DATA
    if isinstance(state, bool):
        return Look.NORMAL if state else Look.IDLE
    if isinstance(state, int | float):
        return _CODES.get(int(state), Look.NO_DATA)
    return _STATE_LOOK.get(str(state).strip().lower(), Look.NO_DATA)


@dataclass(frozen=True)
class MimicPlace:
    """An explicit place of one station (from the `[mimic]` section)."""

    x: float
    w: float | None = None
    row: int = 0


@dataclass(frozen=True)
class MimicSpec:
    """The parsed `[mimic]` section (all optional)."""

    conveyor: str | None = None
    pitch_m: float = DEFAULT_PITCH_M
    places: dict[str, MimicPlace] = field(default_factory=dict)


@dataclass(frozen=True)
class StationBox:
    id: str
    name: str
    kind: str
    x: float  # left edge, line units
    w: float
    row: int = 0  # 0 on the line, -1 above, 1 below
    state_tag: str | None = None
    cycle_tag: str | None = None

    @property
    def center(self) -> float:
        return self.x + self.w / 2


@dataclass(frozen=True)
class LineMimic:
    """One line's drawing: stations in line units along a conveyor from 0 to `length`."""

    name: str
    stations: tuple[StationBox, ...]
    length: float  # line units from the entry to the exit of the conveyor
    conveyor: StationBox | None = None  # the transport (drawn as the band, not a box)
    speed_tag: str | None = None  # conveyor speed (m/min)
    carrier_tag: str | None = None  # bodies moved out of the line (a counter)
    pitch_m: float = DEFAULT_PITCH_M
    track_m: float = 0.0  # conveyor metres that the drawn length stands for

    def station_at(self, x: float, row: int | None = None) -> StationBox | None:
        """The station drawn at line position x (and row, if given)."""
        for st in self.stations:
            if st.x <= x <= st.x + st.w and (row is None or st.row == row):
                return st
        return None

    @property
    def rows(self) -> tuple[int, ...]:
        return tuple(sorted({st.row for st in self.stations} | {0}))

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "length": self.length, "pitch_m": self.pitch_m,
                "track_m": self.track_m,
                "conveyor": None if self.conveyor is None else
                [self.conveyor.id, self.conveyor.name],
                "stations": [[s.id, s.name, s.kind, round(s.x, 3), round(s.w, 3), s.row]
                             for s in self.stations]}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> LineMimic:
        """Raises KeyError/TypeError/ValueError on a malformed summary."""
        stations = tuple(StationBox(str(i), str(n), str(k), float(x), float(w), int(r))
                         for i, n, k, x, w, r in d["stations"])
        conv = d.get("conveyor")
        conveyor = None if not conv else StationBox(str(conv[0]), str(conv[1]), "conveyor",
                                                    0.0, float(d["length"]))
        return cls(str(d.get("name", "")), stations, float(d["length"]), conveyor,
                   pitch_m=float(d.get("pitch_m", DEFAULT_PITCH_M)),
                   track_m=float(d.get("track_m", 0.0)))


def build(config: Any, spec: MimicSpec | None = None) -> LineMimic:
    """The mimic of this terminal's line from its site config (stations in the order of
    the site file, placed by the `[mimic]` section where it says so)."""
    spec = spec or config.sections.get("mimic") or MimicSpec()
    stations = list(config.stations.values())
    conveyor = None
    if spec.conveyor is not None:
        conveyor = config.stations.get(spec.conveyor)
    if conveyor is None:
        conveyor = next((s for s in stations if s.kind in TRANSPORT_KINDS), None)
    process = [s for s in stations if conveyor is None or s.id != conveyor.id]
    boxes: list[StationBox] = []
    x = GAP
    for st in process:
        place = spec.places.get(st.id)
        w = (place.w if place and place.w else KIND_WIDTH.get(st.kind, KIND_WIDTH["generic"]))
        left = place.x if place else x
        boxes.append(StationBox(st.id, st.name, st.kind, left, w, place.row if place else 0,
                                st.state_tag, st.cycle_tag))
        x = max(x, left + w + GAP)
    length = max([b.x + b.w for b in boxes], default=1.0) + GAP
    speed_tag = carrier_tag = None
    conveyor_box = None
    if conveyor is not None:
        conveyor_box = StationBox(conveyor.id, conveyor.name, conveyor.kind, 0.0, length, 0,
                                  conveyor.state_tag, conveyor.cycle_tag)
        carrier_tag = conveyor.cycle_tag
        speed_tag = _speed_tag(config, conveyor)
    on_line = sum(1 for b in boxes if b.row == 0) or 1
    return LineMimic(config.site.line or config.site.name, tuple(boxes), length, conveyor_box,
                     speed_tag, carrier_tag, spec.pitch_m, track_m=spec.pitch_m * on_line)


def _speed_tag(config: Any, conveyor: Any) -> str | None:
    """The conveyor's speed: the first of its values in a length per time."""
    for path in conveyor.values:
        tc = config.tags.get(path)
        if tc is not None and "/" in tc.unit and tc.unit.split("/")[0] in ("m", "mm", "cm"):
            return str(path)
    return None


def parse_spec(t: Any, station_ids: Iterable[str]) -> MimicSpec:
    """The `[mimic]` table (an app.config.Table) -> MimicSpec; errors name file and key."""
    known = set(station_ids)
    conveyor = t.str("conveyor")
    if conveyor is not None and conveyor not in known:
        raise t.error("conveyor", f"unknown station {conveyor!r}")
    pitch = t.float("pitch_m", DEFAULT_PITCH_M, min=0.1)
    places: dict[str, MimicPlace] = {}
    for s in t.tables("stations"):
        sid = s.str("id", required=True)
        if sid not in known:
            raise s.error("id", f"unknown station {sid!r} (stations: {', '.join(sorted(known))})")
        places[sid] = MimicPlace(s.float("x", required=True, min=0.0),
                                 s.float("w", min=0.1), s.int("row", 0, min=-1, max=1))
        s.done()
    t.done()
    return MimicSpec(conveyor, pitch, places)


class CarrierTrack:
    """Where the car bodies are on the conveyor, from its speed and its carrier counter.

    Bodies sit one pitch apart. Between readings they move at the last speed; when the
    counter steps (a body left the line), the train is put back in step: a body is at
    the exit. `positions(now)` gives each body's place from 0 (entry) to 1 (exit).
    """

    def __init__(self, track_m: float, pitch_m: float = DEFAULT_PITCH_M) -> None:
        if track_m <= 0 or pitch_m <= 0:
            raise ValueError(f"track ({track_m} m) and pitch ({pitch_m} m) must be > 0")
        self.track_m, self.pitch_m = track_m, pitch_m
        self.speed_m_s = 0.0
        self.offset_m = 0.0  # distance of the leading body behind the exit, mod pitch
        self._t: float | None = None
        self._count: int | None = None

    def _advance(self, now: float) -> None:
        if self._t is not None and now > self._t:
            self.offset_m = (self.offset_m - self.speed_m_s * (now - self._t)) % self.pitch_m
        self._t = now if self._t is None else max(self._t, now)

    def set_speed(self, m_per_min: float, now: float) -> None:
        self._advance(now)
        self.speed_m_s = max(0.0, float(m_per_min)) / 60.0

    def set_count(self, count: int, now: float) -> None:
        self._advance(now)
        if self._count is not None and count != self._count:
            self.offset_m = 0.0  # a body just left: the train is in step, one at the exit
        self._count = count

    def positions(self, now: float) -> list[float]:
        self._advance(now)
        out = []
        d = self.offset_m  # metres behind the exit
        while d < self.track_m:
            out.append(1.0 - d / self.track_m)
            d += self.pitch_m
        return sorted(out)


def station_alarm_map(config: Any, definitions: Iterable[Any]) -> dict[str, str]:
    """alarm id -> station id, for the alarm markers on the stations: the alarm's own
    `station`, else the station whose equipment its tag belongs to, else (a danger-zone
    alarm) the station whose state the zone watches."""
    by_equipment: dict[str, str] = {}
    by_state: dict[str, str] = {}
    for st in config.stations.values():
        for path in (st.state_tag, st.cycle_tag, *st.values, *st.setpoints):
            if path:
                by_equipment.setdefault(path.rsplit("/", 1)[0], st.id)
        if st.state_tag:
            by_state[st.state_tag] = st.id
    zones = {z.alarm_id: z.robot_state_tag for z in config.sections.get("zones") or ()
             if hasattr(z, "alarm_id")}
    out: dict[str, str] = {}
    for d in definitions:
        sid = d.station
        if sid is None and d.tag:
            sid = by_equipment.get(d.tag.rsplit("/", 1)[0])
        if sid is None and d.id in zones:
            sid = by_state.get(zones[d.id])
        if sid is not None:
            out[d.id] = sid
    return out


def _parse_section(root: Any, config: Any) -> MimicSpec:
    return parse_spec(root.table("mimic"), config.stations)


def _no_service(_ctx: Any) -> None:
    return None  # the mimic is a drawing of the config: nothing runs


def _spec() -> Any:
    from app.services import ConfigSection, ServiceSpec

    # No service: the spec only owns the optional [mimic] section, so it is validated
    # at load and read back as config.sections["mimic"].
    return ServiceSpec(name="mimic", provides=MimicSpec, build=_no_service,
                       sections=(ConfigSection("mimic", _parse_section),))


SPEC = _spec()
