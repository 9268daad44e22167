"""Energy KPIs for any period, computed from the hourly ledger only (never raw samples).

Definitions (per hour first, then summed, so tariff bands and PV meet the right hour):
- line kWh: the consumer meters; idle kWh: theirs while their station did not produce.
- grid kWh: the grid meters where the site has one, else consumption minus PV.
- renewable share: PV used on site (at most the hour's consumption) over consumption.
- CO2e: grid kWh times the location-based (grid average) or market-based (contract)
  factor; behind-the-meter PV counts as zero.
- cost: grid kWh times the tariff band of the hour (local time of the site).
- peak kW: the grid meters' highest power, else the consumers' coincident peak.
- EnPI (ISO 50001): kWh per vehicle against the baseline (EnB), in % better (+) or
  worse (-).
Periods are whole ledger hours: a period from 06:20 includes the 06:00 hour.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from app.energy.config import EnergyConfig, MeterKind
from app.energy.ledger import HOUR, LINE, LedgerRow, hour_of, read_rows


@dataclass(frozen=True)
class MeterTotals:
    meter: str
    name: str
    kind: str
    station: str | None
    kwh: float = 0.0
    producing_kwh: float = 0.0
    idle_kwh: float = 0.0
    peak_kw: float = 0.0
    gap_minutes: float = 0.0
    sleepable_kwh: float = 0.0
    sleepable_s: float = 0.0

    def to_json(self) -> dict[str, float | None]:
        return {"kwh": _r(self.kwh), "producing_kwh": _r(self.producing_kwh),
                "idle_kwh": _r(self.idle_kwh), "peak_kw": _r(self.peak_kw),
                "gap_minutes": _r(self.gap_minutes, 1)}


@dataclass(frozen=True)
class HourKpi:
    hour: int
    kwh: float
    idle_kwh: float
    vehicles: int
    pv_kwh: float
    grid_kwh: float

    @property
    def kwh_per_vehicle(self) -> float | None:
        return self.kwh / self.vehicles if self.vehicles else None


@dataclass(frozen=True)
class RankEntry:
    kind: str  # "consumption" or "idle"
    meter: str
    name: str
    kwh: float
    share: float
    cumulative_share: float

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "meter": self.meter, "name": self.name, "kwh": _r(self.kwh),
                "share": _r(self.share, 4), "cumulative_share": _r(self.cumulative_share, 4)}


@dataclass(frozen=True)
class PeriodReport:
    start: float
    end: float
    kwh: float
    idle_kwh: float
    vehicles: int
    pv_kwh: float
    pv_used_kwh: float
    recovered_kwh: float
    grid_kwh: float
    co2e_kg: float  # location-based
    co2e_market_kg: float | None
    cost: float
    cost_by_band: dict[str, float]
    peak_kw: float
    peak_hour: int | None
    contract_peak_kw: float | None
    baseline_kwh_per_vehicle: float | None
    currency: str
    meters: dict[str, MeterTotals]
    hours: list[HourKpi]
    ranking: list[RankEntry] = field(default_factory=list)
    gap_minutes: float = 0.0

    @property
    def kwh_per_vehicle(self) -> float | None:
        return self.kwh / self.vehicles if self.vehicles else None

    @property
    def idle_share(self) -> float | None:
        return self.idle_kwh / self.kwh if self.kwh > 0 else None

    @property
    def renewable_share(self) -> float | None:
        return self.pv_used_kwh / self.kwh if self.kwh > 0 else None

    @property
    def co2e_kg_per_vehicle(self) -> float | None:
        return self.co2e_kg / self.vehicles if self.vehicles else None

    @property
    def co2e_market_kg_per_vehicle(self) -> float | None:
        if self.co2e_market_kg is None or not self.vehicles:
            return None
        return self.co2e_market_kg / self.vehicles

    @property
    def cost_per_vehicle(self) -> float | None:
        return self.cost / self.vehicles if self.vehicles else None

    @property
    def peak_share_of_contract(self) -> float | None:
        return self.peak_kw / self.contract_peak_kw if self.contract_peak_kw else None

    @property
    def enpi_pct(self) -> float | None:
        """% better (+) or worse (-) than the baseline kWh per vehicle."""
        b, a = self.baseline_kwh_per_vehicle, self.kwh_per_vehicle
        if not b or a is None:
            return None
        return (b - a) / b * 100.0

    @property
    def consumers(self) -> list[MeterTotals]:
        return [m for m in self.meters.values() if m.kind == MeterKind.CONSUMER]

    def line_json(self) -> dict[str, Any]:
        """The `line` object of `lineside energy --json` (the contract: these keys)."""
        return {"kwh": _r(self.kwh), "idle_kwh": _r(self.idle_kwh), "vehicles": self.vehicles,
                "kwh_per_vehicle": _r(self.kwh_per_vehicle), "pv_kwh": _r(self.pv_kwh),
                "renewable_share": _r(self.renewable_share, 4),
                "recovered_kwh": _r(self.recovered_kwh), "grid_kwh": _r(self.grid_kwh),
                "co2e_kg": _r(self.co2e_kg), "co2e_kg_per_vehicle": _r(self.co2e_kg_per_vehicle),
                "cost": _r(self.cost, 2), "peak_kw": _r(self.peak_kw)}

    def stations_json(self) -> dict[str, dict[str, float | None]]:
        return {m.meter: m.to_json() for m in self.consumers}


def _r(x: float | None, nd: int = 3) -> float | None:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return None
    return round(float(x), nd)


def compute(config: EnergyConfig, rows: list[LedgerRow], start: float, end: float,
            baseline_kwh_per_vehicle: float | None = None) -> PeriodReport:
    """The period's KPIs from its ledger rows (as `read_rows(store, start, end)` gives)."""
    kinds = {m.id: m for m in config.meters}
    per_meter: dict[str, list[float]] = defaultdict(lambda: [0.0] * 7)
    cons_h: dict[int, float] = defaultdict(float)
    idle_h: dict[int, float] = defaultdict(float)
    pv_h: dict[int, float] = defaultdict(float)
    grid_h: dict[int, float] = defaultdict(float)
    veh_h: dict[int, int] = defaultdict(int)
    line_peak: tuple[float, int | None] = (0.0, None)
    grid_peak: tuple[float, int | None] = (0.0, None)
    recovered = 0.0
    hours: set[int] = set()
    for r in rows:
        hours.add(r.hour)
        if r.meter == LINE:
            veh_h[r.hour] += r.vehicles
            if r.peak_kw > line_peak[0]:
                line_peak = (r.peak_kw, r.hour)
            continue
        m = kinds.get(r.meter)
        if m is None:
            continue  # a meter since removed from the site file
        acc = per_meter[r.meter]
        acc[0] += r.kwh
        acc[1] += r.producing_kwh
        acc[2] += r.idle_kwh
        acc[3] = max(acc[3], r.peak_kw)
        acc[4] += r.gap_s
        acc[5] += r.sleepable_kwh
        acc[6] += r.sleepable_s
        if m.kind is MeterKind.CONSUMER:
            cons_h[r.hour] += r.kwh
            idle_h[r.hour] += r.idle_kwh
        elif m.kind is MeterKind.PV:
            pv_h[r.hour] += r.kwh
        elif m.kind is MeterKind.GRID:
            grid_h[r.hour] += r.kwh
            if r.peak_kw > grid_peak[0]:
                grid_peak = (r.peak_kw, r.hour)
        elif m.kind is MeterKind.RECOVERY:
            recovered += r.kwh
    has_grid = bool(config.of_kind(MeterKind.GRID))
    hour_list: list[HourKpi] = []
    cost = 0.0
    by_band: dict[str, float] = defaultdict(float)
    pv_used = 0.0
    grid_total = 0.0
    for h in sorted(hours):
        consumed = cons_h.get(h, 0.0)
        pv = pv_h.get(h, 0.0)
        grid = grid_h.get(h, 0.0) if has_grid else max(0.0, consumed - pv)
        pv_used += min(pv, consumed)
        grid_total += grid
        price, band = config.price(h)
        cost += grid * price
        if band:
            by_band[band] += grid * price
        hour_list.append(HourKpi(h, consumed, idle_h.get(h, 0.0), int(veh_h.get(h, 0)), pv,
                                 grid))
    meters = {}
    for m in config.meters:
        a = per_meter.get(m.id, [0.0] * 7)
        meters[m.id] = MeterTotals(m.id, m.name, str(m.kind), m.station, a[0], a[1], a[2],
                                   a[3], a[4] / 60.0, a[5], a[6])
    kwh = sum(cons_h.values())
    peak, peak_hour = grid_peak if has_grid else line_peak
    market = config.market_co2e_kg_per_kwh
    report = PeriodReport(
        start=start, end=end, kwh=kwh, idle_kwh=sum(idle_h.values()),
        vehicles=int(sum(veh_h.values())), pv_kwh=sum(pv_h.values()), pv_used_kwh=pv_used,
        recovered_kwh=recovered, grid_kwh=grid_total,
        co2e_kg=grid_total * config.grid_co2e_kg_per_kwh,
        co2e_market_kg=None if market is None else grid_total * market,
        cost=cost, cost_by_band=dict(by_band), peak_kw=peak, peak_hour=peak_hour,
        contract_peak_kw=config.contract_peak_kw,
        baseline_kwh_per_vehicle=baseline_kwh_per_vehicle, currency=config.currency,
        meters=meters, hours=hour_list,
        gap_minutes=sum(m.gap_minutes for m in meters.values()))
    return _with_ranking(report)


def _with_ranking(r: PeriodReport) -> PeriodReport:
    """Pareto of consumption and of idle energy over the consumers."""
    out: list[RankEntry] = []
    for kind, key in (("consumption", "kwh"), ("idle", "idle_kwh")):
        items = sorted(r.consumers, key=lambda m: getattr(m, key), reverse=True)
        total = sum(getattr(m, key) for m in items)
        cum = 0.0
        for m in items:
            v = getattr(m, key)
            if v <= 0:
                continue
            cum += v
            out.append(RankEntry(kind, m.meter, m.name, v, v / total, cum / total))
    return replace(r, ranking=out)


def baseline_of(config: EnergyConfig, store: Any) -> float | None:
    """EnB: the configured kWh per vehicle, or that of the configured reference period."""
    if config.baseline_kwh_per_vehicle is not None:
        return config.baseline_kwh_per_vehicle
    if config.baseline_period is None:
        return None
    a, b = config.baseline_period
    return compute(config, read_rows(store, a, b), a, b).kwh_per_vehicle


def report(config: EnergyConfig, store: Any, start: float, end: float) -> PeriodReport:
    """Read the period's rows and compute its KPIs (with the baseline)."""
    return compute(config, read_rows(store, start, end), start, end,
                   baseline_of(config, store))


# --- periods ----------------------------------------------------------------------------


class Period:
    SHIFT = "shift"
    TODAY = "today"
    WEEK = "week"


def period_bounds(config: EnergyConfig, which: str, now: float) -> tuple[float, float, str]:
    """(start, end, label) of the live shift, today or this week (site local time)."""
    tz = config.tz()
    local = datetime.fromtimestamp(now, tz)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    end = hour_of(now) + HOUR
    if which == Period.SHIFT:
        found = config.shift_of(now)
        if found is not None:
            shift, start, _ = found
            return start, end, shift.name
        return midnight.timestamp(), end, "today"
    if which == Period.WEEK:
        monday = midnight - timedelta(days=midnight.weekday())
        return monday.timestamp(), end, "week"
    return midnight.timestamp(), end, "today"
