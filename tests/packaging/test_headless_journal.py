"""The headless output for journald: no screen redraws when the output is not a
terminal, one line per change and a summary; a terminal (TTY) still gets the live view."""

from __future__ import annotations

import io
from pathlib import Path

from app import config, headless
from app.terminal import Terminal

SITE = """
[site]
id = "j"
name = "Journal plant"
line = "Line 3"

[[sources]]
id = "mqtt"
kind = "mqtt"
host = "127.0.0.1"
port = {port}

[[tags]]
path = "j/press/temp"
source = "mqtt"
address = "j/press/temp"
"""


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def start(tmp_path: Path, port: int) -> Terminal:
    (tmp_path / "site.toml").write_text(SITE.format(port=port))
    return Terminal(config.load(tmp_path / "site.toml", terminal_id="j1"),
                    store_path=tmp_path / "j.db").start()


def test_a_pipe_gets_change_lines_not_screens(broker, tmp_path: Path) -> None:
    term = start(tmp_path, broker.port)
    try:
        out = io.StringIO()
        headless.run(term, 2.0, out=out, interval=0.1, summary_s=0.5)
    finally:
        term.stop()
    text = out.getvalue()
    assert "\x1b[" not in text, "no terminal control codes in the journal"
    lines = text.splitlines()
    assert "link mqtt: connected" in "\n".join(lines)
    assert lines.count("store: ok") == 1, "an unchanged state is not repeated"
    assert any(line.startswith("summary: terminal j1: mqtt connected") for line in lines)
    assert len(lines) < 12, lines


def test_a_terminal_gets_the_live_view(broker, tmp_path: Path) -> None:
    term = start(tmp_path, broker.port)
    try:
        out = Tty()
        headless.run(term, 0.5, out=out, interval=0.1)
    finally:
        term.stop()
    assert out.getvalue().count("\x1b[2J\x1b[H") >= 2
    assert "Journal plant" in out.getvalue()


def test_changes_report_new_values_and_cleared_alarms() -> None:
    before = {"link a": "connected", "alarm hot": "P1 active: hot"}
    after = {"link a": "offline refused"}
    assert headless.changes(before, after) == ["link a: offline refused", "alarm hot: cleared"]
