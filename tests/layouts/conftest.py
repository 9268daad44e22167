"""Fixtures for layouts: a real store in tmp_path and a movable clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import FakeClock as Clock

import app.auth.users  # noqa: F401  (registers its table before the store opens)
import layouts.store  # noqa: F401
from app.store import Store


@pytest.fixture
def lstore(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "lineside.db", terminal_id="t1").open()
    yield s
    s.close()


@pytest.fixture
def lclock() -> Clock:
    return Clock()


SITE = """
[site]
id = "p1"
name = "Plant 1"
terminal_id = "{terminal}"
topic_root = "p1/body"
broker = "uns"

[[sources]]
id = "uns"
kind = "mqtt"
host = "127.0.0.1"
port = {port}
reconnect_max_s = 0.5
"""


@pytest.fixture
def terminals(tmp_path: Path):
    """Start terminals (store + runtime + LayoutStore) on one broker; stopped at teardown."""
    from app import config
    from app.runtime import Runtime
    from layouts.store import LayoutStore

    started: list[tuple[Runtime, Store]] = []

    def start(name: str, port: int, clock=None) -> LayoutStore:
        site = tmp_path / f"{name}.toml"
        site.write_text(SITE.format(terminal=name, port=port))
        cfg = config.load(site)
        st = Store(tmp_path / f"{name}.db", terminal_id=name).open()
        rt = Runtime(cfg, st)
        rt.start()
        started.append((rt, st))
        kw = {"clock": clock} if clock else {}
        ls = LayoutStore(st, rt, topic_root=cfg.site.topic_root, **kw)
        ls.start()
        return ls

    yield start
    for rt, st in started:
        rt.stop()
        st.close()
