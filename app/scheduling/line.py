"""The `[scheduling]` section: the line model the planner schedules on.

    [scheduling]
    time_limit_s = 2.0            # the re-plan's search budget (anytime: best so far)
    workers = 1                   # search threads: one leaves a core to the screen and data
    horizon_h = 10                # how far ahead a plan reaches
    auto_accept = "never"         # never | always | no_new_late (the site's rule)
    planner_terminals = []        # terminal ids that plan; empty: every terminal
    orders_topic = "demo/mes/orders"  # MES/ERP orders (JSON), optional
    sequence_station = "booth1"   # where option rules and colour batching count
    colour_change_s = 120         # purge and refill when the colour changes
    fault_repair_min = 30         # a station in fault is expected back after this
    maintenance_min = 45          # the same for a station in maintenance

    [[scheduling.operations]]     # in the order a car body visits them
    id = "weld_b"
    station = "robot2"
    seconds = { default = 300, suv = 360 }   # per variant
    alternatives = [{ station = "robot3", factor = 1.4 }]   # slower elsewhere

    [[scheduling.shifts]]         # local time; the line works only in shifts
    name = "early"
    from = "06:00"
    to = "14:00"
    breaks = [{ from = "09:00", to = "09:15" }]

    [[scheduling.maintenance]]    # planned windows
    station = "robot1"
    from = "2026-12-01T12:00"
    to = "2026-12-01T12:30"
    reason = "tip dresser service"

    [[scheduling.rules]]          # at most p cars with the option in any q consecutive
    option = "sunroof"
    p = 1
    q = 2
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from app.config import SiteConfig, Table

_HHMM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


class AutoAccept(StrEnum):
    NEVER = "never"
    ALWAYS = "always"
    NO_NEW_LATE = "no_new_late"  # accept by itself when no order becomes (more) late


@dataclass(frozen=True)
class Alternative:
    station: str
    factor: float


@dataclass(frozen=True)
class OperationSpec:
    id: str
    station: str
    seconds: dict[str, int]  # variant -> seconds; "default" for the rest
    alternatives: tuple[Alternative, ...] = ()

    def duration(self, variant: str) -> int:
        return self.seconds.get(variant, self.seconds["default"])


@dataclass(frozen=True)
class Shift:
    name: str
    start: tuple[int, int]
    end: tuple[int, int]
    breaks: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()


@dataclass(frozen=True)
class Window:
    """A time a station cannot produce (planned maintenance, a predicted one, a fault)."""

    station: str
    start: float
    end: float
    reason: str = ""
    kind: str = "maintenance"  # maintenance | fault | break | off_shift | predicted


@dataclass(frozen=True)
class SequenceRule:
    option: str
    p: int
    q: int


@dataclass(frozen=True)
class LineModel:
    operations: tuple[OperationSpec, ...]
    shifts: tuple[Shift, ...] = ()
    maintenance: tuple[Window, ...] = ()
    rules: tuple[SequenceRule, ...] = ()
    sequence_station: str | None = None
    colour_change_s: int = 0
    time_limit_s: float = 2.0
    horizon_h: float = 10.0
    auto_accept: AutoAccept = AutoAccept.NEVER
    planner_terminals: tuple[str, ...] = ()
    orders_topic: str | None = None
    fault_repair_min: float = 30.0
    maintenance_min: float = 45.0
    station_names: dict[str, str] = field(default_factory=dict)
    workers: int = 1

    @property
    def stations(self) -> list[str]:
        out: list[str] = []
        for op in self.operations:
            for st in (op.station, *(a.station for a in op.alternatives)):
                if st not in out:
                    out.append(st)
        return out

    def calendar(self, start: float, end: float) -> list[Window]:
        """Off-shift time and breaks between `start` and `end`, for every station (local
        time). No shifts configured: the line works around the clock."""
        if not self.shifts:
            return []
        day = datetime.fromtimestamp(start).astimezone().replace(
            hour=0, minute=0, second=0, microsecond=0)
        work: list[tuple[float, float]] = []
        breaks: list[tuple[float, float]] = []
        d = day - timedelta(days=1)
        while d.timestamp() < end:
            for s in self.shifts:
                a = d.replace(hour=s.start[0], minute=s.start[1])
                b = d.replace(hour=s.end[0], minute=s.end[1])
                if b <= a:
                    b += timedelta(days=1)
                work.append((a.timestamp(), b.timestamp()))
                for (h1, m1), (h2, m2) in s.breaks:
                    x = d.replace(hour=h1, minute=m1)
                    if x < a:
                        x += timedelta(days=1)
                    y = x.replace(hour=h2, minute=m2)
                    if y <= x:
                        y += timedelta(days=1)
                    breaks.append((x.timestamp(), y.timestamp()))
            d += timedelta(days=1)
        work.sort()
        merged: list[list[float]] = []
        for w0, w1 in work:
            if merged and w0 <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], w1)
            else:
                merged.append([w0, w1])
        off: list[tuple[float, float]] = []
        t = start
        for w0, w1 in merged:
            if w0 > t:
                off.append((t, min(w0, end)))
            t = max(t, w1)
        if t < end:
            off.append((t, end))
        out: list[Window] = []
        for st in self.stations:
            out += [Window(st, x0, x1, "", "off_shift") for x0, x1 in off if x1 > x0 and x0 < end]
            out += [Window(st, x0, x1, "", "break") for x0, x1 in breaks
                    if x1 > start and x0 < end]
        return out

    def shift_at(self, t: float) -> tuple[str, float, float] | None:
        """The shift (name, start, end) that contains `t`, if any."""
        here = datetime.fromtimestamp(t).astimezone()
        for back in (1, 0):
            d = (here - timedelta(days=back)).replace(hour=0, minute=0, second=0,
                                                      microsecond=0)
            for s in self.shifts:
                a = d.replace(hour=s.start[0], minute=s.start[1])
                b = d.replace(hour=s.end[0], minute=s.end[1])
                if b <= a:
                    b += timedelta(days=1)
                if a.timestamp() <= t < b.timestamp():
                    return s.name, a.timestamp(), b.timestamp()
        return None


def _hhmm(t: Table, name: str, value: object) -> tuple[int, int]:
    if not isinstance(value, str) or not _HHMM.fullmatch(value):
        raise t.error(name, f"expected a time like 06:00, got {value!r}")
    h, m = value.split(":")
    return int(h), int(m)


def _iso(t: Table, name: str) -> float:
    v = t.str(name, required=True)
    try:
        d = datetime.fromisoformat(v)
    except ValueError:
        raise t.error(name, f"{v!r} is not an ISO 8601 time") from None
    return (d if d.tzinfo else d.astimezone()).timestamp()


def parse_line(t: Table, site: SiteConfig) -> LineModel:
    """Parse and check the section; stations must be configured stations of the site."""
    known = set(site.stations)

    def station(tt: Table, name: str) -> str:
        st = tt.str(name, required=True)
        if known and st not in known:
            raise tt.error(name, f"unknown station {st!r}; stations: {', '.join(sorted(known))}")
        return st

    ops: list[OperationSpec] = []
    for ot in t.tables("operations"):
        oid = ot.str("id", required=True)
        st = station(ot, "station")
        secs = ot.table("seconds", required=True)
        durations = {}
        for k in list(secs.data):
            durations[k] = secs.int(k, min=1)
        secs.done()
        if "default" not in durations:
            raise secs.error("default", "is required (seconds for any other variant)")
        alts = []
        for i, a in enumerate(ot.list("alternatives", [], of=dict)):
            at = Table(a, ot.file, ot.key(f"alternatives[{i}]"))
            alts.append(Alternative(station(at, "station"),
                                    at.float("factor", 1.0, min=0.1, max=10.0)))
            at.done()
        ot.done()
        if any(o.id == oid for o in ops):
            raise ot.error("id", f"operation {oid!r} is defined twice")
        ops.append(OperationSpec(oid, st, durations, tuple(alts)))
    if not ops:
        raise t.error("operations", "at least one [[scheduling.operations]] is required")
    shifts = []
    for stt in t.tables("shifts"):
        breaks = []
        for i, b in enumerate(stt.list("breaks", [], of=dict)):
            bt = Table(b, stt.file, stt.key(f"breaks[{i}]"))
            breaks.append((_hhmm(bt, "from", bt.raw("from")), _hhmm(bt, "to", bt.raw("to"))))
            bt.done()
        shifts.append(Shift(stt.str("name", required=True),
                            _hhmm(stt, "from", stt.raw("from")), _hhmm(stt, "to", stt.raw("to")),
                            tuple(breaks)))
        stt.done()
    windows = []
    for mt in t.tables("maintenance"):
        w = Window(station(mt, "station"), _iso(mt, "from"), _iso(mt, "to"),
                   mt.str("reason", ""), "maintenance")
        if w.end <= w.start:
            raise mt.error("to", "must be after 'from'")
        windows.append(w)
        mt.done()
    rules = []
    for rt in t.tables("rules"):
        p, q = rt.int("p", required=True, min=1), rt.int("q", required=True, min=1)
        if p >= q:
            raise rt.error("p", f"must be less than q ({q}), or the rule never binds")
        rules.append(SequenceRule(rt.str("option", required=True), p, q))
        rt.done()
    seq = t.str("sequence_station")
    if seq is not None and seq not in {o.station for o in ops}:
        raise t.error("sequence_station", f"{seq!r} is not the station of an operation")
    model = LineModel(
        tuple(ops), tuple(shifts), tuple(windows), tuple(rules), seq,
        t.int("colour_change_s", 0, min=0), t.float("time_limit_s", 2.0, min=0.1, max=600),
        t.float("horizon_h", 10.0, min=0.5, max=168),
        AutoAccept(t.str("auto_accept", "never", choices=tuple(a.value for a in AutoAccept))),
        tuple(t.list("planner_terminals", [], of=str)), t.str("orders_topic"),
        t.float("fault_repair_min", 30.0, min=1), t.float("maintenance_min", 45.0, min=1),
        {k: v.name for k, v in site.stations.items()}, t.int("workers", 1, min=1, max=16))
    t.done()
    return model


def parse_section(t: Table, site: SiteConfig) -> LineModel:
    """The seam's section parser: `t` holds {"scheduling": {...}}."""
    return parse_line(t.table("scheduling", required=True), site)
