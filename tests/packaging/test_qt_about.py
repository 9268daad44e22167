"""The about sheet shows the running version, the site and the store, and opens from the
frame's About button."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import config
from app.terminal import Terminal
from app.version import version
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


def test_about_button_opens_the_version(qtbot, term, tmp_path: Path) -> None:
    tw = TerminalWindow(term)
    qtbot.addWidget(tw.window)
    tw.window.resize(1280, 800)
    tw.window.show()
    assert tw.about_button.isVisible()
    qtbot.mouseClick(tw.about_button, Qt.MouseButton.LeftButton)
    sheets = [w for w in tw.window.layout_area.findChildren(object)
              if type(w).__name__ == "AboutSheet"]
    assert sheets, "the about sheet opened"
    text = sheets[0].text()
    assert f"LineSide {version()}" in text
    assert "Test plant" in text and "t1" in text
    assert str(tmp_path / "t.db") in text
    tw.close()
