"""Fixtures for the Qt tests: a small site config, a bridge fed by hand, the theme."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from guikit import SITE


@pytest.fixture
def site(tmp_path: Path):
    from app.config import load

    f = tmp_path / "site.toml"
    f.write_text(SITE, encoding="utf-8")
    return load(f)


@pytest.fixture
def themed(qapp):
    from widgets import theme

    theme.apply_theme(qapp, "light", 1.0)
    yield qapp
    theme.apply_theme(qapp, "light", 1.0)


@pytest.fixture
def bridge(qtbot, site, themed):
    from widgets.bridge import Bridge

    b = Bridge(None, config=site)
    yield b
    b.stop()
