"""How often a trend redraws: the pace that keeps trend drawing under a share of the GUI
thread, one scroll per pixel of time, yielding to a lagging historian, staggered starts,
and only the visible window drawn. Plain functions of numbers (tested without Qt)."""

from __future__ import annotations

from typing import Any

import numpy as np

REDRAW_MS = 100
MAX_REDRAW_MS = 2000
DUTY = 0.25  # trend drawing may use at most this share of the GUI thread


def phase_ms(k: int) -> int:
    """Start offset of the k-th trend's redraw timer. Trends of one screen opened together
    would otherwise redraw in the same event-loop turn, and Qt paints every dirty plot in
    one pass: 8 plots of 10 curves froze the GUI for 300-600 ms each time (soak)."""
    return (k * 37) % REDRAW_MS


def pace(took_ms: float) -> int:
    """The delay before the next redraw: 10 Hz normally; when a redraw takes long (a busy
    machine, many curves), wait long enough that drawing stays under DUTY of the time."""
    return int(min(MAX_REDRAW_MS, max(REDRAW_MS, took_ms * (1.0 - DUTY) / DUTY)))


STORE_LAG_SAMPLES = 50_000  # historian samples waiting for the writer


def store_lagging(store: Any) -> bool:
    """True while the historian's writer is behind: the GUI then yields the CPU (and the
    interpreter lock) to it. Reads a counter only, never the disk."""
    return getattr(store, "pending_samples", 0) > STORE_LAG_SAMPLES


def pixel_ms(window_s: float, width_px: int) -> int:
    """How long one pixel of the time axis lasts: scrolling more often than that moves
    nothing on screen but repaints axes and grid every time (the dominant cost)."""
    return int(min(MAX_REDRAW_MS, 1000.0 * window_s / max(100, width_px)))


def visible(t: np.ndarray, v: np.ndarray, t0: float) -> tuple[np.ndarray, np.ndarray]:
    """Only what the window shows, plus the last point before it (so the line enters
    from the left edge): path building then costs the window, not the whole buffer."""
    if len(t) == 0 or t[0] >= t0:
        return t, v
    i = max(0, int(np.searchsorted(t, t0)) - 1)
    return t[i:], v[i:]


def crowded(live_t: np.ndarray, t0: float, t1: float, width_px: int) -> bool:
    """More than a live sample a pixel where live data is (40 s of fast samples in a
    10 min window crowd their 70 pixels as a full window would all of them): then the
    trend draws one mean/min/max a pixel. History needs no such test: the store already
    answers with a bucket a pixel, and re-bucketing it every redraw cost a day plot
    about a third of its frame rate (bench: rendering)."""
    i = int(np.searchsorted(live_t, t0))
    n = len(live_t) - i
    if n < 2 or not t1 > t0:
        return False
    covered = min(1.0, (t1 - max(float(live_t[i]), t0)) / (t1 - t0))
    return n > width_px * covered
