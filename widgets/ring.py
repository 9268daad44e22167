"""TimeRing: a fixed-capacity NumPy ring of (time, value) for live trend samples.

Trends never grow Python lists per sample: memory is fixed at creation (and committed
then: np.empty would leave its pages to be mapped as the ring fills, so a terminal's
footprint would creep up for hours), appends are slice copies, and reading returns the
samples in time order.
"""

from __future__ import annotations

import numpy as np


class TimeRing:
    def __init__(self, capacity: int) -> None:
        if capacity < 2:
            raise ValueError("capacity must be at least 2")
        self.capacity = capacity
        self._t = np.full(capacity, np.nan)
        self._v = np.full(capacity, np.nan)
        self._start = 0  # index of the oldest sample
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def clear(self) -> None:
        self._start = self._n = 0

    def extend(self, t: np.ndarray, v: np.ndarray) -> None:
        t = np.asarray(t, dtype=np.float64)
        v = np.asarray(v, dtype=np.float64)
        if len(t) >= self.capacity:  # only the newest fit
            self._t[:] = t[-self.capacity:]
            self._v[:] = v[-self.capacity:]
            self._start, self._n = 0, self.capacity
            return
        end = (self._start + self._n) % self.capacity
        first = min(len(t), self.capacity - end)
        self._t[end:end + first] = t[:first]
        self._v[end:end + first] = v[:first]
        rest = len(t) - first
        if rest:
            self._t[:rest] = t[first:]
            self._v[:rest] = v[first:]
        overflow = self._n + len(t) - self.capacity
        if overflow > 0:
            self._start = (self._start + overflow) % self.capacity
            self._n = self.capacity
        else:
            self._n += len(t)

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Copies of the samples, oldest first."""
        if self._n == 0:
            return np.empty(0), np.empty(0)
        idx = (self._start + np.arange(self._n)) % self.capacity
        return self._t[idx], self._v[idx]

    def first_time(self) -> float | None:
        return float(self._t[self._start]) if self._n else None

    def last(self) -> tuple[float, float] | None:
        if not self._n:
            return None
        i = (self._start + self._n - 1) % self.capacity
        return float(self._t[i]), float(self._v[i])
