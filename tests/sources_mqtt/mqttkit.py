"""Helpers for the MQTT source tests: site files against the test broker, polling, a
recorder of what the runtime emits, and an independent paho client (`Peer`) that plays
the plant's other side."""

from __future__ import annotations

import json
import threading

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion
from support import wait_for

from app.model import LinkState, Sample
from app.runtime import Runtime

TAGS = """
[[tags]]
path = "p1/body/press1/temp"
source = "uns"
address = "p1/body/press1/temp"
type = "float"

[[tags]]
path = "p1/body/press1/count"
source = "uns"
address = "p1/body/press1/count"
type = "int"

[[tags]]
path = "p1/body/press1/running"
source = "uns"
address = "p1/body/press1/running"
type = "bool"

[[tags]]
path = "p1/body/press1/recipe"
source = "uns"
address = "p1/body/press1/recipe"
type = "string"
"""


def site_text(port: int, *, protocol: str = "5", tags: str = TAGS, extra: str = "",
              terminal_id: str = "t1") -> str:
    return f"""
[site]
id = "p1"
name = "Plant 1"
terminal_id = "{terminal_id}"
topic_root = "p1/body"
broker = "uns"

[[sources]]
id = "uns"
kind = "mqtt"
host = "127.0.0.1"
port = {port}
protocol = "{protocol}"
reconnect_max_s = 1.0
{extra}
{tags}
"""


class Recorder:
    """Everything the runtime emits: batches of samples and link states."""

    def __init__(self, rt: Runtime) -> None:
        self.lock = threading.Lock()
        self.batches: list[list[Sample]] = []
        self.states: list[LinkState] = []
        rt.subscribe(self._batch)
        rt.subscribe_status(lambda st: self.states.append(st.state))

    def _batch(self, batch: list[Sample]) -> None:
        with self.lock:
            self.batches.append(list(batch))

    def samples(self, tag: str | None = None) -> list[Sample]:
        with self.lock:
            return [s for b in self.batches for s in b if tag is None or s.tag == tag]


class Peer:
    """An independent paho client (another terminal, a SCADA host): publishes and records."""

    def __init__(self, port: int, client_id: str = "peer", protocol: int = paho.MQTTv311) -> None:
        self.port = port
        self.messages: list[tuple[str, bytes, bool]] = []
        self.lock = threading.Lock()
        self.subscribed = threading.Event()
        self.filters: list[str] = []
        self.client = paho.Client(CallbackAPIVersion.VERSION2, client_id=client_id,
                                  protocol=protocol)
        self.client.reconnect_delay_set(1, 1)
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        self.client.on_subscribe = lambda *a: self.subscribed.set()
        self.connected = threading.Event()

    def start(self, *filters: str) -> Peer:
        self.filters = list(filters)
        self.client.connect("127.0.0.1", self.port, 30)
        self.client.loop_start()
        wait_for(self.connected.is_set, what="the peer to connect")
        if filters:
            wait_for(self.subscribed.is_set, what="the peer's subscription")
        return self

    def _on_connect(self, client, userdata, flags, reason, properties) -> None:
        self.connected.set()
        if self.filters:
            client.subscribe([(f, 1) for f in self.filters])

    def _on_message(self, client, userdata, msg) -> None:
        with self.lock:
            self.messages.append((msg.topic, msg.payload, bool(msg.retain)))

    def publish(self, topic: str, data: bytes | str, retain: bool = False) -> None:
        self.client.publish(topic, data, qos=1, retain=retain).wait_for_publish(5)

    def received(self, topic_prefix: str = "") -> list[tuple[str, bytes, bool]]:
        with self.lock:
            return [m for m in self.messages if m[0].startswith(topic_prefix)]

    def json(self, topic_prefix: str = "") -> list[dict]:
        return [json.loads(p) for _t, p, _r in self.received(topic_prefix)]

    def stop(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()
