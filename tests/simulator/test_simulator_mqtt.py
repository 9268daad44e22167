"""The simulator on a real broker: wearable/emission topics, fault commands, broker loss."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from app import config
from app.simulator import CMD_TOPIC, Fault
from app.simulator.people import HEART_RATE_WORKER, PSEUDONYMS


class Listener:
    """A plain MQTT subscriber recording every message per topic, with receive times."""

    def __init__(self, host: str, port: int, topic: str) -> None:
        self.messages: dict[str, list[tuple[float, Any]]] = defaultdict(list)
        self._lock = threading.Lock()
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="sim-test-listener")
        self.client.on_connect = lambda c, *_: c.subscribe(topic)
        self.client.on_message = self._on_message
        self.client.connect(host, port)
        self.client.loop_start()

    def _on_message(self, _c: Any, _u: Any, msg: mqtt.MQTTMessage) -> None:
        with self._lock:
            self.messages[msg.topic].append((time.monotonic(), json.loads(msg.payload)))

    def last(self, topic: str) -> Any:
        with self._lock:
            return self.messages[topic][-1][1] if self.messages.get(topic) else None

    def count_since(self, t: float) -> int:
        with self._lock:
            return sum(1 for msgs in self.messages.values() for ts, _ in msgs if ts >= t)

    def send(self, topic: str, payload: Any) -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload)
        self.client.publish(topic, data, qos=1).wait_for_publish(5)

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def test_readings_arrive_and_faults_follow_the_command_topic(plant, wait_for) -> None:
    cfg = config.load(plant.site_file)
    assert cfg.sources["plc-body"].options.endpoint == plant.endpoint
    assert cfg.sources["plant-mqtt"].options.port == plant.broker.port
    lis = Listener(plant.broker.host, plant.broker.port, "demo/body/line1/#")
    try:
        hr = f"demo/body/line1/wearables/{HEART_RATE_WORKER}/heart_rate"
        wait_for(lambda: lis.last(hr), 5, "a heart rate reading")
        wait_for(lambda: all(lis.last(t.address) is not None for t in cfg.tags_of("plant-mqtt")),
                 5, "every MQTT tag of the site to be published")
        msg = lis.last(hr)
        assert set(msg) == {"v", "ts"} and abs(msg["ts"] - time.time()) < 5
        assert 40 < msg["v"] < 120
        assert all(p in str(list(lis.messages)) for p in PSEUDONYMS)

        lis.send(CMD_TOPIC, b"not json")  # ignored with a log line; the simulator lives on
        lis.send(CMD_TOPIC, {"fault": "meltdown", "on": True})
        lis.send(CMD_TOPIC, {"fault": "heart_rate_spike", "on": True})
        lis.send(CMD_TOPIC, {"fault": "gas_leak", "on": True})
        wait_for(lambda: lis.last(hr)["v"] > 150, 10, "heart rate above 150 bpm")
        wait_for(lambda: plant.sim.values()["Env.Gas"] > 10, 10, "gas above 10 %LEL")
        lis.send(CMD_TOPIC, {"fault": "gas_leak", "on": False})
        wait_for(lambda: Fault.GAS_LEAK not in plant.sim.sim.faults, 5, "gas_leak cleared")
        assert Fault.HEART_RATE_SPIKE in plant.sim.sim.faults
    finally:
        lis.close()


def test_broker_loss_stops_publishing_until_cleared(plant, wait_for) -> None:
    lis = Listener(plant.broker.host, plant.broker.port, "demo/body/line1/#")
    try:
        wait_for(lambda: lis.count_since(0) > 0, 5, "first readings")
        lis.send(CMD_TOPIC, {"fault": "broker_loss", "on": True})
        wait_for(lambda: Fault.BROKER_LOSS in plant.sim.sim.faults, 5, "broker_loss on")
        wait_for(lambda: not plant.sim.sim.link.connected, 5, "the publisher disconnected")
        quiet_from = time.monotonic()
        # Silence can only be seen over time: one and a half publish periods (1 Hz)
        # on a link that is already down.
        time.sleep(1.5)
        assert lis.count_since(quiet_from) == 0, "publisher should be disconnected"
        lis.send(CMD_TOPIC, {"fault": "broker_loss", "on": False})  # the command link stays
        back = time.monotonic()
        wait_for(lambda: lis.count_since(back) > 0, 5, "readings to resume")
    finally:
        lis.close()
