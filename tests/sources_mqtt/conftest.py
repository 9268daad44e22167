"""Fixtures for the MQTT source: peers on the test broker, a runtime with or without a store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mqttkit import Peer, Recorder

from app import config
from app.runtime import Runtime
from app.store import Store


@pytest.fixture
def peers() -> Iterator[Callable[..., Peer]]:
    made: list[Peer] = []

    def make(port: int, *filters: str, client_id: str | None = None) -> Peer:
        p = Peer(port, client_id or f"peer-{len(made)}").start(*filters)
        made.append(p)
        return p

    yield make
    for p in made:
        p.stop()


@pytest.fixture
def start_runtime(tmp_path: Path) -> Iterator[Callable[..., tuple[Runtime, Recorder]]]:
    """Start a Runtime on a site text (optionally with a store); stopped at teardown."""
    started: list[tuple[Runtime, Store | None]] = []

    def start(text: str, *, store: bool = False, secret: str | None = None,
              name: str = "site.toml") -> tuple[Runtime, Recorder]:
        path = tmp_path / name
        path.write_text(text)
        cfg = config.load(path)
        st = Store(tmp_path / "terminal.db", terminal_id=cfg.site.terminal_id).open() \
            if store else None
        rt = Runtime(cfg, st, secrets=lambda _sid: secret)
        rec = Recorder(rt)
        rt.start()
        started.append((rt, st))
        return rt, rec

    yield start
    for rt, st in started:
        rt.stop()
        if st is not None:
            st.close()
