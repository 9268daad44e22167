"""Safety fixtures: the fake e-stop PLC behind a real Runtime and store (safetykit)."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator
from pathlib import Path

import pytest
from safetykit import SITE, EStopPlc, Rig, wait_for

from app import config
from app.runtime import Runtime
from app.store import Store


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    (tmp_path / "site.toml").write_text(SITE)
    cfg = config.load(tmp_path / "site.toml", terminal_id="T1")
    store = Store(tmp_path / "store.db", terminal_id="T1").open()
    rt = Runtime(cfg, store=store)
    published: list[tuple[str, dict]] = []

    def publish(topic, payload, **kw):  # no broker here: record what would be sent
        published.append((topic, payload))
        f: concurrent.futures.Future = concurrent.futures.Future()
        f.set_result(None)
        return f

    rt.publish = publish  # type: ignore[method-assign]
    rt.start()
    wait_for(lambda: "plc" in EStopPlc.instances, what="the fake PLC")
    plc = EStopPlc.instances.pop("plc")
    wait_for(lambda: "t/safety/estop/circuit_state" in rt.latest, what="first read-back")
    yield Rig(rt, plc, store, published, cfg)
    plc.loop.call_soon_threadsafe(plc.unblock.set)
    rt.stop()
    store.close()

