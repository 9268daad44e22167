"""Helpers for the hardening-faults tests: polling and a site on the test broker."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def wait_for(cond: Callable[[], Any], timeout: float = 10.0, what: str = "condition") -> Any:
    """Poll `cond` until it returns something truthy; fail with `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        result = cond()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.01)


def site_text(port: int, *, extra: str = "", terminal_id: str = "t1") -> str:
    """Two tags on one MQTT source that is also the terminal's broker."""
    return f"""
[site]
id = "p1"
name = "Plant 1"
line = "Line 1"
terminal_id = "{terminal_id}"
topic_root = "p1/body"
broker = "uns"

[[sources]]
id = "uns"
kind = "mqtt"
host = "127.0.0.1"
port = {port}
reconnect_max_s = 1.0
{extra}

[[tags]]
path = "p1/body/press1/temp"
source = "uns"
address = "p1/body/press1/temp"
type = "float"

[[tags]]
path = "p1/body/press1/count"
source = "uns"
address = "p1/body/press1/count"
type = "int"
"""
