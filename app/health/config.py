"""The `[health]` section: wearable topic, thresholds, retention and recorded consent.

    [health]
    topic = "demo/body/line1/wearables/{worker}/{signal}"
    consent = ["W-3F7A", "W-5D9E"]     # pseudonyms with recorded consent; others dropped
    retention_hours = 24               # vitals older than this are purged (alerts kept)
    heart_rate_high = 140              # bpm ...
    heart_rate_sustain_s = 30          # ... sustained this long -> health alarm
    systolic_range = [90, 160]         # mmHg, outside -> health alarm
    diastolic_range = [50, 100]
    heat_temperature_tag = "demo/body/line1/environment/hall/temperature"
    heat_temperature_c = 30            # hall at or above this ...
    heat_heart_rate = 120              # ... and heart rate at or above this -> warning
    silent_after_s = 60                # no reading for this long -> warning
    priority = 2                       # of the health alarms
"""

from __future__ import annotations

from dataclasses import dataclass

from app.config import SiteConfig, Table
from app.safety.wearables import TopicPattern


@dataclass(frozen=True)
class HealthConfig:
    topic: TopicPattern
    consent: frozenset[str] = frozenset()
    retention_hours: float = 24.0
    heart_rate_high: float = 140.0
    heart_rate_sustain_s: float = 30.0
    systolic_range: tuple[float, float] = (90.0, 160.0)
    diastolic_range: tuple[float, float] = (50.0, 100.0)
    heat_temperature_tag: str | None = None
    heat_temperature_c: float = 30.0
    heat_heart_rate: float = 120.0
    silent_after_s: float = 60.0
    priority: int = 2
    heart_rate_signal: str = "heart_rate"
    systolic_signal: str = "bp_systolic"
    diastolic_signal: str = "bp_diastolic"
    skin_temp_signal: str = "skin_temp"

    @property
    def vital_signals(self) -> frozenset[str]:
        return frozenset({self.heart_rate_signal, self.systolic_signal,
                          self.diastolic_signal, self.skin_temp_signal})


def _range(t: Table, name: str, default: tuple[float, float]) -> tuple[float, float]:
    raw = t.list(name, list(default))
    if len(raw) != 2 or not all(isinstance(v, int | float) and not isinstance(v, bool)
                                for v in raw) or raw[0] >= raw[1]:
        raise t.error(name, f"expected [low, high] with low < high; got {raw!r}")
    return float(raw[0]), float(raw[1])


def parse_health(root: Table, cfg: SiteConfig) -> HealthConfig:
    t = root.table("health")
    try:
        topic = TopicPattern(t.str("topic", required=True))
    except ValueError as e:
        raise t.error("topic", str(e)) from None
    heat_tag = t.str("heat_temperature_tag")
    if heat_tag is not None and heat_tag not in cfg.tags:
        raise t.error("heat_temperature_tag", f"unknown tag {heat_tag!r}")
    c = HealthConfig(
        topic=topic,
        consent=frozenset(t.list("consent", [], of=str)),
        retention_hours=t.float("retention_hours", 24.0, min=0.01, max=24 * 365),
        heart_rate_high=t.float("heart_rate_high", 140.0, min=60, max=250),
        heart_rate_sustain_s=t.float("heart_rate_sustain_s", 30.0, min=0, max=3600),
        systolic_range=_range(t, "systolic_range", (90.0, 160.0)),
        diastolic_range=_range(t, "diastolic_range", (50.0, 100.0)),
        heat_temperature_tag=heat_tag,
        heat_temperature_c=t.float("heat_temperature_c", 30.0),
        heat_heart_rate=t.float("heat_heart_rate", 120.0, min=60, max=250),
        silent_after_s=t.float("silent_after_s", 60.0, min=1, max=86400),
        priority=t.int("priority", 2, min=1, max=4),
        heart_rate_signal=t.str("heart_rate_signal", "heart_rate"),
        systolic_signal=t.str("systolic_signal", "bp_systolic"),
        diastolic_signal=t.str("diastolic_signal", "bp_diastolic"),
        skin_temp_signal=t.str("skin_temp_signal", "skin_temp"),
    )
    t.done()
    return c
