"""The energy service: the ledger on the change stream, alarms, the hourly summary, apply.

- Folds the runtime's change stream into the ledger and flushes it every few seconds
  (one store transaction with the fold state, so a restart never counts twice).
- Evaluates three alarms through the alarm engine (external conditions): kWh per
  vehicle of the last full hour over the baseline by a margin, line idle power over a
  threshold, demand approaching the contract limit.
- Publishes the line's hourly summary retained on `<topic_root>/energy/<line>/summary`
  through the outbox, when an hour closes and when late data restates it.
- Views ask for a `EnergyView` (report, recommendations, live flows) without waiting on
  the disk: `view_async` reads the store on the service's own worker thread.
- `apply` turns a recommendation into a write of its energy-saving-mode tag, for a
  permitted role, through the checked, audited write path.
"""

from __future__ import annotations

import concurrent.futures
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.alarms.model import AlarmDefinition, AlarmKind, Priority
from app.auth.permissions import Action, Role, require
from app.energy.advice import Recommendation, recommend
from app.energy.config import EnergyConfig, MeterKind
from app.energy.kpis import PeriodReport, baseline_of, compute, period_bounds
from app.energy.ledger import HOUR, EnergyLedger, hour_of, read_rows
from app.model import Value
from app.overview import line_id

log = logging.getLogger(__name__)

ALARM_KWH_PER_VEHICLE = "energy.kwh_per_vehicle"
ALARM_IDLE = "energy.idle_waste"
ALARM_PEAK = "energy.peak_demand"
FLUSH_S = 2.0
CHECK_S = 10.0

# write(path, value, actor) -> future of the read-back; the seams' checked, audited write
WriteFn = Callable[[str, Value, str, Role | None], concurrent.futures.Future]


class EnergyError(ValueError):
    """An energy action that cannot be done; the message says why."""


@dataclass(frozen=True)
class LiveFlows:
    """The plant's energy flows now, from the latest GOOD power of each meter."""

    grid_kw: float | None
    pv_kw: float | None
    recovered_kw: float | None
    line_kw: float
    idle_kw: float  # consumers whose station is idle now
    stations: dict[str, tuple[float | None, bool | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class EnergyView:
    """What the energy panel shows for one period."""

    period: str
    label: str
    report: PeriodReport
    recommendations: list[Recommendation]
    applied: dict[str, bool]  # recommendation id -> its saving mode is on now
    live: LiveFlows


class EnergyService:
    def __init__(self, config: EnergyConfig, site: Any, runtime: Any, store: Any, *,
                 alarms: Any = None, write: WriteFn | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.site = site  # app.config.SiteConfig
        self._runtime, self._store, self._alarms = runtime, store, alarms
        self._write = write
        self._clock = clock
        self.ledger = EnergyLedger(config, store)
        self._removers: list[Callable[[], None]] = []
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._published_hour: int | None = None
        self._restated: set[int] = set()
        self._lock = threading.Lock()
        self._station_kinds = {k: v.kind for k, v in site.stations.items()}
        self.line = line_id(site.site.line or site.site.id)

    @property
    def topic(self) -> str:
        return f"{self.site.site.topic_root}/energy/{self.line}/summary"

    # --- life cycle -----------------------------------------------------------------------

    def start(self) -> None:
        self.ledger.load()
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="energy")
        self._define_alarms()
        self.ledger.on_flushed(self._on_flushed)
        rt = self._runtime
        if rt is None:  # a viewer of a store (no live data): reports only
            return
        self._removers.append(rt.subscribe(self.ledger.on_samples))
        self._removers.append(rt.every(FLUSH_S, self.ledger.flush, "energy ledger flush"))
        self._removers.append(rt.every(CHECK_S, self.check, "energy alarms and summary"))

    def stop(self) -> None:
        while self._removers:
            self._removers.pop()()
        try:
            fut = self.ledger.flush()
            if fut is not None:
                fut.result(5.0)
        except Exception:
            log.exception("energy ledger: last flush failed")
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    # --- views ------------------------------------------------------------------------------

    def live(self) -> LiveFlows:
        live = self.ledger.live()
        sums: dict[MeterKind, float | None] = {}
        line = idle = 0.0
        stations: dict[str, tuple[float | None, bool | None]] = {}
        for m in self.config.meters:
            kw, producing = live.get(m.id, (None, None))
            if m.kind is MeterKind.CONSUMER:
                stations[m.id] = (kw, producing)
                line += kw or 0.0
                if producing is False:
                    idle += kw or 0.0
            elif kw is not None:
                sums[m.kind] = (sums.get(m.kind) or 0.0) + kw
        return LiveFlows(sums.get(MeterKind.GRID), sums.get(MeterKind.PV),
                         sums.get(MeterKind.RECOVERY), line, idle, stations)

    def report(self, start: float, end: float) -> PeriodReport:
        with self._store.read() as conn:
            rows = read_rows(self._store, start, end, conn)
        return compute(self.config, rows, start, end, baseline_of(self.config, self._store))

    def view(self, period: str, now: float | None = None) -> EnergyView:
        """The period's report and recommendations (reads the store: not on the GUI)."""
        now = self._clock() if now is None else now
        start, end, label = period_bounds(self.config, period, now)
        rep = self.report(start, end)
        recs = recommend(self.config, rep, max(60.0, now - start), self._station_kinds)
        latest = self._runtime.latest if self._runtime is not None else {}
        applied = {}
        for r in recs:
            if r.tag:
                s = latest.get(r.tag)
                applied[r.id] = bool(s is not None and s.value is True)
        return EnergyView(period, label, rep, recs, applied, self.live())

    def view_async(self, period: str) -> concurrent.futures.Future[EnergyView]:
        """`view` on the service's worker thread: a GUI polls the future."""
        if self._pool is None:
            fut: concurrent.futures.Future[EnergyView] = concurrent.futures.Future()
            fut.set_exception(EnergyError("the energy service is not running"))
            return fut
        return self._pool.submit(self.view, period)

    # --- acting ---------------------------------------------------------------------------

    def apply(self, rec: Recommendation, actor: str, role: Role | None,
              ) -> concurrent.futures.Future:
        """Switch on the energy-saving mode a recommendation names (permitted roles)."""
        require(role, Action.ENERGY_APPLY)
        if rec.tag is None:
            raise EnergyError(f"{rec.title}: nothing to switch; it needs a change on site")
        allowed_tags = {m.saving_mode for m in self.config.meters if m.saving_mode}
        if rec.tag not in allowed_tags:
            raise EnergyError(f"{rec.tag} is not an energy-saving-mode tag of this site")
        if self._write is None:
            raise EnergyError("this terminal has no write path to the PLC")
        log.info("energy: %s applies %s (%s := %s)", actor, rec.id, rec.tag, rec.value)
        return self._write(rec.tag, rec.value, actor, role)

    # --- alarms and the hourly summary ------------------------------------------------------

    def _define_alarms(self) -> None:
        if self._alarms is None:
            return
        a = self.config.alarms
        prio = Priority(a.priority)
        self._alarms.define(AlarmDefinition(
            ALARM_KWH_PER_VEHICLE, AlarmKind.EXTERNAL, prio, area="energy", unit="kWh",
            message=f"kWh per vehicle over the baseline by more than "
                    f"{a.kwh_per_vehicle_margin_pct:g} %"))
        if a.idle_kw is not None:
            self._alarms.define(AlarmDefinition(
                ALARM_IDLE, AlarmKind.EXTERNAL, prio, area="energy", unit="kW",
                on_delay_s=a.idle_on_delay_s,
                message=f"Idle power over {a.idle_kw:g} kW while stations stand"))
        if self.config.contract_peak_kw:
            self._alarms.define(AlarmDefinition(
                ALARM_PEAK, AlarmKind.EXTERNAL, Priority(max(1, a.priority - 1)),
                area="energy", unit="kW",
                message=f"Demand near the contract limit of {self.config.contract_peak_kw:g} kW"))

    def check(self) -> None:
        """Alarms and the summary (runtime timer; reads a few ledger rows)."""
        now = self._clock()
        live = self.live()
        alarms, a = self._alarms, self.config.alarms
        if alarms is not None:
            if a.idle_kw is not None:
                alarms.set_condition(ALARM_IDLE, live.idle_kw > a.idle_kw,
                                     round(live.idle_kw, 1))
            limit = self.config.contract_peak_kw
            if limit:
                demand = live.grid_kw if live.grid_kw is not None else live.line_kw
                alarms.set_condition(ALARM_PEAK, demand >= limit * a.peak_warn_pct / 100.0,
                                     round(demand, 1))
        last = hour_of(now - HOUR)
        with self._lock:
            restated = last in self._restated
            self._restated.clear()
        if self._published_hour != last or restated:
            self.close_hour(last, now)

    def close_hour(self, hour: int, now: float | None = None) -> None:
        """An hour is complete (or restated): its alarm, and its summary retained."""
        now = self._clock() if now is None else now
        rep = self.report(hour, hour + HOUR)
        if self._alarms is not None:
            base, kpv = rep.baseline_kwh_per_vehicle, rep.kwh_per_vehicle
            margin = 1 + self.config.alarms.kwh_per_vehicle_margin_pct / 100.0
            self._alarms.set_condition(ALARM_KWH_PER_VEHICLE,
                                       bool(base and kpv is not None and kpv > base * margin),
                                       None if kpv is None else round(kpv, 2))
        self._published_hour = hour
        if not rep.hours or self._runtime is None or not self.site.site.broker:
            return
        start, _, label = period_bounds(self.config, "shift", now)
        shift = self.report(start, hour_of(now) + HOUR)
        payload = {"line": self.line, "name": self.site.site.line or self.site.site.name,
                   "hour": hour, "kpis": rep.line_json(), "shift": label,
                   "shift_kpis": shift.line_json(), "currency": self.config.currency,
                   "ranking": [e.to_json() for e in rep.ranking if e.kind == "consumption"][:5]}
        fut = self._runtime.publish(self.topic, payload, retain=True)
        fut.add_done_callback(_log_failure)

    def _on_flushed(self, hours: set[int]) -> None:
        """Rows of past hours changed (late data): their summary is published again."""
        if self._published_hour is None:
            return
        with self._lock:
            self._restated |= {h for h in hours if h <= self._published_hour}


def _log_failure(fut: Any) -> None:
    if fut.exception() is not None:
        log.error("energy summary not stored for sending: %s", fut.exception())
