"""Shared fixtures: real peers on free ports (Mosquitto, later the simulator's PLC)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app import local_broker

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the real user's keyring or data directory from tests.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


# free ports and waiting for a listener: the same helpers the demo uses
free_port = local_broker.free_port
wait_port = local_broker.wait_listening


class Broker:
    """A Mosquitto process on a fixed free port that a test can stop and restart."""

    def __init__(self, workdir: Path) -> None:
        self.binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
        if not Path(self.binary).exists():
            pytest.fail("mosquitto is not installed (.ci/run installs it with apt-get)")
        self.port = free_port()
        self.host = "127.0.0.1"
        self.conf = workdir / f"mosquitto-{self.port}.conf"
        self.conf.write_text(
            f"listener {self.port} 127.0.0.1\nallow_anonymous true\n"
            f"persistence false\nmax_queued_messages 100000\n"
        )
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen([self.binary, "-c", str(self.conf)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_port(self.port)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(5)
            self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[Broker]:
    b = Broker(tmp_path)
    b.start()
    yield b
    b.stop()


# --- the plant simulator as a real PLC and MQTT peer ------------------------------------

DEMO_DIR = Path(__file__).resolve().parent.parent / "resources" / "demo"


@dataclass
class Plant:
    """A running simulator and a demo site file pointing at it."""

    sim: Any  # app.simulator.SimulatorThread (values(), set_fault(name, on, seconds))
    site_file: Path
    endpoint: str
    broker: Broker


@pytest.fixture
def plant(broker: Broker, tmp_path: Path) -> Iterator[Plant]:
    """The simulator on a free OPC UA port publishing to `broker`, and a copy of the demo
    site files (every *.toml, so includes follow) with both ports rewritten."""
    from app.simulator import SimulatorThread

    port = free_port()
    site_dir = tmp_path / "demo-site"
    site_dir.mkdir()
    for src in DEMO_DIR.glob("*.toml"):
        text = src.read_text(encoding="utf-8")
        text = text.replace("opc.tcp://127.0.0.1:4840/", f"opc.tcp://127.0.0.1:{port}/")
        text = re.sub(r"(?m)^port = 1883$", f"port = {broker.port}", text)
        (site_dir / src.name).write_text(text, encoding="utf-8")
    sim = SimulatorThread(opcua_port=port, mqtt=(broker.host, broker.port))
    sim.start()
    try:
        yield Plant(sim, site_dir / "site.toml", sim.endpoint, broker)
    finally:
        sim.stop()
