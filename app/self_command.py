"""The command line that runs this LineSide again as a child process (the demo's plant,
a second terminal): `python -m app.cli ...` from source, the executable itself inside a
PyInstaller bundle, where there is no Python interpreter to hand `-m` to."""

from __future__ import annotations

import sys


def lineside_argv(*args: str) -> list[str]:
    """argv for `lineside ARGS...` run as a child of this process."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "app.cli", *args]
