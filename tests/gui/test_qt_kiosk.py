"""Kiosk mode on a line-side touchscreen: full screen and frameless, closing is refused,
and only a supervisor (or admin) can leave it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from app.auth.session import SessionManager
from app.auth.users import UserRepo
from app.config import SiteInfo
from app.store import Store
from widgets.overlay import Overlay
from widgets.panels import PanelContext
from widgets.shell import MainWindow


@pytest.fixture
def ctx(tmp_path: Path):
    with Store(tmp_path / "k.db", terminal_id="k1") as store:
        users = UserRepo(store)
        users.add("op", "Olga", "operator", "1111").result(5)
        users.add("sup", "Sam", "supervisor", "6666").result(5)
        config = SimpleNamespace(site=SiteInfo("d", "Demo", "Line 1", "k1", "d"),
                                 stations={}, tags={})
        yield PanelContext(config=config, runtime=None, bridge=None, store=store,
                           session=SessionManager(users))


def test_kiosk_is_full_screen_refuses_close_and_needs_a_supervisor_to_leave(qtbot,
                                                                           ctx) -> None:
    win = MainWindow(ctx, kiosk=True)
    qtbot.addWidget(win)
    qtbot.waitUntil(win.isFullScreen, timeout=3000)  # window states apply asynchronously
    assert win.windowFlags() & Qt.WindowType.FramelessWindowHint
    win.close()  # Alt+F4 on the line
    assert win.isVisible() and win.kiosk

    assert ctx.session.sign_in_pin("op", "1111").ok
    assert win.request_exit_kiosk() is False
    sheet = win.findChild(Overlay)
    assert sheet is not None and "Only a supervisor" in sheet.content.text()
    assert win.kiosk and win.isFullScreen()

    ctx.session.sign_out()
    assert ctx.session.sign_in_pin("sup", "6666").ok
    assert win.request_exit_kiosk() is True
    qtbot.waitUntil(lambda: not win.isFullScreen(), timeout=3000)
    assert not win.kiosk
    assert not win.windowFlags() & Qt.WindowType.FramelessWindowHint
