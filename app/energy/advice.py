"""Recommendations from the ledger: what to change, the evidence, what it saves a week.

Each one names its evidence in ledger figures and extrapolates the period's rate to a
week (168 h). Savings in money use the period's average grid price, CO2e the
location-based factor. Where a recommendation maps to a writable energy-saving-mode
tag, it carries that tag: a permitted role can apply it through the checked, audited
write path (`EnergyService.apply`).

Kinds:
- `idle_sleep`: a station drew power idle in stretches longer than `sleep_after_min`;
  asleep it would draw `sleep_kw` (default a quarter of its idle draw).
- `booth_setback`: the same for a paint booth: conditioned air while the line stands.
- `stagger_startup`: demand reached `peak_warn_pct` of the contract limit; staggering
  start-up after breaks and shift change keeps the peak under it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.energy.config import EnergyConfig
from app.energy.kpis import PeriodReport

WEEK_S = 7 * 24 * 3600.0
MIN_WEEKLY_KWH = 1.0  # below this a recommendation is noise


@dataclass(frozen=True)
class Savings:
    kwh: float
    cost: float
    co2e_kg: float

    def to_json(self) -> dict[str, float]:
        return {"kwh": round(self.kwh, 1), "cost": round(self.cost, 2),
                "co2e_kg": round(self.co2e_kg, 1)}


@dataclass(frozen=True)
class Recommendation:
    id: str  # stable across refreshes: kind + meter
    kind: str
    meter: str
    name: str  # the meter's name
    title: str  # English; views build a translated text from kind and params
    evidence: str
    savings_per_week: Savings
    params: dict[str, float] = field(default_factory=dict)
    tag: str | None = None  # writable energy-saving-mode tag, when it can be applied
    value: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "meter": self.meter, "name": self.name,
                "title": self.title, "evidence": self.evidence,
                "savings_per_week": self.savings_per_week.to_json(),
                "params": {k: round(v, 3) for k, v in self.params.items()},
                "apply": {"tag": self.tag, "value": self.value} if self.tag else None}


def recommend(config: EnergyConfig, report: PeriodReport, span_s: float,
              station_kinds: dict[str, str] | None = None) -> list[Recommendation]:
    """Recommendations for the period, largest weekly saving first.

    `span_s` is how much time the period covers so far (a live shift: since its start)."""
    if span_s <= 0:
        return []
    scale = WEEK_S / span_s
    price = report.cost / report.grid_kwh if report.grid_kwh > 0 else _mean_price(config)
    co2 = config.grid_co2e_kg_per_kwh
    kinds = station_kinds or {}
    out: list[Recommendation] = []
    after = config.sleep_after_min
    for m in config.meters:
        t = report.meters.get(m.id)
        if t is None or m.station is None or t.sleepable_s <= 0:
            continue
        idle_kw = t.sleepable_kwh / (t.sleepable_s / 3600.0)
        sleep_kw = m.sleep_kw if m.sleep_kw is not None else idle_kw / 4.0
        saved = max(0.0, t.sleepable_kwh - sleep_kw * t.sleepable_s / 3600.0)
        weekly = saved * scale
        if weekly < MIN_WEEKLY_KWH:
            continue
        booth = kinds.get(m.station) == "paint_booth"
        kind = "booth_setback" if booth else "idle_sleep"
        minutes = t.sleepable_s / 60.0
        if booth:
            title = f"{m.name}: set back air and heat while the line stands"
        else:
            title = f"{m.name}: let it sleep after {after:g} min idle"
        evidence = (f"{t.idle_kwh:.1f} kWh drawn idle in the period; {minutes:.0f} min of it "
                    f"more than {after:g} min into a stop, at {idle_kw:.1f} kW "
                    f"(asleep: {sleep_kw:.1f} kW)")
        out.append(Recommendation(
            f"{kind}:{m.id}", kind, m.id, m.name, title, evidence,
            Savings(weekly, weekly * price, weekly * co2),
            {"idle_kwh": t.idle_kwh, "sleepable_min": minutes, "idle_kw": idle_kw,
             "sleep_kw": sleep_kw, "after_min": after},
            tag=m.saving_mode))
    limit = config.contract_peak_kw
    if limit and report.peak_kw >= limit * config.alarms.peak_warn_pct / 100.0:
        excess = max(0.0, report.peak_kw - limit * config.alarms.peak_warn_pct / 100.0)
        charge = config.demand_charge_per_kw_year or 0.0
        out.append(Recommendation(
            "stagger_startup:line", "stagger_startup", "line", "line",
            "Stagger start-up after breaks and shift change",
            f"demand peaked at {report.peak_kw:.0f} kW against a contract limit of "
            f"{limit:.0f} kW ({report.peak_kw / limit * 100:.0f} %)",
            Savings(0.0, excess * charge / 52.0, 0.0),
            {"peak_kw": report.peak_kw, "contract_kw": limit, "excess_kw": excess}))
    out.sort(key=lambda r: (r.savings_per_week.kwh, r.savings_per_week.cost), reverse=True)
    return out


def _mean_price(config: EnergyConfig) -> float:
    if not config.tariff:
        return 0.0
    hours = sum(((b.end_h - b.start_h) % 24 or 24) for b in config.tariff)
    return sum(b.price * ((b.end_h - b.start_h) % 24 or 24) for b in config.tariff) / hours
