"""The MQTT link a Sparkplug host or edge node speaks over: the paho source, re-aimed.

`SparkplugLink` is `app.sources.mqtt.MqttSource` (same paho client, asyncio socket
driving, reconnect with backoff, clean session, TLS, 3.1.1 fallback) with the parts
Sparkplug fixes itself:
- the will is the role's own death certificate (host: STATE offline; edge node:
  NDEATH with the bdSeq of this connection), built anew for every CONNECT;
- on each connect it subscribes first, then calls `up()`; `subscribed(filters)` runs
  when the SUBACK arrives (the host publishes its STATE birth there, as 3.0 asks);
- an intentional stop publishes `goodbye()` (QoS 1, waits briefly for the PUBACK)
  before DISCONNECT, and `down()` runs whenever the session ends;
- `batch_done()` runs after each socket wake-up's messages, so a role delivers what
  it decoded in one batch.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import paho.mqtt.client as paho
from paho.mqtt.enums import MQTTErrorCode

from app.model import LinkState
from app.sources.base import SampleSink, StatusSink
from app.sources.mqtt import STOP_FLUSH_S, MqttOptions, MqttSource

if TYPE_CHECKING:
    from app.config import SourceConfig, TagConfig

log = logging.getLogger(__name__)

NAMESPACE = "spBv1.0"


@dataclass(frozen=True)
class Outgoing:
    topic: str
    payload: bytes
    qos: int = 0
    retain: bool = False


class SparkplugLink(MqttSource):
    """A paho MQTT session with Sparkplug's will, birth ordering and goodbye."""

    def __init__(self, config: SourceConfig, sink: SampleSink, on_status: StatusSink,
                 secret: str | None = None, *, client_id: str,
                 tags: Sequence[TagConfig] = ()) -> None:
        if not isinstance(config.options, MqttOptions):
            raise TypeError("SparkplugLink needs MqttOptions")
        # No tag topics of its own: every subscription is a Sparkplug filter added with
        # add_subscription, so the plain MQTT payload parser never sees protobuf.
        super().__init__(config, [], sink, on_status, secret)
        self.tags = list(tags)
        self._spb_client_id = client_id
        self._is_up = False

    # --- what a role overrides ------------------------------------------------------------

    def will(self) -> Outgoing | None:
        return None

    def goodbye(self) -> Outgoing | None:
        return None

    def up(self) -> None:
        """Connected and subscriptions sent (loop thread)."""

    def subscribed(self, filters: list[str]) -> None:
        """The broker granted these filters (loop thread)."""

    def down(self) -> None:
        """The session ended: lost, refused or stopped (loop thread)."""

    def batch_done(self) -> None:
        """Every message of one socket wake-up has been handed to its handler."""

    # --- sending --------------------------------------------------------------------------

    @property
    def online(self) -> bool:
        return self._online and self._client is not None

    def send(self, msg: Outgoing) -> bool:
        """Publish now (loop thread); False when not connected or paho refused it."""
        client = self._client
        if client is None or not self._online:
            return False
        try:
            info = client.publish(msg.topic, msg.payload, qos=msg.qos, retain=msg.retain)
        except ValueError as e:
            log.error("Sparkplug link %s: cannot send on %s: %s", self.id, msg.topic, e)
            return False
        return info.rc == MQTTErrorCode.MQTT_ERR_SUCCESS

    def drop(self, reason: str) -> None:
        """End this session on purpose (goodbye, then DISCONNECT, so no will); the run
        loop connects again after its usual delay, with a new will."""
        client = self._client
        if client is None or not self._online:
            return
        log.warning("Sparkplug link %s: reconnecting: %s", self.id, reason)
        bye = self.goodbye()
        if bye is not None:
            client.publish(bye.topic, bye.payload, qos=1, retain=bye.retain)
        client.disconnect()

    # --- the MqttSource seams -------------------------------------------------------------

    def client_id(self) -> str:
        return self.options.client_id or self._spb_client_id

    def _new_client(self) -> paho.Client:
        client = super()._new_client()
        w = self.will()
        if w is not None:
            client.will_set(w.topic, w.payload, qos=w.qos, retain=w.retain)
        return client

    def _connected(self, client: paho.Client) -> None:
        if client is not self._client or not self._online:
            return
        log.info("Sparkplug link %s: connected to %s as %s (MQTT %s)", self.id, self.address,
                 self.client_id(), self.protocol)
        filters = list(dict.fromkeys(f for f, _ in self._handlers))
        if filters:
            self._subscribe(client, filters)
        self._is_up = True
        self.set_state(LinkState.CONNECTED, f"broker {self.address}")
        self.up()

    def _on_subscribe(self, client: paho.Client, userdata: Any, mid: int, reasons: list[Any],
                      properties: Any) -> None:
        chunk = list(self._sub_mids.get(mid, []))
        super()._on_subscribe(client, userdata, mid, reasons, properties)
        granted = [f for f, r in zip(chunk, reasons, strict=False) if not r.is_failure]
        if granted and client is self._client:
            self.subscribed(granted)

    def _flush(self) -> None:
        super()._flush()
        self.batch_done()

    def _went_offline(self) -> None:
        super()._went_offline()
        if self._is_up:
            self._is_up = False
            try:
                self.down()
            except Exception:
                log.exception("Sparkplug link %s: error while going offline", self.id)

    async def _close(self) -> None:
        client = self._client
        bye = self.goodbye() if client is not None and self._online else None
        if client is not None and bye is not None and self._loop is not None:
            self._status_acked = self._loop.create_future()
            info = client.publish(bye.topic, bye.payload, qos=1, retain=bye.retain)
            self._status_mid = info.mid
            try:
                await asyncio.wait_for(self._status_acked, STOP_FLUSH_S)
            except TimeoutError:
                log.warning("Sparkplug link %s: broker did not confirm %s within %.1f s",
                            self.id, bye.topic, STOP_FLUSH_S)
        await super()._close()


def mqtt_config(source_id: str, options: MqttOptions) -> SourceConfig:
    """A SourceConfig for a link built outside the runtime's source list."""
    from app.config import SourceConfig

    return SourceConfig(source_id, "mqtt", options)


def with_options(config: SourceConfig, options: MqttOptions) -> SourceConfig:
    return dataclasses.replace(config, options=options)
