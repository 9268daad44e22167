"""Wearable messages on MQTT: the topic pattern that names the worker and the signal,
and the payload forms (a bare number, or a JSON object {"v": value, "ts": seconds}).

A pattern is a topic with two fields, e.g. "demo/body/line1/wearables/{worker}/{signal}";
it gives the MQTT filter to subscribe to and pulls the pseudonym and the signal out of a
topic or a tag path (tags follow the unified namespace, so a path is its topic).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass


class BadReading(ValueError):
    """A wearable message that is not a reading; the message says why."""


@dataclass(frozen=True)
class TopicPattern:
    pattern: str

    def __post_init__(self) -> None:
        fields = re.findall(r"\{(\w+)\}", self.pattern)
        if sorted(fields) != ["signal", "worker"]:
            raise ValueError(f"topic pattern {self.pattern!r} must contain {{worker}} and "
                             "{signal} once each, as whole topic levels")
        for level in self.pattern.split("/"):
            if "{" in level and level not in ("{worker}", "{signal}"):
                raise ValueError(f"topic pattern {self.pattern!r}: {level!r} must be a "
                                 "whole topic level")
            if level in ("+", "#"):
                raise ValueError(f"topic pattern {self.pattern!r}: use {{worker}} and "
                                 "{signal}, not MQTT wildcards")

    @property
    def mqtt_filter(self) -> str:
        return self.pattern.replace("{worker}", "+").replace("{signal}", "+")

    @property
    def _regex(self) -> re.Pattern[str]:
        parts = [
            {"{worker}": r"(?P<worker>[^/]+)", "{signal}": r"(?P<signal>[^/]+)"}.get(
                level, re.escape(level)) for level in self.pattern.split("/")]
        return re.compile("/".join(parts))

    def match(self, topic: str) -> tuple[str, str] | None:
        """(worker, signal) of a topic or tag path, or None if it is not one of ours."""
        m = self._regex.fullmatch(topic)
        return (m["worker"], m["signal"]) if m else None


def parse_reading(payload: bytes | str, received: float) -> tuple[float, float]:
    """(value, ts) of a wearable payload; raises BadReading with the reason."""
    try:
        text = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    except UnicodeDecodeError:
        raise BadReading("not UTF-8 text") from None
    text = text.strip()
    ts = received
    try:
        doc = json.loads(text)
    except json.JSONDecodeError:
        raise BadReading(f"not a number or JSON: {text[:40]!r}") from None
    if isinstance(doc, dict):
        if "v" not in doc and "value" not in doc:
            raise BadReading("JSON object without 'v'")
        raw_ts = doc.get("ts")
        if isinstance(raw_ts, int | float) and not isinstance(raw_ts, bool):
            ts = float(raw_ts) / (1000.0 if raw_ts > 1e11 else 1.0)  # ms or s
        doc = doc.get("v", doc.get("value"))
    if isinstance(doc, bool) or not isinstance(doc, int | float) or not math.isfinite(doc):
        raise BadReading(f"value {doc!r} is not a finite number")
    return float(doc), ts
