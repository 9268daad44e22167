"""The ledger's arithmetic against hand-computed scenarios, on a real store.

Every figure below is worked out by hand in the comment above its assertion.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.energy.config import EnergyConfig, Meter, MeterKind
from app.energy.kpis import compute
from app.energy.ledger import LINE, EnergyLedger, LedgerRow, read_rows
from app.model import Quality, Sample
from app.store import Store

T0 = 1_790_000_000 // 3600 * 3600  # an hour start (UTC)
COUNTER = "site/line/out/count"


def cfg(*meters: Meter, **kw) -> EnergyConfig:
    states = {m.station: f"site/{m.station}/state" for m in meters if m.station}
    return EnergyConfig(production_counter=COUNTER, meters=tuple(meters),
                        grid_co2e_kg_per_kwh=0.363, station_state_tags=states,
                        timezone="UTC", **kw)


def counter_meter(mid: str = "m1", station: str | None = None) -> Meter:
    return Meter(mid, MeterKind.CONSUMER, mid, station, power=None, energy=f"site/{mid}/kwh")


def power_meter(mid: str = "p1", kind: MeterKind = MeterKind.CONSUMER) -> Meter:
    return Meter(mid, kind, mid, power=f"site/{mid}/kw")


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "e.db", terminal_id="t1") as s:
        yield s


def rows_of(store: Store, ledger: EnergyLedger) -> dict[tuple[str, int], LedgerRow]:
    fut = ledger.flush()
    if fut is not None:
        fut.result(5)
    return {(r.meter, r.hour): r for r in read_rows(store, T0 - 86400, T0 + 86400)}


def s(tag: str, t: float, v, q: Quality = Quality.GOOD) -> Sample:
    return Sample(tag, T0 + t, v, q)


def test_counter_reset_counts_what_was_counted_since(store: Store) -> None:
    led = EnergyLedger(cfg(counter_meter()), store)
    tag = "site/m1/kwh"
    led.on_samples([s(tag, 0, 100.0), s(tag, 60, 100.5), s(tag, 120, 0.2), s(tag, 180, 0.7)])
    # 0.5 + 0.2 (reset to zero, then counted 0.2) + 0.5
    assert rows_of(store, led)[("m1", T0)].kwh == pytest.approx(1.2)


def test_counter_rollover_with_configured_wrap(store: Store) -> None:
    m = Meter("m1", MeterKind.CONSUMER, "m1", energy="site/m1/kwh", rollover=1000.0)
    led = EnergyLedger(cfg(m), store)
    led.on_samples([s("site/m1/kwh", 0, 999.5), s("site/m1/kwh", 60, 0.3)])
    # 1000 - 999.5 + 0.3
    assert rows_of(store, led)[("m1", T0)].kwh == pytest.approx(0.8)


def test_implausible_counter_jump_is_a_gap(store: Store) -> None:
    m = Meter("m1", MeterKind.CONSUMER, "m1", energy="site/m1/kwh", max_kw=100.0)
    led = EnergyLedger(cfg(m), store)
    led.on_samples([s("site/m1/kwh", 0, 10.0), s("site/m1/kwh", 60, 5000.0),
                    s("site/m1/kwh", 120, 5001.0)])
    row = rows_of(store, led)[("m1", T0)]
    # the 4990 kWh step in a minute is not believed; the next minute's 1 kWh is (60 kW)
    assert row.kwh == pytest.approx(1.0)
    assert row.gap_s == pytest.approx(60)


def test_bad_data_and_long_silence_are_gaps_never_filled(store: Store) -> None:
    led = EnergyLedger(cfg(power_meter(), max_gap_s=300), store)
    tag = "site/p1/kw"
    led.on_samples([s(tag, 0, 10.0), s(tag, 60, 10.0), s(tag, 90, None, Quality.BAD),
                    s(tag, 400, 10.0), s(tag, 460, 10.0),
                    s(tag, 1000, 10.0)])  # 540 s of silence > max_gap_s
    row = rows_of(store, led)[("p1", T0)]
    # 10 kW over [0, 60] and [400, 460]: 2 x 10/60 kWh; gaps: [60, 400] and [460, 1000]
    assert row.kwh == pytest.approx(20 / 60)
    assert row.gap_s == pytest.approx(340 + 540)
    assert row.peak_kw == 10.0


def test_gap_across_an_hour_is_split_by_hour(store: Store) -> None:
    led = EnergyLedger(cfg(counter_meter(), max_gap_s=300), store)
    tag = "site/m1/kwh"
    led.on_samples([s(tag, 3000, 1.0), s(tag, 4200, 9.0)])  # 20 min gap over the hour
    rows = rows_of(store, led)
    assert rows[("m1", T0)].gap_s == pytest.approx(600)
    assert rows[("m1", T0 + 3600)].gap_s == pytest.approx(600)
    assert rows[("m1", T0)].kwh == 0 and rows[("m1", T0 + 3600)].kwh == 0


def test_late_data_lands_in_its_own_hour_and_replays_count_once(store: Store) -> None:
    led = EnergyLedger(cfg(power_meter("a"), power_meter("b")), store)
    # meter b is live and already in the next hour
    led.on_samples([s("site/b/kw", 3600 + 60 * i, 6.0) for i in range(11)])
    # meter a: an edge device forwards 09:50-10:10 after an outage, batch out of order
    late = [s("site/a/kw", 3000 + 60 * i, 10.0) for i in range(21)]
    led.on_samples(late[10:] + late[:10])
    led.on_samples(late)  # the outbox replays it: already folded, dropped
    rows = rows_of(store, led)
    # 10 kW for 10 min in each hour: 10 * 10/60 kWh each
    assert rows[("a", T0)].kwh == pytest.approx(10 / 6)
    assert rows[("a", T0 + 3600)].kwh == pytest.approx(10 / 6)
    # 6 kW over 10 min
    assert rows[("b", T0 + 3600)].kwh == pytest.approx(1.0)


def test_restart_mid_hour_never_counts_twice(store: Store, tmp_path: Path) -> None:
    c = cfg(counter_meter())
    tag = "site/m1/kwh"
    first = [s(tag, 60 * i, 0.5 * i) for i in range(31)]  # 10:00-10:30, 30 kW
    led = EnergyLedger(c, store)
    led.load()
    led.on_samples(first)
    led.flush().result(5)
    store.close()
    with Store(tmp_path / "e.db", terminal_id="t1") as again:
        led2 = EnergyLedger(c, again)
        led2.load()
        # the source re-sends the last ten minutes on reconnect, then goes on
        led2.on_samples(first[20:] + [s(tag, 60 * i, 0.5 * i) for i in range(31, 61)])
        rows = rows_of(again, led2)
    # 30 kW for the whole hour, once: 30 kWh (0.5 kWh per minute x 60)
    assert rows[("m1", T0)].kwh == pytest.approx(30.0)
    assert rows[("m1", T0)].gap_s == 0


def test_idle_vs_producing_and_sleepable_energy(store: Store) -> None:
    m = counter_meter("press", station="press")
    led = EnergyLedger(cfg(m, sleep_after_min=5), store)
    state, kwh = "site/press/state", "site/press/kwh"
    batch = [s(state, 0, "running"), s(state, 600, "idle"), s(state, 2400, "running")]
    batch += [s(kwh, 60 * i, 20 / 60 * i) for i in range(61)]  # 20 kW all hour
    led.on_samples(batch)
    row = rows_of(store, led)[("press", T0)]
    # 20 kWh; idle 10:10-10:40 = 30 min = 10 kWh; producing 10 kWh
    assert row.kwh == pytest.approx(20.0)
    assert row.idle_kwh == pytest.approx(10.0)
    assert row.producing_kwh == pytest.approx(10.0)
    # idle beyond 5 min into the stop: 25 min, 8.333 kWh
    assert row.sleepable_s == pytest.approx(1500)
    assert row.sleepable_kwh == pytest.approx(20 * 25 / 60)


def test_unknown_state_is_not_claimed_as_idle(store: Store) -> None:
    m = counter_meter("press", station="press")
    led = EnergyLedger(cfg(m), store)
    led.on_samples([s("site/press/state", 0, None, Quality.BAD),
                    s("site/press/kwh", 0, 0.0), s("site/press/kwh", 60, 1.0)])
    row = rows_of(store, led)[("press", T0)]
    assert (row.kwh, row.idle_kwh, row.producing_kwh) == (pytest.approx(1.0), 0, 0)


def test_power_integral_is_the_trapezoid_split_at_the_hour(store: Store) -> None:
    led = EnergyLedger(cfg(power_meter()), store)
    led.on_samples([s("site/p1/kw", 3540, 0.0), s("site/p1/kw", 3660, 120.0)])
    rows = rows_of(store, led)
    # linear 0 -> 120 kW over 2 min: 60 kW at the hour. 1st min: mean 30 kW, 2nd: 90 kW
    assert rows[("p1", T0)].kwh == pytest.approx(30 / 60)
    assert rows[("p1", T0 + 3600)].kwh == pytest.approx(90 / 60)


def test_vehicles_per_hour_from_the_counter_with_reset(store: Store) -> None:
    led = EnergyLedger(cfg(power_meter()), store)
    led.on_samples([s(COUNTER, 0, 10), s(COUNTER, 1800, 40), s(COUNTER, 3700, 3),
                    s(COUNTER, 3800, 8)])
    rows = rows_of(store, led)
    assert rows[(LINE, T0)].vehicles == 30
    assert rows[(LINE, T0 + 3600)].vehicles == 3 + 5  # reset to zero, counted 3, then 5


def test_line_peak_is_coincident(store: Store) -> None:
    led = EnergyLedger(cfg(power_meter("a"), power_meter("b")), store)
    led.on_samples([s("site/a/kw", 0, 100.0), s("site/b/kw", 10, 50.0),
                    s("site/a/kw", 20, 20.0), s("site/b/kw", 30, 90.0)])
    rows = rows_of(store, led)
    assert rows[(LINE, T0)].peak_kw == pytest.approx(150.0)  # 100 + 50 at t=10
    assert rows[("a", T0)].peak_kw == 100.0


# --- KPIs from rows ---------------------------------------------------------------------


def test_tariff_boundary_prices_each_hour_in_its_band() -> None:
    from app.energy.config import TariffBand

    c = cfg(power_meter("load"), tariff=(TariffBand(6, 22, 0.24, "day"),
                                          TariffBand(22, 6, 0.16, "night")))
    h21 = 1_790_020_800 // 86400 * 86400 + 21 * 3600  # 21:00 UTC
    rows = [LedgerRow("load", h21, 10.0), LedgerRow("load", h21 + 3600, 10.0)]
    r = compute(c, rows, h21, h21 + 7200)
    # 10 kWh at 0.24 (21:00-22:00) + 10 kWh at 0.16 (22:00-23:00)
    assert r.cost == pytest.approx(4.0)
    assert r.cost_by_band == {"day": pytest.approx(2.4), "night": pytest.approx(1.6)}


def test_pv_share_counts_only_pv_used_and_co2_only_grid() -> None:
    c = cfg(power_meter("load"), power_meter("pv", MeterKind.PV),
            market_co2e_kg_per_kwh=0.12)
    rows = [LedgerRow("load", T0, 100.0), LedgerRow("pv", T0, 30.0),
            LedgerRow("load", T0 + 3600, 10.0), LedgerRow("pv", T0 + 3600, 40.0),
            LedgerRow(LINE, T0, vehicles=20), LedgerRow(LINE, T0 + 3600, vehicles=2)]
    r = compute(c, rows, T0, T0 + 7200)
    # PV used: 30 of 100, then 10 of 10 (30 exported): 40 / 110
    assert r.renewable_share == pytest.approx(40 / 110)
    assert r.pv_kwh == 70.0
    # grid import: 70 + 0; CO2e location-based 70 x 0.363, market-based 70 x 0.12
    assert r.grid_kwh == pytest.approx(70.0)
    assert r.co2e_kg == pytest.approx(70 * 0.363)
    assert r.co2e_market_kg == pytest.approx(70 * 0.12)
    assert r.kwh_per_vehicle == pytest.approx(110 / 22)
    assert r.co2e_kg_per_vehicle == pytest.approx(70 * 0.363 / 22)


def test_grid_meter_wins_over_consumption_minus_pv_and_sets_the_peak() -> None:
    c = cfg(power_meter("load"), power_meter("grid", MeterKind.GRID),
            contract_peak_kw=450.0)
    rows = [LedgerRow("load", T0, 100.0, peak_kw=120.0), LedgerRow("grid", T0, 80.0,
                                                                    peak_kw=410.0),
            LedgerRow(LINE, T0, peak_kw=500.0)]
    r = compute(c, rows, T0, T0 + 3600)
    assert r.grid_kwh == 80.0
    assert r.peak_kw == 410.0
    assert r.peak_share_of_contract == pytest.approx(410 / 450)


def test_enpi_and_pareto() -> None:
    c = cfg(power_meter("a"), power_meter("b"), power_meter("c"))
    rows = [LedgerRow("a", T0, 60.0, idle_kwh=1.0), LedgerRow("b", T0, 30.0, idle_kwh=9.0),
            LedgerRow("c", T0, 10.0), LedgerRow(LINE, T0, vehicles=20)]
    r = compute(c, rows, T0, T0 + 3600, baseline_kwh_per_vehicle=5.5)
    # 100 kWh / 20 = 5.0 kWh per vehicle; (5.5 - 5.0) / 5.5 = 9.09 % better
    assert r.enpi_pct == pytest.approx(0.5 / 5.5 * 100)
    cons = [e for e in r.ranking if e.kind == "consumption"]
    assert [(e.meter, round(e.cumulative_share, 2)) for e in cons] == [
        ("a", 0.6), ("b", 0.9), ("c", 1.0)]
    idle = [e for e in r.ranking if e.kind == "idle"]
    assert [e.meter for e in idle] == ["b", "a"]
    assert r.idle_share == pytest.approx(0.1)


def test_late_buffer_fills_a_recorded_gap_exactly(store: Store) -> None:
    led = EnergyLedger(cfg(counter_meter(), max_gap_s=300), store)
    tag = "site/m1/kwh"
    # live: 10:00, link lost (BAD) at 10:05, back at 10:30; 12 kW all along
    led.on_samples([s(tag, 0, 0.0), s(tag, 300, 1.0), s(tag, 320, None, Quality.BAD),
                    s(tag, 1800, 6.0), s(tag, 1860, 6.2)])
    assert rows_of(store, led)[("m1", T0)].gap_s == pytest.approx(1500)
    # the edge device forwards its buffer of the outage, one sample a minute
    led.on_samples([s(tag, 300 + 60 * i, 1.0 + 0.2 * i) for i in range(1, 25)])
    row = rows_of(store, led)[("m1", T0)]
    # 10:00-10:31 at 12 kW: 6.2 kWh, no gap left
    assert row.kwh == pytest.approx(6.2)
    assert row.gap_s == pytest.approx(0, abs=1e-6)


def test_late_vehicle_counts_split_the_step_they_fall_into(store: Store) -> None:
    led = EnergyLedger(cfg(power_meter()), store)
    led.on_samples([s(COUNTER, 3700, 130)])  # live first: 10:01
    led.on_samples([s(COUNTER, 0, 100), s(COUNTER, 1800, 115)])  # the buffer, later
    rows = rows_of(store, led)
    assert rows[(LINE, T0)].vehicles == 15
    assert rows[(LINE, T0 + 3600)].vehicles == 15
