"""The whole system on embedded defaults: simulated plant, local broker, local store.

`DemoStack.start()` finds or starts a broker, starts the simulator on 4840 (or a free
port when taken), and loads the shipped demo site pointed at both. `lineside demo`,
the screenshot script and the benchmarks all start the plant this one way. The
background (real) demo also runs a simulated Sparkplug edge node, `DemoPlant/
paint-gateway`, beside the terminal's own (`DemoPlant/<terminal id>`).
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import config, paths
from app.config import SiteConfig
from app.local_broker import LocalBroker, free_port, reachable
from app.self_command import lineside_argv

log = logging.getLogger(__name__)


@dataclass
class DemoStack:
    broker: LocalBroker
    sim: Any  # SimulatorThread (in-process: .sim is its plant) or SimulatorProcess
    config: SiteConfig
    data_dir: Path
    sparkplug_sim: Any = None  # a second Sparkplug edge node in its own process

    @classmethod
    def start(cls, *, faults: Iterable[str] = (), terminal_id: str | None = None,
              mqtt_port: int = 1883, opcua_port: int = 4840,
              data_dir: Path | None = None, site_file: Path | None = None,
              background: bool = False, schedule: str = "none") -> DemoStack:
        """`background=True` runs the plant as its own process and returns before its
        PLC listens (that takes 2-6 s): the terminal comes up at once and connects when
        the PLC is there, as a real terminal does. Otherwise the simulator runs
        in-process and is listening on return (tests, benchmarks)."""
        broker = LocalBroker.ensure("127.0.0.1", mqtt_port)
        port = opcua_port if not reachable("127.0.0.1", opcua_port) else free_port()
        sim: SimulatorThread | SimulatorProcess
        if background:
            sim = SimulatorProcess(port, broker.host, broker.port, broker.protocol, faults,
                                   schedule)
        else:
            from app.simulator import SimulatorThread

            sim = SimulatorThread(opcua_port=port, mqtt=(broker.host, broker.port),
                                  faults=faults, schedule=schedule)
        try:
            sim.start()
            cfg = config.load(site_file or paths.DEMO_SITE,
                              terminal_id=terminal_id or "demo-terminal-1",
                              source_overrides=demo_overrides(sim.endpoint, broker),
                              strict_sections=False)
        except BaseException:
            sim.stop()
            broker.stop()
            raise
        data = data_dir or paths.data_dir() / "demo" / cfg.site.terminal_id
        data.mkdir(parents=True, exist_ok=True)
        log.info("demo plant: OPC UA %s, broker %s:%d (%s, MQTT %s), store in %s",
                 sim.endpoint, broker.host, broker.port, broker.kind, broker.protocol, data)
        stack = cls(broker, sim, cfg, data)
        if background:
            from app.simulator.sparkplug import SparkplugSimulatorProcess

            stack.sparkplug_sim = SparkplugSimulatorProcess(broker.host, broker.port,
                                                            broker.protocol).start()
        return stack

    def wait_for_plant(self, timeout: float = 20.0) -> bool:
        """Wait (at most `timeout` s) until the simulated PLC serves: an OPC UA session
        reads the server state "Running". The terminal connects after that, so the first
        window shows live values instead of BAD and OFFLINE for seconds."""
        import asyncio
        import time

        from asyncua import Client

        endpoint = self.sim.endpoint  # type: ignore[attr-defined]
        deadline = time.monotonic() + timeout

        async def serving() -> bool:
            try:
                async with Client(endpoint, timeout=1.0) as c:
                    state = await c.get_node("i=2259").read_value()  # ServerState
                    return int(state) == 0  # ServerState.Running
            except Exception:
                return False

        while time.monotonic() < deadline:
            if asyncio.run(serving()):
                log.info("demo plant serves at %s", endpoint)
                return True
            time.sleep(0.2)
        log.warning("demo plant did not serve within %.0f s; the terminal connects when "
                    "it does", timeout)
        return False

    def stop(self) -> None:
        if self.sparkplug_sim is not None:
            self.sparkplug_sim.terminate()  # stops while the plant stops
        self.sim.stop()  # type: ignore[attr-defined]
        if self.sparkplug_sim is not None:
            self.sparkplug_sim.stop()
        self.broker.stop()


class SimulatorProcess:
    """The simulated plant as its own process, like a real PLC on its own machine: its
    start (2-6 s) and its load never hold up the terminal. `start` returns at once; the
    terminal connects when the PLC listens."""

    def __init__(self, port: int, mqtt_host: str, mqtt_port: int, protocol: str,
                 faults: Iterable[str], schedule: str = "none") -> None:
        from app.simulator.signals import endpoint_url

        self.endpoint = endpoint_url(port)
        self.mqtt = (mqtt_host, mqtt_port, protocol)
        self._cmd = lineside_argv("simulate", "--opcua-port", str(port),
                                  "--mqtt", f"{mqtt_host}:{mqtt_port}")
        for f in faults:
            self._cmd += ["--fault", f]
        self._cmd += ["--schedule", schedule]
        self._proc: subprocess.Popen | None = None

    def start(self) -> None:
        self._proc = subprocess.Popen(self._cmd, stdout=subprocess.DEVNULL,
                                      preexec_fn=_die_with_parent if sys.platform == "linux"
                                      else None)

    def set_fault(self, name: str, on: bool = True, seconds: float | None = None) -> None:
        """Through the simulator's command topic, as `lineside fault` does."""
        from app.simulator.faults import send_fault_command

        host, port, _ = self.mqtt
        send_fault_command(host, port, name, on, seconds)

    def stop(self, timeout: float = 5.0) -> None:
        if self._proc is None:
            return
        self._proc.terminate()  # the simulator stops cleanly on SIGTERM
        try:
            self._proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout)
        self._proc = None


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the demo dies, however it dies (no orphan PLC)."""
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def demo_overrides(endpoint: str, broker: LocalBroker) -> dict[str, dict[str, object]]:
    return {"plc-body": {"endpoint": endpoint},
            "plant-mqtt": {"host": broker.host, "port": broker.port,
                           "protocol": broker.protocol}}
