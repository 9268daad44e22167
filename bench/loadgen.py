"""A synthetic source kind ("bench_gen") that feeds the runtime a steady change rate, so
GUI and latency benchmarks run while the terminal ingests e.g. 10k changes/s."""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass
from typing import Any

from app.config import DataType, SourceConfig, TagConfig
from app.model import LinkState, Sample
from app.sources.base import Source
from app.sources.registry import register

TICK_S = 0.01


@dataclass(frozen=True)
class GenOptions:
    rate: float  # changes per second over all tags


@register("bench_gen")
class GeneratorSource(Source):
    """Every 10 ms, the next rate/100 tags (round robin) get a new value. `rate` may be
    changed from any thread while running (`GeneratorSource.instances[id].rate = x`)."""

    instances: dict[str, GeneratorSource] = {}  # noqa: RUF012
    delivered = 0

    @classmethod
    def parse_options(cls, table: Any) -> GenOptions:
        return GenOptions(table.float("rate", 10_000.0))

    async def run(self) -> None:
        self.rate = self.config.options.rate
        GeneratorSource.instances[self.id] = self
        self.set_state(LinkState.CONNECTED)
        paths = [t.path for t in self.tags]
        i, carry = 0, 0.0
        next_t = time.monotonic()
        while True:
            carry += self.rate * TICK_S
            k, carry = int(carry), carry - int(carry)
            now = time.time()
            batch = []
            for _ in range(k):
                p = paths[i % len(paths)]
                batch.append(Sample(p, now, 50.0 + 40.0 * math.sin(now * 0.5 + i % 97)))
                i += 1
            self.deliver(batch)
            self.delivered += k
            next_t += TICK_S
            delay = next_t - time.monotonic()
            if delay < -1.0:
                next_t = time.monotonic()
            await asyncio.sleep(max(0.0, delay))


def generator(rate: float, tags: int, prefix: str = "bench/gen") -> tuple[SourceConfig,
                                                                          list[TagConfig]]:
    """A source config and its tags (FLOAT, no deadband)."""
    src = SourceConfig("gen", "bench_gen", GenOptions(rate))
    return src, [TagConfig(f"{prefix}/t{i}", "gen", f"t{i}", DataType.FLOAT, low=0, high=100)
                 for i in range(tags)]
