"""The simulator's MQTT side: wearable and emission readings out, fault commands in.

Two paho clients: the publisher (which the broker_loss fault disconnects) and a command
listener on CMD_TOPIC that stays connected, so a fault can be cleared over the broker.
Payloads are JSON {"v": value, "ts": epoch_seconds}, QoS 0, not retained (vitals are
personal data and must not linger on the broker).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from app.simulator.faults import CMD_TOPIC

log = logging.getLogger(__name__)


class MqttLink:
    def __init__(self, host: str, port: int, prefix: str,
                 on_command: Callable[[dict[str, Any]], None]) -> None:
        self.host, self.port, self.prefix = host, port, prefix
        self._on_command = on_command
        tag = f"{os.getpid()}-{id(self) & 0xFFFF:x}"
        self._pub = self._client(f"lineside-sim-pub-{tag}")
        self._cmd = self._client(f"lineside-sim-cmd-{tag}")
        self._cmd.on_connect = self._cmd_connected
        self._cmd.on_message = self._cmd_message
        self._pub.on_connect = self._pub_connected
        self._pub.on_connect_fail = self._pub_connect_failed
        self._pub_online = False
        self._warned = False  # say once that the broker is unreachable, not every retry
        self._lock = threading.Lock()

    @staticmethod
    def _client(client_id: str) -> mqtt.Client:
        c = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id)
        c.reconnect_delay_set(0.2, 5)
        return c

    def start(self) -> None:
        """Connect in the background; paho reconnects on its own while the broker is away."""
        self._cmd.connect_async(self.host, self.port, keepalive=10)
        self._cmd.loop_start()
        self.set_publishing(True)

    def stop(self) -> None:
        self.set_publishing(False)
        self._cmd.disconnect()
        self._cmd.loop_stop()

    def set_publishing(self, on: bool) -> None:
        """Connect or disconnect the publisher (the broker_loss fault)."""
        with self._lock:
            if on == self._pub_online:
                return
            self._pub_online = on
            if on:
                self._pub.connect_async(self.host, self.port, keepalive=10)
                self._pub.loop_start()
            else:
                self._pub.disconnect()
                self._pub.loop_stop()
        log.info("MQTT publisher %s (%s:%d)", "connecting" if on else "disconnected",
                 self.host, self.port)

    @property
    def connected(self) -> bool:
        return self._pub.is_connected()

    def publish(self, values: dict[str, float | str], ts: float) -> None:
        if not self._pub.is_connected():
            return
        for topic, v in values.items():
            self._pub.publish(f"{self.prefix}/{topic}", json.dumps({"v": v, "ts": ts}), qos=0)

    def _pub_connected(self, _client: mqtt.Client, _userdata: Any, _flags: Any,
                       reason: Any, _props: Any) -> None:
        if reason.is_failure:
            log.warning("MQTT broker %s:%d refused the simulator: %s", self.host, self.port,
                        reason)
        else:
            self._warned = False
            log.info("MQTT publisher connected to %s:%d", self.host, self.port)

    def _pub_connect_failed(self, _client: mqtt.Client, _userdata: Any) -> None:
        if not self._warned:
            self._warned = True
            log.warning("MQTT broker %s:%d not reachable; retrying in the background",
                        self.host, self.port)

    def _cmd_connected(self, client: mqtt.Client, _userdata: Any, _flags: Any,
                       reason: Any, _props: Any) -> None:
        if reason.is_failure:
            log.warning("simulator command client refused by %s:%d: %s",
                        self.host, self.port, reason)
            return
        client.subscribe(CMD_TOPIC, qos=1)

    def _cmd_message(self, _client: mqtt.Client, _userdata: Any,
                     msg: mqtt.MQTTMessage) -> None:
        try:
            cmd = json.loads(msg.payload)
            if not isinstance(cmd, dict):
                raise ValueError("expected a JSON object")
        except ValueError as e:
            log.warning("ignored command on %s: not JSON %s: %s", msg.topic,
                        '{"fault": NAME, "on": true}', e)
            return
        self._on_command(cmd)
