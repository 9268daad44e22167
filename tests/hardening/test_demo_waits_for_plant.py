"""The demo waits (bounded) for its plant to serve before the terminal connects: the
terminal then has live PLC values within about a second instead of ~10 s of BAD."""

from __future__ import annotations

import time

import pytest

from app.demo import DemoStack
from app.local_broker import free_port
from app.model import LinkState, Quality
from app.terminal import Terminal


@pytest.mark.slow
def test_demo_terminal_is_live_at_once(tmp_path) -> None:
    stack = DemoStack.start(background=True, mqtt_port=free_port(), opcua_port=free_port(),
                            data_dir=tmp_path)
    try:
        t0 = time.monotonic()
        assert stack.wait_for_plant(timeout=30.0)
        assert time.monotonic() - t0 < 30.0
        term = Terminal(stack.config, store_path=tmp_path / "lineside.db").start()
        try:
            started = time.monotonic()
            state = "demo/body/line1/press/press1/state"
            rt = term.runtime
            while not (rt.links["plc-body"].state is LinkState.CONNECTED
                       and state in rt.latest and rt.latest[state].quality is Quality.GOOD):
                assert time.monotonic() - started < 3.0, (rt.links["plc-body"],
                                                         rt.latest.get(state))
                time.sleep(0.02)
        finally:
            term.stop()
    finally:
        stack.stop()


def test_wait_is_bounded_when_the_plant_never_serves(tmp_path) -> None:
    class Dead:
        endpoint = f"opc.tcp://127.0.0.1:{free_port()}/lineside/sim"

    stack = DemoStack(broker=None, sim=Dead(), config=None,  # type: ignore[arg-type]
                      data_dir=tmp_path)
    import asyncua  # noqa: F401  (its import takes seconds on a loaded machine)

    t0 = time.monotonic()
    assert stack.wait_for_plant(timeout=1.0) is False
    assert time.monotonic() - t0 < 2.5
