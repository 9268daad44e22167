"""Shared fixtures: real peers on free ports (Mosquitto, later the simulator's PLC)."""

from __future__ import annotations

import gc
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


@pytest.fixture(autouse=True)
def _qt_garbage_collected_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a Qt test (its widgets closed by qtbot), collect its garbage here, on the
    GUI thread. Otherwise a parentless window the test left in a reference cycle (an
    e-stop window, a sheet) is freed by whichever thread next triggers the collector
    (a runtime's asyncio thread, a store writer) and Qt deletes a widget off its
    thread: the process crashed later in pytest-qt's event processing."""
    yield
    if "qtbot" in request.fixturenames:
        gc.collect()


# --- shared helpers and markers ---------------------------------------------------------

from support.fixtures import running_terminal  # noqa: E402, F401 (a fixture for every test)

# Fixtures that start a real peer (Mosquitto, the simulated PLC, an OPC UA server, amqtt).
PEER_FIXTURES = frozenset({"broker", "plant", "plc", "_shared_plc", "secure_plc", "peers",
                           "v311_broker", "start_runtime", "make_runtime", "running_terminal"})
# Folders whose tests run whole terminals, windows or bundles end to end.
SLOW_FOLDERS = frozenset({"e2e", "integration", "packaging", "bench", "screenshots"})
# Files measured at a second or more per test on this machine (`--durations`), without
# a peer fixture: real stores damaged on purpose, CLIs in subprocesses, lupdate.
SLOW_FILES = frozenset({
    "test_faults_corrupt_store.py", "test_faults_full_disk.py", "test_qt_application_notice.py",
    "test_alarms_threads.py", "test_auth_cli.py", "test_core_local_broker.py",
    "test_core_probe.py", "test_environment_monitor.py", "test_esg_report.py",
    "test_i18n_catalogues.py", "test_cli_commands.py",
})


# Files whose tests start `lineside demo` on its default ports (the machine's broker on
# 1883, topic root "demo"): two at once would read each other's plant, so they run one
# after another on one xdist worker.
DEMO_FILES = frozenset({"test_faults_sigterm.py", "test_bench_smoke.py"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`peer`: the test talks to a real peer; `slow`: a peer, an end-to-end folder, or
    marked by hand. `uv run pytest -m "not slow"` is the quick inner loop.

    The end-to-end tests run last (otherwise in their usual order): they are the
    slowest, and a failure in a small test shows first."""
    items.sort(key=lambda item: "e2e" in item.path.parts)
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        folder = Path(str(item.fspath)).parent.name
        if fixtures & PEER_FIXTURES:
            item.add_marker(pytest.mark.peer)
        if Path(str(item.fspath)).name in DEMO_FILES:
            item.add_marker(pytest.mark.xdist_group("lineside-demo"))
        if (fixtures & PEER_FIXTURES or folder in SLOW_FOLDERS
                or Path(str(item.fspath)).name in SLOW_FILES):
            item.add_marker(pytest.mark.slow)

