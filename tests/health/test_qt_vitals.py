"""The vitals panel applies the visibility rule to whoever is signed in."""

from __future__ import annotations

import json

from app.auth.permissions import Role
from app.health.monitor import HealthMonitor
from widgets.panels import PanelContext
from widgets.vitals import create_panel


class Session:
    def __init__(self) -> None:
        self.current = None
        self._obs: list = []

    def add_observer(self, fn):
        self._obs.append(fn)
        return lambda: None

    def sign_in(self, user_id, role, pseudonym=None) -> None:
        from types import SimpleNamespace
        self.current = (SimpleNamespace(user_id=user_id, role=role, pseudonym=pseudonym)
                        if user_id else None)
        for fn in self._obs:
            fn(self.current, "test")


def test_vitals_panel_shows_own_values_officer_states_others_nothing(qtbot, health) -> None:
    for _ in range(35):
        health.clock.t += 1
        health.monitor.on_message("t/wearables/W-3F7A/heart_rate",
                                  json.dumps({"v": 165, "ts": health.clock.t}).encode())
        health.monitor.on_message("t/wearables/W-5D9E/heart_rate",
                                  json.dumps({"v": 72, "ts": health.clock.t}).encode())
    session = Session()
    panel = create_panel(PanelContext(None, None, None, session=session,
                                      services={HealthMonitor: health.monitor}), {})
    qtbot.addWidget(panel)
    assert panel.rows() == []
    assert "personal" in panel.heading.text()

    session.sign_in("so1", Role.SAFETY_OFFICER)
    qtbot.waitUntil(lambda: len(panel.rows()) == 2, timeout=1000)
    assert panel.rows()[0].startswith("W-3F7A: ALARM")
    assert panel.rows()[1].startswith("W-5D9E: ok")
    assert not any("bpm" in r for r in panel.rows())  # states, no values

    session.sign_in("op5", Role.OPERATOR, "W-5D9E")
    qtbot.waitUntil(lambda: panel.rows()[:1] == ["Your vitals (W-5D9E): ok"], timeout=1000)
    assert not any("W-3F7A" in r for r in panel.rows())
    assert any("Heart rate: 72 bpm" in r for r in panel.rows())

    session.sign_in("tl", Role.TEAM_LEAD)
    qtbot.waitUntil(lambda: panel.rows() == [], timeout=1000)
    session.sign_in(None, None)
    assert panel.rows() == []
