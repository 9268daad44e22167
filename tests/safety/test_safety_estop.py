"""The e-stop controller against a PLC's stop circuit: confirm by read-back, loud
failure within the deadline, deliberate reset."""

from __future__ import annotations

import time

import pytest
from safetykit import audit_actions, wait_for

from app.auth.permissions import PermissionDenied, Role
from app.safety.estop import (
    NOT_CONFIRMED_MESSAGE,
    CircuitState,
    EStopController,
    RequestState,
    ResetRefused,
)


def controller(rig) -> EStopController:
    return EStopController(rig.runtime, rig.cfg.sections["estop"])


def test_press_is_confirmed_by_the_plc_read_back(rig) -> None:
    c = controller(rig)
    seen: list = []
    c.add_observer(seen.append)
    assert c.status.circuit is CircuitState.RUNNING
    c.press(None)  # nobody signed in
    assert c.status.request is RequestState.REQUESTED
    wait_for(lambda: c.status.request is RequestState.CONFIRMED, 2, "confirmation")
    assert c.status.circuit is CircuitState.STOPPED
    assert rig.plc.writes[0] == ("stop", True)
    requests = [s.request for s in seen]
    assert requests.index(RequestState.REQUESTED) < requests.index(RequestState.CONFIRMED)
    assert c.status.alarm_text is None
    wait_for(lambda: "estop.confirmed" in audit_actions(rig.store), 2, "audit")
    assert audit_actions(rig.store)[:2] == ["estop.press", "estop.confirmed"]
    topics = {t for t, _ in rig.published}
    assert topics == {"t/safety/estop"}
    assert [p["event"] for _, p in rig.published][:2] == ["estop.press", "estop.confirmed"]
    assert rig.published[0][1]["actor"] == "anonymous"


def test_unreachable_plc_is_not_confirmed_within_500_ms(rig) -> None:
    c = controller(rig)
    rig.plc.mode = "hang"
    t0 = time.monotonic()
    c.press("u1")
    wait_for(lambda: c.status.request is RequestState.NOT_CONFIRMED, 0.6, "NOT_CONFIRMED")
    elapsed = time.monotonic() - t0
    assert 0.45 <= elapsed < 0.6
    assert c.status.alarm_text == NOT_CONFIRMED_MESSAGE
    assert "within 500 ms" in c.status.detail
    wait_for(lambda: "estop.not_confirmed" in audit_actions(rig.store), 2, "audit")


def test_refused_write_is_not_confirmed_at_once(rig) -> None:
    c = controller(rig)
    rig.plc.mode = "refuse"
    t0 = time.monotonic()
    c.press("u1")
    wait_for(lambda: c.status.request is RequestState.NOT_CONFIRMED, 0.5, "NOT_CONFIRMED")
    assert time.monotonic() - t0 < 0.3
    assert "connection refused" in c.status.detail


def test_link_loss_shows_unknown_not_a_guess(rig) -> None:
    c = controller(rig)
    rig.plc.lose_link()
    wait_for(lambda: c.status.circuit is CircuitState.UNKNOWN, 2, "UNKNOWN")
    assert c.status.healthy is None
    c.press(None)
    wait_for(lambda: c.status.request is not RequestState.REQUESTED, 1, "an outcome")
    # The fake still accepts the write, but no GOOD read-back of "stopped" arrives.
    assert c.status.request is RequestState.NOT_CONFIRMED


def _press_and_confirm(c) -> None:
    c.press("u1")
    wait_for(lambda: c.status.request is RequestState.CONFIRMED, 2, "confirmation")


def test_reset_refused_while_circuit_unhealthy(rig) -> None:
    c = controller(rig)
    _press_and_confirm(c)
    rig.plc.set_healthy(False)
    wait_for(lambda: c.status.healthy is False, 2, "unhealthy")
    with pytest.raises(ResetRefused, match="circuit not healthy"):
        c.reset("lead1", Role.TEAM_LEAD, confirmed=True)
    assert c.can_reset(Role.TEAM_LEAD) == (False, "circuit not healthy")
    assert ("reset", True) not in rig.plc.writes
    wait_for(lambda: "estop.reset_refused" in audit_actions(rig.store), 2, "audit")


def test_reset_refused_without_permission_or_confirmation(rig) -> None:
    c = controller(rig)
    _press_and_confirm(c)
    with pytest.raises(PermissionDenied):
        c.reset("op1", Role.OPERATOR, confirmed=True)
    with pytest.raises(PermissionDenied):
        c.reset("", None, confirmed=True)
    with pytest.raises(ResetRefused, match="confirmation"):
        c.reset("lead1", Role.TEAM_LEAD, confirmed=False)
    assert ("reset", True) not in rig.plc.writes


def test_reset_accepted_when_healthy_and_circuit_is_ready(rig) -> None:
    c = controller(rig)
    _press_and_confirm(c)
    assert c.can_reset("maintenance") == (True, "")
    c.reset("m1", "maintenance", confirmed=True).result(2)
    wait_for(lambda: c.status.circuit is CircuitState.READY, 2, "reset: ready, not running")
    assert c.status.request is RequestState.IDLE
    wait_for(lambda: "estop.reset" in audit_actions(rig.store), 2, "audit")
    assert "estop.reset" in [p["event"] for _, p in rig.published]


def test_press_after_a_confirmed_stop_and_a_lost_plc_is_not_confirmed(rig) -> None:
    """A stop confirmed earlier must not vouch for a later press: once the read-back is
    lost, the screen cannot claim the circuit is stopped."""
    c = controller(rig)
    _press_and_confirm(c)
    rig.plc.lose_link()
    wait_for(lambda: c.status.circuit is CircuitState.UNKNOWN, 2, "UNKNOWN")
    assert c.status.request is not RequestState.CONFIRMED  # no confirmation without read-back
    rig.plc.mode = "hang"
    c.press("u1")
    wait_for(lambda: c.status.request is RequestState.NOT_CONFIRMED, 0.7, "NOT_CONFIRMED")
    assert c.status.alarm_text == NOT_CONFIRMED_MESSAGE


def _reset(c) -> None:
    _press_and_confirm(c)
    c.reset("m1", "maintenance", confirmed=True).result(2)
    wait_for(lambda: c.status.circuit is CircuitState.READY, 2, "ready")


def test_start_runs_a_prestart_warning_then_writes_the_start(rig) -> None:
    from app.safety.estop import StartRefused

    c = controller(rig)
    assert c.can_start("maintenance")[0] is False  # running: nothing to start
    _reset(c)
    assert rig.plc.circuit == "ready"  # a reset never started the line
    with pytest.raises(PermissionDenied):
        c.start("op1", Role.OPERATOR, confirmed=True)
    with pytest.raises(StartRefused, match="confirmation"):
        c.start("m1", "maintenance", confirmed=False)
    t0 = time.monotonic()
    fut = c.start("m1", "maintenance", confirmed=True)
    assert c.status.prestart_until is not None  # the warning is visible at once
    assert ("start", True) not in rig.plc.writes
    time.sleep(0.5)
    assert ("start", True) not in rig.plc.writes, "written before the warning ended"
    assert ("horn", True) in rig.plc.writes  # the pre-start horn sounds during the warning
    fut.result(3)
    w = rig.plc.writes
    assert w.index(("horn", True)) < w.index(("horn", False)) < w.index(("start", True))
    assert time.monotonic() - t0 >= 0.95  # prestart_warning_s = 1
    wait_for(lambda: c.status.circuit is CircuitState.RUNNING, 2, "running after start")
    assert c.status.prestart_until is None
    acts = audit_actions(rig.store)
    assert acts.index("line.start_warning") < acts.index("line.start"), acts
    assert "line.start_refused" in acts


def test_start_refused_while_stopped_and_cancelled_by_a_press(rig) -> None:
    from app.safety.estop import StartRefused

    c = controller(rig)
    _press_and_confirm(c)
    with pytest.raises(StartRefused, match="reset it first"):
        c.start("m1", "maintenance", confirmed=True)
    c.reset("m1", "maintenance", confirmed=True).result(2)
    wait_for(lambda: c.status.circuit is CircuitState.READY, 2, "ready")
    fut = c.start("m1", "maintenance", confirmed=True)
    c.press(None)  # the e-stop during the warning cancels the start
    with pytest.raises(StartRefused, match="cancelled"):
        fut.result(3)
    time.sleep(1.2)
    assert ("start", True) not in rig.plc.writes
    assert "line.start_cancelled" in audit_actions(rig.store)
