"""The scheduling model on OR-Tools CP-SAT, shared by the line planner and the benchmarks.

A problem is a set of jobs (a car body, or an OR-Library job), each a chain of
operations; an operation runs in one of its modes (a station and a duration there).
One mode: a plain interval. Several modes (robot 3 can take robot 2's spots, slower):
one optional interval per mode, exactly one present. Every station gets a NoOverlap
over its intervals and its blocked time (breaks, maintenance windows, a fault's
expected repair). Frozen operations (already started) are fixed intervals. A previous
plan is given to the solver as hints, so a re-plan starts from it and moves little.

Sequencing rules of car plants sit on one station's sequence (the paint booth, or the
single "line" station of a CSPLib instance): a circuit over the jobs gives each a rank;
"at most p cars with option X in any q consecutive" counts, for every car with X, the
other X cars ranked within the q-1 after it; colour changes are circuit arcs between
jobs of different colours. Arcs are limited to jobs near each other in a base order
(the hinted sequence, else due order) so big instances stay tractable; the base order
itself is always allowed, so a hint is always feasible.

Objective, lexicographic by weights: weighted lateness, then rule excess and colour
changes, then makespan (throughput). The solver is anytime: stopping at the time limit
returns the best plan found so far.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from ortools.sat.python import cp_model


class Status(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"  # no plan found within the time limit


@dataclass(frozen=True)
class Mode:
    station: str
    duration: int


@dataclass(frozen=True)
class Operation:
    id: str
    modes: tuple[Mode, ...]
    # Frozen (already started or done): it stays on this station at this start.
    fixed_station: str | None = None
    fixed_start: int | None = None

    @property
    def frozen(self) -> bool:
        return self.fixed_start is not None

    def duration_on(self, station: str) -> int:
        for m in self.modes:
            if m.station == station:
                return m.duration
        raise KeyError(f"operation {self.id} cannot run on {station}")


@dataclass(frozen=True)
class Job:
    id: str
    ops: tuple[Operation, ...]
    release: int = 0
    due: int | None = None
    weight: int = 1
    colour: str = ""
    options: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Blocked:
    """Time a station cannot work: a break, a maintenance window, a fault's repair."""

    station: str
    start: int
    end: int
    reason: str = ""


@dataclass(frozen=True)
class WindowRule:
    """At most `p` jobs with `option` in any `q` consecutive on the sequence station."""

    option: str
    p: int
    q: int


@dataclass
class Problem:
    jobs: list[Job]
    blocked: list[Blocked] = field(default_factory=list)
    horizon: int | None = None  # latest end; None: the sum of the longest modes
    sequence_station: str | None = None  # where rules and colour changes are counted
    rules: list[WindowRule] = field(default_factory=list)
    colour_changes: bool = False
    arc_span: int = 12  # how far from its base position a job may move in the sequence


@dataclass(frozen=True)
class Assignment:
    op: str
    job: str
    station: str
    start: int
    end: int


@dataclass
class Solution:
    status: Status
    assignments: dict[str, Assignment]
    makespan: int = 0
    weighted_lateness: int = 0
    lateness: dict[str, int] = field(default_factory=dict)  # job -> time late (> 0 only)
    rule_violations: int = 0  # violated windows, counted as CSPLib does
    colour_changes: int = 0
    sequence: list[str] = field(default_factory=list)  # job ids at the sequence station
    seconds: float = 0.0
    objective: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status in (Status.OPTIMAL, Status.FEASIBLE)


# Weights of the lexicographic objective (see the module docstring). Lateness is
# counted in whole minutes so the numbers stay small for the solver.
W_THROUGHPUT = 1


def _weights(horizon: int, n_jobs: int) -> tuple[int, int]:
    w_rule = horizon + 1
    w_late = w_rule * (2 * n_jobs + 2) + horizon + 1
    return w_late, w_rule


def solve(problem: Problem, time_limit: float = 10.0, hint: Solution | None = None,
          workers: int = 2, seed: int = 0) -> Solution:
    """Build the model and search for at most `time_limit` seconds."""
    t0 = time.perf_counter()
    built = _Built(problem, hint)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, time_limit)
    solver.parameters.num_search_workers = max(1, workers)
    solver.parameters.random_seed = seed
    code = solver.Solve(built.model)
    status = {cp_model.OPTIMAL: Status.OPTIMAL, cp_model.FEASIBLE: Status.FEASIBLE,
              cp_model.INFEASIBLE: Status.INFEASIBLE}.get(code, Status.UNKNOWN)
    if status not in (Status.OPTIMAL, Status.FEASIBLE):
        return Solution(status, {}, seconds=time.perf_counter() - t0)
    sol = built.read(solver, status)
    sol.seconds = time.perf_counter() - t0
    return sol


def evaluate(problem: Problem, assignments: dict[str, Assignment]) -> Solution:
    """Score given assignments with the model's measures (used for a solution read back
    and for a plan kept from before)."""
    by_job = {j.id: j for j in problem.jobs}
    makespan = max((a.end for a in assignments.values()), default=0)
    lateness: dict[str, int] = {}
    for j in problem.jobs:
        ends = [assignments[o.id].end for o in j.ops if o.id in assignments]
        if j.due is not None and ends and max(ends) > j.due:
            lateness[j.id] = max(ends) - j.due
    wl = sum(by_job[k].weight * _minutes(v) for k, v in lateness.items())
    seq: list[str] = []
    if problem.sequence_station is not None:
        at = [(a.start, a.job) for a in assignments.values()
              if a.station == problem.sequence_station]
        seq = [job for _, job in sorted(at)]
    viol = sequence_violations([by_job[j].options for j in seq], problem.rules)
    changes = sum(1 for a, b in itertools.pairwise(seq)
                  if by_job[a].colour != by_job[b].colour) if problem.colour_changes else 0
    return Solution(Status.FEASIBLE, dict(assignments), makespan, wl, lateness,
                    viol, changes, seq)


def sequence_violations(options: Sequence[frozenset[str]], rules: Sequence[WindowRule]) -> int:
    """Violated windows: for each rule, each full window of q with more than p cars."""
    n, total = len(options), 0
    for r in rules:
        flags = [1 if r.option in o else 0 for o in options]
        if n < r.q:
            total += int(sum(flags) > r.p)
            continue
        run = sum(flags[:r.q])
        total += int(run > r.p)
        for k in range(r.q, n):
            run += flags[k] - flags[k - r.q]
            total += int(run > r.p)
    return total


def _minutes(seconds: int) -> int:
    return -(-seconds // 60)


class _Built:
    """The CP-SAT model of one problem, with the variables needed to read it back."""

    def __init__(self, p: Problem, hint: Solution | None) -> None:
        self.p = p
        m = self.model = cp_model.CpModel()
        longest = sum(max(md.duration for md in o.modes) for j in p.jobs for o in j.ops)
        blocked_end = max((b.end for b in p.blocked), default=0)
        fixed_end = max((o.fixed_start + o.duration_on(o.fixed_station or o.modes[0].station)
                         for j in p.jobs for o in j.ops if o.fixed_start is not None),
                        default=0)
        rel = max((j.release for j in p.jobs), default=0)
        h = p.horizon if p.horizon is not None else longest + max(blocked_end, fixed_end, rel)
        self.horizon = h = max(h, fixed_end, 1)
        lo = min([0] + [o.fixed_start for j in p.jobs for o in j.ops
                        if o.fixed_start is not None])
        hints = hint.assignments if hint is not None and hint.ok else {}

        self.start: dict[str, cp_model.IntVar] = {}
        self.end: dict[str, cp_model.LinearExprT] = {}
        self.lits: dict[str, list[tuple[Mode, cp_model.IntVar | int]]] = {}
        per_station: dict[str, list[cp_model.IntervalVar]] = {}
        job_end: dict[str, cp_model.IntVar] = {}

        for j in p.jobs:
            prev_end: cp_model.LinearExprT | None = None
            for o in j.ops:
                if o.frozen:
                    st = o.fixed_station or o.modes[0].station
                    d = o.duration_on(st)
                    s = m.NewConstant(o.fixed_start)  # type: ignore[arg-type]
                    self.start[o.id], self.end[o.id] = s, s + d
                    self.lits[o.id] = [(Mode(st, d), 1)]
                    per_station.setdefault(st, []).append(
                        m.NewFixedSizeIntervalVar(o.fixed_start, d, f"{o.id}@{st}"))  # type: ignore[arg-type]
                else:
                    s = m.NewIntVar(max(j.release, 0), h, f"s_{o.id}")
                    self.start[o.id] = s
                    if len(o.modes) == 1:
                        md = o.modes[0]
                        iv = m.NewFixedSizeIntervalVar(s, md.duration, f"{o.id}@{md.station}")
                        per_station.setdefault(md.station, []).append(iv)
                        self.end[o.id] = s + md.duration
                        self.lits[o.id] = [(md, 1)]
                    else:
                        lits = []
                        for md in o.modes:
                            lit = m.NewBoolVar(f"x_{o.id}@{md.station}")
                            iv = m.NewOptionalFixedSizeIntervalVar(
                                s, md.duration, lit, f"{o.id}@{md.station}")
                            per_station.setdefault(md.station, []).append(iv)
                            lits.append((md, lit))
                        m.AddExactlyOne(lit for _, lit in lits)
                        self.end[o.id] = s + sum(md.duration * lit for md, lit in lits)
                        self.lits[o.id] = lits  # type: ignore[assignment]
                    m.Add(self.end[o.id] <= h)
                    a = hints.get(o.id)
                    if a is not None:
                        m.AddHint(s, max(a.start, max(j.release, 0)))
                        for md, lit in self.lits[o.id]:
                            if not isinstance(lit, int):
                                m.AddHint(lit, md.station == a.station)
                if prev_end is not None:
                    m.Add(self.start[o.id] >= prev_end)
                prev_end = self.end[o.id]
            e = m.NewIntVar(lo, h, f"end_{j.id}")
            if prev_end is not None:
                m.Add(e == prev_end)
            job_end[j.id] = e

        for b in p.blocked:
            if b.end > b.start:
                per_station.setdefault(b.station, []).append(
                    m.NewFixedSizeIntervalVar(b.start, b.end - b.start, f"blocked_{b.station}"))
        for ivs in per_station.values():
            if len(ivs) > 1:
                m.AddNoOverlap(ivs)

        makespan = m.NewIntVar(0, h, "makespan")
        m.AddMaxEquality(makespan, list(job_end.values()) or [0])
        w_late, w_rule = _weights(h, len(p.jobs))
        terms: list[cp_model.LinearExprT] = [W_THROUGHPUT * makespan]
        for j in p.jobs:
            if j.due is not None:
                late = m.NewIntVar(0, _minutes(max(h - j.due, 0)) + 1, f"late_{j.id}")
                m.Add(60 * late >= job_end[j.id] - j.due)
                terms.append(w_late * j.weight * late)
        self.seq_rank: dict[str, cp_model.IntVar] = {}
        if p.sequence_station is not None and (p.rules or p.colour_changes):
            terms.extend(w_rule * t for t in self._sequencing(p, hints))
        m.Minimize(sum(terms))
        self.makespan = makespan

    def _sequencing(self, p: Problem, hints: dict[str, Assignment]) -> list[cp_model.LinearExprT]:
        """Circuit and ranks over the sequence station; returns the cost terms."""
        m, st = self.model, p.sequence_station
        seq_ops: list[tuple[Job, Operation]] = []
        for j in p.jobs:
            for o in j.ops:
                if any(md.station == st for md in o.modes) and len(o.modes) == 1:
                    seq_ops.append((j, o))
                    break
        n = len(seq_ops)
        if n < 2:
            return []
        # Base order: the hinted sequence, else by due time (then release, then id).
        def base_key(jo: tuple[Job, Operation]) -> tuple[float, float, str]:
            j, o = jo
            if o.id in hints:
                return (hints[o.id].start, 0, j.id)
            if o.frozen:
                return (float(o.fixed_start or 0), 0, j.id)
            return (float("inf"), j.due if j.due is not None else float("inf"), j.id)
        if any(o.id in hints for _, o in seq_ops):
            seq_ops.sort(key=base_key)
        else:
            seq_ops.sort(key=lambda jo: (jo[0].due if jo[0].due is not None else 1 << 60,
                                         jo[0].release, jo[0].id))
        span = max(2, p.arc_span)
        ranks = [m.NewIntVar(0, n - 1, f"rank_{j.id}") for j, _ in seq_ops]
        arcs: list[tuple[int, int, cp_model.IntVar]] = []
        colour_terms: list[cp_model.IntVar] = []
        hint_seq = [j.id for j, o in seq_ops] if hints else None
        for i in range(n):
            lit = m.NewBoolVar(f"first_{i}")
            arcs.append((0, i + 1, lit))
            m.Add(ranks[i] == 0).OnlyEnforceIf(lit)
            if i >= span:
                m.Add(lit == 0)
            lit2 = m.NewBoolVar(f"last_{i}")
            arcs.append((i + 1, 0, lit2))
            m.Add(ranks[i] == n - 1).OnlyEnforceIf(lit2)
            if i < n - 1 - span:
                m.Add(lit2 == 0)
            if hint_seq is not None:
                m.AddHint(lit, i == 0)
                m.AddHint(lit2, i == n - 1)
                m.AddHint(ranks[i], i)
        for i in range(n):
            ji, oi = seq_ops[i]
            for k in range(max(0, i - span), min(n, i + span + 1)):
                if k == i:
                    continue
                jk, ok = seq_ops[k]
                lit = m.NewBoolVar(f"arc_{i}_{k}")
                arcs.append((i + 1, k + 1, lit))
                m.Add(ranks[k] == ranks[i] + 1).OnlyEnforceIf(lit)
                m.Add(self.start[ok.id] >= self.end[oi.id]).OnlyEnforceIf(lit)
                if hint_seq is not None:
                    m.AddHint(lit, k == i + 1)
                if p.colour_changes and ji.colour != jk.colour:
                    colour_terms.append(lit)
        m.AddCircuit(arcs)
        for (j, _), r in zip(seq_ops, ranks, strict=True):
            self.seq_rank[j.id] = r
        terms: list[cp_model.LinearExprT] = []
        if colour_terms:
            terms.append(sum(colour_terms))
        for rule in p.rules:
            idx = [i for i, (j, _) in enumerate(seq_ops) if rule.option in j.options]
            for a in idx:
                inside = []
                for b in idx:
                    # Only jobs that can be within q-1 after a in rank (rank moves are
                    # bounded by the arc span around the base order).
                    if b == a or abs(b - a) > rule.q - 1 + 2 * span:
                        continue
                    after = m.NewBoolVar("")
                    m.Add(ranks[b] > ranks[a]).OnlyEnforceIf(after)
                    m.Add(ranks[b] <= ranks[a]).OnlyEnforceIf(after.Not())
                    near = m.NewBoolVar("")
                    m.Add(ranks[b] <= ranks[a] + rule.q - 1).OnlyEnforceIf(near)
                    m.Add(ranks[b] > ranks[a] + rule.q - 1).OnlyEnforceIf(near.Not())
                    both = m.NewBoolVar("")
                    m.AddBoolOr([after.Not(), near.Not(), both])
                    m.AddImplication(both, after)
                    m.AddImplication(both, near)
                    inside.append(both)
                if len(inside) >= rule.p:
                    excess = m.NewIntVar(0, len(inside), "")
                    m.Add(excess >= sum(inside) - (rule.p - 1))
                    terms.append(excess)
        return terms

    def read(self, solver: cp_model.CpSolver, status: Status) -> Solution:
        out: dict[str, Assignment] = {}
        for j in self.p.jobs:
            for o in j.ops:
                s = solver.Value(self.start[o.id])
                for md, lit in self.lits[o.id]:
                    if isinstance(lit, int) or solver.Value(lit):
                        out[o.id] = Assignment(o.id, j.id, md.station, s, s + md.duration)
                        break
        sol = evaluate(self.p, out)
        if self.seq_rank:
            sol.sequence = sorted(self.seq_rank, key=lambda k: solver.Value(self.seq_rank[k]))
            by_job = {j.id: j for j in self.p.jobs}
            sol.rule_violations = sequence_violations(
                [by_job[k].options for k in sol.sequence], self.p.rules)
            if self.p.colour_changes:
                sol.colour_changes = sum(1 for a, b in zip(sol.sequence, sol.sequence[1:],
                                                           strict=False)
                                         if by_job[a].colour != by_job[b].colour)
        sol.status = status
        sol.objective = solver.ObjectiveValue()
        return sol
