"""Switching language at run time (as a worker's sign-in does): real panels change to
German, to Chinese and back to English without a restart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmDefinition, AlarmKind, Priority
from app.andon import AndonBoard
from app.config import SiteInfo, StationConfig
from app.model import Sample
from app.safety.estop import CircuitState, EStopConfig, EStopStatus, RequestState
from app.store import Store
from widgets import i18n
from widgets.alarm_table import AlarmTable
from widgets.andon import AndonPanel
from widgets.estop import EStopPanel
from widgets.layout_host import LayoutHost
from widgets.overlay import Overlay
from widgets.panels import PanelContext


@pytest.fixture
def switch(qapp: QApplication, qtbot) -> Iterator[Callable[..., None]]:
    """switch(code, *checks): set the language, then wait until every check holds."""

    def do(code: str, *checks: Callable[[], bool]) -> None:
        assert i18n.set_language(qapp, code)
        for check in checks:
            qtbot.waitUntil(check, timeout=2000)

    yield do
    i18n.set_language(qapp, "en")  # never leak a language into other tests


class StoppedController:
    """What the e-stop view reads: a press the PLC did not confirm."""

    status = EStopStatus(RequestState.NOT_CONFIRMED, CircuitState.RUNNING, detail="timeout")
    config = EStopConfig("line/estop_request", "line/estop_circuit", "line/estop_reset")

    def add_observer(self, _fn: Any) -> Callable[[], None]:
        return lambda: None

    def can_reset(self, _role: Any) -> tuple[bool, str]:
        return False, "sign in"

    def can_start(self, _role: Any) -> tuple[bool, str]:
        return False, "sign in"


def test_estop_panel_speaks_german_chinese_and_english(qtbot, switch) -> None:
    panel = EStopPanel(StoppedController())
    qtbot.addWidget(panel)
    panel.show()
    assert panel.button.text() == "EMERGENCY STOP"
    assert panel.banner.text() == "STOP NOT CONFIRMED — USE THE HARD-WIRED EMERGENCY STOP"

    switch("de", lambda: panel.button.text() == "NOT-HALT")
    assert panel.note.text() == "Ergänzt den fest verdrahteten Not-Halt — ersetzt ihn nicht"
    assert panel.banner.text() == "HALT NICHT BESTÄTIGT — FEST VERDRAHTETEN NOT-HALT BETÄTIGEN"
    assert "Not-Halt-Kreis (SPS): LÄUFT" in panel.circuit.text()
    assert panel.reset_button.text() == "Rücksetzen…"

    switch("zh_CN", lambda: panel.button.text() == "急停")
    assert "硬接线急停" in panel.note.text() and "硬接线急停" in panel.banner.text()
    assert panel.reset_button.text() == "复位…"

    switch("en", lambda: panel.button.text() == "EMERGENCY STOP")
    assert panel.note.text() == "Supplements the hard-wired e-stop — does not replace it"
    assert panel.banner.text() == "STOP NOT CONFIRMED — USE THE HARD-WIRED EMERGENCY STOP"


@pytest.fixture
def andon_ctx(tmp_path: Path) -> Iterator[PanelContext]:
    with Store(tmp_path / "t.db", terminal_id="t1") as store:
        board = AndonBoard(store, None, terminal_id="t1", topic_root="demo")
        board.start()
        config = SimpleNamespace(
            site=SiteInfo("demo", "Demo", "Line 1", "t1", "demo"),
            stations={"press": StationConfig("press", "Press 1", "press")})
        yield PanelContext(config=config, runtime=None, bridge=None, store=store,
                           session=None, services={AndonBoard: board})


def test_andon_panel_and_report_sheet_follow_the_language(qtbot, switch, andon_ctx) -> None:
    panel = AndonPanel(andon_ctx, {"station": "press"})
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    assert panel.report_button.text() == "Report a problem"

    switch("de", lambda: panel.report_button.text() == "Problem melden")
    assert panel.take_button.text() == "Übernehmen"
    qtbot.mouseClick(panel.report_button, Qt.MouseButton.LeftButton)
    sheet = panel.findChild(Overlay) or panel.window().findChild(Overlay)
    assert sheet is not None
    labels = {b.text() for b in sheet.findChildren(QAbstractButton)}
    assert {"Maschine", "Qualität", "Material", "Sicherheit", "Sonstiges"} <= labels
    assert sheet.content.where.text() == "Station: Press 1"
    sheet.close()

    switch("zh_CN", lambda: panel.report_button.text() == "报告问题")
    assert panel.take_button.text() == "接单"

    switch("en", lambda: panel.report_button.text() == "Report a problem")
    assert panel.close_button.text() == "Close as fixed"


def _engine() -> AlarmEngine:
    defs = [AlarmDefinition("oil_hi", AlarmKind.HIGH, Priority.HIGH, "Press oil hot",
                            tag="t/oil", limit=60.0)]
    engine = AlarmEngine(defs, clock=lambda: 1_700_000_000.0)
    engine.on_samples([Sample("t/oil", 1_700_000_000.0, 70.0)])
    return engine


def _header(table: AlarmTable) -> str:
    return str(table.model.headerData(0, Qt.Orientation.Horizontal,
                                      Qt.ItemDataRole.DisplayRole))


def test_alarm_table_header_follows_live_and_a_workers_layout_rebuilds_it(
        qtbot, switch) -> None:
    engine = _engine()
    ctx = PanelContext(config=None, runtime=None, bridge=None, services={AlarmEngine: engine})
    host = LayoutHost(ctx)
    qtbot.addWidget(host)
    host.resize(1000, 700)
    host.show()

    def show(language: str) -> AlarmTable:
        # What a sign-in does: the worker's layout with their language.
        host.set_layout({"columns": 1, "rows": 1, "language": language,
                         "panels": [{"id": "a", "type": "alarms", "row": 0, "col": 0}]},
                        apply_preferences=False)
        table = host.panels["a"]
        assert isinstance(table, AlarmTable)
        return table

    table = show("en")
    assert _header(table) == "Priority" and table.ack_button.text() == "Acknowledge"

    switch("de", lambda: _header(table) == "Priorität")  # the live header
    table = show("de")
    assert table.ack_button.text() == "Quittieren"
    assert table.state_filter.itemText(1) == "Unquittiert"

    switch("zh_CN", lambda: _header(table) == "优先级")
    table = show("zh_CN")
    assert table.ack_button.text() == "确认"
    assert table.shelve_button.text() == "搁置…"

    switch("en", lambda: _header(table) == "Priority")
    table = show("en")
    assert table.ack_button.text() == "Acknowledge"


def test_plural_counts_fill_in_without_plural_forms(switch) -> None:
    # The catalogues carry one form per message; the count still lands in the text.
    switch("de")  # German needs a second plural form for any count but 1
    assert QCoreApplication.translate("AlarmTable", "%n entries", "", 1) == "Einträge: 1"
    assert QCoreApplication.translate("AlarmTable", "%n entries", "", 3) == "Einträge: 3"
    switch("zh_CN")
    assert QCoreApplication.translate("AlarmBanner", "Unack: %n", "", 1) == "未确认：1"
