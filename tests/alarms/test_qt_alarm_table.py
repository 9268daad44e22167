"""AlarmTable panel: acknowledge, shelve by touch, role checks, filters, journal."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.alarms.engine import AlarmEngine
from app.alarms.journal import AlarmJournal
from app.alarms.model import AlarmDefinition, AlarmKind, AlarmState, Priority
from app.auth.permissions import Role
from app.model import Sample


@dataclass
class Session:
    user_id: str | None
    role: Role | None


@pytest.fixture
def engine(clock):
    defs = [AlarmDefinition("oil_hi", AlarmKind.HIGH, Priority.HIGH, "Press oil hot",
                            tag="t/oil", limit=60.0),
            AlarmDefinition("co2_hi", AlarmKind.HIGH, Priority.LOW, "CO2 high",
                            tag="t/co2", limit=1500.0)]
    e = AlarmEngine(defs, clock=clock)
    e.on_samples([Sample("t/oil", clock.t, 70.0), Sample("t/co2", clock.t, 1600.0)])
    return e


def make(qtbot, engine, session, journal=None):
    from widgets.alarm_table import AlarmTable

    t = AlarmTable(engine, session, journal)
    qtbot.addWidget(t)
    t.resize(1000, 700)
    t.show()
    return t


def test_ack_button_acknowledges_the_selected_alarm(qtbot, engine):
    from PySide6.QtCore import Qt

    table = make(qtbot, engine, Session("op1", Role.OPERATOR))
    assert [s.id for s in table.visible_statuses()] == ["oil_hi", "co2_hi"]
    assert not table.ack_button.isEnabled()  # nothing selected yet
    assert table.select("oil_hi")
    assert table.ack_button.isEnabled()
    qtbot.mouseClick(table.ack_button, Qt.MouseButton.LeftButton)
    assert engine.get("oil_hi").state is AlarmState.ACKED
    assert engine.get("oil_hi").last_ack.actor == "op1"
    assert engine.get("co2_hi").state is AlarmState.UNACK
    qtbot.waitUntil(lambda: not table.ack_button.isEnabled(), timeout=2000)
    assert "acknowledged" in table.history.item(0).text()
    qtbot.mouseClick(table.ack_all_button, Qt.MouseButton.LeftButton)
    assert engine.summary().unacked == 0


def test_buttons_disabled_with_tooltip_for_roles_without_permission(qtbot, engine):
    table = make(qtbot, engine, Session(None, None))  # nobody signed in
    table.select("oil_hi")
    assert not table.ack_button.isEnabled() and not table.ack_all_button.isEnabled()
    assert "Sign in" in table.ack_button.toolTip()
    table.session = Session("op1", Role.OPERATOR)
    table.update_actions()
    assert table.ack_button.isEnabled()
    assert not table.shelve_button.isEnabled()
    assert "operator" in table.shelve_button.toolTip()


def test_shelve_by_touch_with_reason_and_duration(qtbot, engine, clock):
    from PySide6.QtCore import Qt

    table = make(qtbot, engine, Session("lead1", Role.TEAM_LEAD))
    table.select("co2_hi")
    qtbot.mouseClick(table.shelve_button, Qt.MouseButton.LeftButton)
    pane = table.shelve_pane
    assert table.pages.currentWidget() is pane and not pane.ok.isEnabled()
    pane.reasons.setCurrentRow(0)
    qtbot.mouseClick(pane.durations.button(0), Qt.MouseButton.LeftButton)  # 15 min
    qtbot.mouseClick(pane.ok, Qt.MouseButton.LeftButton)
    st = engine.get("co2_hi")
    assert st.state is AlarmState.SHELVED and st.shelved.actor == "lead1"
    assert st.shelved.until == pytest.approx(clock.t + 15 * 60)
    assert table.pages.currentWidget() is not pane
    qtbot.waitUntil(lambda: [s.id for s in table.visible_statuses()] == ["oil_hi", "co2_hi"],
                    timeout=2000)  # shelved alarms stay listed so they can be unshelved
    table.select("co2_hi")
    assert table.unshelve_button.isEnabled()


def test_filters_by_priority_state_and_text(qtbot, engine):
    table = make(qtbot, engine, Session("op1", Role.OPERATOR))
    table.priority_filter.setCurrentIndex(table.priority_filter.findData(4))
    assert [s.id for s in table.visible_statuses()] == ["co2_hi"]
    table.priority_filter.setCurrentIndex(0)
    table.text_filter.setText("press")
    assert [s.id for s in table.visible_statuses()] == ["oil_hi"]
    table.text_filter.setText("")
    engine.acknowledge("oil_hi", actor="op1", role=Role.OPERATOR)
    table.refresh()
    table.state_filter.setCurrentIndex(1)  # unacknowledged
    assert [s.id for s in table.visible_statuses()] == ["co2_hi"]


def test_journal_view_lists_entries_with_actor(qtbot, engine, tmp_path, clock):
    from app.store import Store

    store = Store(tmp_path / "s.db", terminal_id="t1").open()
    try:
        journal = AlarmJournal(store)
        journal.attach(engine)
        engine.acknowledge("oil_hi", actor="op7", role=Role.OPERATOR)
        store.flush()
        table = make(qtbot, engine, Session("op1", Role.OPERATOR), journal)
        table.show_journal(True)
        qtbot.waitUntil(lambda: not table.journal.loading, timeout=3000)
        cells = [table.journal.table.item(r, 4).text()
                 for r in range(table.journal.table.rowCount())]
        assert cells and cells[0].startswith("op7")
    finally:
        store.close()


def test_registered_as_a_panel(qtbot, engine):
    from widgets.alarm_table import AlarmTable
    from widgets.panels import PANEL_TYPES, PanelContext

    ctx = PanelContext(None, None, None, session=Session("op1", Role.OPERATOR),
                       services={AlarmEngine: engine})
    w = PANEL_TYPES["alarms"].factory(ctx, {})
    qtbot.addWidget(w)
    assert isinstance(w, AlarmTable) and len(w.visible_statuses()) == 2


def test_out_of_service_by_maintenance_only(qtbot, engine):
    from PySide6.QtCore import Qt

    table = make(qtbot, engine, Session("lead1", Role.TEAM_LEAD))
    table.select("oil_hi")
    assert not table.oos_button.isEnabled()  # a team lead may shelve, not take out of service
    table.session = Session("m1", Role.MAINTENANCE)
    table.update_actions()
    qtbot.mouseClick(table.oos_button, Qt.MouseButton.LeftButton)
    pane = table.shelve_pane
    assert pane.out_of_service and not pane.durations.button(0).isVisible()
    pane.reasons.setCurrentRow(1)
    qtbot.mouseClick(pane.ok, Qt.MouseButton.LeftButton)
    assert engine.get("oil_hi").state is AlarmState.OUT_OF_SERVICE
    assert engine.get("oil_hi").out_of_service.actor == "m1"
    table.select("oil_hi")
    qtbot.mouseClick(table.in_service_button, Qt.MouseButton.LeftButton)
    assert engine.get("oil_hi").state is AlarmState.UNACK
