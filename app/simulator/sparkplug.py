"""A simulated Sparkplug B edge node: births, data and deaths on a broker, in its own process.

Publishes one metric of every basic datatype (Int8 .. UInt64, Float, Double, Boolean,
String, DateTime, Text) plus a few line signals with engineering units and limits,
changing each interval; `Line/Speed setpoint` and `Line/Run` accept writes from a host
(NCMD) and read back in the next NDATA, as a device would. Run with
`lineside simulate-sparkplug --broker HOST:PORT [--group G --edge E]`; the demo and
the tests start it so a LineSide host has a real edge node to read.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
import uuid as uuidlib
from typing import Any

from app.model import Quality, Value
from app.sources.mqtt import MqttOptions
from app.sparkplug.codec import SpDataType as T
from app.sparkplug.edge import EdgeMetric, EdgeNode, EdgeOptions

METRICS = [
    EdgeMetric("Types/Int8", T.INT8, writable=True),
    EdgeMetric("Types/Int16", T.INT16, writable=True),
    EdgeMetric("Types/Int32", T.INT32),
    EdgeMetric("Types/Int64", T.INT64),
    EdgeMetric("Types/UInt8", T.UINT8),
    EdgeMetric("Types/UInt16", T.UINT16),
    EdgeMetric("Types/UInt32", T.UINT32),
    EdgeMetric("Types/UInt64", T.UINT64),
    EdgeMetric("Types/Float", T.FLOAT),
    EdgeMetric("Types/Double", T.DOUBLE),
    EdgeMetric("Types/Boolean", T.BOOLEAN),
    EdgeMetric("Types/String", T.STRING),
    EdgeMetric("Types/DateTime", T.DATETIME),
    EdgeMetric("Types/Text", T.TEXT),
    EdgeMetric("Types/UUID", T.UUID),
    EdgeMetric("Line/Speed", T.DOUBLE, unit="parts/min", low=0.0, high=60.0),
    EdgeMetric("Line/Speed setpoint", T.DOUBLE, unit="parts/min", low=0.0, high=60.0,
               writable=True),
    EdgeMetric("Line/Run", T.BOOLEAN, writable=True),
    EdgeMetric("Line/Parts", T.UINT32, unit="parts"),
    EdgeMetric("Oven/Temperature", T.FLOAT, unit="degC", low=0.0, high=250.0, deadband=0.2),
]


class SparkplugSimulator:
    """An edge node whose values move like a small line; writes land on the 'device'."""

    def __init__(self, mqtt: MqttOptions, group: str = "LineSideSim",
                 edge: str = "sim-edge-1", interval_s: float = 1.0, seed: int = 1) -> None:
        self.node = EdgeNode(EdgeOptions(group, edge, publish_interval_s=interval_s,
                                         accept_writes=True, write_actor="simulator"),
                             METRICS, mqtt, writer=self._write)
        self.interval_s = interval_s
        self.rng = random.Random(seed)
        self.device: dict[str, Value] = {"Line/Speed setpoint": 42.0, "Line/Run": True,
                                         "Types/Int8": -8, "Types/Int16": -1600}
        self.parts = 0
        self.step_n = 0

    def _write(self, path: str, value: Value, actor: str) -> Any:
        self.device[path] = value
        self.node.update(path, value, time.time())
        return None

    def step(self) -> None:
        """Move every value one interval on (deterministic for a seed)."""
        self.step_n += 1
        n, t = self.step_n, time.time()
        run = bool(self.device["Line/Run"])
        sp = float(self.device["Line/Speed setpoint"])  # type: ignore[arg-type]
        speed = sp + self.rng.uniform(-1.0, 1.0) if run else 0.0
        self.parts += int(speed / 60 * self.interval_s * 10) if run else 0
        values: dict[str, Value] = {
            "Types/Int8": self.device["Types/Int8"], "Types/Int16": self.device["Types/Int16"],
            "Types/Int32": -100_000 - n, "Types/Int64": -(2**40) - n,
            "Types/UInt8": n % 256, "Types/UInt16": 60_000 + n % 1000,
            "Types/UInt32": 4_000_000_000 + n, "Types/UInt64": 2**63 + n,
            "Types/Float": round(math.sin(n / 10), 3), "Types/Double": math.pi * n,
            "Types/Boolean": n % 2 == 0, "Types/String": f"step {n}",
            "Types/DateTime": int(t * 1000), "Types/Text": f"line one\nstep {n}",
            "Types/UUID": str(uuidlib.UUID(int=n)),
            "Line/Speed": round(max(speed, 0.0), 2), "Line/Speed setpoint": sp,
            "Line/Run": run, "Line/Parts": self.parts,
            "Oven/Temperature": round(180 + 5 * math.sin(n / 30) + self.rng.gauss(0, 0.1), 2),
        }
        for name, v in values.items():
            self.node.update(name, v, t, Quality.GOOD)

    async def run(self) -> None:
        self.step()
        task = asyncio.create_task(self.node.run())
        try:
            while True:
                await asyncio.sleep(self.interval_s)
                self.step()
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


class SparkplugSimulatorProcess:
    """`lineside simulate-sparkplug` as a child process (the demo's second edge node, a
    gateway of its own); ends with its parent on Linux."""

    def __init__(self, host: str, port: int, protocol: str = "5", group: str = "DemoPlant",
                 edge: str = "paint-gateway") -> None:
        from app.self_command import lineside_argv

        self.group, self.edge = group, edge
        self._cmd = lineside_argv("simulate-sparkplug", "--broker", f"{host}:{port}",
                                  "--group", group, "--edge", edge, "--protocol", protocol)
        self._proc: Any = None

    def start(self) -> SparkplugSimulatorProcess:
        import subprocess
        import sys

        self._proc = subprocess.Popen(self._cmd, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL,
                                      preexec_fn=_die_with_parent if sys.platform == "linux"
                                      else None)
        return self

    def terminate(self) -> None:
        """Ask it to stop (SIGTERM: NDEATH, then DISCONNECT) without waiting, so it
        stops alongside whatever else is stopping."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()

    def stop(self, timeout: float = 2.0) -> None:
        import subprocess

        if self._proc is None:
            return
        self.terminate()
        try:
            self._proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout)
        self._proc = None


def _die_with_parent() -> None:
    import ctypes
    import signal

    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
