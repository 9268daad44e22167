"""Re-planning on live events: a robot fault, a shortage, started work frozen."""

from __future__ import annotations

import itertools

from app.scheduling import planner
from app.scheduling.line import Window
from app.scheduling.planner import Shortage

from .conftest import T0, demo_orders, small_line


def _check_feasible(plan: planner.Plan, windows: list[Window] = ()) -> None:  # type: ignore[assignment]
    by_station: dict[str, list[tuple[float, float]]] = {}
    for o in plan.ops:
        by_station.setdefault(o.station, []).append((o.start, o.end))
    for st, spans in by_station.items():
        spans.sort()
        for a, b in itertools.pairwise(spans):
            assert a[1] <= b[0], f"{st} does two things at once"
        for w in windows:
            if w.station == st:
                assert all(e <= w.start or s >= w.end for s, e in spans), f"{st} works in {w}"
    by_job: dict[str, list[planner.PlannedOp]] = {}
    for o in plan.ops:
        by_job.setdefault(o.job, []).append(o)
    steps = ["stamp", "weld_a", "weld_b", "paint"]
    for ops in by_job.values():
        ops.sort(key=lambda o: steps.index(o.operation))
        assert all(a.end <= b.start for a, b in itertools.pairwise(ops))


def test_robot_fault_moves_its_work_and_keeps_started_work() -> None:
    line, orders = small_line(), demo_orders()
    first = planner.plan(line, orders, now=T0, reason="initial")
    assert first.status in ("optimal", "feasible") and first.ops
    assert all(o.station != "robot3" for o in first.ops)  # the slower station is spare
    _check_feasible(first)
    now = T0 + 700
    started = {o.op: o for o in first.ops if o.start < now}
    assert any(o.station == "robot2" for o in started.values()) or started
    fault = Window("robot2", now, now + 3600, "robot 2 fault", "fault")
    second = planner.plan(line, orders, now=now, reason="robot2 fault", windows=[fault],
                          previous=first)
    _check_feasible(second, [fault] if not any(
        o.station == "robot2" and o.start <= now < o.end for o in started.values()) else [])
    by_op = {o.op: o for o in second.ops}
    for op, o in started.items():  # frozen: same station, same times
        assert (by_op[op].station, by_op[op].start, by_op[op].end) == (o.station, o.start,
                                                                       o.end)
    # Robot 2's work during the fault went to robot 3 (or after the repair).
    moved = [o for o in second.ops if o.operation == "weld_b" and o.op not in started]
    assert any(o.station == "robot3" for o in moved)
    assert all(not (o.station == "robot2" and o.start < fault.end and o.end > now)
               for o in moved)
    changes = planner.compare(first, second, now=now, until=T0 + 8 * 3600)
    assert changes.station_moves >= 1 and changes.moved


def test_a_shortage_holds_back_the_cars_that_need_the_part() -> None:
    line, orders = small_line(), demo_orders()
    first = planner.plan(line, orders, now=T0)
    until = T0 + 2 * 3600
    second = planner.plan(line, orders, now=T0 + 60, previous=first,
                          shortages=[Shortage("sunroof", until, flagged_by="u1")])
    sunroof_jobs = {f"{o.id}#{k + 1}" for o in orders if "sunroof" in o.options
                    for k in range(o.quantity)}
    started = {o.op for o in first.ops if o.start < T0 + 60}
    for o in second.ops:
        if o.job in sunroof_jobs and o.op not in started and not any(
                s.startswith(o.job + "/") for s in started):
            assert o.start >= until
    assert any(o.job in sunroof_jobs for o in second.ops)


def test_late_orders_are_reported_with_how_late() -> None:
    line = small_line()
    orders = demo_orders(10, due_h=0.1)  # more than the line can do by then
    p = planner.plan(line, orders, now=T0)
    assert p.lateness and all(v > 0 for v in p.lateness.values())
    ch = planner.compare(None, p, now=T0, until=T0 + 3600)
    assert ch.late[0].minutes >= ch.late[-1].minutes > 0


def test_plan_round_trips_through_json() -> None:
    p = planner.plan(small_line(), demo_orders(4), now=T0)
    again = planner.Plan.from_json(p.to_json())
    assert again.ops == p.ops and again.sequence == p.sequence and again.jobs == p.jobs


def test_overlapping_blocked_time_is_merged_not_infeasible() -> None:
    line, orders = small_line(), demo_orders(4)
    first = planner.plan(line, orders, now=T0)
    now = T0 + 300
    windows = [Window("robot2", now, now + 1800, "fault", "fault"),
               Window("robot2", now + 600, now + 900, "tip dress", "predicted"),
               Window("robot2", now + 1700, now + 2400, "service", "maintenance")]
    p = planner.plan(line, orders, now=now, windows=windows, previous=first)
    assert p.status in ("optimal", "feasible") and p.ops
    _check_feasible(p, windows)


def test_an_interrupt_ends_a_long_solve_with_a_feasible_plan() -> None:
    """A terminal that stops while it re-plans does not wait out the solver's time limit
    (60 s here): the solve ends at once and still answers with a complete plan."""
    import threading
    import time

    from app.scheduling import cpsat

    line, orders = small_line(time_limit_s=60.0), demo_orders(120, due_h=2.0)
    interrupt = cpsat.Interrupt()
    threading.Timer(1.0, interrupt.set).start()
    t0 = time.monotonic()
    plan = planner.plan(line, orders, now=T0, reason="initial", interrupt=interrupt)
    assert time.monotonic() - t0 < 30, "the solve ran on after the interrupt"
    assert {o.job.split("#")[0] for o in plan.ops} == {o.id for o in orders}
    _check_feasible(plan)
    # a plan asked for after the stop does not search at all: the greedy start
    again = planner.plan(line, orders[:5], now=T0, reason="after stop", interrupt=interrupt)
    assert {o.job.split("#")[0] for o in again.ops} == {o.id for o in orders[:5]}
