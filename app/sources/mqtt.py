"""MQTT source (paho-mqtt 2.x): tag topics in, the terminal's outbox out."""

from __future__ import annotations

from dataclasses import dataclass

from app.config import Table
from app.sources.base import Source
from app.sources.registry import register


@dataclass(frozen=True)
class MqttOptions:
    host: str
    port: int = 1883
    protocol: str = "5"  # "3.1.1" or "5"
    tls: bool = False
    ca_file: str | None = None
    certfile: str | None = None
    keyfile: str | None = None
    tls_insecure: bool = False
    username: str | None = None
    client_id: str | None = None
    keepalive_s: int = 30
    reconnect_max_s: float = 30.0
    max_payload: int = 256 * 1024


@register("mqtt")
class MqttSource(Source):
    @classmethod
    def parse_options(cls, t: Table) -> MqttOptions:
        tls = t.bool("tls", False)
        return MqttOptions(
            host=t.str("host", required=True),
            port=t.int("port", 8883 if tls else 1883, min=1, max=65535),
            protocol=t.str("protocol", "5", choices=("3.1.1", "5")),
            tls=tls,
            ca_file=t.str("ca_file"),
            certfile=t.str("certfile"),
            keyfile=t.str("keyfile"),
            tls_insecure=t.bool("tls_insecure", False),
            username=t.str("username"),
            client_id=t.str("client_id"),
            keepalive_s=t.int("keepalive_s", 30, min=1, max=65535),
            reconnect_max_s=t.float("reconnect_max_s", 30.0, min=0.5, max=3600),
            max_payload=t.int("max_payload", 256 * 1024, min=16, max=256 * 1024 * 1024),
        )

    async def run(self) -> None:  # implemented with the MQTT source work
        raise NotImplementedError
