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


@pytest.fixture
def two_terms(plant, tmp_path) -> Iterator[tuple]:
    """Terminals A and B of one line: one PLC, one broker, two stores."""
    a = start_terminal(plant, tmp_path, "e2e-A")
    try:
        b = start_terminal(plant, tmp_path, "e2e-B")
        try:
            yield a, b
        finally:
            b.stop()
    finally:
        a.stop()
