"""A PLC that goes silent (frozen, no socket closed) raises its comm-loss alarm within
two keep-alive periods: the simulator runs as its own process and is stopped with
SIGSTOP, as a hung controller or a pulled cable looks from the terminal."""

from __future__ import annotations

import os
import signal
import time

import pytest
from e2ekit import wait_for

from app.alarms.engine import AlarmEngine
from app.demo import DemoStack
from app.local_broker import free_port
from app.model import LinkState

pytestmark = pytest.mark.slow


def test_a_silent_plc_is_an_alarm_within_two_keep_alive_periods(tmp_path) -> None:
    from app.terminal import Terminal

    stack = DemoStack.start(background=True, mqtt_port=free_port(), opcua_port=free_port(),
                            data_dir=tmp_path, terminal_id="e2e-silent")
    proc = stack.sim._proc  # type: ignore[attr-defined]
    try:
        assert stack.wait_for_plant(timeout=60)
        term = Terminal(stack.config, store_path=tmp_path / "t.db").start()
        try:
            rt, engine = term.runtime, term.service(AlarmEngine)
            wait_for(lambda: rt.links["plc-body"].state is LinkState.CONNECTED, 20, "PLC")
            time.sleep(1.0)  # a steady session
            keepalive = stack.config.sources["plc-body"].options.keepalive_ms / 1000
            os.kill(proc.pid, signal.SIGSTOP)
            t0 = time.monotonic()
            wait_for(lambda: engine.get("comm.plc-body").active, 10, "comm-loss alarm")
            took = time.monotonic() - t0
            assert took <= 2 * keepalive + 0.5, f"{took:.2f} s for a {keepalive:g} s keep-alive"
            assert "communication with the PLC plc-body lost" in \
                engine.get("comm.plc-body").message
        finally:
            os.kill(proc.pid, signal.SIGCONT)
            term.stop()
    finally:
        os.kill(proc.pid, signal.SIGCONT)
        stack.stop()
