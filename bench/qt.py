"""Qt helpers for the GUI benchmarks: the offscreen application and a frame loop."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def app() -> Any:
    from PySide6.QtWidgets import QApplication

    from widgets import theme

    a = QApplication.instance() or QApplication([])
    theme.apply_theme(a, "light", 1.0)
    return a


def process(seconds: float = 0.0) -> None:
    """Run the event loop for `seconds` (at least one pass)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.monotonic() + seconds
    while True:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if time.monotonic() >= end:
            return
        time.sleep(0.001)


def wait_until(cond: Callable[[], Any], timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        process(0.01)


def frames_per_second(frame: Callable[[], None], seconds: float) -> float:
    """Call `frame()` (update + forced repaint) back to back for `seconds`; events are
    processed between frames so timers, the bridge and queued signals run as in the app."""
    from PySide6.QtCore import QCoreApplication

    n = 0
    t0 = time.perf_counter()
    while True:
        QCoreApplication.processEvents()
        frame()
        n += 1
        t = time.perf_counter() - t0
        if t >= seconds:
            return n / t


def dispose(widget: Any) -> None:
    """Close and really delete a top-level widget now, so its timers (a TrendPlot redraws
    at 10 Hz) cannot load the GUI thread of the next benchmark in this process."""
    from PySide6.QtCore import QCoreApplication, QEvent

    widget.close()
    widget.deleteLater()
    # processEvents() leaves DeferredDelete events of its own loop level alone.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    process(0.05)
