"""Fixtures of the end-to-end tests: one started terminal on the simulated plant."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from e2ekit import start_terminal


@pytest.fixture
def term(plant, tmp_path) -> Iterator:
    t = start_terminal(plant, tmp_path, "e2e-1")
    try:
        yield t
    finally:
        t.stop()
