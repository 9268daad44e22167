"""The shell's fixed frame: nothing in it moves or changes size as values change, and
at 200 % text all of it (the e-stop with its Reset…/Start… too) stays in the window."""

from __future__ import annotations

import time

import pytest
from framekit import build_frame, frame_rects, global_rect
from PySide6.QtCore import QRect

from app.auth.permissions import Role
from app.model import LinkState, LinkStatus
from widgets import theme
from widgets.estop import BUTTON_PX


@pytest.fixture
def frame(qtbot, demo_site, demo_bridge, themed):
    w, dock, session = build_frame(qtbot, demo_site, demo_bridge)
    now = time.time()
    for src in ("plc-body", "plant-mqtt"):
        demo_bridge.push_status(LinkStatus(src, LinkState.CONNECTED, now, now, ""))
    demo_bridge.tick()
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitExposed(dock.estop)
    yield w, dock, session
    dock.estop.close()
    dock.panel.controller.close()


def settled(qtbot, w) -> dict[str, QRect]:
    """The frame's rectangles once the layout stopped changing (two equal reads)."""
    seen: list[dict[str, QRect]] = []

    def stable() -> bool:
        seen.append(frame_rects(w))
        return len(seen) > 2 and seen[-1] == seen[-2] == seen[-3]

    qtbot.waitUntil(stable, timeout=3000)
    return seen[-1]


def test_frame_geometry_does_not_change_when_values_change(qtbot, frame, demo_bridge):
    w, _dock, session = frame
    w.clock.setText("11:11:11")
    before = settled(qtbot, w)
    assert "QPushButton:SignButton" in before and "estop.reset_button" in before
    changes = [
        lambda: w.clock.setText("20:08:48"),
        lambda: session.sign_in("Maximiliane Oberhuber-Schwarzenberg", Role.SAFETY_OFFICER),
        lambda: session.sign_out("test"),
        lambda: demo_bridge.push_status(LinkStatus(
            "plc-body", LinkState.RECONNECTING, time.time() - 7, time.time() - 7, "refused")),
        lambda: demo_bridge.push_status(LinkStatus(
            "plc-body", LinkState.OFFLINE, time.time() - 5000, time.time() - 5000, "down")),
        lambda: demo_bridge.push_status(LinkStatus(
            "plant-mqtt", LinkState.CONNECTING, time.time(), time.time(), "")),
    ]
    for change in changes:
        change()
        demo_bridge.tick()
        after = settled(qtbot, w)
        moved = {k: (before[k], after.get(k)) for k in before if after.get(k) != before[k]}
        assert not moved, moved
    assert "OFFLINE" in w.links["plc-body"].text()  # the values did change


def test_nothing_of_the_frame_is_outside_the_window_at_200_percent(qtbot, frame, themed):
    w, dock, session = frame
    session.sign_in("Anna Operator", Role.TEAM_LEAD)
    theme.apply_theme(themed, "light", 2.0)
    w.resize(1280, 800)
    rects = settled(qtbot, w)
    window = global_rect(w)
    outside = {k: r for k, r in rects.items() if not window.contains(r)}
    assert not outside, outside
    assert window.contains(dock.estop.geometry())
    panel = dock.panel
    assert panel.button.width() == panel.button.height() == BUTTON_PX + 20  # not shrunk
    for b in (panel.reset_button, panel.start_button):  # reachable: inside its window
        assert b.isVisible() and dock.estop.rect().contains(
            QRect(b.mapTo(dock.estop, b.rect().topLeft()), b.size())), b.text()
    assert w.frame.height() < 0.55 * 800, w.frame.height()  # was 550 of 800 px before
    assert w.plant.font().pixelSize() >= 30 or w.plant.fontMetrics().height() >= 30



@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_estop_reset_and_start_are_whole_in_german(qtbot, frame, themed, scale):
    from widgets import i18n

    w, dock, _session = frame
    theme.apply_theme(themed, "light", scale)
    try:
        assert i18n.set_language(themed, "de")
        panel = dock.panel
        qtbot.waitUntil(lambda: panel.reset_button.text() != "Reset…", timeout=2000)

        def whole() -> None:
            for b in (panel.reset_button, panel.start_button):
                assert b.width() >= b.sizeHint().width(), (b.text(), b.width())
                assert dock.estop.rect().contains(
                    QRect(b.mapTo(dock.estop, b.rect().topLeft()), b.size())), b.text()
            assert global_rect(w).contains(dock.estop.geometry())

        qtbot.waitUntil(whole, timeout=3000)
    finally:
        i18n.set_language(themed, "en")
