"""Value tile: grey when normal; BAD, stale and out-of-limit each with a text cue."""

from __future__ import annotations

import time

from guikit import PRESSURE

from app.model import LinkState, LinkStatus, Quality, Sample
from widgets.value_tile import Severity, ValueTile


def test_normal_value_has_no_colour_and_no_cue(qtbot, bridge):
    tile = ValueTile(bridge, PRESSURE)
    qtbot.addWidget(tile)
    bridge.push([Sample(PRESSURE, time.time(), 120.0)])
    bridge.tick()
    assert tile.value.text() == "120.0" and tile.unit_label.text() == "bar"
    assert tile.severity is Severity.NORMAL and tile.status.text() == ""
    assert tile.property("severity") == ""


def test_out_of_limits_shows_colour_and_text(qtbot, bridge):
    tile = ValueTile(bridge, PRESSURE)
    qtbot.addWidget(tile)
    bridge.push([Sample(PRESSURE, time.time(), 260.0)])
    bridge.tick()
    assert tile.severity is Severity.ALARM and "HIGH" in tile.status.text()
    assert "▲" in tile.status.text() and tile.property("severity") == "alarm"
    bridge.push([Sample(PRESSURE, time.time(), -1.0)])
    bridge.tick()
    assert "LOW" in tile.status.text() and "▼" in tile.status.text()


def test_bad_quality_is_never_shown_as_a_value(qtbot, bridge):
    tile = ValueTile(bridge, PRESSURE)
    qtbot.addWidget(tile)
    bridge.push([Sample(PRESSURE, time.time(), 99.0, Quality.BAD)])
    bridge.tick()
    assert tile.value.text() == "BAD" and tile.severity is Severity.BAD
    assert "99.0" in tile.status.text()  # the last value only as history, small


def test_stale_value_shows_its_age(qtbot, bridge):
    tile = ValueTile(bridge, PRESSURE, stale_after_s=5)
    qtbot.addWidget(tile)
    bridge.push([Sample(PRESSURE, time.time() - 42, 100.0)])
    bridge.tick()
    assert tile.severity is Severity.STALE
    assert "STALE" in tile.status.text() and "42 s" in tile.status.text()


def test_lost_link_marks_the_value_stale(qtbot, bridge):
    tile = ValueTile(bridge, PRESSURE)
    qtbot.addWidget(tile)
    bridge.push([Sample(PRESSURE, time.time(), 100.0)])
    bridge.push_status(LinkStatus("plc1", LinkState.RECONNECTING, time.time()))
    bridge.tick()
    tile._render()
    assert tile.severity is Severity.STALE


def test_trend_arrow(qtbot, bridge):
    tile = ValueTile(bridge, PRESSURE)
    qtbot.addWidget(tile)
    t = time.time()
    bridge.push([Sample(PRESSURE, t - 2, 100.0)])
    bridge.tick()
    bridge.push([Sample(PRESSURE, t, 150.0)])
    bridge.tick()
    assert tile.arrow.text() == "↑"
