"""OEE arithmetic worked by hand; RUL on synthetic degradation; window placement."""

from __future__ import annotations

import random

import pytest

from app.scheduling.health import IndicatorKind, IndicatorSpec, choose_window, estimate, fit_rul
from app.scheduling.oee import compute, counter_delta, timeline


def test_oee_by_hand() -> None:
    # An 8 h shift (28 800 s) with a 30 min break (planned): PBT = 27 000 s.
    # Down: a 20 min fault, a 10 min starve, three 60 s microstops (180 s), a 15 min
    # changeover. Running = 27 000 - 1200 - 600 - 180 - 900 = 24 120 s.
    t0 = 0.0
    changes = [(0, "running"), (3600, "fault"), (4800, "running"),
               (7200, "idle"), (7800, "running"),
               (9000, "blocked"), (9060, "running"), (9500, "fault"), (9560, "running"),
               (10000, "idle"), (10060, "running"),
               (14400, "idle"),  # the break, planned (idle while planned down is no loss)
               (16200, "running"), (20000, "changeover"), (20900, "running")]
    states = timeline(changes, t0, 28800.0)
    # Produced 1800 at an ideal 12 s (21 600 s of ideal time); 36 rejects.
    r = compute("robot2", states, t0, 28800.0, planned_down=[(14400, 16200)],
                produced=1800, rejects=36, ideal_cycle_s=12.0, microstop_s=120)
    assert r.planned_s == pytest.approx(27000)
    assert r.running_s == pytest.approx(24120)
    assert r.availability == pytest.approx(24120 / 27000)  # 0.8933
    assert r.performance == pytest.approx(21600 / 24120)  # 0.8955
    assert r.quality == pytest.approx(1764 / 1800)  # 0.98
    assert r.oee == pytest.approx(1764 * 12 / 27000)  # = good x ideal / PBT = 0.784
    assert r.losses["fault"] == pytest.approx(1200)
    assert r.losses["starved"] == pytest.approx(600)
    assert r.losses["microstops"] == pytest.approx(180)
    assert r.losses["changeover"] == pytest.approx(900)
    assert r.losses["speed"] == pytest.approx(24120 - 21600)
    assert r.losses["quality"] == pytest.approx(36 * 12)
    assert [k for k, _ in r.pareto()][:2] == ["speed", "fault"]


def test_counter_delta_survives_a_reset() -> None:
    assert counter_delta([(0, 10), (1, 15), (2, 3), (3, 5)], 0, 3) == 5 + 3 + 2


def test_rul_on_synthetic_linear_wear() -> None:
    rng = random.Random(4)
    # Wear 0.5 %/min from 20 %, noise 0.3 %: reaches 95 % at 150 min.
    ts = [60.0 * k for k in range(60)]
    vs = [20 + 0.5 * k + rng.gauss(0, 0.3) for k in range(60)]
    now = ts[-1]
    est = fit_rul(ts, vs, 95.0, now, unit="%")
    assert est is not None and est.rul_s is not None
    expected = (150 - 59) * 60.0
    assert est.rul_s == pytest.approx(expected, rel=0.05)
    assert est.rul_low_s is not None and est.rul_high_s is not None
    assert est.rul_low_s < est.rul_s < est.rul_high_s
    assert est.slope_per_h == pytest.approx(30.0, rel=0.05)
    assert est.r2 > 0.99 and "reaches it in" in est.explanation


def test_rul_fits_only_since_the_last_tip_dress_and_counters_use_the_interval() -> None:
    spec = IndicatorSpec("tips", "Tip wear", "robot2", "t", limit=95.0, reset_drop=30, fit_s=1e9)
    # Two lives: 0..90 then dressed to 0, now rising 1 %/min.
    pts = [(60.0 * k, 3.0 * k) for k in range(31)] + \
          [(60.0 * (31 + k), 1.0 * k) for k in range(20)]
    est = estimate(spec, pts, now=pts[-1][0])
    assert est is not None and est.rul_s == pytest.approx((95 - 19) * 60.0, rel=0.02)
    flat = estimate(spec, [(60.0 * k, 50.0) for k in range(20)], now=1200.0)
    assert flat is not None and flat.rul_s is None
    counter = IndicatorSpec("cycles", "Cycles", "press1", "c", IndicatorKind.COUNTER,
                            interval=10000, fit_s=1e9)
    est = estimate(counter, [(60.0 * k, 9000 + 10 * k) for k in range(50)], now=49 * 60.0)
    assert est is not None and est.limit == 10000
    assert est.rul_s == pytest.approx((10000 - 9490) / 10 * 60.0, rel=0.01)


def test_window_goes_into_a_break_else_the_least_work() -> None:
    now = 0.0
    start, why = choose_window(3600, 300, now, breaks=[(1800, 2700)], busy=[(0, 3600, 1)])
    assert start >= 1800 and start + 300 <= 2700 and "break" in why
    busy = [(0, 1000, 3), (1000, 1400, 1), (1400, 3600, 3)]
    start, _ = choose_window(3600, 300, now, breaks=[], busy=busy)
    assert 1000 <= start <= 1100


def test_oil_temperature_counts_only_at_steady_load() -> None:
    # The oil warms after each stop (a false trend); steady at load it is flat: no limit.
    spec = IndicatorSpec("oil", "Oil", "press1", "t", limit=68, load_tag="rate",
                         load_ref=12, settle_s=300, fit_s=1e9)
    load, oil = [], []
    for k in range(0, 3600, 10):
        stopped = 1200 <= k < 1500
        load.append((float(k), 0.0 if stopped else 12.0))
        warm = 0.0 if stopped else max(0.0, 1 - (k - 1500) / 270) * 15 if k >= 1500 else 0.0
        oil.append((float(k), 54.0 - warm))
    est = estimate(spec, oil, now=3590.0, load=load)
    assert est is not None and est.rul_s is None  # the warm-up after the stop is left out
    naive = estimate(IndicatorSpec("oil", "Oil", "press1", "t", limit=68, fit_s=2100), oil,
                     now=3590.0)
    assert naive is not None and naive.rul_s is not None  # without it: a false alarm


def test_time_without_data_is_neither_production_nor_loss() -> None:
    # The terminal started at 3600 in a shift from 0: only 3600..7200 counts.
    states = timeline([(3600, "running"), (5400, "fault"), (6300, "running")], 0, 7200)
    r = compute("s", states, 0, 7200, produced=100, ideal_cycle_s=20)
    assert r.planned_s == 3600 and r.running_s == 2700
    assert r.losses["fault"] == 900 and r.losses["starved"] == 0
