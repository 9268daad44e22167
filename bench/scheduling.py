"""Scheduling: re-plan latency for 100, 500 and 2,000 operations, and the plan's quality
against a bare CP-SAT model of the same instance with the same time limit.

Instance: the demo line (resources/demo/scheduling.toml: six operations per car body,
robot 3 as the slower alternative for robot 2, the sunroof 1/2 and tow-hitch 2/3
rules and colour changes at the paint booth, the shift calendar) with generated orders
(one to four cars, mixed options and colours, due dates spread over the horizon). A
first plan, then re-plans with robot 2 in fault for 30 minutes at growing "now", each
warm-started from the plan before; latency is the wall time of `planner.plan` (model
build, greedy repair, completion of the hint, search) with the site's 2 s budget.
"Feasible after" is when the first complete plan exists (the greedy repair).

Baseline: the textbook CP-SAT model of the same re-plan problem written out here
(intervals, optional alternatives, NoOverlap with the same blocked time, the same
frozen operations, weighted lateness then makespan; no hints, no sequence model), run
with the same time limit and search threads (the site's `workers`, 1). Both plans are
scored by the same function (`cpsat.evaluate`): weighted lateness (minutes x
priority), rule violations + colour changes at the booth, makespan. Ratios > 1 mean
LineSide's plan is better.
"""

from __future__ import annotations

import random
import statistics
import time
import tomllib
from pathlib import Path
from typing import Any

from bench.common import Result, Scale, log

SITE = Path(__file__).resolve().parent.parent / "resources" / "demo"
OPS_PER_CAR = 6


def _line() -> Any:
    from types import SimpleNamespace

    from app.config import Table
    from app.scheduling.line import parse_line

    data = tomllib.loads((SITE / "scheduling.toml").read_text(encoding="utf-8"))
    stations = {s: SimpleNamespace(name=s) for s in
                ("press1", "robot1", "robot2", "robot3", "robot4", "booth1")}
    return parse_line(Table(data["scheduling"], "scheduling.toml", "scheduling"),
                      SimpleNamespace(stations=stations))  # type: ignore[arg-type]


def _orders(n_ops: int, now: float, seed: int = 1) -> list[Any]:
    from app.scheduling.orders import Order

    rng = random.Random(seed)
    cars = max(1, n_ops // OPS_PER_CAR)
    out, k, i = [], 0, 0
    while k < cars:
        q = min(rng.choice([1, 2, 3, 4]), cars - k)
        opts = frozenset(o for o, p in (("sunroof", 0.3), ("tow_hitch", 0.25))
                         if rng.random() < p)
        out.append(Order(f"O{i:04d}", rng.choice(["sedan", "suv", "estate"]), q,
                         now + 3600 + k * 330.0, opts,
                         rng.choice(["white", "black", "silver", "red", "blue"]),
                         rng.choice([1, 1, 1, 2, 3])))
        k += q
        i += 1
    return out


def _bare(problem: Any, time_limit: float, workers: int) -> Any:
    """The textbook model: no hints, no sequence, the same objective's first and last terms."""
    from ortools.sat.python import cp_model

    from app.scheduling import cpsat

    m = cp_model.CpModel()
    h = sum(max(md.duration for md in o.modes) for j in problem.jobs for o in j.ops) + max(
        [b.end for b in problem.blocked] + [0])
    per_station: dict[str, list[Any]] = {}
    start, end, lits = {}, {}, {}
    job_end = {}
    for j in problem.jobs:
        prev = None
        for o in j.ops:
            if o.frozen:
                st = o.fixed_station or o.modes[0].station
                d = o.duration_on(st)
                per_station.setdefault(st, []).append(
                    m.new_fixed_size_interval_var(o.fixed_start, d, ""))
                start[o.id], end[o.id] = o.fixed_start, o.fixed_start + d
                lits[o.id] = [(cpsat.Mode(st, d), 1)]
            else:
                s = m.new_int_var(max(0, j.release), h, "")
                ls = []
                for md in o.modes:
                    if len(o.modes) == 1:
                        iv = m.new_fixed_size_interval_var(s, md.duration, "")
                        ls.append((md, 1))
                    else:
                        lit = m.new_bool_var("")
                        iv = m.new_optional_fixed_size_interval_var(s, md.duration, lit, "")
                        ls.append((md, lit))
                    per_station.setdefault(md.station, []).append(iv)
                if len(ls) > 1:
                    m.add_exactly_one(lit for _, lit in ls)
                start[o.id] = s
                end[o.id] = s + sum(md.duration * lit for md, lit in ls)
                lits[o.id] = ls
            if prev is not None:
                m.add(start[o.id] >= prev)
            prev = end[o.id]
        e = m.new_int_var(-h, h, "")
        m.add(e == prev)
        job_end[j.id] = e
    for st, a, b in cpsat.merge_blocked(problem.blocked):
        per_station.setdefault(st, []).append(m.new_fixed_size_interval_var(a, b - a, ""))
    for ivs in per_station.values():
        m.add_no_overlap(ivs)
    mk = m.new_int_var(0, h, "")
    m.add_max_equality(mk, list(job_end.values()))
    terms = [mk]
    for j in problem.jobs:
        if j.due is not None:
            late = m.new_int_var(0, h // 60 + 1, "")
            m.add(60 * late >= job_end[j.id] - j.due)
            terms.append((h + 1) * j.weight * late)
    m.minimize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_search_workers = workers
    t0 = time.perf_counter()
    code = solver.solve(m)
    secs = time.perf_counter() - t0
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, secs
    out = {}
    for j in problem.jobs:
        for o in j.ops:
            s = solver.value(start[o.id]) if not isinstance(start[o.id], int) else start[o.id]
            for md, lit in lits[o.id]:
                if isinstance(lit, int) or solver.value(lit):
                    out[o.id] = cpsat.Assignment(o.id, j.id, md.station, s, s + md.duration)
                    break
    return cpsat.evaluate(problem, out), secs


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))
    return xs[k]


def run(scale: Scale) -> list[Result]:
    from app.scheduling import cpsat, planner
    from app.scheduling.line import Window

    line = _line()
    limit = line.time_limit_s
    sizes = scale.pick([100, 500, 2000], [60])
    replans = scale.pick(5, 2)
    rows: list[Result] = []
    for n in sizes:
        now = time.time()
        orders = _orders(n, now)
        t = time.perf_counter()
        plan = planner.plan(line, orders, now=now, reason="initial", workers=line.workers)
        first_s = time.perf_counter() - t
        lat, feasible_after = [], []
        for k in range(replans):
            now2 = now + 300.0 * (k + 1)
            fault = Window("robot2", now2, now2 + 1800, "robot 2 fault", "fault")
            t = time.perf_counter()
            problem, ctx = planner.build(line, orders, now=now2, windows=[fault],
                                         previous=plan)
            hint = cpsat.Solution(cpsat.Status.FEASIBLE, ctx["hints"])
            cpsat.greedy(problem, hint)
            feasible_after.append(time.perf_counter() - t)
            t = time.perf_counter()
            plan = planner.plan(line, orders, now=now2, windows=[fault], previous=plan,
                                workers=line.workers)
            lat.append(time.perf_counter() - t)
        # the last re-plan's problem, LineSide against the bare model, same limit
        problem, ctx = planner.build(line, orders, now=now2, windows=[fault], previous=plan)
        hint = cpsat.Solution(cpsat.Status.FEASIBLE, ctx["hints"])
        ours = cpsat.solve(problem, limit, hint=hint, workers=line.workers)
        bare, bare_s = _bare(problem, limit, line.workers)
        n_ops = sum(len(j.ops) for j in problem.jobs)
        log.info("scheduling %d ops: first plan %.2f s, re-plan p50 %.2f p95 %.2f, "
                 "ours wl=%s viol+cc=%s mk=%s (%s), bare %s", n_ops, first_s,
                 _pct(lat, 0.5), _pct(lat, 0.95), ours.weighted_lateness,
                 ours.rule_violations + ours.colour_changes, ours.makespan, ours.source,
                 None if bare is None else (bare.weighted_lateness,
                                            bare.rule_violations + bare.colour_changes,
                                            bare.makespan))
        notes = (f"{n_ops} operations, {len(orders)} orders, budget {limit:g} s, "
                 f"{line.workers} worker(s)")
        rows.append(Result(f"scheduling: re-plan p50, {n} ops", round(_pct(lat, 0.5), 3),
                           limit, "s", higher_is_better=False,
                           notes=notes + "; baseline = the budget"))
        rows.append(Result(f"scheduling: re-plan p95, {n} ops", round(_pct(lat, 0.95), 3),
                           limit, "s", higher_is_better=False, notes=notes))
        rows.append(Result(f"scheduling: first feasible re-plan, {n} ops",
                           round(statistics.median(feasible_after), 4), limit, "s",
                           higher_is_better=False,
                           notes="greedy repair of the previous plan (median)"))
        if bare is None:
            rows.append(Result(f"scheduling: plan vs bare CP-SAT, {n} ops",
                               float(ours.weighted_lateness), None, "min x prio late",
                               higher_is_better=False,
                               notes=f"bare CP-SAT found no plan in {bare_s:.1f} s"))
            continue
        rows.append(Result(f"scheduling: weighted lateness vs bare CP-SAT, {n} ops",
                           float(ours.weighted_lateness) + 1, float(bare.weighted_lateness) + 1,
                           "min x prio late + 1", higher_is_better=False,
                           notes="same instance, same limit; +1 so an on-time plan scores"))
        rows.append(Result(f"scheduling: rule violations + colour changes vs bare, {n} ops",
                           float(ours.rule_violations + ours.colour_changes) + 1,
                           float(bare.rule_violations + bare.colour_changes) + 1,
                           "count + 1", higher_is_better=False,
                           notes="the bare model has no sequence model, so this is what it "
                                 "leaves to chance"))
        rows.append(Result(f"scheduling: makespan vs bare CP-SAT, {n} ops",
                           float(ours.makespan), float(bare.makespan), "s",
                           higher_is_better=False))
    return rows
