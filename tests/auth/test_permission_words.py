"""Who may do what, in plain words: the message a worker reads when refused names the
roles that may, never an action id or a role id."""

from __future__ import annotations

import pytest

from app.auth.permissions import (
    ACTION_WORDS,
    PERMISSIONS,
    Action,
    PermissionDenied,
    Role,
    denied_text,
    require,
    who_may,
)


def test_the_estop_reset_message_says_who_may_in_words() -> None:
    with pytest.raises(PermissionDenied) as e:
        require(Role.OPERATOR, Action.ESTOP_RESET)
    text = str(e.value)
    assert text == ("Only a team lead, maintenance technician, safety officer, supervisor "
                    "or administrator can reset the stop.")
    assert "estop.reset" not in text and "role operator" not in text


def test_one_role_and_nobody_signed_in() -> None:
    assert denied_text(Action.USERS_MANAGE, Role.OPERATOR) == (
        "Only an administrator can manage users.")
    assert denied_text(Action.KIOSK_EXIT, None) == (
        "Only a supervisor or administrator can leave kiosk mode. Sign in first.")
    assert denied_text(Action.ALARM_ACK, None) == "Sign in to acknowledge alarms."


@pytest.mark.parametrize("action", list(Action))
def test_every_action_has_words_and_no_ids(action: Action) -> None:
    assert action in ACTION_WORDS
    assert set(who_may(action)) == set(PERMISSIONS[action])
    text = denied_text(action, Role.PURCHASING)
    assert str(action) not in text and "_" not in text, text
