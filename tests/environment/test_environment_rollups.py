"""Averaging, totals, gaps, projection and anomalies against hand-computed cases."""

from __future__ import annotations

import math
import random

import pytest

from app.environment import anomaly as an
from app.environment.config import Parameter, Rule
from app.environment.limits import Level, completed, evaluate
from app.environment.rollups import MinuteRow, aggregate, fold_minute
from app.model import Quality, Sample

T0 = 1_800_000_000 // 3600 * 3600  # an hour boundary


def s(t: float, v: float, q: Quality = Quality.GOOD) -> Sample:
    return Sample("x", T0 + t, v, q)


def test_time_weighted_mean_holds_values_between_samples() -> None:
    # 10 for 20 s, 40 for 40 s: (200 + 1600) / 60 = 30
    row = fold_minute("p", [s(-5, 10), s(20, 40), s(70, 40)], T0, max_gap_s=120)
    assert row.covered_s == 60 and row.mean == pytest.approx(30.0)
    assert (row.vmin, row.vmax, row.last) == (10, 40, 40)


def test_a_gap_or_bad_data_is_counted_missing_never_filled() -> None:
    # GOOD 10 at 0, BAD at 15 (stops the 10), GOOD 20 at 30 holds to the end: 15 + 30 s
    row = fold_minute("p", [s(0, 10), s(15, 0, Quality.BAD), s(30, 20)], T0, max_gap_s=120)
    assert row.covered_s == pytest.approx(45.0) and row.gap_s == pytest.approx(15.0)
    assert row.mean == pytest.approx((10 * 15 + 20 * 30) / 45)
    # samples 100 s apart with max_gap 60: nothing holds between them
    row = fold_minute("p", [s(-50, 5), s(50, 5)], T0, max_gap_s=60)
    assert row.covered_s == pytest.approx(10.0)


def test_counter_increase_survives_a_reset() -> None:
    row = fold_minute("p", [s(-1, 100), s(20, 130), s(40, 5), s(59, 25)], T0, max_gap_s=120,
                      counter=True)
    assert row.delta == pytest.approx(30 + 5 + 20)


def test_late_data_refolded_gives_the_minute_it_belongs_to() -> None:
    live = fold_minute("p", [s(0, 10)], T0, max_gap_s=30)  # an outage after 30 s
    late = fold_minute("p", [s(0, 10), s(30, 50)], T0, max_gap_s=30)  # forwarded later
    assert live.covered_s == 30 and late.covered_s == 60
    assert late.mean == pytest.approx(30.0)


def rows(values: list[float | None], start: int = T0) -> list[MinuteRow]:
    return [MinuteRow("p", start + 60 * i, (v or 0) * 60, 60.0 if v is not None else 0.0,
                      v, v, v) for i, v in enumerate(values)]


VOC = Parameter("voc", "VOC", "x", "mg/m³", Rule.BLOCK_MEAN, window_min=30, high=50)


def test_block_mean_projection_warns_before_the_limit_then_exceeds() -> None:
    # 10 minutes at 30, then 5 at 100: mean 53.3 over 15 of 30 min (f = 0.5);
    # the rest at the last 5 minutes' 100: 53.3*0.5 + 100*0.5 = 76.7 > 50 -> warning
    r = rows([30.0] * 10 + [100.0] * 5)
    st = evaluate(VOC, r, T0 + 15 * 60)
    assert st.value == pytest.approx(160 / 3)
    assert st.projected == pytest.approx(160 / 3 * 0.5 + 100 * 0.5)
    assert st.level is Level.WARNING
    # 10 more at 100: mean 72 over 25 min; 72 * 25/30 = 60 > 50, certain -> exceeded
    r = rows([30.0] * 10 + [100.0] * 15)
    assert evaluate(VOC, r, T0 + 25 * 60).level is Level.EXCEEDED
    # a clean block: 30 -> normal, and its completed mean too
    clean = rows([30.0] * 30)
    assert evaluate(VOC, clean[:20], T0 + 20 * 60).level is Level.NORMAL
    done = completed(VOC, clean, T0, T0 + 1800)
    assert done.level is Level.NORMAL and done.value == pytest.approx(30.0)


def test_instant_range_and_its_trend() -> None:
    ph = Parameter("ph", "pH", "x", "pH", Rule.INSTANT, low=6.5, high=9.5)
    r = rows([8.0 + 0.1 * i for i in range(10)])  # 8.0 .. 8.9, rising 0.1/min
    st = evaluate(ph, r, T0 + 600, latest=8.9)
    assert st.level is Level.WARNING  # on its trend 8.9 + 15*0.1 = 10.4 > 9.5
    assert st.projected == pytest.approx(8.9 + 1.5, abs=0.05)
    assert evaluate(ph, r, T0 + 600, latest=9.7).level is Level.EXCEEDED
    assert evaluate(ph, rows([7.2] * 10), T0 + 600, latest=7.2).level is Level.NORMAL


def test_daily_total_projects_the_last_hour_rate() -> None:
    waste = Parameter("w", "scrap", "x", "kg", Rule.DAILY_TOTAL, high=1000, counter=True)
    day = T0 - (T0 % 86400)  # UTC midnight; evaluate with tz UTC
    import datetime as dt
    r = [MinuteRow("w", day + 60 * i, 0, 60, None, None, None, delta=1.0) for i in range(600)]
    st = evaluate(waste, r, day + 600 * 60, tz=dt.UTC)
    assert st.value == pytest.approx(600)
    # 60 kg/h for the remaining 14 h: 600 + 840 = 1440 > 1000
    assert st.projected == pytest.approx(1440) and st.level is Level.WARNING


def test_aggregate_and_completeness() -> None:
    a = aggregate(rows([10.0, None, 30.0]))
    assert a.mean == pytest.approx(20.0) and a.completeness(180) == pytest.approx(2 / 3)


# --- anomalies ----------------------------------------------------------------------------


def seasonal_series(days: int, rng: random.Random) -> list[float]:
    return [100 + 20 * math.sin(2 * math.pi * h / 24) + rng.gauss(0, 1)
            for h in range(24 * days)]


def test_no_anomaly_on_a_clean_seasonal_series() -> None:
    rng = random.Random(7)
    series = seasonal_series(15, rng)
    found = 0
    for h in range(24 * 14, 24 * 15):
        same = [series[h - 24 * d] for d in range(1, 15)]
        found += an.seasonal(series[h], h * 3600, same) is not None
    assert found == 0
    minutes = rows([50 + rng.gauss(0, 1) for _ in range(180)])
    history = rows([50 + rng.gauss(0, 1) for _ in range(1440)], T0 - 86400)
    assert an.stuck(minutes, history) is None
    assert an.step(minutes) is None
    assert an.drift(minutes[-120:], history) is None


def test_each_anomaly_kind_is_found_with_its_evidence() -> None:
    rng = random.Random(3)
    same = [100 + rng.gauss(0, 1) for _ in range(14)]
    a = an.seasonal(130.0, T0, same, " kWh")
    assert a is not None and a.kind == "seasonal" and "comparable days" in a.evidence
    history = rows([50 + rng.gauss(0, 1) for _ in range(1440)], T0 - 86400)
    stuck = rows([50 + rng.gauss(0, 1) for _ in range(100)] + [51.234] * 20)
    a = an.stuck(stuck, history)
    assert a is not None and a.since == T0 + 100 * 60 and "51.23" in a.evidence
    stepped = rows([50 + rng.gauss(0, 1) for _ in range(60)] + [80.0] * 3)
    a = an.step(stepped)
    assert a is not None and a.observed == pytest.approx(80.0)
    creeping = rows([50 + 0.05 * i + rng.gauss(0, 1) for i in range(120)])
    a = an.drift(creeping, history)
    assert a is not None and a.kind == "drift" and "drifting up" in a.evidence


def test_a_terminal_started_late_in_the_block_warns_and_does_not_claim_an_exceedance():
    # 24 minutes into the block, one minute of data at 63: the mean is over that minute,
    # the 6 minutes to go are unknown: (63 x 60 + 63 x 360) / 420 = 63 > 50 -> warning,
    # while even zero for the rest would give 63 x 60 / 420 = 9: not yet certain.
    r = rows([None] * 23 + [63.0])
    st = evaluate(VOC, r, T0 + 24 * 60)
    assert st.level is Level.WARNING and st.projected == pytest.approx(63.0)
    # four more minutes at 140: (63 + 4 x 140) x 60 / (300 + 120) = 89 > 50 -> certain
    r = rows([None] * 23 + [63.0] + [140.0] * 4)
    assert evaluate(VOC, r, T0 + 28 * 60).level is Level.EXCEEDED
