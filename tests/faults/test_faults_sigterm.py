"""SIGTERM and SIGINT to a real `lineside run` process against a real Mosquitto: a clean
stop within 2 s, offline status published at stop (not the will), the queued batch
written, no write-ahead log left, exit code 0."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import paho.mqtt.client as paho
import pytest
from faultkit import site_text, wait_for
from paho.mqtt.enums import CallbackAPIVersion

ROOT = Path(__file__).resolve().parents[2]
STATUS = "p1/body/terminals/t1/status"
TEMP = "p1/body/press1/temp"


class Watcher:
    def __init__(self, port: int) -> None:
        self.status: list[dict] = []
        self.lock = threading.Lock()
        self.c = paho.Client(CallbackAPIVersion.VERSION2, client_id="watcher")
        self.c.on_connect = lambda c, *_a: c.subscribe(STATUS, 1)
        self.c.on_message = self._msg
        self.c.connect("127.0.0.1", port)
        self.c.loop_start()

    def _msg(self, c, u, msg) -> None:
        if msg.topic == STATUS and msg.payload:
            with self.lock:
                self.status.append(json.loads(msg.payload))

    def last(self) -> dict | None:
        with self.lock:
            return self.status[-1] if self.status else None

    def stop(self) -> None:
        self.c.loop_stop()
        self.c.disconnect()


@pytest.mark.slow
@pytest.mark.parametrize(("mode", "sig"), [("headless", signal.SIGTERM),
                                           ("headless", signal.SIGINT),
                                           ("gui", signal.SIGTERM)])
def test_signal_stops_cleanly(broker, tmp_path, mode, sig):
    site = tmp_path / "site.toml"
    site.write_text(site_text(broker.port))
    db = tmp_path / "data" / "lineside.db"
    cmd = [sys.executable, "-m", "app.cli", "run", "--site", str(site), "--store", str(db)]
    if mode == "headless":
        cmd.append("--headless")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    watcher = Watcher(broker.port)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: (watcher.last() or {}).get("online") is True, timeout=30,
                 what="the terminal online on the broker")
        time.sleep(1.0 if mode == "gui" else 0.3)  # subscriptions in place
        pub = paho.Client(CallbackAPIVersion.VERSION2, client_id="pub")
        pub.connect("127.0.0.1", broker.port)
        pub.loop_start()
        for i in range(2000):
            pub.publish(TEMP, f"{i}.5", qos=0)
        pub.publish(TEMP, b"4242.5", qos=1).wait_for_publish(5)
        pub.loop_stop()
        pub.disconnect()
        time.sleep(0.05)  # received, but still in the writer's queue (100 ms batches)
        t0 = time.time()
        proc.send_signal(sig)
        rc = proc.wait(10)
        took = time.time() - t0
        err = proc.stderr.read() if proc.stderr else ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        watcher.stop()
    assert rc == 0, err[-3000:]
    assert took < 2.0, f"stopped in {took:.2f} s"
    last = wait_for(lambda: (watcher.last() or {}).get("online") is False and watcher.last(),
                    what="offline status")
    # Published at the stop, not the will stamped at connect time.
    assert last["ts"] >= t0 - 0.1, (last, t0)
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with sqlite3.connect(db) as c:
        values = [v for (v,) in c.execute("SELECT value FROM samples s JOIN tags t ON "
                                          "t.id = s.tag_id WHERE t.path = ?", (TEMP,))]
    assert 4242.5 in values, f"the queued batch was lost ({len(values)} samples stored)"


@pytest.mark.slow
def test_the_demo_stops_within_2_s_on_sigterm(tmp_path):
    """`lineside demo --headless`: terminal, simulated plant process and broker."""
    env = dict(os.environ, LINESIDE_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "demo", "--headless",
                             "--terminal-id", "faults-sigterm"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []

    def read(stream) -> None:
        for line in stream:
            lines.append(line)

    for stream in (proc.stdout, proc.stderr):
        threading.Thread(target=read, args=(stream,), daemon=True).start()
    try:
        try:
            wait_for(lambda: any(x.startswith("link plc-body: connected") for x in lines),
                     timeout=60, what="the demo's terminal connected to its plant")
        except AssertionError as e:
            raise AssertionError(f"{e}: {''.join(lines[-30:])}") from None
        # At once: the scheduling service's first plan (a CP-SAT solve of up to 10 s) is
        # still running; the stop interrupts it.
        t0 = time.time()
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(10)
        took = time.time() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert rc == 0
    assert took < 2.0, f"the demo took {took:.2f} s to stop"
