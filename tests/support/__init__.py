"""What tests share, once: wait on a condition, a clock a test moves by hand, a site
file built from a few lines, and a running terminal.

    from support import FakeClock, site_file, wait_for
    wait_for(lambda: board.get(item_id) is not None, 10, "the item on terminal B")

The running-terminal fixture (`running_terminal`) is in `support.fixtures`, loaded for
every test by tests/conftest.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

DEFAULT_TIMEOUT = 10.0


def wait_for(cond: Callable[[], T], timeout: float = DEFAULT_TIMEOUT, what: str = "condition",
             *, detail: Callable[[], Any] | None = None, interval: float = 0.01) -> T:
    """Poll `cond()` until it returns something truthy and return that; fail the test
    naming `what` (and `detail()`, the last thing seen) after `timeout` seconds.
    Never sleep-and-hope: wait on the condition itself."""
    deadline = time.monotonic() + timeout
    while True:
        got = cond()
        if got:
            return got
        if time.monotonic() > deadline:
            extra = f" (last seen: {detail()!r})" if detail is not None else ""
            raise AssertionError(f"timed out after {timeout} s waiting for {what}{extra}")
        time.sleep(interval)


class FakeClock:
    """A clock for `clock=` parameters: stands still until a test advances it."""

    def __init__(self, t: float = 1_800_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> float:
        self.t += seconds
        return self.t


SITE_HEAD = """\
[site]
id = "{site_id}"
name = "Test site"
line = "Line 1"
terminal_id = "{terminal_id}"
"""


def site_file(folder: Path, body: str = "", *, site_id: str = "t", terminal_id: str = "T1",
              broker_port: int | None = None, name: str = "site.toml",
              **includes: str) -> Path:
    """Write a site file: the [site] table, an MQTT broker source `mqtt` on
    `broker_port` (then `site.broker = "mqtt"`), then `body` (TOML). Each keyword
    argument writes an include file `<key>.toml` with its text and lists it."""
    head = SITE_HEAD.format(site_id=site_id, terminal_id=terminal_id)
    if broker_port is not None:
        head += 'broker = "mqtt"\n'
    inc = [f"{key}.toml" for key in includes]
    text = (f"include = {inc!r}\n".replace("'", '"') if inc else "") + head
    if broker_port is not None:
        text += (f'\n[[sources]]\nid = "mqtt"\nkind = "mqtt"\nhost = "127.0.0.1"\n'
                 f"port = {broker_port}\n")
    folder.mkdir(parents=True, exist_ok=True)
    for key, content in includes.items():
        (folder / f"{key}.toml").write_text(content, encoding="utf-8")
    path = folder / name
    path.write_text(text + "\n" + body, encoding="utf-8")
    return path
