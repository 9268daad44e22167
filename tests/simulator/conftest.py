"""Fixtures for the simulator tests: polling with a deadline, stepping a model."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from support import wait_for as _wait_for

from app.simulator.model import PlantModel

WaitFor = Callable[..., Any]


def _run(model: PlantModel, seconds: float, dt: float = 0.1) -> None:
    for _ in range(round(seconds / dt)):
        model.step(dt)


@pytest.fixture
def wait_for() -> WaitFor:
    return _wait_for


@pytest.fixture
def advance() -> Callable[..., None]:
    """advance(model, seconds, dt=0.1): step a model through simulated time."""
    return _run


@pytest.fixture(scope="module")
def plc() -> Iterator[Any]:
    """A simulator serving OPC UA only (no broker), shared by a module's tests."""
    import socket

    from app.simulator import SimulatorThread

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sim = SimulatorThread(opcua_port=port, mqtt=None)
    sim.start()
    yield sim
    sim.stop()
