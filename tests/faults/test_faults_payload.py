"""Poison payloads, log floods and impossible times against a real Mosquitto."""

from __future__ import annotations

import json
import logging
import threading
import time

import paho.mqtt.client as paho
import pytest
from faultkit import site_text, wait_for
from paho.mqtt.enums import CallbackAPIVersion

from app import cli, config
from app.config import DataType
from app.model import LinkState, Quality
from app.runtime import Runtime
from app.sources.mqtt import HANDLER_LOG_LIMIT
from app.sources.payload import MalformedPayload, parse, parse_any
from app.store import Store
from app.terminal import Terminal

log = logging.getLogger(__name__)
TEMP, COUNT = "p1/body/press1/temp", "p1/body/press1/count"
NOW = time.time()

DEEP = b"[" * 100_000 + b"]" * 100_000
POISON = [
    DEEP,  # RecursionError inside json
    b'{"v": ' + DEEP + b"}",
    b'{"v": 1, "x": ' + b"{\"a\":" * 50_000 + b"1" + b"}" * 50_000 + b"}",
    b"1" * 5000,  # int(): more than 4,300 digits
    b'{"v": ' + b"7" * 5000 + b"}",  # the same inside json
    b'{"v": "' + b"9" * 5000 + b'"}',
    b'{"v": 1, "ts": ' + b"1" * 5000 + b"}",
    b'{"v": 1, "q": ' + b"1" * 5000 + b"}",
]


def _publisher(port: int) -> paho.Client:
    c = paho.Client(CallbackAPIVersion.VERSION2, client_id=f"poison-{time.monotonic_ns()}")
    c.connect("127.0.0.1", port)
    c.loop_start()
    return c


def _send(c: paho.Client, topic: str, data: bytes, retain: bool = False) -> None:
    c.publish(topic, data, qos=1, retain=retain).wait_for_publish(5)


@pytest.mark.parametrize("data", POISON, ids=range(len(POISON)))
@pytest.mark.parametrize("type_", list(DataType))
def test_poison_payloads_raise_only_malformed(data, type_):
    """Nothing but MalformedPayload comes out; a bare payload is text to a string tag."""
    for fn in (lambda: parse(data, type_, received=NOW, max_size=1 << 20),
               lambda: parse_any(data, received=NOW, max_size=1 << 20)):
        try:
            value, _ts, _q = fn()
        except MalformedPayload:
            continue
        assert isinstance(value, str)  # text is text, however long
    if type_ is not DataType.STRING:
        with pytest.raises(MalformedPayload):
            parse(data, type_, received=NOW, max_size=1 << 20)


@pytest.mark.parametrize(("ts", "reason"), [
    ('"3000-01-01T00:00:00Z"', "ahead of this terminal's clock"),
    ("1e308", "ahead of this terminal's clock"),
    ("32503680000", "ahead"),  # year 3000 in seconds
    ('"1999-12-31T23:59:59Z"', "before 2000"),
    ("1", "before 2000"),
])
def test_impossible_times_are_refused(ts, reason):
    with pytest.raises(MalformedPayload, match=reason):
        parse(f'{{"v": 1, "ts": {ts}}}'.encode(), DataType.FLOAT, received=NOW,
              max_size=1024)
    # within the allowed skew is fine; beyond a configured skew is not
    assert parse(f'{{"v": 1, "ts": {NOW + 10}}}'.encode(), DataType.FLOAT, received=NOW,
                 max_size=1024)[1] == NOW + 10
    with pytest.raises(MalformedPayload, match="at most 5 s"):
        parse(f'{{"v": 1, "ts": {NOW + 10}}}'.encode(), DataType.FLOAT, received=NOW,
              max_size=1024, max_skew_s=5)


def test_retained_poison_does_not_take_the_source_down(broker, tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="app.sources.mqtt")
    pub = _publisher(broker.port)
    try:
        _send(pub, TEMP, DEEP, retain=True)  # retained: delivered at every (re)connect
        _send(pub, COUNT, b"1" * 5000, retain=True)
        path = tmp_path / "site.toml"
        path.write_text(site_text(broker.port, extra="max_payload = 1048576"))
        rt = Runtime(config.load(path))
        states: list[LinkState] = []
        rt.subscribe_status(lambda st: states.append(st.state))
        rt.start()
        try:
            src = rt.sources["uns"]
            wait_for(lambda: src.malformed[TEMP] >= 1 and src.malformed[COUNT] >= 1,
                     what="both poison messages counted")
            # The stream goes on: good values on the same topics arrive.
            for i in range(5):
                _send(pub, TEMP, f"{20 + i}".encode())
                _send(pub, COUNT, f"{i}".encode())
                _send(pub, TEMP, DEEP)
            wait_for(lambda: rt.latest.get(COUNT) and rt.latest[COUNT].value == 4
                     and rt.latest[TEMP].value == 24.0, what="good values after the poison")
            time.sleep(1.5)  # a reconnect loop would show within the 1 s backoff
            assert states.count(LinkState.CONNECTED) == 1, states
            assert LinkState.RECONNECTING not in states, states
            assert rt.latest[TEMP].quality is Quality.GOOD
            assert src.malformed[TEMP] == 6 and src.malformed[COUNT] == 1
            lines = [r.getMessage() for r in caplog.records if "malformed" in r.getMessage()]
            assert len([x for x in lines if TEMP + ":" in x]) == 1, lines
            assert any(COUNT in x and "digits" in x for x in lines)
            assert not [r for r in caplog.records if r.exc_info]
        finally:
            rt.stop()
    finally:
        _send(pub, TEMP, b"", retain=True)
        _send(pub, COUNT, b"", retain=True)
        pub.loop_stop()
        pub.disconnect()


def test_impossible_times_are_not_stored(broker, tmp_path):
    path = tmp_path / "site.toml"
    path.write_text(site_text(broker.port, extra="max_clock_skew_s = 60"))
    cfg = config.load(path)
    store = Store(tmp_path / "t.db", terminal_id="t1").open()
    rt = Runtime(cfg, store)
    rt.start()
    pub = _publisher(broker.port)
    try:
        src = wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED
                       and rt.sources["uns"], what="connected")
        time.sleep(0.2)  # subscriptions in place
        now = time.time()
        for ts in ('"3000-01-01T00:00:00Z"', "1e308", str(now + 600), '"1999-01-01"', "5"):
            _send(pub, TEMP, f'{{"v": 99, "ts": {ts}}}'.encode())
        _send(pub, TEMP, f'{{"v": 1.5, "ts": {now}}}'.encode())
        wait_for(lambda: rt.latest.get(TEMP) and rt.latest[TEMP].value == 1.5, what="good")
        assert src.malformed[TEMP] == 5
        store.flush()
        with store.read() as c:
            rows = c.execute("SELECT ts, value FROM samples").fetchall()
        assert [v for _t, v in rows] == [1.5]
        assert all(946684800 < t < now + 60 for t, _v in rows)
    finally:
        pub.loop_stop()
        pub.disconnect()
        rt.stop()
        store.close()


def test_shared_state_handlers_do_not_flood_the_log(broker, tmp_path, caplog):
    """3,000 malformed messages on the shared-state topics of a whole terminal."""
    caplog.set_level(logging.INFO)
    path = tmp_path / "site.toml"
    path.write_text(site_text(broker.port))
    term = Terminal(config.load(path), store_path=tmp_path / "t.db").start()
    rt = term.runtime
    boom: list[str] = []

    def fragile(topic: str, data: bytes) -> None:  # a handler with a bug
        boom.append(topic)
        raise KeyError("state")

    def chatty(topic: str, data: bytes) -> None:  # logs every message, in its own words
        log.warning(f"chatty: cannot use {data[:12]!r} from {topic}")

    rt.subscribe_topic("p1/body/fragile/#", fragile)
    rt.subscribe_topic("p1/body/chatty/#", chatty)
    pub = _publisher(broker.port)
    try:
        wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="connected")
        time.sleep(0.3)
        topics = ["p1/body/andon/x", "p1/body/alarms/a1/state", "p1/body/alarms/events",
                  "p1/body/layouts/anna", "p1/body/terminals/t9/status",
                  "p1/body/lines/l1/summary", "p1/body/fragile/one", "p1/body/chatty/x"]
        payloads = [b"{not json", b"[1,2]", b'{"v": ' + b"1" * 5000 + b"}", DEEP[:2000],
                    b"\xff\xfe", b'{"id": 5}']
        caplog.clear()
        n = 0
        for i in range(3000 // len(topics) + 1):
            for t in topics:
                pub.publish(t, payloads[i % len(payloads)], qos=0)
                n += 1
        pub.publish("p1/body/fragile/one", b"last", qos=1).wait_for_publish(5)
        wait_for(lambda: boom and boom[-1] == "p1/body/fragile/one" and len(boom) > 300,
                 timeout=20, what="the flood dispatched")
        time.sleep(0.5)
        src = rt.sources["uns"]
        assert src.handler_errors["p1/body/fragile/#"] == len(boom)
        records = [r for r in caplog.records if r.levelno >= logging.WARNING]
        tracebacks = [r for r in records if r.exc_info]
        # At most a few lines per kind of problem per subscription, not one per message.
        assert len(records) <= 40, [r.getMessage() for r in records][:60]
        # each kind (logger, message, subscription) once a minute
        kinds = [(r.name, r.msg, r.args[:3] if r.name == "app.sources.mqtt" else r.args[:1])
                 for r in records]
        assert len(kinds) == len(set(kinds))
        assert len(tracebacks) <= len(topics)  # at most one per subscription
        assert len([r for r in records if "chatty" in r.getMessage()]) == 1
        # Every problem is counted, logged or not.
        problems = HANDLER_LOG_LIMIT.problems
        assert sum(v for k, v in problems.items() if k.startswith("uns:p1/body/")) >= n * 0.8
        assert rt.links["uns"].state is LinkState.CONNECTED
    finally:
        pub.loop_stop()
        pub.disconnect()
        term.stop()


def test_probe_decodes_like_the_terminal(broker, capsys):
    c = _publisher(broker.port)
    stop = threading.Event()

    def publish() -> None:
        while not stop.wait(0.1):
            c.publish("site/probe/huge", b"1" * 5000)
            c.publish("site/probe/deep", DEEP)
            c.publish("site/probe/ok", b'{"v": 7.5, "q": "uncertain"}')

    t = threading.Thread(target=publish, daemon=True)
    t.start()
    try:
        assert cli.main(["probe", "--mqtt", f"127.0.0.1:{broker.port}", "--topic",
                         "site/probe/#", "--seconds", "1"]) == 0
    finally:
        stop.set()
        t.join()
        c.loop_stop()
        c.disconnect()
    got = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.startswith("{")]
    huge = [g for g in got if g["tag"] == "site/probe/huge"]
    assert huge and all(g["quality"] == "bad" and g["value"] is None for g in huge)
    assert "5000 digits" in huge[0]["error"]
    ok = [g for g in got if g["tag"] == "site/probe/ok"]
    assert ok and ok[0]["value"] == 7.5 and ok[0]["quality"] == "uncertain"
