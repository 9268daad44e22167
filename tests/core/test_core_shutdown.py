"""A stop signal while the GUI is imported and built is noted, never raised: an
exception raised into an import or a Qt callback crashed the terminal (exit -11)."""

from __future__ import annotations

import os
import signal

import pytest

from app import shutdown


def test_a_signal_during_the_gui_build_is_noted_not_raised(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutdown, "_requested", [])
    previous = {sig: signal.getsignal(sig) for sig in shutdown.SIGNALS}
    try:
        with shutdown.stop_on_signals():  # what `lineside run` and `demo` run inside
            shutdown.defer_signals()  # ... until the GUI is imported and built
            os.kill(os.getpid(), signal.SIGTERM)
            signal.raise_signal(signal.SIGINT)  # a second one: still no exception
            assert shutdown.requested() == signal.SIGTERM
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
