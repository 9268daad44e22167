"""The on-screen e-stop of a whole terminal against the simulated PLC: the line stops,
the terminal shows the PLC's own read-back, the reset is deliberate (role, healthy
circuit, confirmation) and never restarts the line; only a separate Start, after its
pre-start warning, does."""

from __future__ import annotations

import time

import pytest
from e2ekit import wait_for

from app.auth.permissions import PermissionDenied
from app.model import LinkState
from app.safety.estop import CircuitState, EStopController, RequestState, ResetRefused


def test_estop_stops_the_line_reset_keeps_it_stopped_and_start_runs_it(plant, term) -> None:
    estop = term.service(EStopController)
    sim = plant.sim
    wait_for(lambda: term.runtime.links["plc-body"].state is LinkState.CONNECTED, 20,
             "PLC session")
    wait_for(lambda: estop.status.circuit is CircuitState.RUNNING, 20, "PLC read-back")
    assert sim.values()["Press.State"] == "running"
    # The stop circuit will not report healthy until the fault is cleared.
    sim.set_fault("stop_circuit_fault")

    estop.press(None)  # nobody signed in: the e-stop needs no sign-in
    wait_for(lambda: estop.status.request is not RequestState.REQUESTED, 3, "an outcome")
    assert estop.status.request is RequestState.CONFIRMED, estop.status
    assert estop.status.circuit is CircuitState.STOPPED
    values = sim.values()
    assert values["EStop.CircuitState"] == "stopped"
    wait_for(lambda: sim.values()["Press.State"] == "idle", 3, "the press stops")
    assert {sim.values()[f"Robot{n}.State"] for n in range(1, 5)} == {"idle"}

    # An operator may not reset; nobody may while the circuit is unhealthy.
    with pytest.raises(PermissionDenied):
        estop.reset("op1", "operator", confirmed=True)
    wait_for(lambda: estop.status.healthy is False, 5, "circuit reported unhealthy")
    with pytest.raises(ResetRefused, match="not healthy"):
        estop.reset("m1", "maintenance", confirmed=True)
    assert estop.can_reset("maintenance")[0] is False
    assert sim.values()["EStop.CircuitState"] == "stopped"

    sim.set_fault("stop_circuit_fault", False)
    wait_for(lambda: estop.status.healthy is True, 10, "circuit healthy (PLC read-back)")
    with pytest.raises(ResetRefused, match="confirmation"):
        estop.reset("m1", "maintenance", confirmed=False)
    estop.reset("m1", "maintenance", confirmed=True).result(5)
    wait_for(lambda: estop.status.circuit is CircuitState.READY, 5, "circuit reset, ready")
    # A reset never restarts the line (EN 60204-1 9.2.5.4.2): still stopped 3 s later.
    time.sleep(3)
    assert sim.values()["EStop.CircuitState"] == "ready"
    assert sim.values()["Press.State"] == "idle"
    assert {sim.values()[f"Robot{n}.State"] for n in range(1, 5)} == {"idle"}
    # Start: its own action, a permitted role, after the pre-start warning.
    with pytest.raises(PermissionDenied):
        estop.start("op1", "operator", confirmed=True)
    t0 = time.monotonic()
    fut = estop.start("m1", "maintenance", confirmed=True)
    warn = estop.config.prestart_warning_s
    assert estop.status.prestart_until is not None
    time.sleep(warn / 2)
    assert sim.values()["EStop.CircuitState"] == "ready", "started during the warning"
    fut.result(warn + 5)
    assert time.monotonic() - t0 >= warn - 0.1
    wait_for(lambda: estop.status.circuit is CircuitState.RUNNING, 5, "circuit running")
    wait_for(lambda: sim.values()["Press.State"] == "running", 5, "the line runs again")
    # Every step is in the audit trail.
    term.store.flush()
    actions = [r.action for r in term.store.audit.query()]
    assert {"estop.press", "estop.reset_refused", "estop.reset", "line.start_warning",
            "line.start"} <= set(actions), actions
