"""Main window frame, layout host, language switch and 200 % font scale."""

from __future__ import annotations

import time

import pytest
from guikit import PRESSURE, TEMP
from PySide6.QtWidgets import QLabel, QPushButton

from app.model import LinkState, LinkStatus
from widgets import i18n, theme
from widgets.layout_host import LayoutHost, Placeholder
from widgets.panels import PanelContext
from widgets.shell import ElidedLabel, MainWindow

LAYOUT = {
    "schema": 1, "columns": 12, "rows": 8, "theme": "light", "font_scale": 1.0,
    "language": "en",
    "panels": [
        {"id": "st", "type": "station", "col": 0, "row": 0, "colspan": 6, "rowspan": 8,
         "settings": {"station": "press1"}},
        {"id": "tr", "type": "trend", "col": 6, "row": 0, "colspan": 6, "rowspan": 4,
         "settings": {"tags": [PRESSURE, TEMP], "window_s": 600}},
        {"id": "tl", "type": "tile", "col": 6, "row": 4, "colspan": 3, "rowspan": 4,
         "settings": {"tag": TEMP}},
        {"id": "xx", "type": "no_such_panel", "col": 9, "row": 4, "colspan": 3, "rowspan": 4,
         "settings": {}},
    ],
}


class Who:
    user_id, name, role = "u1", "Anna Weber", "team_lead"


class Session:
    current = Who()

    def sign_out(self, reason):
        self.current = None


@pytest.fixture
def window(qtbot, site, bridge, themed):
    ctx = PanelContext(site, None, bridge, None, Session())
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    estop = QPushButton("STOP")
    w.set_estop_widget(estop)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    i18n.set_language(themed, "en")


def test_layout_renders_and_unknown_type_is_a_placeholder(qtbot, window):
    host = LayoutHost(window.ctx)
    window.set_layout_widget(host)
    host.set_layout(LAYOUT)
    assert set(host.panels) == {"st", "tr", "tl", "xx"}
    ph = host.panels["xx"]
    assert isinstance(ph, Placeholder) and "no_such_panel" in ph.label.text()
    assert "unknown panel type" in ph.label.text()
    bad = dict(LAYOUT, panels=[{"id": "s2", "type": "station", "col": 0, "row": 0,
                                "settings": {"station": "nope"}}])
    host.set_layout(bad)
    assert isinstance(host.panels["s2"], Placeholder)
    assert "unknown station 'nope'" in host.panels["s2"].label.text()


def test_estop_slot_stays_visible_with_a_layout_and_an_overlay(qtbot, window):
    host = LayoutHost(window.ctx)
    window.set_layout_widget(host)
    host.set_layout(LAYOUT)
    window.overlay(QLabel("a dialog"), "Sheet")
    estop = window.estop_widget
    qtbot.waitUntil(lambda: estop.isVisible() and estop.height() >= 48, timeout=2000)
    # the overlay covers the layout area only: the e-stop is outside it and on top
    top_left = estop.mapTo(window, estop.rect().center())
    assert window.childAt(top_left) is estop
    assert not window.layout_area.geometry().intersects(window.frame.geometry())


def test_link_indicator_shows_offline_with_age(qtbot, window, bridge):
    bridge.push_status(LinkStatus("plc1", LinkState.OFFLINE, time.time() - 90,
                                  time.time() - 90, "refused"))
    bridge.tick()
    label = window.links["plc1"]
    assert "OFFLINE" in label.text() and "90 s" in label.text()
    assert label.property("severity") == "alarm"


def test_language_switch_changes_the_shell_to_german_and_back(qtbot, window, themed):
    assert window.sign_button.text() == "Sign out"
    assert i18n.set_language(themed, "de")
    qtbot.waitUntil(lambda: window.sign_button.text() == "Abmelden", timeout=2000)
    assert "Teamleitung" in window.worker.text()
    assert i18n.set_language(themed, "en")
    qtbot.waitUntil(lambda: window.sign_button.text() == "Sign out", timeout=2000)
    assert not i18n.set_language(themed, "xx")


def test_200_percent_font_does_not_clip_the_header(qtbot, window, themed):
    theme.apply_theme(themed, "light", 2.0)
    window.resize(1280, 800)

    def header_fits() -> None:
        for w in (window.plant, window.clock, window.worker, *window.links.values()):
            assert w.font().pixelSize() == 32 or w.fontMetrics().height() >= 30, w.objectName()
            if isinstance(w, ElidedLabel):  # elides instead of growing; full text as tip
                assert w.height() >= w.sizeHint().height() and w.toolTip() == w.text()
            elif w.wordWrap():  # wrapping labels need their full height for their width
                assert w.height() >= w.heightForWidth(w.width()), w.text()
            else:
                assert w.width() >= w.sizeHint().width(), w.text()
        btn = window.sign_button
        assert btn.width() >= btn.fontMetrics().horizontalAdvance(btn.text())
        assert btn.height() >= 48

    # the frame lays out again after the theme and the resize: wait for it, then hold it
    qtbot.waitUntil(header_fits, timeout=3000)


def test_sign_out_from_the_frame(qtbot, window):
    window.sign_button.click()
    assert window.worker.text() == "Nobody signed in"
    assert window.sign_button.text() == "Sign in"
