"""Helpers for the hardening-faults tests: a site on the test broker (waiting is the
shared `support.wait_for`, re-exported here)."""

from __future__ import annotations

from support import wait_for

__all__ = ["site_text", "wait_for"]


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
