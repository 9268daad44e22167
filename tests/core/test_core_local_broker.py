"""The demo's broker: both fallbacks really carry messages."""

from __future__ import annotations

import threading

import paho.mqtt.client as mqtt
import pytest

from app.local_broker import LocalBroker, free_port


def roundtrip(host: str, port: int, protocol: str) -> bytes:
    got: list[bytes] = []
    done = threading.Event()
    proto = mqtt.MQTTv5 if protocol == "5" else mqtt.MQTTv311
    c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=proto)

    def on_message(_c, _u, m) -> None:
        got.append(m.payload)
        done.set()

    c.on_message = on_message
    c.connect(host, port)
    c.subscribe("demo/check", qos=1)
    c.publish("demo/check", b"hello", qos=1, retain=True)
    c.loop_start()
    try:
        assert done.wait(5), "no message came back through the broker"
    finally:
        c.loop_stop()
        c.disconnect()
    return got[0]


@pytest.mark.parametrize("kind", ["mosquitto", "amqtt"])
def test_fallback_broker_carries_messages(kind: str, monkeypatch) -> None:
    if kind == "amqtt":
        monkeypatch.setattr("shutil.which", lambda _name: None)
        monkeypatch.setattr("pathlib.Path.exists", lambda _self: False)
    # a port where nothing listens forces a broker of our own
    b = LocalBroker.ensure("127.0.0.1", free_port())
    try:
        assert b.kind == kind
        assert roundtrip(b.host, b.port, b.protocol) == b"hello"
    finally:
        b.stop()


def test_builtin_broker_starts_from_a_thread_without_an_event_loop(monkeypatch) -> None:
    """After any asyncio.run() the main thread has no current loop; the demo's
    fallback broker must not depend on the caller's loop."""
    import asyncio

    asyncio.set_event_loop(None)
    monkeypatch.setattr("shutil.which", lambda _name: None)
    monkeypatch.setattr("pathlib.Path.exists", lambda _self: False)
    b = LocalBroker.ensure("127.0.0.1", free_port())
    monkeypatch.undo()
    try:
        assert roundtrip(b.host, b.port, b.protocol) == b"hello"
    finally:
        b.stop()
