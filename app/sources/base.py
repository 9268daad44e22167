"""The contract every source kind implements; the runtime only speaks to this."""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from app.model import LinkState, LinkStatus, Sample, Value, now

if TYPE_CHECKING:
    from app.config import SourceConfig, Table, TagConfig

SampleSink = Callable[[list[Sample]], None]
StatusSink = Callable[[LinkStatus], None]


class SourceError(RuntimeError):
    """A source-side failure a user can act on (unreachable, refused write, bad node)."""


class Source(ABC):
    """A connection to one peer (a PLC or a broker), owned by the runtime's asyncio loop.

    `run()` connects, delivers samples through `sink` (called on the loop thread),
    reconnects with backoff on its own, and only returns when cancelled. When the link
    is lost, every tag of the source must be delivered again with Quality.BAD.
    The backoff waits in `backoff_sleep`, which `reconnect_now` (the link indicator's
    touch action) ends at once. Peers on the plant network cap it low (a few seconds,
    `reconnect_max_s`): a PLC that is back must be used within seconds.
    """

    DEFAULT_RECONNECT_MAX_S: ClassVar[float] = 2.0

    kind: ClassVar[str] = ""

    def __init__(self, config: SourceConfig, tags: Sequence[TagConfig],
                 sink: SampleSink, on_status: StatusSink, secret: str | None = None) -> None:
        self.config = config
        self.id = config.id
        self.tags = list(tags)
        self._sink = sink
        self._on_status = on_status
        self.secret = secret
        self.status = LinkStatus(self.id, LinkState.CONNECTING, now())
        self._wake: asyncio.Event | None = None
        # Set by the runtime: peers that need a unique client name (MQTT client ids)
        # include it, so two terminals on one host never take each other's session.
        self.terminal_id: str | None = None

    @classmethod
    @abstractmethod
    def parse_options(cls, table: Table) -> Any:
        """Validate this kind's keys of a `[[sources]]` table into a frozen dataclass."""

    @abstractmethod
    async def run(self) -> None:
        """Connect, stream, reconnect; returns only when cancelled."""

    async def write(self, tag: TagConfig, value: Value) -> Sample:
        """Write a value and return what the peer reads back. Raises SourceError."""
        raise SourceError(f"source {self.id!r} ({self.kind}) does not accept writes")

    async def backoff_sleep(self, seconds: float) -> bool:
        """Wait before the next connection attempt; True when `reconnect_now` ended it."""
        self._wake = wake = asyncio.Event()
        try:
            await asyncio.wait_for(wake.wait(), max(0.0, seconds))
            return True
        except TimeoutError:
            return False
        finally:
            self._wake = None

    def reconnect_now(self) -> bool:
        """Skip the rest of the backoff (loop thread); False when not waiting to retry."""
        if self._wake is None:
            return False
        self._wake.set()
        return True

    def deliver(self, samples: list[Sample]) -> None:
        if samples:
            self._sink(samples)
            if self.status.state is LinkState.CONNECTED:
                self.status = LinkStatus(self.id, self.status.state, self.status.since,
                                         samples[-1].ts, self.status.detail)

    def set_state(self, state: LinkState, detail: str = "") -> None:
        if state is self.status.state and detail == self.status.detail:
            return
        self.status = LinkStatus(self.id, state, now(), self.status.last_data, detail)
        self._on_status(self.status)
