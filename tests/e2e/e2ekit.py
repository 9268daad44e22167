"""Helpers of the end-to-end tests: polling with a deadline, a terminal on the plant."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import config
from app.terminal import Terminal

GAS = "demo/body/line1/environment/hall/gas"
OIL = "demo/body/line1/press/press1/oil_temp"


def wait_for(cond: Callable[[], Any], timeout: float, what: str,
             detail: Callable[[], Any] | None = None) -> Any:
    """Poll `cond` every 20 ms until it is truthy; fail naming `what` (and `detail()`)."""
    deadline = time.monotonic() + timeout
    while True:
        got = cond()
        if got:
            return got
        if time.monotonic() > deadline:
            extra = f" (last seen: {detail()!r})" if detail is not None else ""
            raise AssertionError(f"timed out after {timeout} s waiting for {what}{extra}")
        time.sleep(0.02)


def start_terminal(plant: Any, tmp_path: Path, terminal_id: str, **kw: Any) -> Terminal:
    """A whole terminal on the simulated plant, with its own store in tmp_path."""
    cfg = config.load(plant.site_file, terminal_id=terminal_id)
    return Terminal(cfg, store_path=tmp_path / f"{terminal_id}.db", **kw).start()
