"""A worker's layout follows them between two terminals of the line over the broker:
edited and saved on A in the layout editor, shown on B at their next sign-in."""

from __future__ import annotations

from e2ekit import add_demo_users, open_window, panel_ids, sign_in

from app.auth.session import SessionManager
from layouts.store import LayoutStore
from widgets.layout_editor import LayoutEditor


def test_layout_edited_on_a_is_shown_on_b(qtbot, two_terms) -> None:
    a, b = two_terms
    for t in (a, b):
        add_demo_users(t, "anna")
    twa, twb = open_window(qtbot, a), open_window(qtbot, b)
    try:
        sign_in(qtbot, twa, "anna")
        default = panel_ids(twa)
        # The operator default (5d84897): the line mimic, the alarm list and andon.
        assert {"line", "alarms", "andon"} <= default, default
        sheet = twa.open_editor()
        assert sheet is not None, "the edit button should open the editor for an operator"
        editor = sheet.content
        assert isinstance(editor, LayoutEditor)
        editor.select("andon")
        editor.remove_button.click()
        saved: list[dict] = []
        editor.saved.connect(saved.append)
        editor.save_button.click()
        qtbot.waitUntil(lambda: bool(saved), timeout=5000)
        assert "andon" not in {p["id"] for p in saved[0]["panels"]}
        qtbot.waitUntil(lambda: panel_ids(twa) == default - {"andon"}, timeout=3000)
        sheet.close_with(None)
        twa.window.sign_button.click()  # sign out on A
        qtbot.waitUntil(lambda: a.service(SessionManager).current is None, timeout=2000)

        # B got the layout over the broker; anna signs in there and sees her layout.
        qtbot.waitUntil(lambda: b.service(LayoutStore).get("anna") is not None, timeout=10000)
        sign_in(qtbot, twb, "anna")
        qtbot.waitUntil(lambda: panel_ids(twb) == default - {"andon"}, timeout=3000)
        assert twb.active.current.doc["revision"] == saved[0]["revision"]
    finally:
        twa.close()
        twb.close()
