"""Pytest fixtures of the support package (registered by tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app import config
from app.terminal import Terminal


@pytest.fixture
def running_terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    """`running_terminal(site_path, **Terminal kwargs)`: a started Terminal on a store in
    the test's folder (one per call, each its own store), stopped after the test."""
    started: list[Terminal] = []

    def start(site: Path, *, terminal_id: str | None = None, **kw: Any) -> Terminal:
        cfg = config.load(site, terminal_id=terminal_id)
        store = tmp_path / f"terminal-{len(started)}.db"
        term = Terminal(cfg, store_path=store, **kw).start()
        started.append(term)
        return term

    yield start
    for term in reversed(started):
        term.stop()
