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
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where a model is built: OR-Tools takes seconds to load
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
    changeover: int = 0  # set-up time on the sequence station between different colours


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
    source: str = "cp-sat"  # "greedy" when the search found nothing better in time

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


class Interrupt:
    """Ends solves early from another thread (the terminal is stopping): a running
    search returns the best plan it has (the greedy start at worst), a later one does
    not search at all."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._solvers: set[Any] = set()
        self._set = False

    def set(self) -> None:
        with self._lock:
            self._set = True
            for solver in self._solvers:
                solver.stop_search()

    def is_set(self) -> bool:
        return self._set

    @contextmanager
    def watching(self, solver: Any) -> Iterator[bool]:
        """While the block runs, `set()` stops `solver`; yields False if already set."""
        with self._lock:
            if self._set:
                yield False
                return
            self._solvers.add(solver)
        try:
            yield True
        finally:
            with self._lock:
                self._solvers.discard(solver)


def solve(problem: Problem, time_limit: float = 10.0, hint: Solution | None = None,
          workers: int = 2, seed: int = 0, interrupt: Interrupt | None = None) -> Solution:
    """Build the model and search for at most `time_limit` seconds (less if
    `interrupt` is set meanwhile)."""
    interrupt = interrupt or Interrupt()
    from ortools.sat.python import cp_model

    t0 = time.perf_counter()
    # A feasible start is built first (the previous plan repaired, else due order), so
    # the search begins from a complete plan and the answer is never "no plan".
    start = greedy(problem, hint)
    if interrupt.is_set():  # stopping: the feasible start is the answer
        return _greedy_answer(start, t0)
    if problem.horizon is None and start.assignments:
        # The greedy plan bounds the useful horizon; a tight one keeps domains and the
        # objective's weights small.
        lo = min(0, min(a.start for a in start.assignments.values()))
        problem = replace(problem, horizon=start.makespan + max(600, (start.makespan - lo) // 5))
    built = _Built(problem, start)
    if interrupt.is_set():
        return _greedy_answer(start, t0)
    _complete_hint(built.model, budget=max(0.05, 0.3 * time_limit), interrupt=interrupt)
    # The budget covers building the model and reading the answer back too: the caller
    # asked for a plan by then. Too little left: the greedy plan is the answer.
    left = time_limit - (time.perf_counter() - t0) - 0.05 - 0.00005 * len(built.start)
    if left < 0.1:
        return _greedy_answer(start, t0)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = left
    solver.parameters.num_search_workers = max(1, workers)
    solver.parameters.random_seed = seed
    with interrupt.watching(solver) as go:
        code = solver.solve(built.model) if go else cp_model.UNKNOWN
    status = {cp_model.OPTIMAL: Status.OPTIMAL, cp_model.FEASIBLE: Status.FEASIBLE,
              cp_model.INFEASIBLE: Status.INFEASIBLE}.get(code, Status.UNKNOWN)
    if status is Status.INFEASIBLE:
        return Solution(status, {}, seconds=time.perf_counter() - t0)
    if status is Status.UNKNOWN:
        return _greedy_answer(start, t0)
    sol = built.read(solver, status)
    sol.seconds = time.perf_counter() - t0
    return sol


def _greedy_answer(start: Solution, t0: float) -> Solution:
    """The feasible start as the answer (stopping, no time left, or nothing better)."""
    start.seconds, start.source = time.perf_counter() - t0, "greedy"
    return start


def _complete_hint(model: cp_model.CpModel, budget: float = 1.0,
                   interrupt: Interrupt | None = None) -> None:
    """Turn the hint (starts, stations, sequence) into a value for every variable.

    CP-SAT takes a complete feasible hint as its first solution at once; a partial one
    it may fail to complete in time on a model with sequence rules (measured: no plan in
    5 s for 500 operations, against 0.2 s for this completion)."""
    from ortools.sat.python import cp_model

    proto = model.proto
    if not proto.solution_hint.vars:
        return
    fixed = model.clone()
    for v, val in zip(proto.solution_hint.vars, proto.solution_hint.values, strict=True):
        fixed.add(fixed.get_int_var_from_proto_index(v) == val)
    fixed.clear_objective()
    solver = cp_model.CpSolver()
    solver.parameters.num_search_workers = 1
    solver.parameters.max_time_in_seconds = budget
    with (interrupt or Interrupt()).watching(solver) as go:
        if not go or solver.solve(fixed) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return  # keep the partial hint; the search may still use it
    model.clear_hints()
    for i in range(len(proto.variables)):
        model.add_hint(model.get_int_var_from_proto_index(i),
                      solver.value(fixed.get_int_var_from_proto_index(i)))


def greedy(problem: Problem, hint: Solution | None = None) -> Solution:
    """A feasible plan by list scheduling: jobs in the hinted order (their start at the
    sequence station, else their first operation), new jobs after by due time; each
    operation at the earliest gap on the mode that ends first (the hinted station on a
    tie). The sequence station takes jobs strictly in that order, so the sequence and the
    times agree as the circuit requires."""
    hints = hint.assignments if hint is not None else {}
    seq = problem.sequence_station

    def key(j: Job) -> tuple[float, float, float, str]:
        frozen = [o.fixed_start for o in j.ops if o.fixed_start is not None]
        if frozen:
            return (0, min(frozen), 0, j.id)
        ref = [hints[o.id].start for o in j.ops if o.id in hints
               and (seq is None or hints[o.id].station == seq)]
        if ref:
            return (1, ref[0], 0, j.id)
        return (2, j.due if j.due is not None else float("inf"), j.release, j.id)

    busy: dict[str, list[tuple[int, int]]] = {}
    for b in problem.blocked:
        busy.setdefault(b.station, []).append((b.start, b.end))
    for j in problem.jobs:
        for o in j.ops:
            if o.frozen:
                st = o.fixed_station or o.modes[0].station
                busy.setdefault(st, []).append((o.fixed_start or 0,
                                                (o.fixed_start or 0) + o.duration_on(st)))
    for spans in busy.values():
        spans.sort()

    def earliest(st: str, t: int, d: int) -> int:
        for a, b in busy.get(st, []):
            if b <= t:
                continue
            if a >= t + d:
                break
            t = max(t, b)
        return t

    out: dict[str, Assignment] = {}
    seq_free, seq_colour = 0, None
    for j in _order(problem, sorted(problem.jobs, key=key), key):
        t = max(j.release, 0)
        for o in j.ops:
            if o.frozen:
                st = o.fixed_station or o.modes[0].station
                s0 = o.fixed_start or 0
                out[o.id] = Assignment(o.id, j.id, st, s0, s0 + o.duration_on(st))
                t = s0 + o.duration_on(st)
                if st == seq:
                    seq_free, seq_colour = t, j.colour
                continue
            best: tuple[int, int, str] | None = None
            for md in o.modes:
                lo = t
                if md.station == seq:
                    gap = problem.changeover if seq_colour not in (None, j.colour) else 0
                    lo = max(lo, seq_free + gap)
                s1 = earliest(md.station, lo, md.duration)
                cand = (s1 + md.duration, 0 if hints.get(o.id) and
                        hints[o.id].station == md.station else 1, md.station)
                if best is None or cand[:2] < best[:2]:
                    best = cand
            assert best is not None
            end, _, st = best
            s1 = end - o.duration_on(st)
            out[o.id] = Assignment(o.id, j.id, st, s1, end)
            busy.setdefault(st, []).append((s1, end))
            busy[st].sort()
            if st == seq:
                seq_free, seq_colour = end, j.colour
            t = end
    return evaluate(problem, out)


def _order(problem: Problem, jobs: list[Job], key: object) -> list[Job]:
    """Jobs without a place from a hint or frozen work are taken in due order, but from
    the next few the first that breaks no rule and keeps the colour is preferred."""
    if problem.sequence_station is None or not (problem.rules or problem.colour_changes):
        return jobs
    fixed = [j for j in jobs if key(j)[0] < 2]  # type: ignore[operator]
    free = [j for j in jobs if key(j)[0] >= 2]  # type: ignore[operator]
    out = list(fixed)
    look = max(2, min(problem.arc_span, 12))
    while free:
        best, best_score = 0, None
        for idx, j in enumerate(free[:look]):
            opts = [x.options for x in out[-8:]] + [j.options]
            viol = sum(1 for r in problem.rules if r.option in j.options
                       and sum(1 for o in opts[-r.q:] if r.option in o) > r.p)
            change = int(bool(out) and problem.colour_changes and out[-1].colour != j.colour)
            score = (viol, change, idx)
            if best_score is None or score < best_score:
                best, best_score = idx, score
        out.append(free.pop(best))
    return out


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


def merge_blocked(blocked: Sequence[Blocked]) -> list[tuple[str, int, int]]:
    """(station, start, end) of the union of the blocked time per station."""
    by: dict[str, list[tuple[int, int]]] = {}
    for b in blocked:
        if b.end > b.start:
            by.setdefault(b.station, []).append((b.start, b.end))
    out: list[tuple[str, int, int]] = []
    for st, spans in by.items():
        spans.sort()
        cur = list(spans[0])
        for x0, x1 in spans[1:]:
            if x0 <= cur[1]:
                cur[1] = max(cur[1], x1)
            else:
                out.append((st, cur[0], cur[1]))
                cur = [x0, x1]
        out.append((st, cur[0], cur[1]))
    return out


def _minutes(seconds: int) -> int:
    return -(-seconds // 60)


class _Built:
    """The CP-SAT model of one problem, with the variables needed to read it back."""

    def __init__(self, p: Problem, hint: Solution | None) -> None:
        self.p = p
        from ortools.sat.python import cp_model

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
                    s = m.new_constant(o.fixed_start)  # type: ignore[arg-type]
                    self.start[o.id], self.end[o.id] = s, s + d
                    self.lits[o.id] = [(Mode(st, d), 1)]
                    per_station.setdefault(st, []).append(
                        m.new_fixed_size_interval_var(o.fixed_start, d, f"{o.id}@{st}"))  # type: ignore[arg-type]
                else:
                    s = m.new_int_var(max(j.release, 0), h, f"s_{o.id}")
                    self.start[o.id] = s
                    if len(o.modes) == 1:
                        md = o.modes[0]
                        iv = m.new_fixed_size_interval_var(s, md.duration, f"{o.id}@{md.station}")
                        per_station.setdefault(md.station, []).append(iv)
                        self.end[o.id] = s + md.duration
                        self.lits[o.id] = [(md, 1)]
                    else:
                        lits = []
                        for md in o.modes:
                            lit = m.new_bool_var(f"x_{o.id}@{md.station}")
                            iv = m.new_optional_fixed_size_interval_var(
                                s, md.duration, lit, f"{o.id}@{md.station}")
                            per_station.setdefault(md.station, []).append(iv)
                            lits.append((md, lit))
                        m.add_exactly_one(lit for _, lit in lits)
                        self.end[o.id] = s + sum(md.duration * lit for md, lit in lits)
                        self.lits[o.id] = lits  # type: ignore[assignment]
                    m.add(self.end[o.id] <= h)
                    a = hints.get(o.id)
                    if a is not None:
                        m.add_hint(s, max(a.start, max(j.release, 0)))
                        for mode, flag in self.lits[o.id]:
                            if not isinstance(flag, int):
                                m.add_hint(flag, mode.station == a.station)
                if prev_end is not None:
                    m.add(self.start[o.id] >= prev_end)
                prev_end = self.end[o.id]
            e = m.new_int_var(lo, h, f"end_{j.id}")
            if prev_end is not None:
                m.add(e == prev_end)
            job_end[j.id] = e

        # Blocked time may overlap (a fault during a break, a predicted window inside a
        # fault): fixed intervals on one NoOverlap must not, so they are merged first.
        for st, b0, b1 in merge_blocked(p.blocked):
            per_station.setdefault(st, []).append(
                m.new_fixed_size_interval_var(b0, b1 - b0, f"blocked_{st}"))
        for ivs in per_station.values():
            if len(ivs) > 1:
                m.add_no_overlap(ivs)

        makespan = m.new_int_var(0, h, "makespan")
        m.add_max_equality(makespan, list(job_end.values()) or [m.new_constant(0)])
        w_late, w_rule = _weights(h, len(p.jobs))
        terms: list[cp_model.LinearExprT] = [W_THROUGHPUT * makespan]
        for j in p.jobs:
            if j.due is not None:
                late = m.new_int_var(0, _minutes(max(h - j.due, 0)) + 1, f"late_{j.id}")
                m.add(60 * late >= job_end[j.id] - j.due)
                terms.append(w_late * j.weight * late)
        self.seq_pos: list[tuple[str, int, cp_model.IntVar]] = []
        if p.sequence_station is not None and (p.rules or p.colour_changes):
            terms.extend(w_rule * t for t in self._sequencing(p, hints))
        m.minimize(sum(terms))
        self.makespan = makespan

    def _sequencing(self, p: Problem, hints: dict[str, Assignment]) -> list[cp_model.LinearExprT]:
        """Positions on the sequence station; returns the cost terms (rule excess,
        colour changes)."""
        m, st = self.model, p.sequence_station
        seq_ops: list[tuple[Job, Operation]] = []
        for j in p.jobs:
            for o in j.ops:
                if len(o.modes) == 1 and o.modes[0].station == st:
                    seq_ops.append((j, o))
                    break
        n = len(seq_ops)
        if n < 2:
            return []

        # Base order: the hinted sequence, else by due time (then release, then id).
        def base_key(jo: tuple[Job, Operation]) -> tuple[float, float, float, str]:
            j, o = jo
            if o.frozen:
                return (0, float(o.fixed_start or 0), 0, j.id)
            if o.id in hints:
                return (1, float(hints[o.id].start), 0, j.id)
            return (2, float(j.due) if j.due is not None else float("inf"), j.release, j.id)

        seq_ops.sort(key=base_key)
        span = max(1, p.arc_span)
        y: dict[tuple[int, int], cp_model.IntVar] = {}  # (job index, position)
        for i, (_j, o) in enumerate(seq_ops):
            lo, hi = (i, i) if o.frozen else (max(0, i - span), min(n - 1, i + span))
            for k in range(lo, hi + 1):
                y[i, k] = m.new_bool_var(f"y_{i}_{k}")
                if hints:
                    m.add_hint(y[i, k], k == i)
            m.add_exactly_one(y[i, k] for k in range(lo, hi + 1))
        at: list[list[tuple[int, cp_model.IntVar]]] = [[] for _ in range(n)]
        for (i, k), v in y.items():
            at[k].append((i, v))
        for k in range(n):
            m.add_exactly_one(v for _, v in at[k])
        # Slot k's times at the station; the car in slot k takes them.
        lo_t = min([0] + [o.fixed_start or 0 for _, o in seq_ops if o.frozen])
        ts = [m.new_int_var(lo_t, self.horizon, f"ts_{k}") for k in range(n)]
        te = [m.new_int_var(lo_t, self.horizon, f"te_{k}") for k in range(n)]
        for (i, k), v in y.items():
            _, o = seq_ops[i]
            m.add(ts[k] == self.start[o.id]).only_enforce_if(v)
            m.add(te[k] == self.end[o.id]).only_enforce_if(v)
        terms: list[cp_model.LinearExprT] = []
        colours = sorted({j.colour for j, _ in seq_ops})
        change: list[cp_model.IntVar | int] = [0] * n
        if p.colour_changes and len(colours) > 1:
            col = [{c: sum(v for i, v in at[k] if seq_ops[i][0].colour == c) for c in colours}
                   for k in range(n)]
            for k in range(n - 1):
                ch = m.new_bool_var(f"change_{k}")
                for c in colours:
                    m.add(ch >= col[k][c] - col[k + 1][c])
                change[k] = ch
                if hints:
                    m.add_hint(ch, seq_ops[k][0].colour != seq_ops[k + 1][0].colour)
            terms.append(sum(change[:n - 1]))
        for k in range(n - 1):
            m.add(ts[k + 1] >= te[k] + p.changeover * change[k])
        for rule in p.rules:
            flag = [sum(v for i, v in at[k] if rule.option in seq_ops[i][0].options)
                    for k in range(n)]
            if sum(1 for j, _ in seq_ops if rule.option in j.options) <= rule.p:
                continue
            for k in range(max(1, n - rule.q + 1)):
                window = flag[k:k + rule.q]
                excess = m.new_int_var(0, rule.q, f"excess_{rule.option}_{k}")
                m.add(excess >= sum(window) - rule.p)
                terms.append(excess)
        self.seq_pos = [(seq_ops[i][0].id, k, v) for (i, k), v in y.items()]
        return terms

    def read(self, solver: cp_model.CpSolver, status: Status) -> Solution:
        out: dict[str, Assignment] = {}
        for j in self.p.jobs:
            for o in j.ops:
                s = solver.value(self.start[o.id])
                for md, lit in self.lits[o.id]:
                    if isinstance(lit, int) or solver.value(lit):
                        out[o.id] = Assignment(o.id, j.id, md.station, s, s + md.duration)
                        break
        sol = evaluate(self.p, out)
        if self.seq_pos:
            placed = sorted((k, job) for job, k, v in self.seq_pos if solver.value(v))
            sol.sequence = [job for _, job in placed]
            by_job = {j.id: j for j in self.p.jobs}
            sol.rule_violations = sequence_violations(
                [by_job[k].options for k in sol.sequence], self.p.rules)
            if self.p.colour_changes:
                sol.colour_changes = sum(1 for a, b in zip(sol.sequence, sol.sequence[1:],
                                                           strict=False)
                                         if by_job[a].colour != by_job[b].colour)
        sol.status = status
        sol.objective = solver.objective_value
        return sol
