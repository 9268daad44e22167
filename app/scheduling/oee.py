"""OEE per station and for the line, per shift (ISO 22400-2), and the loss Pareto.

    [oee]
    microstop_s = 120                 # a stop shorter than this is a microstop
    planned_stop_tag = "demo/body/line1/line/schedule/phase"   # optional
    planned_running = ["production"]  # its values that mean "planned to produce"
    line_counter = "demo/body/line1/conveyor/conveyor1/carrier_count"
    line_ideal_cycle_s = 12

    [[oee.stations]]
    station = "robot2"                # its state tag and cycle counter from [[stations]]
    ideal_cycle_s = 12
    reject_tag = "demo/body/line1/quality/weld/rejects"   # optional reject/rework counter

ISO 22400 terms: planned busy time (PBT) = the shift minus planned downtime (breaks,
planned maintenance: the planned-stop tag) and minus time with no data; actual
production time (APT) = time the station was running within PBT. Availability =
APT / PBT; performance = ideal cycle time x produced / APT; quality = good /
produced (produced minus rejects); OEE = their product. Losses, in seconds of PBT:
fault, maintenance, starved ("idle" or "starved": nothing to work on), blocked,
changeover, microstops (any stop shorter than `microstop_s`), then speed (APT not
turned into output) and quality (ideal time of the rejects). The line: APT is the
time every station ran; produced is the line counter.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.config import SiteConfig, Table
from app.services import ConfigSection, ServiceContext, ServiceSpec, Unsubscribe, stop_all

log = logging.getLogger(__name__)

# (station, t0, t1) -> rejects of the station in [t0, t1)
RejectSource = Callable[[str, float, float], float]

LOSS_OF_STATE = {"fault": "fault", "maintenance": "maintenance", "idle": "starved",
                 "starved": "starved", "blocked": "blocked", "changeover": "changeover"}
LOSSES = ("fault", "maintenance", "starved", "blocked", "changeover", "microstops", "speed",
          "quality")


@dataclass(frozen=True)
class OEE:
    name: str
    start: float
    end: float
    planned_s: float
    running_s: float
    produced: float
    good: float
    ideal_cycle_s: float
    losses: dict[str, float] = field(default_factory=dict)

    @property
    def availability(self) -> float:
        return self.running_s / self.planned_s if self.planned_s > 0 else 0.0

    @property
    def performance(self) -> float:
        if self.running_s <= 0:
            return 0.0
        return min(1.0, self.ideal_cycle_s * self.produced / self.running_s)

    @property
    def quality(self) -> float:
        return self.good / self.produced if self.produced > 0 else 0.0

    @property
    def oee(self) -> float:
        return self.availability * self.performance * self.quality

    def pareto(self) -> list[tuple[str, float]]:
        """Losses largest first, zeros left out."""
        return sorted(((k, v) for k, v in self.losses.items() if v > 0.5), key=lambda kv: -kv[1])


Spans = list[tuple[float, float, str]]


def _clip(spans: Spans, a: float, b: float) -> Spans:
    return [(max(s, a), min(e, b), st) for s, e, st in spans if e > a and s < b]


def timeline(changes: Sequence[tuple[float, str]], t0: float, t1: float,
             before: str = "") -> list[tuple[float, float, str]]:
    """State changes (time, state) to spans covering [t0, t1]; `before` fills the start."""
    out, cur, t = [], before, t0
    for ts, st in sorted(changes):
        if ts >= t1:
            break
        if ts > t:
            out.append((t, ts, cur))
            t = ts
        cur = st
    out.append((t, t1, cur))
    return [s for s in out if s[1] > s[0]]


def compute(name: str, states: list[tuple[float, float, str]], t0: float, t1: float, *,
            planned_down: Sequence[tuple[float, float]] = (), produced: float = 0.0,
            rejects: float = 0.0, ideal_cycle_s: float = 0.0,
            microstop_s: float = 120.0) -> OEE:
    """One station (or the line) over [t0, t1]: `states` spans, planned downtime spans."""
    # Time without data (before the terminal started, a state not yet read) is not
    # counted at all: it is neither production nor a loss.
    spans = [sp for sp in _clip(states, t0, t1) if sp[2]]
    # Remove planned downtime from every span.
    for a, b in sorted(planned_down):
        nxt = []
        for s, e, st in spans:
            if b <= s or a >= e:
                nxt.append((s, e, st))
                continue
            if a > s:
                nxt.append((s, a, st))
            if b < e:
                nxt.append((b, e, st))
        spans = nxt
    planned = sum(e - s for s, e, _ in spans)
    running = sum(e - s for s, e, st in spans if st == "running")
    losses = dict.fromkeys(LOSSES, 0.0)
    # A stop is a run of non-running spans with nothing running between them.
    stop: list[tuple[float, float, str]] = []

    def close_stop() -> None:
        if not stop:
            return
        length = sum(e - s for s, e, _ in stop)
        if length < microstop_s:
            losses["microstops"] += length
        else:
            for s, e, st in stop:
                losses[LOSS_OF_STATE.get(st, "starved")] += e - s
        stop.clear()

    for s, e, st in sorted(spans):
        if st == "running":
            close_stop()
        else:
            if stop and s > stop[-1][1] + 1e-6 and stop[-1][1] < s:
                close_stop()
            stop.append((s, e, st))
    close_stop()
    good = max(0.0, produced - rejects)
    losses["speed"] = max(0.0, running - ideal_cycle_s * produced)
    losses["quality"] = ideal_cycle_s * min(rejects, produced)
    return OEE(name, t0, t1, planned, running, produced, good, ideal_cycle_s, losses)


def counter_delta(samples: Sequence[tuple[float, float]], t0: float, t1: float) -> float:
    """How much a counter rose in [t0, t1]; a fall (a reset, a rollover) restarts it."""
    pts = [(t, v) for t, v in samples if t0 <= t <= t1]
    total = 0.0
    for (_, a), (_, b) in itertools.pairwise(pts):
        total += b - a if b >= a else b
    return total


@dataclass(frozen=True)
class StationOEE:
    station: str
    ideal_cycle_s: float
    state_tag: str
    counter_tag: str
    reject_tag: str | None = None


@dataclass(frozen=True)
class OEEConfig:
    stations: tuple[StationOEE, ...]
    microstop_s: float = 120.0
    planned_stop_tag: str | None = None
    planned_running: tuple[str, ...] = ("production",)
    line_counter: str | None = None
    line_ideal_cycle_s: float = 0.0
    shift_h: float = 8.0  # without a shift calendar: the last this many hours


def parse_section(t: Table, site: SiteConfig) -> OEEConfig:
    o = t.table("oee", required=True)

    def tag(tt: Table, name: str, required: bool = False) -> str | None:
        v = tt.str(name, required=required)
        if v is not None and site.tags and v not in site.tags:
            raise tt.error(name, f"unknown tag {v!r}")
        return v

    stations = []
    for st in o.tables("stations"):
        sid = st.str("station", required=True)
        cfg = site.stations.get(sid)
        if cfg is None:
            raise st.error("station", f"unknown station {sid!r}")
        counter = tag(st, "counter") or cfg.cycle_tag
        if not cfg.state_tag or not counter:
            raise st.error("station", f"{sid} needs a state tag and a cycle counter")
        stations.append(StationOEE(sid, st.float("ideal_cycle_s", required=True, min=0.1),
                                   cfg.state_tag, counter, tag(st, "reject_tag")))
        st.done()
    out = OEEConfig(tuple(stations), o.float("microstop_s", 120.0, min=0),
                    tag(o, "planned_stop_tag"),
                    tuple(o.list("planned_running", ["production"], of=str)),
                    tag(o, "line_counter"), o.float("line_ideal_cycle_s", 0.0, min=0),
                    o.float("shift_h", 8.0, min=0.1, max=24))
    o.done()
    return out


class OEEService:
    """Keeps the current shift's states and counters (from the change stream, and the
    historian at start); `shift()` computes the figures on demand."""

    def __init__(self, cfg: OEEConfig, store: Any, runtime: Any, *,
                 shift_of: Callable[[float], tuple[str, float, float] | None] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.cfg, self._store, self._runtime, self._clock = cfg, store, runtime, clock
        self._shift_of = shift_of
        self._lock = threading.Lock()
        tags = {s.state_tag for s in cfg.stations} | {s.counter_tag for s in cfg.stations}
        tags |= {s.reject_tag for s in cfg.stations if s.reject_tag}
        tags |= {t for t in (cfg.planned_stop_tag, cfg.line_counter) if t}
        self._series: dict[str, list[tuple[float, Any]]] = {t: [] for t in tags}
        self._removers: list[Unsubscribe] = []
        self._reject_sources: list[RejectSource] = []

    def add_reject_source(self, source: RejectSource) -> Unsubscribe:
        """Another domain's rejects: `source(station, t0, t1)` is added to the station's
        reject counter (job assistance: cars whose quality check was out of limits)."""
        self._reject_sources.append(source)
        return lambda: self._reject_sources.remove(source)

    def _rejects(self, s: StationOEE, t0: float, t1: float) -> float:
        n = counter_delta(self._numbers(s.reject_tag), t0, t1)
        for source in list(self._reject_sources):
            try:
                n += source(s.station, t0, t1)
            except Exception:
                log.exception("OEE: a reject source failed for %s", s.station)
        return n

    def window(self, now: float | None = None) -> tuple[str, float, float]:
        now = self._clock() if now is None else now
        if self._shift_of is not None:
            s = self._shift_of(now)
            if s is not None:
                return s
        return "", now - self.cfg.shift_h * 3600.0, now

    def start(self) -> None:
        _, t0, _ = self.window()
        hist = getattr(self._store, "historian", None)
        now = self._clock()
        if hist is not None:
            for tag in self._series:
                self._series[tag] = [(s.ts, s.value) for s in hist.samples(tag, t0 - 3600, now)]
        if self._runtime is not None:
            self._removers.append(self._runtime.subscribe(self.feed))

    def stop(self) -> None:
        stop_all(self._removers)

    def feed(self, samples: list[Any]) -> None:
        with self._lock:
            for s in samples:
                q = self._series.get(s.tag)
                if q is not None and getattr(s.quality, "value", "good") != "bad":
                    q.append((s.ts, s.value))
                    if len(q) > 200_000:  # a day of 1 Hz states is far less
                        del q[:50_000]

    def _states(self, tag: str, t0: float, t1: float) -> list[tuple[float, float, str]]:
        with self._lock:
            pts = [(t, str(v)) for t, v in self._series.get(tag, [])]
        before = next((v for t, v in reversed(pts) if t <= t0), "")
        return timeline([(t, v) for t, v in pts if t > t0], t0, t1, before)

    def _numbers(self, tag: str | None) -> list[tuple[float, float]]:
        if not tag:
            return []
        with self._lock:
            return [(t, float(v)) for t, v in self._series.get(tag, [])
                    if isinstance(v, int | float)]

    def planned_down(self, t0: float, t1: float) -> list[tuple[float, float]]:
        if not self.cfg.planned_stop_tag:
            return []
        return [(s, e) for s, e, st in self._states(self.cfg.planned_stop_tag, t0, t1)
                if st and st not in self.cfg.planned_running]

    def shift(self, now: float | None = None) -> tuple[list[OEE], OEE | None]:
        """(per station, the line) for the shift so far."""
        _name, t0, t_end = self.window(now)
        t1 = min(self._clock() if now is None else now, t_end)
        down = self.planned_down(t0, t1)
        out = []
        all_states: list[list[tuple[float, float, str]]] = []
        rejects_total = 0.0
        for s in self.cfg.stations:
            states = self._states(s.state_tag, t0, t1)
            all_states.append(states)
            rej = self._rejects(s, t0, t1)
            rejects_total += rej
            out.append(compute(s.station, states, t0, t1, planned_down=down,
                               produced=counter_delta(self._numbers(s.counter_tag), t0, t1),
                               rejects=rej, ideal_cycle_s=s.ideal_cycle_s,
                               microstop_s=self.cfg.microstop_s))
        line = None
        if self.cfg.line_counter and all_states:
            line = compute("line", _all_running(all_states, t0, t1), t0, t1,
                           planned_down=down,
                           produced=counter_delta(self._numbers(self.cfg.line_counter), t0, t1),
                           rejects=rejects_total, ideal_cycle_s=self.cfg.line_ideal_cycle_s,
                           microstop_s=self.cfg.microstop_s)
        return out, line


def _all_running(per_station: list[list[tuple[float, float, str]]], t0: float,
                 t1: float) -> list[tuple[float, float, str]]:
    """The line runs when every station runs; otherwise it has the worst station's state."""
    cuts = sorted({t0, t1} | {x for sp in per_station for s, e, _ in sp for x in (s, e)})
    rank = ["fault", "maintenance", "changeover", "blocked", "starved", "idle"]
    out = []
    for a, b in itertools.pairwise(cuts):
        mid = (a + b) / 2
        states = [next((st for s, e, st in sp if s <= mid < e), "") for sp in per_station]
        if all(st == "running" for st in states):
            out.append((a, b, "running"))
        else:
            worst = min((st for st in states if st != "running"),
                        key=lambda st: rank.index(st) if st in rank else len(rank))
            out.append((a, b, worst))
    return out


def build(ctx: ServiceContext) -> OEEService | None:
    cfg: OEEConfig | None = ctx.config.sections.get("oee")
    if cfg is None:
        return None
    line = ctx.config.sections.get("scheduling")
    shift_of = line.shift_at if line is not None and line.shifts else None
    return OEEService(cfg, ctx.store, ctx.runtime, shift_of=shift_of, clock=ctx.clock)


SPEC = ServiceSpec(name="oee", provides=OEEService, build=build,
                   sections=(ConfigSection("oee", parse_section),))
