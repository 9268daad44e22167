"""The contract every source kind implements; the runtime only speaks to this."""

from __future__ import annotations

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
    """

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
