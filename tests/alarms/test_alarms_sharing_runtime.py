"""Sharing through the real terminal path: Runtime, MQTT source, store-and-forward
outbox, two terminals on one Mosquitto; links that are down at ack time catch up."""

from __future__ import annotations

import json

import pytest

from app import config
from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmDefinition, AlarmKind, AlarmState, Priority
from app.alarms.sharing import AlarmSharing
from app.auth.permissions import Role
from app.model import LinkState, Sample
from app.runtime import Runtime
from app.store import Store

TAG = "p1/body/press1/oil_temp"
DEF = AlarmDefinition("oil_hi", AlarmKind.HIGH, Priority.HIGH, "Oil hot", tag=TAG, limit=60.0)
SITE = """
[site]
id = "p1"
name = "Plant 1"
terminal_id = "{terminal}"
topic_root = "p1/body"
broker = "uns"

[[sources]]
id = "uns"
kind = "mqtt"
host = "127.0.0.1"
port = {port}
reconnect_max_s = 0.5
"""


class Terminal:
    def __init__(self, tmp_path, name: str, port: int) -> None:
        site = tmp_path / f"{name}.toml"
        site.write_text(SITE.format(terminal=name, port=port))
        self.cfg = config.load(site)
        self.store = Store(tmp_path / f"{name}.db", terminal_id=name).open()
        self.engine = AlarmEngine([DEF], terminal_id=name)
        self.runtime: Runtime | None = None
        self.connect()

    def connect(self) -> None:
        self.runtime = Runtime(self.cfg, self.store)
        self.runtime.start()
        self.sharing = AlarmSharing(self.engine, self.runtime, self.cfg.site.topic_root)
        self.sharing.start()

    def disconnect(self) -> None:
        self.sharing.stop()
        self.runtime.stop()
        self.runtime = None

    def online(self) -> bool:
        rt = self.runtime
        return rt is not None and rt.links["uns"].state is LinkState.CONNECTED

    def state(self) -> AlarmState:
        return self.engine.get("oil_hi").state

    def close(self) -> None:
        if self.runtime is not None:
            self.disconnect()
        self.store.close()


@pytest.fixture
def pair(tmp_path, broker, wait_for):
    a = Terminal(tmp_path, "A", broker.port)
    b = Terminal(tmp_path, "B", broker.port)
    wait_for(lambda: a.online() and b.online(), what="both terminals online")
    for t in (a, b):
        t.engine.on_samples([Sample(TAG, 0.0, 75.0)])
    yield a, b
    a.close()
    b.close()


def test_broker_down_at_ack_time_ack_arrives_after_it_is_back(pair, broker, wait_for):
    a, b = pair
    broker.stop()
    wait_for(lambda: not a.online(), what="A notices the broker is gone")
    a.engine.acknowledge("oil_hi", actor="u7", role=Role.OPERATOR)  # into A's outbox
    assert a.state() is AlarmState.ACKED and b.state() is AlarmState.UNACK
    broker.restart()
    wait_for(lambda: b.state() is AlarmState.ACKED, timeout=20,
             what="the ack forwarded from A's outbox reaches B")
    assert b.engine.get("oil_hi").last_ack.actor == "u7"


def test_offline_terminal_catches_up_from_retained_state(pair, wait_for, transport_factory):
    a, b = pair
    b.disconnect()  # B's link is down
    a.engine.shelve("oil_hi", actor="lead", role=Role.TEAM_LEAD, reason="Sensor fault",
                    duration_s=900)
    seen: list[dict] = []
    probe = transport_factory("probe")
    probe.subscribe_topic("p1/body/alarms/oil_hi/state",
                          lambda _t, p: seen.append(json.loads(p)))
    probe.connect()
    wait_for(lambda: any(m.get("shelve") for m in seen),
             what="the broker holds the retained shelved state")
    assert b.state() is AlarmState.UNACK
    b.connect()
    wait_for(lambda: b.state() is AlarmState.SHELVED, timeout=15,
             what="B applies the retained shelve")
    assert b.engine.get("oil_hi").shelved.actor == "lead"
