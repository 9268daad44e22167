"""One shared 1 Hz tick for everything that shows an age or the time (clock, stale ages).

A single timer instead of one per tile keeps the event loop quiet with many tiles.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class SecondTicker(QObject):
    tick = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self._timer.start()


_ticker: SecondTicker | None = None


def ticker() -> SecondTicker:
    global _ticker
    if _ticker is None:
        _ticker = SecondTicker()
    return _ticker


def format_age(seconds: float) -> str:
    """A short age for an operator: 42 s, 7 min, 3 h, 2 d (units are international)."""
    s = max(0, int(seconds))
    if s < 120:
        return f"{s} s"
    if s < 7200:
        return f"{s // 60} min"
    if s < 172800:
        return f"{s // 3600} h"
    return f"{s // 86400} d"
