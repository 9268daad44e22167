"""Acknowledgements and shelves shared between two terminals on one real Mosquitto."""

from __future__ import annotations

import json

import pytest

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmDefinition, AlarmKind, AlarmState, Priority
from app.alarms.sharing import AlarmSharing
from app.auth.permissions import Role
from app.model import Sample

TAG = "demo/body/line1/press/press1/oil_temp"
DEF = AlarmDefinition("oil_hi", AlarmKind.HIGH, Priority.HIGH, "Oil hot", tag=TAG, limit=60.0)
ROOT = "demo/line1"


class Terminal:
    def __init__(self, tid: str, transport) -> None:
        self.engine = AlarmEngine([DEF], terminal_id=tid)
        self.transport = transport
        self.sharing = AlarmSharing(self.engine, self.transport, ROOT)
        self.sharing.start()
        self.transport.connect()

    def state(self) -> AlarmState:
        return self.engine.get("oil_hi").state

    def process(self, value: float) -> None:
        self.engine.on_samples([Sample(TAG, 0.0, value)])


@pytest.fixture
def terminals(transport_factory, wait_for):
    a = Terminal("term-a", transport_factory("term-a"))
    b = Terminal("term-b", transport_factory("term-b"))
    wait_for(lambda: a.transport.subscribed and b.transport.subscribed, what="both connected")
    return a, b


def test_ack_on_one_terminal_acknowledges_on_the_other(terminals, wait_for):
    a, b = terminals
    a.process(70.0)
    b.process(70.0)
    assert a.state() is b.state() is AlarmState.UNACK
    a.engine.acknowledge("oil_hi", actor="u7", role=Role.OPERATOR)
    wait_for(lambda: b.state() is AlarmState.ACKED, what="ack reached terminal B")
    ack = [e for e in b.engine.history("oil_hi") if e.kind == "acknowledged"]
    assert len(ack) == 1 and ack[0].actor == "u7" and ack[0].origin == "remote"
    assert ack[0].terminal == "term-a"


def test_terminal_offline_at_ack_time_catches_up_from_retained_state(terminals, wait_for):
    a, b = terminals
    a.process(70.0)
    b.process(70.0)
    b.transport.disconnect()  # B's broker link is down
    a.engine.acknowledge("oil_hi", actor="u7", role=Role.OPERATOR)
    a.engine.shelve("oil_hi", actor="lead", role=Role.TEAM_LEAD, reason="Sensor fault",
                    duration_s=600)
    a.transport.client.publish("sync/flush", b"", qos=1).wait_for_publish(5)
    assert b.state() is AlarmState.UNACK  # nothing reached B yet
    b.transport.connect()
    wait_for(lambda: b.state() is AlarmState.SHELVED, what="B caught up with the shelve")
    st = b.engine.get("oil_hi")
    assert st.last_ack.actor == "u7" and st.shelved.reason == "Sensor fault"
    b.engine.unshelve("oil_hi", actor="lead2", role=Role.SUPERVISOR)  # latest action wins
    wait_for(lambda: a.engine.get("oil_hi").shelved is None, what="unshelve reached A")
    assert a.state() is AlarmState.UNACK  # still hot: annunciates again on both


def test_messages_are_idempotent_and_own_messages_ignored(clock):
    sent: list[tuple[str, dict]] = []

    class Loopback:
        def publish(self, topic, payload, *, qos=1, retain=False):
            sent.append((topic, payload))

        def subscribe_topic(self, topic_filter, handler):
            return lambda: None

    a = AlarmEngine([DEF], terminal_id="term-a", clock=clock)
    b = AlarmEngine([DEF], terminal_id="term-b", clock=clock)
    sa, sb = AlarmSharing(a, Loopback(), ROOT), AlarmSharing(b, Loopback(), ROOT)
    sa.start()
    for e in (a, b):
        e.on_samples([Sample(TAG, clock.t, 70.0)])
    a.acknowledge("oil_hi", actor="u7", role=Role.OPERATOR)
    acks = [(t, p) for t, p in sent if p.get("event") == "acknowledged"
            or (t.endswith("/state") and p["ack"])]
    assert acks
    applied = sum(sb.on_message(t, json.dumps(p).encode()) for t, p in acks * 3)
    assert applied == 1 and b.get("oil_hi").state is AlarmState.ACKED
    topic, own = acks[0]
    assert sa.on_message(topic, json.dumps(own).encode()) == 0  # its own message
    assert sb.on_message(f"{ROOT}/alarms/events", b"{not json") == 0  # logged, not raised


def test_remote_action_from_a_role_without_permission_is_ignored(clock):
    b = AlarmEngine([DEF], terminal_id="term-b", clock=clock)
    sb = AlarmSharing(b, None, ROOT)  # type: ignore[arg-type]
    b.on_samples([Sample(TAG, clock.t, 70.0)])
    msg = {"id": "m1", "terminal": "term-a", "alarm": "oil_hi", "action": {
        "id": "x1", "ts": clock.t, "actor": "op", "role": "operator", "terminal": "term-a",
        "action": "shelve", "reason": "r", "until": clock.t + 60}}
    assert sb.on_message(f"{ROOT}/alarms/events", json.dumps(msg).encode()) == 0
    assert b.get("oil_hi").state is AlarmState.UNACK


class Capture(list):
    """A transport that keeps what is published: (topic, payload) pairs."""

    def publish(self, topic, payload, *, qos=1, retain=False):
        self.append((topic, payload))

    def subscribe_topic(self, topic_filter, handler):
        return lambda: None


def test_late_remote_ack_covers_its_activation_but_not_a_later_one(clock):
    a = AlarmEngine([DEF], terminal_id="term-a", clock=clock)
    b = AlarmEngine([DEF], terminal_id="term-b", clock=clock)
    sb = AlarmSharing(b, None, ROOT)  # type: ignore[arg-type]
    sent = Capture()
    AlarmSharing(a, sent, ROOT).start()
    for e in (a, b):
        e.on_samples([Sample(TAG, clock.t, 70.0)])
    clock.advance(10)
    a.acknowledge("oil_hi", actor="u7", role=Role.OPERATOR)
    ack_state = next(p for t, p in sent if t.endswith("/state") and p["ack"])
    clock.advance(60)
    for e in (a, b):
        e.on_samples([Sample(TAG, clock.t, 50.0)])  # cleared; B never heard of the ack
    assert b.get("oil_hi").state is AlarmState.RTN_UNACK
    # B's link comes back a while later: the ack was for this activation, so it applies.
    clock.advance(120)
    assert sb.on_message(f"{ROOT}/alarms/oil_hi/state", json.dumps(ack_state).encode()) == 1
    assert b.get("oil_hi").state is AlarmState.NORMAL
    # A new activation long after that ack is not acknowledged by replaying it.
    b.on_samples([Sample(TAG, clock.advance(60), 70.0)])
    replay = dict(ack_state, ack=dict(ack_state["ack"], id="replayed"))
    assert sb.on_message(f"{ROOT}/alarms/oil_hi/state", json.dumps(replay).encode()) == 0
    assert b.get("oil_hi").state is AlarmState.UNACK


def test_ack_that_arrives_before_this_terminal_sees_the_activation_covers_it(clock):
    """A acknowledged while B's own reading had not yet crossed the limit (two PLC
    subscriptions a moment apart): when B's activation follows, it is acknowledged;
    an activation well after that ack is not."""
    a = AlarmEngine([DEF], terminal_id="term-a", clock=clock)
    b = AlarmEngine([DEF], terminal_id="term-b", clock=clock)
    sb = AlarmSharing(b, None, ROOT)  # type: ignore[arg-type]
    sent = Capture()
    AlarmSharing(a, sent, ROOT).start()
    a.on_samples([Sample(TAG, clock.t, 70.0)])
    a.acknowledge("oil_hi", actor="u7", role=Role.OPERATOR)
    for topic, payload in sent:
        sb.on_message(topic, json.dumps(payload).encode())
    assert b.get("oil_hi").state is AlarmState.NORMAL  # nothing active on B yet
    b.on_samples([Sample(TAG, clock.advance(1), 70.0)])
    assert b.get("oil_hi").state is AlarmState.ACKED
    ack = [e for e in b.history("oil_hi") if e.kind == "acknowledged"]
    assert len(ack) == 1 and ack[0].actor == "u7" and ack[0].terminal == "term-a"
    # cleared, then a new activation a minute later: annunciated, not acknowledged
    b.on_samples([Sample(TAG, clock.advance(1), 50.0)])
    b.on_samples([Sample(TAG, clock.advance(60), 70.0)])
    assert b.get("oil_hi").state is AlarmState.UNACK
