"""Vitals rules: from one worker's latest readings to ok / warning / alarm with reasons.

Pure functions of the readings and the time; the monitor keeps the state they need
(since when the heart rate has been high).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from app.health.config import HealthConfig


class Level(IntEnum):
    OK = 0
    WARNING = 1
    ALARM = 2

    @property
    def word(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Reading:
    value: float
    ts: float


@dataclass(frozen=True)
class Assessment:
    level: Level
    reasons: tuple[str, ...] = ()  # words, never values (safe to show to the safety role)


def assess(cfg: HealthConfig, readings: dict[str, Reading], *, now: float,
           hr_high_since: float | None, last_seen: float | None,
           hall_temperature: float | None) -> Assessment:
    level, reasons = Level.OK, []

    def flag(lv: Level, why: str) -> None:
        nonlocal level
        level = max(level, lv)
        reasons.append(why)

    hr = readings.get(cfg.heart_rate_signal)
    if hr is not None and hr.value >= cfg.heart_rate_high:
        if hr_high_since is not None and now - hr_high_since >= cfg.heart_rate_sustain_s:
            flag(Level.ALARM, "heart rate high (sustained)")
        else:
            flag(Level.WARNING, "heart rate high")
    sys_, dia = readings.get(cfg.systolic_signal), readings.get(cfg.diastolic_signal)
    if _outside(sys_, cfg.systolic_range) or _outside(dia, cfg.diastolic_range):
        flag(Level.ALARM, "blood pressure out of range")
    if (hall_temperature is not None and hr is not None
            and hall_temperature >= cfg.heat_temperature_c and hr.value >= cfg.heat_heart_rate):
        flag(Level.WARNING, "heat stress")
    if last_seen is not None and now - last_seen > cfg.silent_after_s:
        flag(Level.WARNING, "wearable silent")
    return Assessment(level, tuple(reasons))


def _outside(r: Reading | None, bounds: tuple[float, float]) -> bool:
    return r is not None and not bounds[0] <= r.value <= bounds[1]
