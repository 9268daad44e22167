"""Andon from the operator's side: report in two touches; take/close only by role."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from app.andon import AndonBoard, AndonStatus
from app.auth.session import SessionManager
from app.auth.users import UserRepo
from app.config import SiteInfo, StationConfig
from app.store import Store
from widgets.andon import AndonPanel
from widgets.overlay import Overlay
from widgets.panels import PanelContext


@pytest.fixture
def ctx(tmp_path: Path):
    with Store(tmp_path / "t.db", terminal_id="t1") as store:
        users = UserRepo(store)
        users.add("op7", "Olga Operator", "operator", "1111").result(5)
        users.add("mt1", "Max Maintenance", "maintenance", "2222").result(5)
        session = SessionManager(users)
        board = AndonBoard(store, None, terminal_id="t1", topic_root="demo")
        board.start()
        config = SimpleNamespace(
            site=SiteInfo("demo", "Demo", "Line 1", "t1", "demo"),
            stations={"press": StationConfig("press", "Press 1", "press")})
        yield PanelContext(config=config, runtime=None, bridge=None, store=store,
                           session=session, services={AndonBoard: board})


def test_report_in_two_touches_then_maintenance_takes_it(qtbot, ctx) -> None:
    panel = AndonPanel(ctx, {"station": "press"})
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.mouseClick(panel.report_button, Qt.MouseButton.LeftButton)  # touch 1
    sheet = panel.findChild(Overlay) or panel.window().findChild(Overlay)
    assert sheet is not None and sheet.isVisible()
    assert "Press 1" in sheet.content.where.text()  # station pre-filled
    machine = next(b for b in sheet.findChildren(QAbstractButton) if b.text() == "Machine")
    qtbot.mouseClick(machine, Qt.MouseButton.LeftButton)  # touch 2
    board = ctx.service(AndonBoard)
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert board.items()[0].category == "machine"
    assert "Press 1" in panel.list.item(0).text()

    panel.list.setCurrentRow(0)
    assert not panel.take_button.isEnabled()  # nobody signed in
    assert ctx.session.sign_in_pin("op7", "1111").ok
    panel.refresh()
    panel.list.setCurrentRow(0)
    assert not panel.take_button.isEnabled()  # operators may not take
    ctx.session.sign_out()
    assert ctx.session.sign_in_pin("mt1", "2222").ok
    panel.refresh()
    panel.list.setCurrentRow(0)
    assert panel.take_button.isEnabled()
    qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
    assert board.items()[0].status is AndonStatus.TAKEN
    assert "taken by mt1" in panel.list.item(0).text()
