"""The runtime: latest values, deadband, BAD on link loss, coalescing, commands.

A source kind registered here ("memory") proves a site can add a protocol without
touching the runtime.
"""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest
from support import wait_for

from app import config
from app.model import LinkState, Quality, Sample
from app.runtime import ChangeBuffer, Runtime
from app.sources.base import Source, SourceError
from app.sources.registry import register


@register("memory")
class MemorySource(Source):
    """Delivers what a test pushes; writes echo back."""

    instances: dict[str, MemorySource] = {}  # noqa: RUF012

    @classmethod
    def parse_options(cls, table: config.Table) -> dict:
        return {"fail_writes": table.bool("fail_writes", False)}

    async def run(self) -> None:
        MemorySource.instances[self.id] = self
        self.loop = asyncio.get_running_loop()
        self.set_state(LinkState.CONNECTED)
        await asyncio.Event().wait()

    def push(self, samples: list[Sample]) -> None:
        self.loop.call_soon_threadsafe(self.deliver, samples)

    def lose_link(self) -> None:
        self.loop.call_soon_threadsafe(self.set_state, LinkState.RECONNECTING, "cable pulled")

    async def write(self, tag: config.TagConfig, value):
        if self.config.options["fail_writes"]:
            raise SourceError("PLC refused the write")
        return Sample(tag.path, time.time(), value, Quality.GOOD)


SITE = """
[site]
id = "t"
name = "Test"

[[sources]]
id = "mem"
kind = "memory"

[[tags]]
path = "t/a/temp"
source = "mem"
address = "temp"
deadband = 0.5

[[tags]]
path = "t/a/speed"
source = "mem"
address = "speed"
writable = true
low = 0
high = 10
"""


@pytest.fixture
def runtime(tmp_path: Path):
    (tmp_path / "site.toml").write_text(SITE)
    rt = Runtime(config.load(tmp_path / "site.toml"))
    rt.start()
    wait_for(lambda: "mem" in MemorySource.instances
             and MemorySource.instances["mem"].status.state is LinkState.CONNECTED)
    yield rt, MemorySource.instances.pop("mem")
    rt.stop()


def test_values_reach_latest_and_listeners_and_deadband_drops_jitter(runtime) -> None:
    rt, src = runtime
    got: list[Sample] = []
    rt.subscribe(got.extend)
    src.push([Sample("t/a/temp", 1.0, 20.0), Sample("t/a/temp", 2.0, 20.2),
              Sample("t/a/temp", 3.0, 21.0)])
    wait_for(lambda: rt.latest.get("t/a/temp") is not None
             and rt.latest["t/a/temp"].value == 21.0)
    assert [s.value for s in got] == [20.0, 21.0]  # 20.2 is within the 0.5 deadband


def test_link_loss_turns_every_tag_bad_at_once(runtime) -> None:
    rt, src = runtime
    src.push([Sample("t/a/temp", 1.0, 20.0), Sample("t/a/speed", 1.0, 3.0)])
    wait_for(lambda: len(rt.latest) == 2)
    src.lose_link()
    wait_for(lambda: all(s.quality is Quality.BAD for s in rt.latest.values()))
    assert rt.latest["t/a/temp"].value == 20.0  # last value kept, marked bad
    assert rt.links["mem"].detail == "cable pulled"


def test_write_returns_read_back_and_enforces_limits(runtime) -> None:
    rt, _ = runtime
    assert rt.safety_write("t/a/speed", "4.5").result(2).value == 4.5
    with pytest.raises(SourceError, match="above the limit 10"):
        rt.safety_write("t/a/speed", 11).result(2)
    with pytest.raises(SourceError, match="not writable"):
        rt.safety_write("t/a/temp", 1).result(2)


def test_stop_is_clean_within_two_seconds(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(SITE)
    rt = Runtime(config.load(tmp_path / "site.toml"))
    rt.start()
    t0 = time.monotonic()
    rt.stop(timeout=2.0)
    assert time.monotonic() - t0 < 2.0
    assert not any(t.name == "lineside-runtime" for t in threading.enumerate())


def test_change_buffer_coalesces_to_latest_and_bounded_series() -> None:
    buf = ChangeBuffer(max_series=100)
    buf.push([Sample("x", float(i), float(i)) for i in range(10_000)])
    batch = buf.drain()
    assert batch.latest["x"].value == 9999.0
    assert len(batch.series["x"]) == 100 and batch.series["x"][-1].value == 9999.0
    assert buf.drain().latest == {}


def test_every_runs_periodically_survives_errors_and_cancels(runtime) -> None:
    rt, _ = runtime
    calls: list[int] = []

    def work() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("first call fails")  # logged, schedule kept

    cancel = rt.every(0.02, work, "test")
    wait_for(lambda: len(calls) >= 3)
    cancel()
    time.sleep(0.1)  # let any already-scheduled call run out
    n = len(calls)
    time.sleep(0.1)
    assert len(calls) == n  # no more calls after cancel
