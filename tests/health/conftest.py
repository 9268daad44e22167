"""Health fixtures: real store and alarm engine, a clock the test moves (healthkit)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from healthkit import CONFIG, Clock, Health

from app.alarms.engine import AlarmEngine
from app.health.monitor import HealthMonitor
from app.store import Store


@pytest.fixture
def health(tmp_path: Path) -> Iterator[Health]:
    clock = Clock()
    store = Store(tmp_path / "store.db", terminal_id="T1").open()
    engine = AlarmEngine(clock=clock, terminal_id="T1")
    mon = HealthMonitor(None, CONFIG, engine, store=store, clock=clock)
    yield Health(mon, engine, store, clock)
    store.close()

