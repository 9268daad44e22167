"""The energy service's alarms through the real alarm engine, and the recommendation
kinds, on a real store (no PLC needed: samples go straight into the ledger)."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.alarms.engine import AlarmEngine
from app.config import SiteInfo, StationConfig
from app.energy.advice import recommend
from app.energy.config import EnergyAlarms, EnergyConfig, Meter, MeterKind
from app.energy.kpis import compute
from app.energy.ledger import HOUR, LINE, LedgerRow, hour_of
from app.energy.service import (
    ALARM_IDLE,
    ALARM_KWH_PER_VEHICLE,
    ALARM_PEAK,
    EnergyService,
)
from app.model import Sample
from app.store import Store


def _config(**kw) -> EnergyConfig:
    meters = (Meter("press", MeterKind.CONSUMER, "Press 1", "press", power="p/press/kw"),
              Meter("booth", MeterKind.CONSUMER, "Paint booth", "booth", power="p/booth/kw"),
              Meter("grid", MeterKind.GRID, "Grid", power="p/grid/kw"))
    return EnergyConfig(production_counter="p/count", meters=meters,
                        grid_co2e_kg_per_kwh=0.363, timezone="UTC",
                        baseline_kwh_per_vehicle=1.0, contract_peak_kw=100.0,
                        sleep_after_min=5,
                        alarms=EnergyAlarms(kwh_per_vehicle_margin_pct=10, idle_kw=20,
                                            idle_on_delay_s=0, peak_warn_pct=90),
                        station_state_tags={"press": "p/press/state",
                                            "booth": "p/booth/state"}, **kw)


SITE = SimpleNamespace(site=SiteInfo("p", "Plant", "Line 1", "t1", "p"),
                       stations={"press": StationConfig("press", "Press 1", "press"),
                                 "booth": StationConfig("booth", "Paint booth",
                                                        "paint_booth")})


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "t.db", terminal_id="t1") as s:
        yield s


def test_idle_and_peak_alarms_follow_the_plant(store: Store) -> None:
    engine = AlarmEngine(terminal_id="t1")
    svc = EnergyService(_config(), SITE, None, store, alarms=engine)
    svc.start()
    now = time.time()
    svc.ledger.on_samples([Sample("p/press/state", now - 10, "idle"),
                           Sample("p/press/kw", now - 9, 25.0),
                           Sample("p/grid/kw", now - 9, 60.0)])
    svc.check()
    assert engine.get(ALARM_IDLE).active  # 25 kW idle > 20 kW
    assert not engine.get(ALARM_PEAK).active  # 60 of 100 kW
    svc.ledger.on_samples([Sample("p/grid/kw", now - 5, 95.0),
                           Sample("p/press/state", now - 4, "running")])
    svc.check()
    assert engine.get(ALARM_PEAK).active  # 95 >= 90 % of 100 kW
    assert not engine.get(ALARM_IDLE).active
    svc.stop()


def test_kwh_per_vehicle_alarm_judges_the_hour_that_closed(store: Store) -> None:
    engine = AlarmEngine(terminal_id="t1")
    svc = EnergyService(_config(), SITE, None, store, alarms=engine)
    svc.start()
    h = hour_of(time.time()) - 2 * int(HOUR)
    # 24 kWh for 20 vehicles: 1.2 kWh/vehicle, 20 % over the 1.0 baseline (margin 10 %)
    store.submit(lambda c: c.executemany(
        "INSERT INTO energy_ledger (meter, hour, kwh, vehicles) VALUES (?, ?, ?, ?)",
        [("press", h, 24.0, 0), (LINE, h, 0.0, 20)])).result(5)
    svc.close_hour(h)
    assert engine.get(ALARM_KWH_PER_VEHICLE).active
    assert engine.get(ALARM_KWH_PER_VEHICLE).value == pytest.approx(1.2)
    svc.stop()


def test_recommendation_kinds_and_weekly_savings() -> None:
    cfg = _config(demand_charge_per_kw_year=52.0)
    h = 1_790_000_000 // 3600 * 3600
    rows = [LedgerRow("press", h, 20.0, 10.0, 10.0, 60.0, 0, 8.0, 1200.0),
            LedgerRow("booth", h, 50.0, 30.0, 20.0, 80.0, 0, 12.0, 1800.0),
            LedgerRow("grid", h, 70.0, peak_kw=98.0)]
    rep = compute(cfg, rows, h, h + 3600)
    recs = recommend(cfg, rep, 3600.0, {"press": "press", "booth": "paint_booth"})
    kinds = {r.kind: r for r in recs}
    assert set(kinds) == {"idle_sleep", "booth_setback", "stagger_startup"}
    # press: 8 kWh in 20 min idle beyond 5 min (24 kW); asleep a quarter: saves 6 kWh
    # an hour, 168 hours a week
    assert kinds["idle_sleep"].savings_per_week.kwh == pytest.approx(6 * 168)
    assert kinds["idle_sleep"].savings_per_week.co2e_kg == pytest.approx(6 * 168 * 0.363)
    # booth: 12 kWh in 30 min (24 kW), a quarter asleep: 9 kWh an hour
    assert kinds["booth_setback"].savings_per_week.kwh == pytest.approx(9 * 168)
    # peak 98 kW, warn at 90: 8 kW over, at 52 a kW-year: 8 a week
    assert kinds["stagger_startup"].savings_per_week.cost == pytest.approx(8.0)
    assert recs[0].kind == "booth_setback"  # largest saving first
