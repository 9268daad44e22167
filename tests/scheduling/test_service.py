"""The scheduling service: proposals, accept/reject by role, journal, events."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from app.auth.permissions import PermissionDenied, Role
from app.scheduling.planner import Plan
from app.scheduling.service import ProposalStatus, ScheduleError, SchedulingService

from .conftest import T0, demo_orders, small_line


class Clock:
    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def _service(store: Any, clock: Clock, **kw: Any) -> SchedulingService:
    svc = SchedulingService(small_line(**kw), store, None, terminal_id="t1",
                            topic_root="demo/body/line1", clock=clock)
    svc.start()
    return svc


def _wait_idle(svc: SchedulingService, proposals: threading.Event) -> None:
    assert proposals.wait(20), "no re-plan within 20 s"
    proposals.clear()


def test_fault_gives_a_proposal_a_lead_accepts_and_it_is_journaled(store: Any) -> None:
    clock = Clock(T0)
    svc = _service(store, clock)
    got = threading.Event()
    svc.subscribe(lambda ev: got.set() if ev == "plan" else None)
    svc.import_orders(demo_orders(), actor="lead")
    _wait_idle(svc, got)  # the first plan is accepted by itself
    first = svc.plan
    assert first is not None and first.accepted_by == "initial"

    proposed = threading.Event()
    svc.subscribe(lambda ev: proposed.set() if ev == "proposal" and svc.proposal else None)
    clock.t = T0 + 700
    svc.station_changed("robot2", "running")
    svc.station_changed("robot2", "fault")
    _wait_idle(svc, proposed)
    p = svc.proposal
    assert p is not None and p.status is ProposalStatus.PENDING
    assert "fault" in p.plan.reason and p.changes.station_moves >= 1
    assert svc.plan is first  # nothing changes before someone accepts
    with pytest.raises(PermissionDenied):
        svc.accept("op1", Role.OPERATOR)
    plan = svc.accept("lead1", Role.TEAM_LEAD)
    assert svc.plan is plan and plan.accepted_by == "lead1" and svc.proposal is None
    with pytest.raises(ScheduleError):
        svc.accept("lead1", Role.TEAM_LEAD)
    store.flush()
    with store.read() as conn:
        rows = conn.execute("SELECT id, accepted_by FROM schedule_plans").fetchall()
    assert (plan.id, "lead1") in rows and len(rows) == 2
    svc.stop()

    # A restart brings the accepted plan and the orders back.
    again = _service(store, clock)
    assert again.plan is not None and again.plan.id == plan.id
    assert {o.id for o in again.orders()} == {o.id for o in demo_orders()}
    again.stop()


def test_a_shortage_flag_re_plans_and_reject_keeps_the_plan(store: Any) -> None:
    clock = Clock(T0)
    svc = _service(store, clock)
    ev = threading.Event()
    svc.subscribe(lambda e: ev.set() if e == "busy" and not svc.busy else None)
    svc.import_orders(demo_orders())
    _wait_idle(svc, ev)
    before: Plan | None = svc.plan
    clock.t = T0 + 60
    with pytest.raises(ScheduleError):
        svc.flag_shortage("sunroof", T0, "op1")
    svc.flag_shortage("sunroof", T0 + 7200, "op1", note="glass late")
    _wait_idle(svc, ev)
    p = svc.proposal
    assert p is not None and p.plan.reason.startswith("material short")
    sunroof = {j for j, (order, _v, _c) in p.plan.jobs.items()
               if order in {o.id for o in demo_orders() if "sunroof" in o.options}}
    assert all(o.start >= T0 + 7200 for o in p.plan.ops if o.job in sunroof
               and o.start > T0 + 60)
    svc.reject("lead1", Role.TEAM_LEAD)
    assert svc.proposal is None and svc.plan is before
    svc.stop()


def test_auto_accept_rule(store: Any) -> None:
    from app.scheduling.line import AutoAccept

    clock = Clock(T0)
    svc = _service(store, clock, auto_accept=AutoAccept.ALWAYS)
    ev = threading.Event()
    svc.subscribe(lambda e: ev.set() if e == "plan" else None)
    svc.import_orders(demo_orders(4))
    _wait_idle(svc, ev)
    svc.cancel_order("O1")
    _wait_idle(svc, ev)
    assert svc.plan is not None and svc.plan.accepted_by == "rule:always"
    assert all(not o.job.startswith("O1#") for o in svc.plan.ops)
    svc.stop()
