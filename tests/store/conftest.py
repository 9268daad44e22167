"""Fixtures for the local store: a real SQLite file in tmp_path, and a poll helper."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import wait_for as _wait_for

from app.store import Store


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
