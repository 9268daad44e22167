"""The `[energy]` section: meters, the vehicle counter, factors, tariff, shifts, alarms.

    [energy]
    production_counter = "demo/body/line1/conveyor/conveyor1/carrier_count"
    grid_co2e_kg_per_kwh = 0.363        # location-based factor (grid average)
    market_co2e_kg_per_kwh = 0.120      # market-based factor (supply contract), optional
    currency = "EUR"
    tariff = [ { from = "06:00", to = "22:00", price = 0.24 },
               { from = "22:00", to = "06:00", price = 0.16 } ]
    contract_peak_kw = 450              # load management limit, optional
    shifts = [ { name = "early", from = "06:00", to = "14:00" }, ... ]
    timezone = "Europe/Berlin"          # of tariff and shift times; default: this machine's
    baseline_kwh_per_vehicle = 4.8      # EnB, or baseline = { from = ISO, to = ISO }
    sleep_after_min = 5                 # a station idle longer than this could sleep
    demand_charge_per_kw_year = 90      # prices a peak over the contract, optional
    max_gap_s = 300                     # samples further apart than this leave a gap

    [energy.alarms]
    kwh_per_vehicle_margin_pct = 10     # last hour's kWh/vehicle over baseline by this
    idle_kw = 60                        # line idle power over this (while not producing)
    idle_on_delay_s = 120
    peak_warn_pct = 90                  # demand over this share of contract_peak_kw

    [[energy.meters]]
    id = "press1"
    kind = "consumer"                   # consumer | grid | pv | recovery
    station = "press1"                  # its state tag decides producing vs idle
    power = "demo/body/line1/press/press1/power"    # kW
    energy = "demo/body/line1/press/press1/energy"  # kWh counter, preferred where present
    saving_mode = "demo/body/line1/press/press1/energy_saving"  # writable bool, optional
    rollover = 1000000                  # counter wraps here, optional
    sleep_kw = 0.3                      # its draw asleep, for savings (default: idle / 4)

The ledger is hourly, so tariff bands and shifts start and end on the hour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.config import DataType, SiteConfig, Table

_HHMM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


class MeterKind(StrEnum):
    CONSUMER = "consumer"
    GRID = "grid"
    PV = "pv"
    RECOVERY = "recovery"


@dataclass(frozen=True)
class Meter:
    id: str
    kind: MeterKind
    name: str
    station: str | None = None
    power: str | None = None  # kW tag
    energy: str | None = None  # kWh counter tag
    saving_mode: str | None = None  # writable bool tag: the station may sleep when idle
    rollover: float | None = None
    max_kw: float | None = None  # a counter step above this average power is not believed
    sleep_kw: float | None = None  # what it would draw asleep (default: a quarter of idle)


@dataclass(frozen=True)
class TariffBand:
    start_h: int  # local hour of day, inclusive
    end_h: int  # exclusive; may be <= start_h (wraps over midnight)
    price: float
    name: str = ""

    def covers(self, hour: int) -> bool:
        if self.start_h < self.end_h:
            return self.start_h <= hour < self.end_h
        return hour >= self.start_h or hour < self.end_h

    @property
    def label(self) -> str:
        return self.name or f"{self.start_h:02d}:00-{self.end_h:02d}:00"


@dataclass(frozen=True)
class Shift:
    name: str
    start_h: int
    end_h: int

    def covers(self, hour: int) -> bool:
        if self.start_h < self.end_h:
            return self.start_h <= hour < self.end_h
        return hour >= self.start_h or hour < self.end_h


@dataclass(frozen=True)
class EnergyAlarms:
    kwh_per_vehicle_margin_pct: float = 10.0
    idle_kw: float | None = None
    idle_on_delay_s: float = 120.0
    peak_warn_pct: float = 90.0
    priority: int = 3


@dataclass(frozen=True)
class EnergyConfig:
    production_counter: str
    meters: tuple[Meter, ...]
    grid_co2e_kg_per_kwh: float
    market_co2e_kg_per_kwh: float | None = None
    currency: str = "EUR"
    tariff: tuple[TariffBand, ...] = ()
    contract_peak_kw: float | None = None
    shifts: tuple[Shift, ...] = ()
    timezone: str = ""  # "" = this machine's local zone
    baseline_kwh_per_vehicle: float | None = None
    baseline_period: tuple[float, float] | None = None
    sleep_after_min: float = 5.0
    demand_charge_per_kw_year: float | None = None
    max_gap_s: float = 300.0
    producing_states: frozenset[str] = frozenset({"running"})
    alarms: EnergyAlarms = field(default_factory=EnergyAlarms)
    # producing vs idle per station: its state tag (from the site's [[stations]])
    station_state_tags: dict[str, str] = field(default_factory=dict)

    def meter(self, meter_id: str) -> Meter:
        for m in self.meters:
            if m.id == meter_id:
                return m
        raise KeyError(meter_id)

    def of_kind(self, kind: MeterKind) -> tuple[Meter, ...]:
        return tuple(m for m in self.meters if m.kind is kind)

    def tz(self) -> tzinfo:
        if self.timezone:
            return ZoneInfo(self.timezone)
        local = datetime.now().astimezone().tzinfo
        assert local is not None
        return local

    def local_hour(self, hour_start: float) -> int:
        """Local hour of day (0-23) of an hour that starts at epoch `hour_start`."""
        return datetime.fromtimestamp(hour_start, self.tz()).hour

    def price(self, hour_start: float) -> tuple[float, str]:
        h = self.local_hour(hour_start)
        for band in self.tariff:
            if band.covers(h):
                return band.price, band.label
        return 0.0, ""

    def shift_of(self, ts: float) -> tuple[Shift, float, float] | None:
        """The shift that `ts` falls in, with its start and end (epoch seconds)."""
        local = datetime.fromtimestamp(ts, self.tz())
        for s in self.shifts:
            if not s.covers(local.hour):
                continue
            start = local.replace(hour=s.start_h, minute=0, second=0, microsecond=0)
            if start > local:
                start -= timedelta(days=1)
            length = (s.end_h - s.start_h) % 24 or 24
            return s, start.timestamp(), start.timestamp() + length * 3600
        return None


def _hour_of(t: Table, name: str, text: object) -> int:
    if not isinstance(text, str) or not _HHMM.fullmatch(text):
        raise t.error(name, f"expected a time of day \"HH:MM\", got {text!r}")
    hh, mm = int(text[:2]), int(text[3:])
    if mm:
        raise t.error(name, f"{text!r}: the energy ledger is hourly, so this must be on the "
                      "hour (HH:00)")
    return hh


def _bands(root: Table, name: str, with_price: bool) -> list[Table]:
    items = root.list(name, [])
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise root.error(f"{name}[{i}]", "expected an inline table { from = ..., to = ... }")
        out.append(Table(item, root.file, root.key(f"{name}[{i}]")))
    return out


def _check_day(root: Table, name: str, spans: list[tuple[int, int]]) -> None:
    """Every hour of the day covered exactly once."""
    cover = [0] * 24
    for a, b in spans:
        h = a
        while True:
            cover[h] += 1
            h = (h + 1) % 24
            if h == b:
                break
    for h, n in enumerate(cover):
        if n == 0:
            raise root.error(name, f"{h:02d}:00-{(h + 1) % 24:02d}:00 is not covered")
        if n > 1:
            raise root.error(name, f"{h:02d}:00-{(h + 1) % 24:02d}:00 is covered twice")


def _iso(t: Table, name: str, text: object) -> float:
    if not isinstance(text, str):
        raise t.error(name, f"expected an ISO date/time string, got {text!r}")
    try:
        d = datetime.fromisoformat(text)
    except ValueError:
        raise t.error(name, f"{text!r} is not an ISO date/time (2026-11-02T06:00)") from None
    return d.timestamp()


def parse_energy(root: Table, cfg: SiteConfig) -> EnergyConfig:
    t = root.table("energy")

    def tag_ref(tt: Table, name: str, *, required: bool = False) -> str | None:
        value = tt.str(name, required=required)
        if value is not None and value not in cfg.tags:
            raise tt.error(name, f"unknown tag {value!r}")
        return value

    counter = tag_ref(t, "production_counter", required=True)
    assert counter is not None
    if cfg.tags[counter].type not in (DataType.INT, DataType.FLOAT):
        raise t.error("production_counter", f"tag {counter!r} is a {cfg.tags[counter].type}; "
                      "a vehicle counter must be a number")
    grid = t.float("grid_co2e_kg_per_kwh", required=True, min=0.0, max=5.0)
    market = t.float("market_co2e_kg_per_kwh", min=0.0, max=5.0)
    currency = t.str("currency", "EUR", pattern=r"[A-Z]{3}")
    tz = t.str("timezone", "")
    if tz:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise t.error("timezone", f"unknown time zone {tz!r} (e.g. \"Europe/Berlin\")") \
                from None

    tariff: list[TariffBand] = []
    for b in _bands(t, "tariff", True):
        start = _hour_of(b, "from", b.raw("from"))
        end = _hour_of(b, "to", b.raw("to"))
        if start == end:
            raise b.error("to", "a band must not start and end at the same hour")
        tariff.append(TariffBand(start, end, b.float("price", required=True, min=0.0),
                                 b.str("name", "")))
        b.done()
    if tariff:
        _check_day(t, "tariff", [(x.start_h, x.end_h) for x in tariff])

    shifts: list[Shift] = []
    for b in _bands(t, "shifts", False):
        name = b.str("name", required=True)
        start = _hour_of(b, "from", b.raw("from"))
        end = _hour_of(b, "to", b.raw("to"))
        if any(s.name == name for s in shifts):
            raise b.error("name", f"shift {name!r} is defined twice")
        shifts.append(Shift(name, start, end))
        b.done()
    if shifts:
        _check_day(t, "shifts", [(s.start_h, s.end_h) for s in shifts])

    meters: list[Meter] = []
    for m in t.tables("meters"):
        mid = m.str("id", required=True, pattern=r"[A-Za-z0-9_\-]+")
        if mid.startswith("_") or any(x.id == mid for x in meters):
            raise m.error("id", f"meter {mid!r} is defined twice" if not mid.startswith("_")
                          else "meter ids must not start with _")
        kind = MeterKind(m.str("kind", "consumer", choices=tuple(MeterKind)))
        station = m.str("station")
        if station is not None and station not in cfg.stations:
            known = ", ".join(cfg.stations) or "none defined"
            raise m.error("station", f"unknown station {station!r} (stations: {known})")
        if station is not None and cfg.stations[station].state_tag is None:
            raise m.error("station", f"station {station!r} has no state_tag, so producing "
                          "and idle cannot be told apart")
        power, energy = tag_ref(m, "power"), tag_ref(m, "energy")
        if power is None and energy is None:
            raise m.error("power", "a meter needs a power tag (kW), an energy tag (kWh) "
                          "or both")
        saving = tag_ref(m, "saving_mode")
        if saving is not None:
            st = cfg.tags[saving]
            if not st.writable or st.type is not DataType.BOOL:
                raise m.error("saving_mode", f"tag {saving!r} must be a writable bool "
                              "(type = \"bool\", writable = true)")
        max_kw = m.float("max_kw", min=0.0)
        if max_kw is None and power is not None:
            max_kw = cfg.tags[power].high
        meters.append(Meter(mid, kind, m.str("name", mid), station, power, energy, saving,
                            m.float("rollover", min=1.0), max_kw, m.float("sleep_kw", min=0.0)))
        m.done()
    if not meters:
        raise t.error("meters", "at least one [[energy.meters]] is required")

    a = t.table("alarms")
    alarms = EnergyAlarms(
        kwh_per_vehicle_margin_pct=a.float("kwh_per_vehicle_margin_pct", 10.0, min=0, max=1000),
        idle_kw=a.float("idle_kw", min=0.0),
        idle_on_delay_s=a.float("idle_on_delay_s", 120.0, min=0.0, max=86400),
        peak_warn_pct=a.float("peak_warn_pct", 90.0, min=1, max=200),
        priority=a.int("priority", 3, min=1, max=4),
    )
    a.done()

    baseline_period = None
    if "baseline" in t.data:
        bt = t.table("baseline")
        b_from, b_to = _iso(bt, "from", bt.raw("from")), _iso(bt, "to", bt.raw("to"))
        if b_to <= b_from:
            raise bt.error("to", "must be after from")
        baseline_period = (b_from, b_to)
        bt.done()
    states = t.list("producing_states", ["running"], of=str)
    out = EnergyConfig(
        production_counter=counter,
        meters=tuple(meters),
        grid_co2e_kg_per_kwh=grid,
        market_co2e_kg_per_kwh=market,
        currency=currency,
        tariff=tuple(tariff),
        contract_peak_kw=t.float("contract_peak_kw", min=0.0),
        shifts=tuple(shifts),
        timezone=tz,
        baseline_kwh_per_vehicle=t.float("baseline_kwh_per_vehicle", min=0.0),
        baseline_period=baseline_period,
        sleep_after_min=t.float("sleep_after_min", 5.0, min=0.0, max=24 * 60),
        demand_charge_per_kw_year=t.float("demand_charge_per_kw_year", min=0.0),
        max_gap_s=t.float("max_gap_s", 300.0, min=1.0, max=86400),
        producing_states=frozenset(states),
        alarms=alarms,
        station_state_tags={m.station: cfg.stations[m.station].state_tag or ""
                            for m in meters if m.station is not None},
    )
    t.raw("simulator")  # the demo plant's schedule; read by app.simulator.energy
    t.done()
    return out


def energy_of(cfg: SiteConfig) -> EnergyConfig | None:
    """The site's energy section, or None when it configures none."""
    return cfg.sections.get("energy")
