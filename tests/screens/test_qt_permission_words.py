"""The views say who may, in words: the e-stop's Reset… tooltip for an operator, the
setpoint sheet's refusal."""

from __future__ import annotations

from framekit import build_frame

from app.auth.permissions import Action, PermissionDenied, Role
from widgets.permission_text import denied_text, user_message


def test_view_helper_names_roles_and_action(themed):
    text = denied_text(Action.ESTOP_RESET, Role.OPERATOR)
    assert text.startswith("Only a team lead") and text.endswith("can reset the stop.")
    assert user_message(PermissionDenied(Role.OPERATOR, Action.LINE_START)) == (
        "Only a team lead, maintenance technician, supervisor or administrator can start "
        "the line.")
    assert user_message(ValueError("plain")) == "plain"


def test_estop_reset_tooltip_says_who_may(qtbot, demo_site, demo_bridge, themed):
    _w, dock, session = build_frame(qtbot, demo_site, demo_bridge)
    session.sign_in("Anna", Role.OPERATOR)
    panel = dock.panel
    qtbot.waitUntil(lambda: "can reset the stop" in panel.reset_button.toolTip(), timeout=2000)
    assert "estop.reset" not in panel.reset_button.toolTip()
    assert "can start the line" in panel.start_button.toolTip()
    dock.estop.close()
    panel.controller.close()
