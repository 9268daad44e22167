"""A background worker thread for domain work that blocks (SQLite reads over days of
rows, PDF rendering, SMTP/HTTP delivery) and so must not run on the runtime's asyncio
thread, where `Runtime.every` schedules the short periodic work.

One loop for all of them: run `fn()` every `interval_s` and at once on `wake()`; a
failing run is logged with `what` and tried again on the next; `stop()` ends it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Worker:
    def __init__(self, name: str, fn: Callable[[], object], interval_s: float, *,
                 what: str, first_run: bool = True) -> None:
        """`first_run`: run once at start; otherwise wait for the first wake or interval."""
        self.name, self.what = name, what
        self._fn, self._interval = fn, interval_s
        self._first_run = first_run
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def stopping(self) -> bool:
        """True once `stop()` was called: a long run checks it between items."""
        return self._stopping.is_set()

    def start(self) -> None:
        if self._thread is None:
            self._stopping.clear()
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()

    def wake(self) -> None:
        """Run now (or right after the run in progress)."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        if not self._first_run:
            self._wait()
        while not self._stopping.is_set():
            try:
                self._fn()
            except Exception:
                log.exception("%s failed; trying again", self.what)
            self._wait()

    def _wait(self) -> None:
        self._wake.wait(self._interval)
        self._wake.clear()
