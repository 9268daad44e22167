"""A damaged store is moved aside, replaced, salvaged, and the terminal runs and says so.

The damage done by hand in the issue: the file truncated, and 64 KB overwritten in the
middle. Real SQLite files, a real `lineside run` process and a real Mosquitto."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import paho.mqtt.client as paho
import pytest
from faultkit import site_text, wait_for
from paho.mqtt.enums import CallbackAPIVersion

from app import config
from app.model import Quality, Sample
from app.store import Store
from app.terminal import Terminal

ROOT = Path(__file__).resolve().parents[2]


def _filled(path: Path, messages: int = 40) -> None:
    """A store with unsent messages and audit records first, then a bulk of history."""
    st = Store(path, terminal_id="t1").open()
    for i in range(messages):
        st.outbox.enqueue(f"p1/body/check/{i}", {"i": i})
    for i in range(25):
        st.audit.record("anna", "setpoint.write", f"tag{i}", {"v": i})
    st.flush(10)
    st.historian.append([Sample(f"p1/t{i % 20}", 1e9 + i, float(i), Quality.GOOD)
                         for i in range(200_000)])
    st.flush(30)
    st.close()


def _truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def _overwrite(path: Path) -> None:
    with path.open("r+b") as f:
        f.seek(path.stat().st_size // 2)
        f.write(os.urandom(64 * 1024))


@pytest.mark.parametrize("damage", [_truncate, _overwrite], ids=["truncated", "overwritten"])
def test_a_damaged_store_is_replaced_and_salvaged(tmp_path, damage, caplog):
    db = tmp_path / "lineside.db"
    _filled(db)
    damage(db)
    st = Store(db, terminal_id="t1").open()
    try:
        rec = st.recovery
        assert rec is not None, "the damage went unnoticed"
        assert rec.moved_to.exists() and rec.moved_to.name.startswith("lineside.db.corrupt-")
        assert rec.salvaged.get("outbox") == 40 and rec.salvaged.get("audit") == 25, rec
        assert [json.loads(m.payload)["i"] for m in st.outbox.pending()] == list(range(40))
        assert len(st.audit.query()) == 25
        # The new store works.
        st.outbox.enqueue("p1/body/after", {"ok": True}).result(5)
        st.historian.append([Sample("p1/t1", 2e9, 1.0, Quality.GOOD)])
        st.flush(5)
        assert any("damaged" in r.getMessage() and str(rec.moved_to) in r.getMessage()
                   for r in caplog.records)
    finally:
        st.close()
    # The next start finds a sound store: nothing more is moved.
    again = Store(db, terminal_id="t1").open()
    assert again.recovery is None
    again.close()


def test_a_file_that_is_no_database_is_replaced(tmp_path):
    db = tmp_path / "lineside.db"
    db.write_bytes(b"this is not sqlite" * 1000)
    st = Store(db, terminal_id="t1").open()
    try:
        assert st.recovery is not None and st.outbox.count() == 0
    finally:
        st.close()


def test_the_window_says_the_store_was_replaced(qtbot, tmp_path):
    from widgets.application import TerminalWindow

    db = tmp_path / "t.db"
    _filled(db, messages=3)
    _truncate(db)
    (tmp_path / "site.toml").write_text('[site]\nid = "t"\nname = "Test"\nline = "L1"\n')
    term = Terminal(config.load(tmp_path / "site.toml", terminal_id="t1"),
                    store_path=db).start()
    try:
        tw = TerminalWindow(term)
        qtbot.addWidget(tw.window)
        tw.window.show()
        qtbot.waitUntil(lambda: tw.window.notice.isVisible(), timeout=5000)
        assert "damaged" in tw.window.notice.text()
        assert str(term.store.recovery.moved_to) in tw.window.notice.text()
        tw.close()
    finally:
        term.stop()


def test_the_terminal_runs_on_a_truncated_store_and_delivers_what_was_salvaged(broker,
                                                                                tmp_path):
    db = tmp_path / "data" / "lineside.db"
    db.parent.mkdir()
    _filled(db)
    _truncate(db)
    got: list[int] = []
    peer = paho.Client(CallbackAPIVersion.VERSION2, client_id="peer")
    peer.on_connect = lambda c, *_a: c.subscribe("p1/body/check/#", 1)
    peer.on_message = lambda c, u, m: got.append(json.loads(m.payload)["i"])
    peer.connect("127.0.0.1", broker.port)
    peer.loop_start()
    site = tmp_path / "site.toml"
    site.write_text(site_text(broker.port))
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "run", "--headless", "--site",
                             str(site), "--store", str(db)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: len(got) >= 40 or proc.poll() is not None, timeout=20,
                 what="the salvaged outbox delivered")
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert sorted(set(got)) == list(range(40))
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(10)
        peer.loop_stop()
        peer.disconnect()
    assert proc.returncode == 0, err[-2000:]
    assert "store replaced: the local store was damaged" in out, out
    assert "is damaged" in err and ".corrupt-" in err
    assert list(db.parent.glob("lineside.db.corrupt-*"))


def test_damage_while_running_is_shown_within_seconds(tmp_path):
    """64 KB overwritten under a running store: the next writes that touch it say so."""
    db = tmp_path / "lineside.db"
    _filled(db)
    st = Store(db, terminal_id="t1").open()  # sound at open; nothing of it cached yet
    try:
        assert st.recovery is None
        _overwrite(db)
        t0 = time.monotonic()
        i = 0
        while st.health.ok and time.monotonic() - t0 < 20:
            st.historian.append([Sample(f"p1/t{k % 20}", 1e9 + k, float(k), Quality.GOOD)
                                 for k in range(i, i + 5000)])
            with contextlib.suppress(Exception):
                st.historian.samples("p1/t3", 0, 2e9)
            i += 5000
            time.sleep(0.1)
        assert not st.health.ok and "damaged" in st.health.message, st.health
        assert time.monotonic() - t0 < 20
    finally:
        st.close()
