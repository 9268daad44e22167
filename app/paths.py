"""Where the terminal keeps its files, and where the shipped resources are."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
I18N = ROOT / "i18n"
LAYOUTS = ROOT / "layouts"
DEMO_SITE = RESOURCES / "demo" / "site.toml"


def data_dir() -> Path:
    """The per-user data directory (LINESIDE_DATA_DIR overrides, e.g. for services)."""
    env = os.environ.get("LINESIDE_DATA_DIR")
    path = Path(env) if env else Path(platformdirs.user_data_dir("lineside", "LineSide"))
    path.mkdir(parents=True, exist_ok=True)
    return path
