"""Values that travel through the terminal: data quality, samples, link states."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

Value: TypeAlias = float | int | bool | str | None


class Quality(StrEnum):
    """OPC UA quality classes; a sample is shown as current only when GOOD."""

    GOOD = "good"
    UNCERTAIN = "uncertain"
    BAD = "bad"


@dataclass(frozen=True, slots=True)
class Sample:
    """One value of one tag at one time (epoch seconds, UTC)."""

    tag: str
    ts: float
    value: Value
    quality: Quality = Quality.GOOD

    def as_json(self) -> dict[str, Value]:
        return {"tag": self.tag, "ts": self.ts, "value": self.value, "quality": str(self.quality)}


class LinkState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """What the shell's link indicator shows for one source."""

    source: str
    state: LinkState
    since: float
    last_data: float | None = None
    detail: str = ""


def now() -> float:
    return time.time()
