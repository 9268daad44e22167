"""The whole system on embedded defaults: simulated plant, local broker, local store.

`DemoStack.start()` finds or starts a broker, starts the simulator on 4840 (or a free
port when taken), and loads the shipped demo site pointed at both. `lineside demo`,
the screenshot script and the benchmarks all start the plant this one way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app import config, paths
from app.config import SiteConfig
from app.local_broker import LocalBroker, free_port, reachable

log = logging.getLogger(__name__)


@dataclass
class DemoStack:
    broker: LocalBroker
    sim: object  # app.simulator.SimulatorThread
    config: SiteConfig
    data_dir: Path

    @classmethod
    def start(cls, *, faults: Iterable[str] = (), terminal_id: str | None = None,
              mqtt_port: int = 1883, opcua_port: int = 4840,
              data_dir: Path | None = None, site_file: Path | None = None) -> DemoStack:
        from app.simulator import SimulatorThread

        broker = LocalBroker.ensure("127.0.0.1", mqtt_port)
        port = opcua_port if not reachable("127.0.0.1", opcua_port) else free_port()
        sim = SimulatorThread(opcua_port=port, mqtt=(broker.host, broker.port), faults=faults)
        try:
            sim.start()
            cfg = config.load(site_file or paths.DEMO_SITE,
                              terminal_id=terminal_id or "demo-terminal-1",
                              source_overrides=demo_overrides(sim.endpoint, broker))
        except BaseException:
            sim.stop()
            broker.stop()
            raise
        data = data_dir or paths.data_dir() / "demo" / cfg.site.terminal_id
        data.mkdir(parents=True, exist_ok=True)
        log.info("demo plant: OPC UA %s, broker %s:%d (%s, MQTT %s), store in %s",
                 sim.endpoint, broker.host, broker.port, broker.kind, broker.protocol, data)
        return cls(broker, sim, cfg, data)

    def stop(self) -> None:
        self.sim.stop()  # type: ignore[attr-defined]
        self.broker.stop()


def demo_overrides(endpoint: str, broker: LocalBroker) -> dict[str, dict[str, object]]:
    return {"plc-body": {"endpoint": endpoint},
            "plant-mqtt": {"host": broker.host, "port": broker.port,
                           "protocol": broker.protocol}}
