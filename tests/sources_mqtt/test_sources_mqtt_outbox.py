"""Store-and-forward through the terminal's broker: every event once, in order, across a
broker restart and a terminal killed mid-outage; presence and last will."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import paho.mqtt.client as paho
from mqttkit import site_text, wait_for
from paho.mqtt.enums import CallbackAPIVersion

from app.model import LinkState

EVENTS = "p1/body/events/#"
TOPIC = "p1/body/events/press1"
STATUS = "p1/body/terminals/t1/status"


def _in_order_once(msgs: list[dict]) -> list[int]:
    """What a consumer that drops repeats by "msg_id" sees."""
    seen: set[str] = set()
    out = []
    for m in msgs:
        if m["msg_id"] not in seen:
            seen.add(m["msg_id"])
            out.append(m["n"])
    return out


def test_broker_restart_mid_stream_delivers_every_event_once_in_order(broker, peers,
                                                                      start_runtime):
    peer = peers(broker.port, EVENTS)
    rt, _rec = start_runtime(site_text(broker.port), store=True)
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="CONNECTED")
    n = 300
    futures = []

    def produce() -> None:
        for i in range(n):
            futures.append(rt.publish(TOPIC, {"n": i}))
            time.sleep(0.003)

    producer = threading.Thread(target=produce)
    producer.start()
    wait_for(lambda: len(peer.received(TOPIC)) >= 60, what="the stream to start")
    # Freeze the broker first: what the terminal sends now stays un-acked (in flight),
    # then kill it; those messages must be resent after the reconnect.
    assert broker.proc is not None
    os.kill(broker.proc.pid, signal.SIGSTOP)
    wait_for(lambda: rt.store.outbox.count() >= 30, what="messages in flight")
    broker.stop()
    wait_for(lambda: rt.links["uns"].state is not LinkState.CONNECTED, what="the link loss")
    wait_for(lambda: len(futures) >= 200, what="events stored while the broker is down")
    # Hold the terminal until the consumer is subscribed again: a non-persistent broker
    # forgets subscriptions, and what it receives before then has no subscriber.
    gate = threading.Event()
    rt.loop.call_soon_threadsafe(gate.wait, 10)
    peer.subscribed.clear()
    broker.start()
    wait_for(peer.subscribed.is_set, what="the consumer to subscribe again")
    gate.set()
    producer.join()
    wait_for(lambda: len({m["msg_id"] for m in peer.json(TOPIC)}) >= n, timeout=20,
             what="every event at the consumer")
    assert _in_order_once(peer.json(TOPIC)) == list(range(n))
    assert [f.result(5).seq for f in futures] == sorted(f.result(5).seq for f in futures)
    wait_for(lambda: rt.store.outbox.count() == 0, what="an empty outbox")


def test_presence_online_on_connect_offline_on_stop(broker, peers, start_runtime):
    rt, _rec = start_runtime(site_text(broker.port), store=True)
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="CONNECTED")
    late = peers(broker.port, STATUS)  # a late joiner gets the retained state
    wait_for(lambda: late.json(STATUS), what="the retained online status")
    assert late.json(STATUS)[-1]["online"] is True
    assert late.json(STATUS)[-1]["terminal"] == "t1"

    t0 = time.monotonic()
    rt.stop()
    assert time.monotonic() - t0 < 1.5
    wait_for(lambda: late.json(STATUS)[-1]["online"] is False, what="the offline status")
    later = peers(broker.port, STATUS)
    wait_for(lambda: later.received(STATUS), what="the retained offline status")
    assert later.received(STATUS)[-1][2] is True  # retained
    assert later.json(STATUS)[-1]["online"] is False


def test_mqtt5_messages_carry_msg_id_property(broker, start_runtime):
    got: queue.Queue = queue.Queue()
    c = paho.Client(CallbackAPIVersion.VERSION2, client_id="v5peer", protocol=paho.MQTTv5)
    c.on_message = lambda _c, _u, msg: got.put(msg)
    c.connect("127.0.0.1", broker.port)
    c.subscribe(EVENTS, qos=1)
    c.loop_start()
    try:
        rt, _rec = start_runtime(site_text(broker.port, protocol="5"), store=True)
        wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="CONNECTED")
        stored = rt.publish(TOPIC, {"n": 1}).result(5)
        msg = got.get(timeout=10)
        assert json.loads(msg.payload)["msg_id"] == stored.msg_id
        assert ("msg_id", stored.msg_id) in msg.properties.UserProperty
        assert msg.qos == 1
    finally:
        c.loop_stop()
        c.disconnect()


class Terminal:
    """The terminal process; lines it prints are queued for the test to wait on."""

    def __init__(self, site: Path, db: Path) -> None:
        here = Path(__file__).parent
        root = here.parent.parent
        env = {**os.environ, "PYTHONPATH": str(root)}
        self.proc = subprocess.Popen(
            [sys.executable, str(here / "mqtt_terminal_proc.py"), str(site), str(db)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=root)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def expect(self, prefix: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"terminal did not print {prefix!r} in {timeout} s") \
                    from None
            if line.startswith(prefix):
                return line

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(5)


def test_killed_terminal_replays_stored_events_and_leaves_a_will(broker, peers, tmp_path):
    site = tmp_path / "site.toml"
    site.write_text(site_text(broker.port))
    db = tmp_path / "terminal.db"
    peer = peers(broker.port, EVENTS, STATUS)

    first = Terminal(site, db)
    try:
        first.expect("status connected")
        wait_for(lambda: any(m["online"] for m in peer.json(STATUS)), what="online status")
        broker.stop()
        first.expect("status reconnecting")
        first.send(f"publish {TOPIC} 0 50")
        first.expect("stored")  # committed while the broker is down
    finally:
        first.kill()

    peer.subscribed.clear()
    broker.start()
    wait_for(peer.subscribed.is_set, what="the consumer to subscribe again")
    second = Terminal(site, db)
    try:
        second.expect("status connected")
        wait_for(lambda: len(peer.json(TOPIC)) >= 50, what="the replayed events")
        assert _in_order_once(peer.json(TOPIC)) == list(range(50))
        for _ in range(100):  # acks are committed shortly after the PUBACKs
            second.send("count")
            if second.expect("count") == "count 0":
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the outbox was not emptied after the replay")
        # SIGKILL while connected: the broker publishes the last will, retained.
        second.kill()
        wait_for(lambda: peer.json(STATUS)[-1]["online"] is False, what="the last will")
        late = peers(broker.port, STATUS)
        wait_for(lambda: late.json(STATUS), what="the retained will")
        assert late.json(STATUS)[-1] == {**late.json(STATUS)[-1], "online": False,
                                         "terminal": "t1"}
        assert late.received(STATUS)[-1][2] is True
    finally:
        if second.proc.poll() is None:
            second.kill()
