"""Work orders (like andon) and predictive maintenance feeding the plan."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from app.auth.permissions import PermissionDenied, Role
from app.model import Sample
from app.scheduling.health import IndicatorSpec
from app.scheduling.maintenance import MaintenanceConfig, PredictiveMaintenance
from app.scheduling.service import SchedulingService
from app.scheduling.workorders import WorkOrderError, WorkOrders, WorkStatus

from .conftest import T0, demo_orders, small_line


def test_work_orders_by_role_and_after_a_restart(store: Any) -> None:
    wo = WorkOrders(store, None, terminal_id="t1", topic_root="x", clock=lambda: T0)
    wo.start()
    with pytest.raises(PermissionDenied):
        wo.create("robot2", "Check the gun", actor="anna", role=Role.OPERATOR)
    w = wo.create("robot2", "Check the gun", actor="max", role=Role.MAINTENANCE)
    with pytest.raises(PermissionDenied):
        wo.take(w.id, "anna", Role.OPERATOR)
    assert wo.take(w.id, "max", Role.MAINTENANCE).status is WorkStatus.TAKEN
    with pytest.raises(WorkOrderError):
        wo.take(w.id, "tara", Role.TEAM_LEAD)
    wo.close(w.id, "max", Role.MAINTENANCE, "gun cable replaced")
    store.flush()
    again = WorkOrders(store, None, terminal_id="t1", topic_root="x")
    again.start()
    got = again.get(w.id)
    assert got is not None and got.status is WorkStatus.CLOSED and got.resolution
    # A late "open" message never reopens it.
    again._on_message("x/maintenance/" + w.id, __import__("json").dumps(
        {**w.to_json(), "updated": T0 + 999}).encode())
    assert again.get(w.id).status is WorkStatus.CLOSED  # type: ignore[union-attr]


def test_tip_wear_puts_a_window_in_the_plan_and_raises_a_work_order(store: Any) -> None:
    clock = [T0]
    sched = SchedulingService(small_line(), store, None, terminal_id="t1", topic_root="x",
                              clock=lambda: clock[0])
    sched.start()
    done = threading.Event()
    sched.subscribe(lambda e: done.set() if e == "busy" and not sched.busy else None)
    sched.import_orders(demo_orders())
    assert done.wait(20)
    done.clear()
    wo = WorkOrders(store, None, terminal_id="t1", topic_root="x", clock=lambda: clock[0])
    wo.start()
    tips = IndicatorSpec("tips", "Tip wear", "robot2", "tw", limit=95, unit="%", fit_s=1800,
                         reset_drop=30, task="Dress the tips", duration_min=5)
    pdm = PredictiveMaintenance(MaintenanceConfig((tips,), horizon_min=60), store, None,
                                scheduling=sched, workorders=wo, clock=lambda: clock[0])
    pdm.start()
    # 20 minutes of wear at 2 %/min from 20 %: 95 % is 17.5 minutes away.
    pdm.feed([Sample("tw", T0 - 1200 + 10 * k, 20 + 2 * (k / 6)) for k in range(121)])
    f = pdm.evaluate()[0]
    assert f.estimate is not None and f.estimate.rul_s == pytest.approx(17.5 * 60, rel=0.05)
    assert f.window is not None and f.window.end <= T0 + f.estimate.rul_s
    assert done.wait(20)  # the window made a re-plan
    p = sched.proposal
    assert p is not None and "predicted" in p.plan.reason
    assert any(w.kind == "predicted" and w.station == "robot2" for w in p.plan.windows)
    assert all(not (o.station == "robot2" and o.start < f.window.end and o.end > f.window.start)
               for o in p.plan.ops if o.start >= T0)
    orders = wo.items()
    assert len(orders) == 1 and orders[0].source == "prediction:tips"
    assert orders[0].window_start == f.window.start
    # The tips are dressed: the order closes itself and the window goes.
    clock[0] = T0 + 120
    pdm.feed([Sample("tw", T0 + 60 + k, 1.0 + 0.01 * k) for k in range(60)])
    f2 = pdm.evaluate()[0]
    assert f2.window is None
    assert wo.items() == [] and wo.items(include_closed=True)[0].closed_by == "system"
    sched.stop()
