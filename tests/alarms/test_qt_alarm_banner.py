"""AlarmBanner: the most urgent unacknowledged alarm, flashing until acknowledged."""

from __future__ import annotations

import pytest

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmDefinition, AlarmKind, Priority
from app.auth.permissions import Role
from app.model import Sample


@pytest.fixture
def engine(clock):
    defs = [AlarmDefinition("voc_hi", AlarmKind.HIGH, Priority.MEDIUM, "VOC high",
                            tag="t/voc", limit=50.0),
            AlarmDefinition("gas_hi", AlarmKind.HIGH, Priority.CRITICAL, "Gas in the hall",
                            tag="t/gas", limit=10.0)]
    return AlarmEngine(defs, clock=clock)


@pytest.fixture
def banner(qtbot, engine):
    from widgets.alarm_banner import AlarmBanner

    b = AlarmBanner(engine)
    qtbot.addWidget(b)
    b.resize(800, 60)
    b.show()
    return b


def test_shows_highest_priority_flashes_and_stops_on_ack(qtbot, engine, banner, clock):
    assert "No active alarms" in banner.text.text() and not banner.flashing
    assert banner.height() >= 48
    engine.on_samples([Sample("t/voc", clock.t, 60.0)])
    clock.advance(1)
    engine.on_samples([Sample("t/gas", clock.t, 12.0)])
    qtbot.waitUntil(lambda: banner.top is not None and banner.top.id == "gas_hi", timeout=3000)
    assert "Gas in the hall" in banner.text.text() and "P1" in banner.text.text()
    assert banner.marker.priority == 1  # shape + number, not colour alone
    assert "▲1: 1" in banner.counts.text() and "■3: 1" in banner.counts.text()
    assert banner.flashing
    phases = {banner.flash_on}
    qtbot.waitUntil(lambda: banner.flash_on not in phases, timeout=2000)  # it blinks

    engine.acknowledge("gas_hi", actor="u1", role=Role.OPERATOR)
    # The next unacknowledged alarm (VOC, priority 3) now leads and flashes.
    qtbot.waitUntil(lambda: banner.top.id == "voc_hi", timeout=3000)
    assert banner.flashing
    engine.acknowledge("voc_hi", actor="u1", role=Role.OPERATOR)
    qtbot.waitUntil(lambda: not banner.flashing, timeout=3000)
    assert banner.top.id == "gas_hi" and banner.flash_on  # acknowledged, steady


def test_flood_indicator_and_tap_opens_table(qtbot, clock):
    from PySide6.QtCore import Qt

    from widgets.alarm_banner import AlarmBanner

    engine = AlarmEngine([AlarmDefinition(f"a{i}", AlarmKind.HIGH, tag=f"t/{i}", limit=1)
                          for i in range(12)], clock=clock)
    banner = AlarmBanner(engine)
    qtbot.addWidget(banner)
    banner.show()
    assert not banner.flood.isVisible()
    for i in range(12):
        engine.on_samples([Sample(f"t/{i}", clock.advance(1), 2.0)])
    qtbot.waitUntil(lambda: banner.flood.isVisible(), timeout=3000)
    with qtbot.waitSignal(banner.openRequested, timeout=1000):
        qtbot.mouseClick(banner, Qt.MouseButton.LeftButton)
