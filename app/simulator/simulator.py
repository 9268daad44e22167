"""The running simulator: the model stepped in real time, served over OPC UA and MQTT.

`Simulator` runs on an asyncio loop (await start()/stop()); `SimulatorThread` wraps it in
its own thread for synchronous callers (tests, `lineside demo`). Faults switch on and
off at any time, optionally for a number of seconds.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
import time
from collections.abc import Iterable
from typing import Any

from app.simulator import production
from app.simulator.faults import CMD_TOPIC, Fault, parse_fault
from app.simulator.model import PlantModel
from app.simulator.publisher import MqttLink
from app.simulator.server import PlcServer
from app.simulator.signals import UNS_PREFIX, endpoint_url

log = logging.getLogger(__name__)

FaultSpec = str | Fault  # a Fault, "name" or "name:seconds"


def _parse(spec: FaultSpec) -> tuple[Fault, float | None]:
    return (spec, None) if isinstance(spec, Fault) else parse_fault(spec)


class Simulator:
    """The plant simulator on the caller's asyncio loop."""

    def __init__(self, opcua_port: int = 4840, mqtt: tuple[str, int] | None = ("127.0.0.1", 1883),
                 faults: Iterable[FaultSpec] = (), seed: int = 1, rate_hz: float = 10,
                 mqtt_rate_hz: float = 1.0, schedule: str = "none") -> None:
        if rate_hz <= 0 or mqtt_rate_hz <= 0:
            raise ValueError("rate_hz and mqtt_rate_hz must be positive")
        self.opcua_port = opcua_port
        self.mqtt = mqtt
        self.rate_hz = rate_hz
        self.mqtt_rate_hz = mqtt_rate_hz
        self.model = PlantModel(seed=seed, schedule=schedule)
        self._deadlines: dict[Fault, float | None] = {}
        for spec in faults:
            fault, seconds = _parse(spec)
            self._deadlines[fault] = None if seconds is None else time.monotonic() + seconds
        self._sync_model_faults()
        self.server: PlcServer | None = None
        self.link: MqttLink | None = None
        self._task: asyncio.Task | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def endpoint(self) -> str:
        return endpoint_url(self.opcua_port)

    @property
    def topic_prefix(self) -> str:
        return UNS_PREFIX

    @property
    def faults(self) -> frozenset[Fault]:
        return frozenset(self._deadlines)

    # --- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        """Serve OPC UA (unless plc_offline), connect MQTT, start stepping the model.

        Returns once the server accepts connections. Raises OSError if the port is taken.
        """
        self._loop = asyncio.get_running_loop()
        self.server = PlcServer(self.opcua_port, self.model.values, self._write)
        await self.server.start()
        if Fault.PLC_OFFLINE in self._deadlines:
            await self.server.stop_listening()
        if self.mqtt is not None:
            host, port = self.mqtt
            self.link = MqttLink(host, port, UNS_PREFIX, self._command_from_thread)
            self.link.start()
            self.link.set_publishing(Fault.BROKER_LOSS not in self._deadlines)
            production.publish_orders(host, port, time.time())  # the demo day's orders
        self._task = asyncio.create_task(self._run(), name="lineside-simulator")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        if self.server is not None:
            await self.server.stop()
            self.server = None
        if self.link is not None:
            await asyncio.to_thread(self.link.stop)
            self.link = None

    # --- faults ---------------------------------------------------------------------------

    def set_fault(self, name: FaultSpec, on: bool = True, seconds: float | None = None) -> None:
        """Switch a fault on (for `seconds`, or until switched off) or off.

        `name` may carry the seconds itself: "plc_offline:5".

        Call on the simulator's loop (SimulatorThread.set_fault does that for threads).
        Raises ValueError for an unknown name.
        """
        fault, parsed = _parse(name)
        seconds = parsed if seconds is None else seconds
        if on:
            self._deadlines[fault] = None if seconds is None else time.monotonic() + seconds
            log.info("fault %s on%s", fault, f" for {seconds} s" if seconds else "")
        elif self._deadlines.pop(fault, 0) != 0:
            log.info("fault %s cleared", fault)
        self._sync_model_faults()

    def _sync_model_faults(self) -> None:
        self.model.faults = set(self._deadlines)

    def _command_from_thread(self, cmd: dict[str, Any]) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.command, cmd)

    def command(self, cmd: dict[str, Any]) -> None:
        """Apply a command-topic message {"fault": NAME, "on": bool, "seconds": N}."""
        name, on, seconds = cmd.get("fault"), cmd.get("on", True), cmd.get("seconds")
        if not isinstance(name, str) or not isinstance(on, bool) or not (
                seconds is None or (isinstance(seconds, int | float) and seconds > 0)):
            log.warning("ignored command on %s: %r (expected {\"fault\": NAME, \"on\": "
                        "true|false, \"seconds\": N})", CMD_TOPIC, cmd)
            return
        try:
            self.set_fault(name, on, seconds)
        except ValueError as e:
            log.warning("ignored command on %s: %s", CMD_TOPIC, e)

    # --- the loop -------------------------------------------------------------------------

    def _write(self, name: str, value: Any) -> None:
        self.model.write(name, value)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        dt = 1.0 / self.rate_hz
        mqtt_every = max(1, round(self.rate_hz / self.mqtt_rate_hz))
        next_t = loop.time()
        tick = 0
        while True:
            try:
                self.model.step(dt)
                await self._apply_transport_faults()
                if self.server is not None and self.server.listening:
                    await self.server.publish()
                if self.link is not None and tick % mqtt_every == 0:
                    self.link.publish(self.model.mqtt_values(), time.time())
            except asyncio.CancelledError:
                raise
            except OSError:
                log.exception("simulator: could not restart the OPC UA server; retrying")
            tick += 1
            next_t += dt
            delay = next_t - loop.time()
            if delay < -1.0:  # far behind (a busy machine): skip, do not race to catch up
                next_t = loop.time()
            await asyncio.sleep(max(0.0, delay))

    async def _apply_transport_faults(self) -> None:
        now = time.monotonic()
        expired = [f for f, d in self._deadlines.items() if d is not None and now >= d]
        for f in expired:
            self.set_fault(f, False)
        offline = Fault.PLC_OFFLINE in self._deadlines
        if self.server is not None and offline == self.server.listening:
            await (self.server.stop_listening() if offline else self.server.start_listening())
        if self.link is not None:
            self.link.set_publishing(Fault.BROKER_LOSS not in self._deadlines)


async def _cancel_the_rest() -> None:
    rest = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for t in rest:
        t.cancel()
    await asyncio.gather(*rest, return_exceptions=True)


class SimulatorThread:
    """A Simulator on its own thread and loop, for synchronous callers."""

    def __init__(self, opcua_port: int = 4840, mqtt: tuple[str, int] | None = ("127.0.0.1", 1883),
                 faults: Iterable[FaultSpec] = (), seed: int = 1, rate_hz: float = 10,
                 mqtt_rate_hz: float = 1.0, schedule: str = "none") -> None:
        self.sim = Simulator(opcua_port, mqtt, faults, seed, rate_hz, mqtt_rate_hz,
                             schedule)
        self._loop = asyncio.new_event_loop()
        self._thread: threading.Thread | None = None

    @property
    def endpoint(self) -> str:
        return self.sim.endpoint

    def start(self, timeout: float = 30.0) -> None:
        """Start and return once the OPC UA server accepts connections."""
        self._thread = threading.Thread(target=self._loop.run_forever,
                                        name="lineside-simulator", daemon=True)
        self._thread.start()
        try:
            self._call(self.sim.start(), timeout)
        except BaseException:
            self.stop()
            raise

    def stop(self, timeout: float = 10.0) -> None:
        if self._thread is None:
            return
        try:
            self._call(self.sim.stop(), timeout)
        except concurrent.futures.TimeoutError:
            log.warning("simulator did not stop within %.0f s", timeout)
        finally:
            try:  # the server's session and subscription loops of clients still connected
                self._call(_cancel_the_rest(), 2.0)
            except Exception:
                log.debug("simulator: tasks left at stop", exc_info=True)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout)
            self._thread = None
            self._loop.close()

    def set_fault(self, name: FaultSpec, on: bool = True, seconds: float | None = None) -> None:
        """Thread-safe `Simulator.set_fault`; raises ValueError for an unknown name."""
        fault, parsed = _parse(name)
        self._loop.call_soon_threadsafe(self.sim.set_fault, fault, on,
                                        parsed if seconds is None else seconds)

    def values(self) -> dict[str, Any]:
        """A snapshot of every OPC UA signal, taken on the simulator's thread."""

        async def snap() -> dict[str, Any]:
            return self.sim.model.values()

        return self._call(snap(), 5.0)

    def _call(self, coro: Any, timeout: float) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def __enter__(self) -> SimulatorThread:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
