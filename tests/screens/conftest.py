"""Fixtures for the screens tests (icons, mimic, alarm KPIs, cameras): the demo site
file as the configuration, a bridge fed by hand, the light theme."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEMO_SITE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "site.toml"


@pytest.fixture
def demo_site():
    from app.config import load

    return load(DEMO_SITE, terminal_id="screens-test")


@pytest.fixture
def themed(qapp):
    from widgets import theme

    theme.apply_theme(qapp, "light", 1.0)
    yield qapp
    theme.apply_theme(qapp, "light", 1.0)


@pytest.fixture
def demo_bridge(qtbot, demo_site, themed):
    from widgets.bridge import Bridge

    b = Bridge(None, config=demo_site)
    yield b
    b.stop()
