"""Robust, explainable anomaly detection on minute and hourly series.

Each check says what was expected, what was seen and since when:
- `seasonal`: an hour's mean against the median and MAD of the same hour on comparable
  days (robust to the odd bad day; needs at least `MIN_DAYS` of them);
- `drift`: a two-sided CUSUM of the minute means against the median and MAD of the
  24 hours before, which finds a slow creep that no single minute shows;
- `stuck`: a sensor that reports exactly one value for `STUCK_MIN` minutes while the
  series normally moves;
- `step`: the mean of the last minutes far from the median of the half hour before.
No learning library: these are a few lines each, cheap, and an auditor can follow them.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from app.environment.rollups import MinuteRow

MAD_TO_SIGMA = 1.4826  # the MAD of a normal distribution is 0.6745 sigma
SEASONAL_K = 4.0
MIN_DAYS = 5
STUCK_MIN = 15
STEP_K = 6.0
STEP_RECENT_MIN = 3
STEP_BEFORE_MIN = 30
CUSUM_K = 0.5  # slack, in robust sigmas
CUSUM_H = 8.0  # decision level, in robust sigmas


@dataclass(frozen=True)
class Anomaly:
    kind: str  # seasonal | drift | stuck | step
    since: float
    observed: float
    expected_low: float
    expected_high: float
    evidence: str


def robust(values: Sequence[float]) -> tuple[float, float]:
    """Median and robust sigma (MAD x 1.4826), the sigma floored so a flat history
    does not turn every wiggle into an anomaly."""
    med = statistics.median(values)
    mad = statistics.median(abs(v - med) for v in values)
    floor = max(abs(med) * 0.01, 1e-6)
    return med, max(mad * MAD_TO_SIGMA, floor)


def seasonal(observed: float, at: float, same_hour: Sequence[float],
             unit: str = "") -> Anomaly | None:
    """`same_hour`: the means of the same hour on comparable earlier days."""
    if len(same_hour) < MIN_DAYS:
        return None
    med, sigma = robust(same_hour)
    lo, hi = med - SEASONAL_K * sigma, med + SEASONAL_K * sigma
    if lo <= observed <= hi:
        return None
    return Anomaly("seasonal", at, observed, lo, hi,
                   f"{observed:.3g}{unit} this hour; on {len(same_hour)} comparable days "
                   f"this hour was {med:.3g}{unit} (expected {lo:.3g} to {hi:.3g})")


def stuck(rows: Sequence[MinuteRow], history: Sequence[MinuteRow],
          unit: str = "") -> Anomaly | None:
    """The last STUCK_MIN minutes all at one value, while the history moves."""
    recent = [r for r in rows[-STUCK_MIN:] if r.covered_s > 0]
    if len(recent) < STUCK_MIN:
        return None
    values = {r.vmin for r in recent} | {r.vmax for r in recent}
    if len(values) != 1:
        return None
    past = [r.mean for r in history if r.mean is not None]
    if len(past) < 30 or max(past) - min(past) <= 0:
        return None
    (v,) = values
    since = recent[0].minute
    for r in reversed(rows[:-STUCK_MIN]):
        if r.vmin == v and r.vmax == v:
            since = r.minute
        else:
            break
    return Anomaly("stuck", since, float(v or 0.0), min(past), max(past),
                   f"exactly {v:.4g}{unit} for {(recent[-1].minute - since) / 60 + 1:.0f} "
                   f"min; it normally moves between {min(past):.3g} and {max(past):.3g}")


def step(rows: Sequence[MinuteRow], unit: str = "") -> Anomaly | None:
    means = [(r.minute, r.mean) for r in rows if r.mean is not None]
    if len(means) < STEP_RECENT_MIN + STEP_BEFORE_MIN:
        return None
    before = [m for _, m in means[-(STEP_RECENT_MIN + STEP_BEFORE_MIN):-STEP_RECENT_MIN]]
    recent = [m for _, m in means[-STEP_RECENT_MIN:]]
    med, sigma = robust(before)
    now = statistics.fmean(recent)
    if abs(now - med) <= STEP_K * sigma:
        return None
    lo, hi = med - STEP_K * sigma, med + STEP_K * sigma
    return Anomaly("step", means[-STEP_RECENT_MIN][0], now, lo, hi,
                   f"{now:.3g}{unit} over the last {STEP_RECENT_MIN} min against "
                   f"{med:.3g}{unit} in the {STEP_BEFORE_MIN} min before (a sudden step)")


def drift(rows: Sequence[MinuteRow], history: Sequence[MinuteRow],
          unit: str = "") -> Anomaly | None:
    """CUSUM over `rows` against the robust level of `history` (the day before)."""
    past = [r.mean for r in history if r.mean is not None]
    if len(past) < 60:
        return None
    med, sigma = robust(past)
    up = down = 0.0
    up_since = down_since = None
    for r in rows:
        if r.mean is None:
            continue
        z = (r.mean - med) / sigma
        up = max(0.0, up + z - CUSUM_K)
        down = max(0.0, down - z - CUSUM_K)
        up_since = None if up == 0 else (up_since or r.minute)
        down_since = None if down == 0 else (down_since or r.minute)
    last = next((r.mean for r in reversed(rows) if r.mean is not None), None)
    if last is None:
        return None
    for score, since, word in ((up, up_since, "up"), (down, down_since, "down")):
        if score > CUSUM_H and since is not None:
            return Anomaly("drift", since, last, med - 3 * sigma, med + 3 * sigma,
                           f"drifting {word} since then: now {last:.3g}{unit}, the day "
                           f"before {med:.3g}{unit} ± {sigma:.2g} (CUSUM {score:.0f} > "
                           f"{CUSUM_H:.0f})")
    return None
