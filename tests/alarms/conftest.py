"""Alarm test fixtures: a clock the test drives, and an engine fed through it."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmDefinition, AlarmEvent
from app.model import Quality, Sample, Value


class Clock:
    def __init__(self, t: float = 1_700_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, s: float) -> float:
        self.t += s
        return self.t


class Feed:
    """Drives one engine: samples at the clock's time, ticks, and records events."""

    def __init__(self, engine: AlarmEngine, clock: Clock) -> None:
        self.engine, self.clock = engine, clock
        self.events: list[AlarmEvent] = []
        engine.subscribe(self.events.extend)

    def value(self, tag: str, value: Value, quality: Quality = Quality.GOOD,
              after: float = 0.0) -> None:
        self.clock.advance(after)
        self.engine.on_samples([Sample(tag, self.clock.t, value, quality)])

    def tick(self, after: float = 0.0) -> None:
        self.engine.tick(self.clock.advance(after))

    def kinds(self, alarm_id: str | None = None) -> list[str]:
        return [str(e.kind) for e in self.events if alarm_id is None or e.alarm_id == alarm_id]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_feed(clock: Clock) -> Callable[..., Feed]:
    def make(*defs: AlarmDefinition, **kw) -> Feed:
        return Feed(AlarmEngine(defs, clock=clock, **kw), clock)

    return make


def _wait_for(cond: Callable[[], object], timeout: float = 10.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what or cond}")


@pytest.fixture
def wait_for() -> Callable[..., None]:
    """Poll `cond()` until true or fail after `timeout` seconds (no sleep-and-hope)."""
    return _wait_for
