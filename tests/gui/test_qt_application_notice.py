"""The composed window: a broken saved layout shows the role default with a visible,
translated notice, never a crash; the e-stop and banner stay in the frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import config
from app.auth.session import SessionManager
from app.auth.users import UserRepo
from app.terminal import Terminal
from widgets.application import TerminalWindow

SITE = """
[site]
id = "t"
name = "Test plant"
line = "Line 1"
"""


@pytest.fixture
def term(tmp_path: Path):
    (tmp_path / "site.toml").write_text(SITE)
    t = Terminal(config.load(tmp_path / "site.toml", terminal_id="t1"),
                 store_path=tmp_path / "t.db").start()
    yield t
    t.stop()


def test_broken_saved_layout_falls_back_with_a_notice(qtbot, term) -> None:
    users = term.service(UserRepo)
    users.add("anna", "Anna", "operator", "1111").result(5)
    term.store.submit(lambda c: c.execute(
        "INSERT INTO layouts (user_id, doc, revision, updated, origin) VALUES (?,?,?,?,?)",
        ("anna", '{"schema": 1, "panels": [ BROKEN', 3, 1.0, "local"))).result(5)
    tw = TerminalWindow(term)
    qtbot.addWidget(tw.window)
    tw.window.resize(1280, 800)
    tw.window.show()
    assert tw.window.notice.isHidden()
    assert term.service(SessionManager).sign_in_pin("anna", "1111").ok
    qtbot.waitUntil(lambda: tw.window.notice.isVisible(), timeout=5000)
    assert "could not be read" in tw.window.notice.text()
    assert tw.host.panels, "the role's default layout is shown"
    term.service(SessionManager).sign_out()
    qtbot.waitUntil(lambda: tw.window.notice.isHidden(), timeout=5000)
    tw.close()


def test_a_full_store_is_said_on_screen_and_cleared_when_there_is_room(qtbot, term) -> None:
    from app.model import Sample

    def limit(extra: int):
        def job(c):
            pages = c.execute("PRAGMA page_count").fetchone()[0]
            return c.execute(f"PRAGMA max_page_count={pages + extra}").fetchone()[0]
        return job

    tw = TerminalWindow(term)
    qtbot.addWidget(tw.window)
    tw.window.show()
    term.store.writer.retry_s = 0.05
    term.store.submit(limit(0)).result(5)
    term.store.historian.append([Sample(f"t/a/s{i % 5}", float(i + 1), float(i))
                                 for i in range(20_000)])
    qtbot.waitUntil(lambda: tw.window.notice.isVisible(), timeout=5000)
    assert "Local store problem: local store full" in tw.window.notice.text()
    term.store.submit(limit(100_000)).result(5)  # plant IT freed space
    qtbot.waitUntil(lambda: tw.window.notice.isHidden(), timeout=5000)
    tw.close()
