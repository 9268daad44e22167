"""Fixtures for the local store: a real SQLite file in tmp_path, and a poll helper."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.store import Store


def _wait_for(cond: Callable[[], bool], timeout: float = 5.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.01)


@pytest.fixture
def wait_for() -> Callable[..., None]:
    """Poll `cond()` until true, else fail after `timeout` seconds naming `what`."""
    return _wait_for


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "lineside.db"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    s = Store(store_path, terminal_id="T1").open()
    yield s
    s.close()
