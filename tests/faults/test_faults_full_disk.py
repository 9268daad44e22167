"""A full disk under load, on a real 8 MB filesystem (tmpfs): samples wait in a bounded
queue, messages and audit records created while full are still stored (the reserve)
and delivered through a real Mosquitto, and freed space is used at once."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as paho
import pytest
from faultkit import site_text, wait_for
from paho.mqtt.enums import CallbackAPIVersion

from app import config
from app.model import LinkState, Quality, Sample
from app.runtime import Runtime
from app.store import Store

RATE = 3000  # samples per second


@pytest.fixture
def volume(tmp_path: Path) -> Iterator[Path]:
    """An 8 MB tmpfs mounted for this test (needs root, as .ci/run runs)."""
    vol = tmp_path / "vol"
    vol.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting an 8 MB tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8M", "tmpfs", str(vol)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {r.stderr.strip()}")
    try:
        yield vol
    finally:
        subprocess.run(["umount", "-l", str(vol)], check=False)


def _fill(vol: Path) -> list[Path]:
    """Fill what is left of the volume with 512 kB files (the last one partial)."""
    files = []
    block = b"\xff" * 65536
    for i in range(1000):
        f = vol / f"filler-{i}"
        files.append(f)
        try:
            with f.open("wb") as fh:
                for _ in range(8):
                    fh.write(block)
                    fh.flush()
        except OSError:
            return files
    raise AssertionError("the volume never filled")


class Feeder:
    """Samples at RATE/s into the historian, as the runtime's change stream does."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sent = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        per = RATE // 20
        while not self.stop.wait(0.05):
            now = time.time()
            self.store.historian.append([Sample(f"p1/load/t{k % 50}", now, float(k),
                                                Quality.GOOD) for k in range(per)])
            self.sent += per

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)


def _stored(store: Store) -> int:
    with store.read() as c:
        return c.execute("SELECT COUNT(*) FROM samples").fetchone()[0]


@pytest.mark.slow
def test_full_disk_recovers_under_load(volume, broker, tmp_path, caplog):
    got: list[int] = []
    peer = paho.Client(CallbackAPIVersion.VERSION2, client_id="peer")
    peer.on_connect = lambda c, *_a: c.subscribe("p1/body/full/#", 1)
    peer.on_message = lambda c, u, m: got.append(json.loads(m.payload)["i"])
    peer.connect("127.0.0.1", broker.port)
    peer.loop_start()
    site = tmp_path / "site.toml"
    site.write_text(site_text(broker.port))
    store = Store(volume / "lineside.db", terminal_id="t1").open()
    store.writer.max_queued_samples = 4 * RATE  # a small memory budget: 4 s of samples
    rt = Runtime(config.load(site), store)
    rt.start()
    feeder = Feeder(store)
    try:
        wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="connected")
        wait_for(lambda: _stored(store) > RATE, what="samples written")
        assert store.writer.reserve.exists()
        fillers = _fill(volume)
        wait_for(lambda: not store.health.ok, timeout=20, what="the store to report full")
        assert "full" in store.health.message

        # Created while full: stored (the reserve), not refused.
        for i in range(30):
            rt.publish(f"p1/body/full/{i}", {"i": i}).result(5)
        for i in range(10):
            store.audit.record("anna", "setpoint.write", f"t{i}", {"v": i}).result(5)
        assert not store.writer.reserve.exists(), "the reserve was given to the messages"

        # The backlog is bounded by memory: the oldest samples go, counted.
        wait_for(lambda: store.writer.dropped > 0, timeout=20, what="oldest samples dropped")
        assert store.writer.queued <= store.writer.max_queued_samples
        assert any("dropped" in r.getMessage() for r in caplog.records)
        wait_for(lambda: "dropped" in store.health.message, what="drops shown")

        # Free 4 MB: writing resumes at once, the backlog drains.
        before = _stored(store)
        t0 = time.monotonic()
        for f in fillers[:8]:
            with contextlib.suppress(FileNotFoundError):
                f.unlink()
        wait_for(lambda: _stored(store) > before + RATE, timeout=5,
                 what="samples written again after space was freed")
        resumed = time.monotonic() - t0
        assert resumed < 3.0, f"writing resumed only after {resumed:.1f} s"
        wait_for(lambda: store.health.ok or store.writer.queued < RATE, timeout=10,
                 what="the backlog written")
        # Every message created while full reaches the broker, once stored.
        wait_for(lambda: sorted(set(got)) == list(range(30)), timeout=10,
                 what="messages created while full delivered")
        assert len(store.audit.query()) == 10
        refused = [r for r in caplog.records if "refused" in r.getMessage()]
        assert not refused, [r.getMessage() for r in refused]
    finally:
        feeder.close()
        rt.stop()
        store.close()
        peer.loop_stop()
        peer.disconnect()


def test_every_refused_write_is_logged_and_shown(tmp_path, caplog):
    """With no room even for the reserve (a size limit), a refused message is logged,
    naming what was refused, and the health says the store is full."""
    from app.store import StoreFullError

    store = Store(tmp_path / "s.db", terminal_id="t1").open()
    try:
        store.submit(lambda c: c.execute(
            f"PRAGMA max_page_count={c.execute('PRAGMA page_count').fetchone()[0]}")).result(5)
        for _ in range(3):
            with pytest.raises(StoreFullError):
                store.outbox.enqueue("t", {"blob": "x" * 50_000}).result(5)
        lines = [r.getMessage() for r in caplog.records if "write refused" in r.getMessage()]
        assert len(lines) == 1 and "Outbox.enqueue" in lines[0], lines  # once a minute
        assert store.writer.refused_jobs == 3
        assert not store.health.ok and "full" in store.health.message
    finally:
        store.close()
