"""The alarm KPI panel and the journal's KPI line, computed off the GUI thread from a
real journal in a SQLite store."""

from __future__ import annotations

import time

from app.alarms.engine import AlarmEngine
from app.alarms.journal import AlarmJournal
from app.alarms.model import AlarmDefinition, AlarmKind


def _journal_with_a_flood(tmp_path):
    from app.store import Store

    store = Store(tmp_path / "kpi.db", terminal_id="t1").open()
    journal = AlarmJournal(store)
    now = time.time()
    clock = [now - 300]
    # 12 activations of 3 alarms in the last 5 minutes: a flood, and "chat" chatters
    engine = AlarmEngine([AlarmDefinition(a, AlarmKind.EXTERNAL, priority=p)
                          for a, p in (("chat", 1), ("b", 3), ("c", 4))],
                         clock=lambda: clock[0])
    journal.attach(engine)
    for i in range(12):
        alarm = ("chat", "b", "c")[i % 3] if i >= 3 else "chat"
        clock[0] = now - 300 + i * 25
        engine.set_condition(alarm, True)
        clock[0] += 1
        engine.set_condition(alarm, False)
    store.flush()
    return store, journal, engine


def test_kpi_panel_shows_the_figures(qtbot, themed, tmp_path):
    from widgets.alarm_kpi import AlarmKpiView

    store, journal, engine = _journal_with_a_flood(tmp_path)
    try:
        view = AlarmKpiView(journal, engine, window_s=3600)
        qtbot.addWidget(view)
        view.resize(900, 700)
        view.show()
        qtbot.waitUntil(lambda: view.kpis is not None, timeout=5000)
        k = view.kpis
        assert k.alarms == 12 and k.flood_periods == 1 and k.chattering == ("chat",)
        assert view.tiles["peak"].value.text() == "12"
        assert view.tiles["peak"].value.property("severity") == "alarm"
        assert view.tiles["rate10"].value.text() == "2.00"  # 12 in 6 periods of 10 min
        assert view.tiles["chatter"].value.text() == "1"
        assert view.top.rowCount() == 3 and view.top.item(0, 0).text() == "chat"
        assert view.mix.mix["high"] == 50.0
    finally:
        store.close()


def test_the_journal_view_carries_the_kpi_line(qtbot, themed, tmp_path):
    from widgets.alarm_journal import JournalView

    store, journal, engine = _journal_with_a_flood(tmp_path)
    try:
        view = JournalView(journal, engine=engine)
        qtbot.addWidget(view)
        view.load()
        qtbot.waitUntil(lambda: view.kpis.kpis is not None and not view.loading, timeout=5000)
        assert "alarms per 10 min" in view.kpis.text()
        assert "chattering 1" in view.kpis.text()
    finally:
        store.close()
