"""SIGTERM (systemd, `kill`, a container stop) and SIGINT (Ctrl-C) stop LineSide cleanly.

Python's default SIGTERM ends the process at once: no offline status on the broker (it
shows the last will, stamped at connect time), the queued batch lost, the write-ahead
log left behind. `stop_on_signals()` turns both signals into `StopRequested` in the main
thread, so the code that runs the terminal leaves through its `finally` (Terminal.stop:
offline status, queued samples written, WAL checkpointed) and the command exits 0.
A second signal during that stop is ignored; the stop is bounded (about 2 s) and a
service manager's SIGKILL after its timeout still works. The GUI installs its own
handlers (quit the Qt event loop), which end in the same stop. Once a requested stop
is done, `exit_now` ends the process at once (see there).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopRequested(KeyboardInterrupt):
    """A stop signal arrived: leave through the `finally` blocks and exit 0.

    A KeyboardInterrupt, so code that already stops on Ctrl-C stops on SIGTERM too."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


_requested: list[int] = []  # the signal that asked for the stop, once one did


def requested() -> int | None:
    """The signal that asked this process to stop, or None."""
    return _requested[0] if _requested else None


def note(signum: int) -> None:
    """Record a stop signal handled elsewhere (the GUI quits its event loop on one), so
    the command ends at once when its clean stop is done."""
    if not _requested:
        _requested.append(signum)


def exit_now(code: int) -> None:
    """End a process whose requested stop is done (store closed, broker told): flush
    the logs and streams, then exit without the interpreter's teardown, which with
    asyncua, OR-Tools and PyAV loaded takes a second or more, and without waiting for
    worker threads that only compute (a solver mid-search)."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def defer_signals() -> None:
    """From here on a stop signal is only noted (`requested()`), never raised: for the
    code that imports and builds the Qt GUI, where an exception raised inside an import
    or a Qt callback crashed the process. The GUI checks `requested()` before its event
    loop and quits the loop on a later signal (widgets.application)."""
    def noted(signum: int, _frame: FrameType | None) -> None:
        if not _requested:
            log.info("%s received: stopping", signal.Signals(signum).name)
        note(signum)

    if threading.current_thread() is threading.main_thread():
        for sig in SIGNALS:
            signal.signal(sig, noted)


def _raise(signum: int, frame: FrameType | None) -> None:
    for sig in SIGNALS:  # the stop has begun: let it finish
        signal.signal(sig, signal.SIG_IGN)
    _requested.append(signum)
    log.info("%s received: stopping", signal.Signals(signum).name)
    raise StopRequested(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGINT raise StopRequested in the main thread;
    the previous handlers come back after it. A no-op off the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
    for sig in SIGNALS:
        signal.signal(sig, _raise)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
