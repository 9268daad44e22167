"""Fixtures for layouts: a real store in tmp_path and a movable clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import app.auth.users  # noqa: F401  (registers its table before the store opens)
import layouts.store  # noqa: F401
from app.store import Store


@pytest.fixture
def lstore(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "lineside.db", terminal_id="t1").open()
    yield s
    s.close()


class Clock:
    def __init__(self, t: float = 1_800_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def lclock() -> Clock:
    return Clock()
