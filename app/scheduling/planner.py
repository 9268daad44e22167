"""From orders, the line model and what happened on the line to a plan, and what changed.

`plan()` builds one `cpsat.Problem`: a job per car body (an order of 3 is 3 jobs), an
operation per step of the routing with the alternative stations as further modes; the
shift calendar, planned and predicted maintenance and faults become blocked time;
a material shortage holds back the cars that need the part. Operations of the previous
plan that have started (start <= now) are frozen where they are; the rest is hinted
from the previous plan so the new one stays close to it.

`compare()` says what a re-plan changes: orders late now and by how much (and before),
cars the shift will no longer finish, sequence positions and stations that changed.
Times in a `Plan` are seconds since the epoch.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from app.scheduling import cpsat
from app.scheduling.line import LineModel, Window
from app.scheduling.orders import Order, cars


@dataclass(frozen=True)
class Shortage:
    """Material missing until `until`: cars needing `part` (an option or a variant) wait."""

    part: str
    until: float
    note: str = ""
    flagged_by: str = ""


@dataclass(frozen=True)
class PlannedOp:
    op: str
    job: str
    order: str
    operation: str  # the routing step's id
    station: str
    start: float
    end: float


@dataclass
class Plan:
    id: str
    created: float
    epoch: float
    reason: str
    status: str
    ops: list[PlannedOp]
    sequence: list[str] = field(default_factory=list)  # job ids at the sequence station
    lateness: dict[str, float] = field(default_factory=dict)  # order -> seconds late
    windows: list[Window] = field(default_factory=list)  # blocked time shown on the Gantt
    based_on: str = ""
    seconds: float = 0.0  # search time
    colour_changes: int = 0
    rule_violations: int = 0
    makespan: float = 0.0  # end of the last operation, seconds since the epoch
    accepted_by: str = ""
    accepted_at: float = 0.0
    # job -> (order, variant, colour) so a view can colour the Gantt without the orders
    jobs: dict[str, tuple[str, str, str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["ops"] = [asdict(o) for o in self.ops]
        d["windows"] = [asdict(w) for w in self.windows]
        d["jobs"] = {k: list(v) for k, v in self.jobs.items()}
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Plan:
        d = dict(d)
        d["ops"] = [PlannedOp(**o) for o in d.get("ops", [])]
        d["windows"] = [Window(**w) for w in d.get("windows", [])]
        d["jobs"] = {k: tuple(v) for k, v in d.get("jobs", {}).items()}
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in known})

    def ops_of(self, station: str) -> list[PlannedOp]:
        return sorted((o for o in self.ops if o.station == station), key=lambda o: o.start)

    def next_jobs(self, station: str, now: float, n: int = 3) -> list[PlannedOp]:
        """What the station does next (the one in progress first)."""
        return [o for o in self.ops_of(station) if o.end > now][:n]

    def output_by(self, t: float) -> int:
        """Cars whose last operation ends by `t`."""
        last: dict[str, float] = {}
        for o in self.ops:
            last[o.job] = max(last.get(o.job, 0.0), o.end)
        return sum(1 for v in last.values() if v <= t)


@dataclass(frozen=True)
class LateOrder:
    order: str
    minutes: float  # late by, in the new plan
    before: float  # late by, in the plan it replaces (0: was on time)


@dataclass(frozen=True)
class Changes:
    late: tuple[LateOrder, ...]  # orders late in the new plan, worst first
    lost_output: int  # cars the shift finishes fewer than the old plan said
    sequence_moves: int  # cars whose place in the sequence changed
    station_moves: int  # operations moved to another station
    moved: tuple[str, ...] = ()  # ops that moved station (for the view)
    horizon_end: float = 0.0  # the time lost output is counted up to

    def to_json(self) -> dict[str, Any]:
        return {"late": [asdict(x) for x in self.late], "lost_output": self.lost_output,
                "sequence_moves": self.sequence_moves, "station_moves": self.station_moves,
                "moved": list(self.moved), "horizon_end": self.horizon_end}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Changes:
        return cls(tuple(LateOrder(**x) for x in d.get("late", [])), int(d["lost_output"]),
                   int(d["sequence_moves"]), int(d["station_moves"]),
                   tuple(d.get("moved", [])), float(d.get("horizon_end", 0.0)))

    @property
    def newly_late(self) -> list[LateOrder]:
        return [x for x in self.late if x.minutes > x.before + 0.5]


def _subtract(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        parts = [(a, b)]
        for x, y in holes:
            nxt = []
            for p, q in parts:
                if y <= p or x >= q:
                    nxt.append((p, q))
                    continue
                if x > p:
                    nxt.append((p, x))
                if y < q:
                    nxt.append((y, q))
            parts = nxt
        out += parts
    return out


def build(line: LineModel, orders: Sequence[Order], *, now: float,
          windows: Iterable[Window] = (), shortages: Iterable[Shortage] = (),
          previous: Plan | None = None) -> tuple[cpsat.Problem, dict[str, Any]]:
    """The CP-SAT problem for this moment; also what `plan()` needs to read it back."""
    epoch = int(now)
    horizon_end = epoch + int(line.horizon_h * 3600)
    frozen: dict[str, PlannedOp] = {}
    done_jobs: set[str] = set()
    if previous is not None:
        by_job: dict[str, list[PlannedOp]] = {}
        for o in previous.ops:
            by_job.setdefault(o.job, []).append(o)
            if o.start < now:  # started: frozen where it is
                frozen[o.op] = o
        done_jobs = {j for j, ops in by_job.items() if all(o.end <= now for o in ops)}
    short = list(shortages)
    jobs: list[cpsat.Job] = []
    info: dict[str, tuple[str, str, str]] = {}
    op_step: dict[str, str] = {}
    for order, k in cars(orders):
        jid = f"{order.id}#{k + 1}"
        if jid in done_jobs:
            continue
        release = 0
        for s in short:
            if s.part in order.options or s.part == order.variant:
                release = max(release, int(s.until) - epoch)
        ops = []
        for spec in line.operations:
            oid = f"{jid}/{spec.id}"
            d = spec.duration(order.variant)
            modes = (cpsat.Mode(spec.station, d),
                     *(cpsat.Mode(a.station, max(1, round(d * a.factor)))
                       for a in spec.alternatives))
            f = frozen.get(oid)
            if f is not None and f.station in {m.station for m in modes}:
                ops.append(cpsat.Operation(oid, modes, f.station, int(f.start) - epoch))
            else:
                ops.append(cpsat.Operation(oid, modes))
            op_step[oid] = spec.id
        if any(o.frozen for o in ops):
            release = 0  # a car already on the line is past any shortage
        jobs.append(cpsat.Job(jid, tuple(ops), release=release, due=int(order.due) - epoch,
                              weight=order.priority, colour=order.colour,
                              options=order.options))
        info[jid] = (order.id, order.variant, order.colour)
    # Frozen work of a car no longer ordered (a cancelled order) still occupies its station.
    known = {o.id for j in jobs for o in j.ops}
    for oid, f in frozen.items():
        if oid not in known and f.end > now:
            jobs.append(cpsat.Job(f.job, (cpsat.Operation(
                oid, (cpsat.Mode(f.station, int(f.end - f.start)),), f.station,
                int(f.start) - epoch),)))
            info[f.job] = (f.order, "", "")
            op_step[oid] = f.operation
    shown = [*line.calendar(epoch, horizon_end), *line.maintenance, *windows]
    frozen_spans: dict[str, list[tuple[int, int]]] = {}
    for j in jobs:
        for op in j.ops:
            if op.frozen:
                st = op.fixed_station or op.modes[0].station
                frozen_spans.setdefault(st, []).append(
                    (op.fixed_start or 0, (op.fixed_start or 0) + op.duration_on(st)))
    blocked = []
    for w in shown:
        a, b = max(int(w.start) - epoch, 0), min(int(w.end) - epoch, horizon_end - epoch)
        if b <= a:
            continue
        # Started work is frozen: a window that starts while a car is in the station
        # begins when that car leaves.
        for p, q in _subtract([(a, b)], frozen_spans.get(w.station, [])):
            blocked.append(cpsat.Blocked(w.station, p, q, w.reason or w.kind))
    hints = {}
    if previous is not None:
        for o in previous.ops:
            if o.op not in frozen:
                hints[o.op] = cpsat.Assignment(o.op, o.job, o.station, max(0, int(o.start) - epoch),
                                               max(0, int(o.end) - epoch))
    problem = cpsat.Problem(
        jobs, blocked, horizon=None, sequence_station=line.sequence_station,
        rules=[cpsat.WindowRule(r.option, r.p, r.q) for r in line.rules],
        colour_changes=bool(line.colour_change_s) and line.sequence_station is not None,
        changeover=line.colour_change_s)
    visible = [w for w in shown if w.end > now and w.start < horizon_end]
    # Cars already finished stay in the plan as they ran (the Gantt's past), outside the
    # model; their jobs' ids and data too.
    done_ops = [o for o in previous.ops if o.job in done_jobs] if previous is not None else []
    done_info = {j: previous.jobs[j] for j in done_jobs
                 if previous is not None and j in previous.jobs}
    return problem, {"epoch": epoch, "info": info, "step": op_step, "hints": hints,
                     "windows": visible, "done_ops": done_ops, "done_info": done_info}


def plan(line: LineModel, orders: Sequence[Order], *, now: float, reason: str = "",
         windows: Iterable[Window] = (), shortages: Iterable[Shortage] = (),
         previous: Plan | None = None, time_limit: float | None = None,
         workers: int = 2, interrupt: cpsat.Interrupt | None = None) -> Plan:
    problem, ctx = build(line, orders, now=now, windows=windows, shortages=shortages,
                         previous=previous)
    hint = None
    if ctx["hints"]:
        hint = cpsat.Solution(cpsat.Status.FEASIBLE, ctx["hints"])
    sol = cpsat.solve(problem, time_limit if time_limit is not None else line.time_limit_s,
                      hint=hint, workers=workers, interrupt=interrupt)
    epoch = ctx["epoch"]
    info, step = ctx["info"], ctx["step"]
    ops = [PlannedOp(a.op, a.job, info[a.job][0], step[a.op], a.station,
                     float(a.start + epoch), float(a.end + epoch))
           for a in sol.assignments.values()]
    ops += ctx["done_ops"]
    info = {**ctx["done_info"], **info}
    ops.sort(key=lambda o: (o.start, o.station))
    late: dict[str, float] = {}
    due = {o.id: o.due for o in orders}
    last: dict[str, float] = {}
    for o in ops:
        last[o.job] = max(last.get(o.job, 0.0), o.end)
    for job, end in last.items():
        order = info[job][0]
        if order in due and end > due[order]:
            late[order] = max(late.get(order, 0.0), end - due[order])
    return Plan(uuid.uuid4().hex[:12], now, float(epoch), reason, str(sol.status), ops,
                sol.sequence, late, list(ctx["windows"]),
                based_on=previous.id if previous is not None else "", seconds=sol.seconds,
                colour_changes=sol.colour_changes, rule_violations=sol.rule_violations,
                makespan=float(sol.makespan + epoch) if ops else 0.0, jobs=dict(info))


def compare(old: Plan | None, new: Plan, *, now: float, until: float) -> Changes:
    """What `new` changes against `old`: late orders, output by `until`, moves."""
    before = old.lateness if old is not None else {}
    late = tuple(sorted((LateOrder(o, round(s / 60.0, 1), round(before.get(o, 0.0) / 60.0, 1))
                         for o, s in new.lateness.items()), key=lambda x: -x.minutes))
    if old is None:
        return Changes(late, 0, 0, 0, (), until)
    lost = max(0, old.output_by(until) - new.output_by(until))
    still = set(new.sequence)
    old_seq = [j for j in old.sequence if j in still]
    new_seq = [j for j in new.sequence if j in set(old_seq)]
    seq_moves = sum(1 for a, b in zip(old_seq, new_seq, strict=False) if a != b)
    old_st = {o.op: o.station for o in old.ops if o.end > now}
    moved = tuple(o.op for o in new.ops if o.op in old_st and old_st[o.op] != o.station)
    return Changes(late, lost, seq_moves, len(moved), moved, until)
