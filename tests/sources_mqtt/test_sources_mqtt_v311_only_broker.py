"""A broker that only speaks MQTT 3.1.1 (amqtt here; older HiveMQ, gateways elsewhere):
a source configured for MQTT 5 falls back to 3.1.1 instead of staying offline."""

from __future__ import annotations

import pytest
from mqttkit import site_text, wait_for

from app.local_broker import LocalBroker, free_port
from app.model import LinkState


@pytest.fixture
def v311_broker(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda _name: None)
    monkeypatch.setattr("pathlib.Path.exists", lambda _self: False)
    b = LocalBroker.ensure("127.0.0.1", free_port())  # nothing there: starts amqtt
    monkeypatch.undo()
    assert b.kind == "amqtt"
    yield b
    b.stop()


def test_mqtt5_source_falls_back_to_311_and_ingests(v311_broker, start_runtime,
                                                    peers) -> None:
    # amqtt neither parses an MQTT 5 CONNECT with a will nor answers 0x84: two silent
    # attempts (a CONNACK timeout each, shortened here from the 10 s default) before the
    # fallback.
    rt, rec = start_runtime(site_text(v311_broker.port, protocol="5",
                                      extra="connack_timeout_s = 1.5"), store=True)
    src = rt.sources["uns"]
    wait_for(lambda: src.status.state is LinkState.CONNECTED, 20, "a 3.1.1 connection")
    assert src.protocol == "3.1.1"
    peer = peers(v311_broker.port)
    wait_for(lambda: (peer.publish("p1/body/press1/temp", b"21.5") or True)
             and any(s.value == 21.5 for s in rec.samples("p1/body/press1/temp")), 10,
             "a value through the 3.1.1 broker")
