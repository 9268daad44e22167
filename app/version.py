"""The version of LineSide that is running: from the installed package's metadata, or
from `pyproject.toml` when run from a source tree that was never installed."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "lineside-hmi"


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        found = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"),
                          re.MULTILINE)
    except OSError:
        found = None
    return found.group(1) if found else "0+unknown"


def describe() -> str:
    """One line for `lineside --version` and the about box: version, build kind, Python."""
    kind = "bundle" if getattr(sys, "frozen", False) else "source"
    py = ".".join(str(n) for n in sys.version_info[:3])
    return f"lineside {version()} ({kind}, Python {py})"
