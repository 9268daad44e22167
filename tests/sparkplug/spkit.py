"""Helpers for the Sparkplug tests against a real broker: a host runtime from a site file,
an edge node on a loop of its own, a plain paho peer playing somebody else's edge node,
and polling."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion
from support import wait_for  # noqa: F401 (re-exported)

from app import config
from app.model import Sample
from app.runtime import Runtime
from app.sparkplug import codec
from app.sparkplug.codec import Metric, Payload
from app.sparkplug.codec import SpDataType as T


def host_site(port: int, *, tags: str = "", extra: str = "", groups: str = '["G"]') -> str:
    return f"""
[site]
id = "p1"
name = "Plant 1"
terminal_id = "t1"

[[sources]]
id = "spb"
kind = "sparkplug"
host = "127.0.0.1"
port = {port}
groups = {groups}
host_id = "lineside-test"
reorder_timeout_s = 0.3
rebirth_interval_s = 0.3
write_timeout_s = 2.0
all_metrics = true
{extra}
{tags}
"""


class Recorder:
    """Everything the runtime emits, and the historical values of its Sparkplug source."""

    def __init__(self, rt: Runtime) -> None:
        self.lock = threading.Lock()
        self.samples: list[Sample] = []
        self.historical: list[Sample] = []
        self.latest: dict[str, Sample] = {}
        rt.subscribe(self._on)

    def _on(self, batch: list[Sample]) -> None:
        with self.lock:
            self.samples.extend(batch)
            for s in batch:
                self.latest[s.tag] = s

    def on_historical(self, batch: list[Sample]) -> None:
        with self.lock:
            self.historical.extend(batch)

    def value(self, tag: str) -> Any:
        with self.lock:
            s = self.latest.get(tag)
        return None if s is None else (s.value, str(s.quality))


def start_host(tmp_path: Path, text: str) -> tuple[Runtime, Recorder]:
    path = tmp_path / "host.toml"
    path.write_text(text)
    rt = Runtime(config.load(path))
    rec = Recorder(rt)
    rt.start()
    rt.sources["spb"].on_historical.add(rec.on_historical)  # type: ignore[attr-defined]
    return rt, rec


class LoopThread:
    """An asyncio loop on its own thread: an edge node's home, like its own process."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.tasks: list[asyncio.Future[Any]] = []

    def run(self, coro: Any) -> None:
        async def start() -> None:
            self.tasks.append(asyncio.ensure_future(coro))

        asyncio.run_coroutine_threadsafe(start(), self.loop).result(5)

    def call(self, fn: Callable[[], Any]) -> Any:
        async def go() -> Any:
            return fn()

        return asyncio.run_coroutine_threadsafe(go(), self.loop).result(5)

    def stop(self) -> None:
        async def cancel() -> None:
            for t in self.tasks:
                t.cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(cancel(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


class Peer:
    """A plain paho client: somebody else's edge node, or a watcher of the namespace."""

    def __init__(self, port: int, client_id: str, *filters: str) -> None:
        self.lock = threading.Lock()
        self.messages: list[tuple[str, bytes, bool]] = []
        self.client = paho.Client(CallbackAPIVersion.VERSION2, client_id=client_id,
                                  protocol=paho.MQTTv5)
        self.client.on_message = self._on
        self.port = port
        self.filters = filters
        self._subscribed = threading.Event()
        self.client.on_subscribe = lambda *a: self._subscribed.set()

    def will(self, topic: str, payload: bytes) -> Peer:
        self.client.will_set(topic, payload, qos=1)
        return self

    def start(self) -> Peer:
        self.client.connect("127.0.0.1", self.port)
        self.client.loop_start()
        if self.filters:
            self.client.subscribe([(f, 1) for f in self.filters])
            assert self._subscribed.wait(5)
        return self

    def _on(self, client: Any, userdata: Any, msg: paho.MQTTMessage) -> None:
        with self.lock:
            self.messages.append((msg.topic, msg.payload, bool(msg.retain)))

    def on(self, topic: str) -> list[bytes]:
        with self.lock:
            return [p for t, p, _r in self.messages if t == topic]

    def publish(self, topic: str, payload: bytes, qos: int = 0, retain: bool = False) -> None:
        self.client.publish(topic, payload, qos=qos, retain=retain).wait_for_publish(5)

    def stop(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()


def birth(seq: int = 0, bd: int = 1, temp: float = 20.0) -> bytes:
    return codec.encode(Payload(timestamp=int(time.time() * 1000), seq=seq, metrics=[
        Metric("bdSeq", bd, T.INT64), Metric("Node Control/Rebirth", False, T.BOOLEAN),
        Metric("Temp", temp, T.DOUBLE, alias=1)]))


def data(seq: int, temp: float) -> bytes:
    return codec.encode(Payload(timestamp=int(time.time() * 1000), seq=seq, metrics=[
        Metric(None, temp, T.DOUBLE, alias=1)]), datatypes=False)


def death(bd: int) -> bytes:
    return codec.encode(Payload(timestamp=int(time.time() * 1000),
                                metrics=[Metric("bdSeq", bd, T.INT64)]))
