"""Andon round trip between two terminal windows over the broker: an operator on A
reports a problem from a station panel in two touches; maintenance on B sees it, takes
and closes it; A sees each status change."""

from __future__ import annotations

from e2ekit import add_demo_users, open_station_from_mimic, open_window, sign_in
from PySide6.QtWidgets import QListWidget

from app.andon import AndonBoard, AndonStatus
from widgets.andon import AndonPanel, ReportSheet


def _rows(panel: AndonPanel) -> list[str]:
    lst: QListWidget = panel.list
    return [lst.item(i).text() for i in range(lst.count())]


def test_andon_reported_on_a_is_taken_and_closed_on_b(qtbot, two_terms) -> None:
    a, b = two_terms
    add_demo_users(a, "anna")
    add_demo_users(b, "max")
    twa, twb = open_window(qtbot, a), open_window(qtbot, b)
    try:
        sign_in(qtbot, twa, "anna")
        sign_in(qtbot, twb, "max")
        qtbot.waitUntil(lambda: "andon" in twb.host.panels and "line" in twa.host.panels,
                        timeout=3000)

        # The press's panel from a touch on the line mimic; then touch 1: its "Report a
        # problem"; touch 2: the category.
        press = open_station_from_mimic(qtbot, twa, "press1")
        assert press.andon_button.text() == "Report a problem"
        press.andon_button.click()
        sheets = twa.window.findChildren(ReportSheet)
        assert len(sheets) == 1, "one touch opens the report sheet"
        sheets[0].buttons["machine"].click()
        items = a.service(AndonBoard).items()
        assert len(items) == 1 and items[0].station == "press1"
        item_id = items[0].id
        assert items[0].reporter == "anna"
        panel_a: AndonPanel = twa.host.panels["andon"]
        qtbot.waitUntil(lambda: any("Press 1" in r for r in _rows(panel_a)), timeout=3000)

        # Maintenance on B sees it, takes it ...
        panel_b: AndonPanel = twb.host.panels["andon"]
        qtbot.waitUntil(lambda: any("Press 1" in r for r in _rows(panel_b)), timeout=10000)
        panel_b.list.setCurrentRow(0)
        assert panel_b.take_button.isEnabled()
        panel_b.take_button.click()
        assert b.service(AndonBoard).get(item_id).status is AndonStatus.TAKEN
        # ... and A sees who took it.
        qtbot.waitUntil(lambda: a.service(AndonBoard).get(item_id).status is AndonStatus.TAKEN,
                        timeout=10000)
        qtbot.waitUntil(lambda: any("taken by max" in r for r in _rows(panel_a)),
                        timeout=3000)

        panel_b.list.setCurrentRow(0)
        assert panel_b.close_button.isEnabled()
        panel_b.close_button.click()
        qtbot.waitUntil(lambda: a.service(AndonBoard).get(item_id).status is AndonStatus.CLOSED,
                        timeout=10000)
        assert a.service(AndonBoard).get(item_id).closed_by == "max"
        qtbot.waitUntil(lambda: not any("Press 1" in r for r in _rows(panel_a)), timeout=3000)
    finally:
        twa.close()
        twb.close()
