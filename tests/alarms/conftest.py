"""Alarm test fixtures: a clock the test drives, and an engine fed through it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from support import FakeClock
from support import wait_for as _wait_for

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmDefinition, AlarmEvent
from app.model import Quality, Sample, Value


class Feed:
    """Drives one engine: samples at the clock's time, ticks, and records events."""

    def __init__(self, engine: AlarmEngine, clock: FakeClock) -> None:
        self.engine, self.clock = engine, clock
        self.events: list[AlarmEvent] = []
        engine.subscribe(self.events.extend)

    def value(self, tag: str, value: Value, quality: Quality = Quality.GOOD,
              after: float = 0.0) -> None:
        self.clock.advance(after)
        self.engine.on_samples([Sample(tag, self.clock.t, value, quality)])

    def tick(self, after: float = 0.0) -> None:
        self.engine.tick(self.clock.advance(after))

    def kinds(self, alarm_id: str | None = None) -> list[str]:
        return [str(e.kind) for e in self.events if alarm_id is None or e.alarm_id == alarm_id]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1_700_000_000.0)


@pytest.fixture
def make_feed(clock: FakeClock) -> Callable[..., Feed]:
    def make(*defs: AlarmDefinition, **kw) -> Feed:
        return Feed(AlarmEngine(defs, clock=clock, **kw), clock)

    return make


@pytest.fixture
def wait_for() -> Callable[..., None]:
    """Poll `cond()` until true or fail after `timeout` seconds (no sleep-and-hope)."""
    return _wait_for


class PahoTransport:
    """A terminal's broker link for sharing tests: a real paho client that can drop
    and re-establish its connection (the Runtime plays this role in the app)."""

    def __init__(self, broker, client_id: str) -> None:
        import paho.mqtt.client as mqtt

        self._mqtt = mqtt
        self.broker = broker
        self.handlers: list[tuple[str, Callable[[str, bytes], None]]] = []
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id,
                                  protocol=mqtt.MQTTv5)
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        self.subscribed = 0

    def _on_connect(self, client, userdata, flags, reason, props) -> None:
        for flt, _ in self.handlers:
            client.subscribe(flt, qos=1)
        self.subscribed += 1

    def _on_message(self, client, userdata, msg) -> None:
        for flt, handler in self.handlers:
            if self._mqtt.topic_matches_sub(flt, msg.topic):
                handler(msg.topic, msg.payload)

    def connect(self) -> None:
        self.client.connect(self.broker.host, self.broker.port)
        self.client.loop_start()

    def disconnect(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()

    def publish(self, topic: str, payload: dict, *, qos: int = 1, retain: bool = False):
        import json

        return self.client.publish(topic, json.dumps(payload), qos=qos, retain=retain)

    def subscribe_topic(self, topic_filter: str,
                        handler: Callable[[str, bytes], None]) -> Callable[[], None]:
        self.handlers.append((topic_filter, handler))
        if self.client.is_connected():
            self.client.subscribe(topic_filter, qos=1)
        return lambda: self.handlers.remove((topic_filter, handler))


@pytest.fixture
def transport_factory(broker) -> Iterator[Callable[[str], PahoTransport]]:
    """Make a terminal's broker link (a real MQTT client) on the test's Mosquitto."""
    made: list[PahoTransport] = []

    def make(client_id: str) -> PahoTransport:
        t = PahoTransport(broker, client_id)
        made.append(t)
        return t

    yield make
    for t in made:
        t.disconnect()
