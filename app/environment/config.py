"""The `[environment]` section: monitored parameters with their permit limits.

    [environment]
    max_gap_s = 120          # GOOD samples further apart than this leave a gap
    [[environment.parameters]]
    id = "voc"  name = "Paint booth VOC"  tag = "demo/.../voc"  unit = "mg/m³"
    category = "air"          # air | water | waste | climate
    rule = "block_mean"       # instant | rolling_mean | block_mean | daily_mean
                              #   | daily_total | monthly_total
    window_min = 30           # rolling_mean, block_mean: the averaging period
    high = 50                 # the permit limit (low for a lower limit, e.g. pH 6.5)
    priority = 2              # of the exceedance alarm; the early warning is one lower
    counter = false           # totals: the tag counts up (kg), its increase is the total
    waste_category = ""       # waste: "metal scrap", "mixed", ...; recycled = true|false

Rules as permits write them: an instantaneous range (pH 6.5 to 9.5), a rolling or block
mean (VOC: half-hour mean), a daily mean (COD), daily or monthly totals (waste).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.config import SiteConfig, Table


class Rule(StrEnum):
    INSTANT = "instant"
    ROLLING_MEAN = "rolling_mean"
    BLOCK_MEAN = "block_mean"
    DAILY_MEAN = "daily_mean"
    DAILY_TOTAL = "daily_total"
    MONTHLY_TOTAL = "monthly_total"

    @property
    def is_total(self) -> bool:
        return self in (Rule.DAILY_TOTAL, Rule.MONTHLY_TOTAL)


CATEGORIES = ("air", "water", "waste", "climate")


@dataclass(frozen=True)
class Parameter:
    id: str
    name: str
    tag: str
    unit: str
    rule: Rule
    category: str = "air"
    window_min: int = 30
    high: float | None = None
    low: float | None = None
    priority: int = 2
    counter: bool = False
    waste_category: str = ""
    recycled: bool = False

    def exceeds(self, value: float) -> bool:
        return (self.high is not None and value > self.high) or (
            self.low is not None and value < self.low)

    def limit_text(self) -> str:
        if self.high is not None and self.low is not None:
            return f"{self.low:g} to {self.high:g} {self.unit}".strip()
        if self.high is not None:
            return f"≤ {self.high:g} {self.unit}".strip()
        if self.low is not None:
            return f"≥ {self.low:g} {self.unit}".strip()
        return "–"


@dataclass(frozen=True)
class EnvironmentConfig:
    parameters: tuple[Parameter, ...]
    max_gap_s: float = 120.0
    settle_s: float = 15.0  # a minute is rolled up this long after it ends
    anomaly_days: int = 14  # comparable days for the seasonal check

    def parameter(self, pid: str) -> Parameter | None:
        return next((p for p in self.parameters if p.id == pid), None)


def parse(table: Table, cfg: SiteConfig) -> EnvironmentConfig:
    t = table.table("environment")
    params: list[Parameter] = []
    for p in t.tables("parameters"):
        pid = p.str("id", required=True, pattern=r"[A-Za-z0-9_\-]+")
        if any(x.id == pid for x in params):
            raise p.error("id", f"parameter {pid!r} is defined twice")
        tag = p.str("tag", required=True)
        if tag not in cfg.tags:
            raise p.error("tag", f"unknown tag {tag!r}")
        rule = Rule(p.str("rule", required=True, choices=tuple(Rule)))
        high, low = p.float("high"), p.float("low")
        if high is None and low is None:
            raise p.error("high", "a parameter needs a limit (high, low or both)")
        if high is not None and low is not None and low >= high:
            raise p.error("low", f"must be below high ({high:g})")
        counter = p.bool("counter", False)
        if counter and not rule.is_total:
            raise p.error("counter", "only totals (daily_total, monthly_total) count up")
        window = p.int("window_min", 30, min=1, max=24 * 60)
        params.append(Parameter(
            id=pid, name=p.str("name", pid), tag=tag,
            unit=p.str("unit", cfg.tags[tag].unit), rule=rule,
            category=p.str("category", "air", choices=CATEGORIES), window_min=window,
            high=high, low=low, priority=p.int("priority", 2, min=1, max=3),
            counter=counter, waste_category=p.str("waste_category", ""),
            recycled=p.bool("recycled", False)))
        p.done()
    out = EnvironmentConfig(tuple(params), t.float("max_gap_s", 120.0, min=1, max=3600),
                            t.float("settle_s", 15.0, min=1, max=600),
                            t.int("anomaly_days", 14, min=3, max=90))
    t.done()
    return out
