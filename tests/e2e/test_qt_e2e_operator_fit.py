"""The operator's default layout on a 1280x800 touchscreen, on the live demo plant: the
line, the alarm list and andon on one screen with no scroll bar, before anyone signs in
and with an operator signed in."""

from __future__ import annotations

from e2ekit import add_demo_users, open_window, sign_in
from PySide6.QtCore import QRect


def fits(tw) -> None:
    scroll = tw.scroll
    bar = scroll.verticalScrollBar()
    assert not bar.isVisible(), (
        f"the layout scrolls: {tw.host.height()} px of content in {scroll.viewport().height()}")
    view = QRect(scroll.viewport().mapToGlobal(scroll.viewport().rect().topLeft()),
                 scroll.viewport().size())
    for pid in ("line", "alarms", "andon"):
        panel = tw.host.panels[pid]
        rect = QRect(panel.mapToGlobal(panel.rect().topLeft()), panel.size())
        assert panel.isVisible() and view.contains(rect), (pid, rect, view)


def test_operator_layout_fits_1280x800_without_scrolling(qtbot, plant, term) -> None:
    add_demo_users(term, "anna")
    tw = open_window(qtbot, term)
    try:
        assert {"line", "alarms", "andon"} <= set(tw.host.panels)
        qtbot.waitUntil(lambda: fits(tw), timeout=5000)  # nobody signed in
        sign_in(qtbot, tw, "anna")  # an operator: the operator's layout
        area = tw.window.layout_area
        qtbot.waitUntil(lambda: not tw._refit.isActive()
                        and tw._fitted_for == (area.width(), area.height()), timeout=3000)
        qtbot.waitUntil(lambda: fits(tw), timeout=5000)
    finally:
        tw.close()
