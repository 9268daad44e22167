"""Tag values arriving over MQTT: payload forms, quality, timestamps, bad payloads, link loss."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

import pytest
from mqttkit import site_text, wait_for

from app.model import LinkState, Quality

TEMP, COUNT, RUN, RECIPE = (f"p1/body/press1/{n}" for n in ("temp", "count", "running",
                                                               "recipe"))


def _value(rt, tag):
    s = rt.latest.get(tag)
    return None if s is None else (s.value, s.quality)


@pytest.mark.parametrize("protocol", ["3.1.1", "5"])
def test_values_in_json_and_bare_forms(broker, peers, start_runtime, protocol):
    peer = peers(broker.port)
    # Retained, so it arrives whenever the terminal's subscription is in place.
    peer.publish(TEMP, b"20.0", retain=True)
    rt, _rec = start_runtime(site_text(broker.port, protocol=protocol))
    wait_for(lambda: _value(rt, TEMP) == (20.0, Quality.GOOD), what="the retained value")
    assert rt.links["uns"].state is LinkState.CONNECTED

    before = time.time()
    peer.publish(TEMP, b'{"v": 21.5, "ts": 1700000000123, "q": "uncertain"}')
    peer.publish(COUNT, b'{"v": 7, "ts": "2024-05-01T10:00:00Z", "q": 0}')
    peer.publish(RUN, b"true")
    peer.publish(RECIPE, b"Sedan A7")
    wait_for(lambda: _value(rt, RECIPE) == ("Sedan A7", Quality.GOOD), what="the recipe")
    temp, count, running = rt.latest[TEMP], rt.latest[COUNT], rt.latest[RUN]
    assert (temp.value, temp.quality, temp.ts) == (21.5, Quality.UNCERTAIN, 1700000000.123)
    assert (count.value, count.quality) == (7, Quality.GOOD)
    assert count.ts == datetime(2024, 5, 1, 10, tzinfo=UTC).timestamp()
    assert running.value is True and before - 1 <= running.ts <= time.time() + 1

    # OPC UA status codes: severity bits 10 = bad; a bare number; JSON false; quoted text.
    peer.publish(COUNT, b'{"v": 8, "q": 2147483648}')
    peer.publish(TEMP, b"-3.25e1")
    peer.publish(RUN, b'{"v": false, "ts": 1700000001}')
    peer.publish(RECIPE, b'"Coupe \\"GT\\""')
    wait_for(lambda: _value(rt, RECIPE) == ('Coupe "GT"', Quality.GOOD), what="quoted text")
    assert _value(rt, COUNT) == (8, Quality.BAD)
    assert _value(rt, TEMP) == (-32.5, Quality.GOOD)
    assert _value(rt, RUN) == (False, Quality.GOOD) and rt.latest[RUN].ts == 1700000001.0


def test_malformed_payloads_are_counted_logged_and_skipped(broker, peers, start_runtime,
                                                           caplog):
    caplog.set_level(logging.WARNING, logger="app.sources.mqtt")
    peer = peers(broker.port)
    peer.publish(TEMP, b"1.0", retain=True)
    rt, _rec = start_runtime(site_text(broker.port, extra="max_payload = 64"))
    wait_for(lambda: _value(rt, TEMP) == (1.0, Quality.GOOD), what="the first value")

    bad_temp = [
        b"\xff\xfe21",  # not UTF-8
        b"warm",  # not a number
        b'{"ts": 1700000000}',  # no "v"
        b'{"v": 21.5',  # broken JSON
        b'{"v": true}',  # wrong type for a float tag
        b'{"v": 1, "q": "great"}',  # unknown quality
        b'{"v": 1, "ts": "yesterday"}',  # bad time
        b"[1, 2]",  # not a number, not an object
        b'{"v": "' + b"9" * 100 + b'"}',  # larger than max_payload (64)
        b"",  # empty
    ]
    for data in bad_temp:
        peer.publish(TEMP, data)
    peer.publish(COUNT, b"3.5")  # not a whole number
    peer.publish(RUN, b"maybe")
    peer.publish(TEMP, b"2.0")  # good values keep flowing on the same topic...
    peer.publish(COUNT, b"4")  # ...and on others
    wait_for(lambda: _value(rt, COUNT) == (4, Quality.GOOD), what="the good count")
    wait_for(lambda: _value(rt, TEMP) == (2.0, Quality.GOOD), what="the good temperature")

    src = rt.sources["uns"]
    assert src.malformed[TEMP] == len(bad_temp)
    assert src.malformed[COUNT] == 1 and src.malformed[RUN] == 1
    assert rt.links["uns"].state is LinkState.CONNECTED
    # Logged once per topic per minute, naming the topic and the reason.
    lines = [r.getMessage() for r in caplog.records if "malformed" in r.getMessage()]
    assert len([x for x in lines if TEMP + ":" in x]) == 1
    assert any(TEMP in x and "not UTF-8" in x for x in lines)
    assert any(COUNT in x and "not a whole number" in x for x in lines)
    assert any(RUN in x and "not true or false" in x for x in lines)


def test_link_loss_marks_tags_bad_and_recovery_good(broker, peers, start_runtime):
    peer = peers(broker.port)
    peer.publish(TEMP, b"5.0", retain=True)
    rt, rec = start_runtime(site_text(broker.port))
    wait_for(lambda: _value(rt, TEMP) == (5.0, Quality.GOOD), what="the first value")

    broker.stop()
    wait_for(lambda: rt.links["uns"].state is LinkState.RECONNECTING, what="RECONNECTING")
    assert "lost" in rt.links["uns"].detail
    wait_for(lambda: all(_value(rt, t) is not None and _value(rt, t)[1] is Quality.BAD
                         for t in (TEMP, COUNT, RUN, RECIPE)), what="every tag BAD")
    assert _value(rt, TEMP) == (5.0, Quality.BAD)  # the last value, shown as bad

    broker.start()
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, timeout=10,
             what="CONNECTED again")
    wait_for(peer.client.is_connected, what="the peer to reconnect")
    peer.publish(TEMP, b"6.0", retain=True)
    wait_for(lambda: _value(rt, TEMP) == (6.0, Quality.GOOD), what="GOOD again")
    assert LinkState.RECONNECTING in rec.states


def test_values_are_delivered_in_batches(broker, peers, start_runtime):
    """A burst reaches the runtime in far fewer deliveries than messages."""
    peer = peers(broker.port)
    peer.publish(COUNT, b"0", retain=True)
    rt, rec = start_runtime(site_text(broker.port))
    wait_for(lambda: _value(rt, COUNT) == (0, Quality.GOOD), what="the first value")
    n = 2000
    for i in range(1, n + 1):
        peer.client.publish(COUNT, str(i).encode(), qos=1)
    wait_for(lambda: _value(rt, COUNT) == (n, Quality.GOOD), timeout=20, what="the last value")
    values = [s.value for s in rec.samples(COUNT)]
    assert values[-n:] == list(range(1, n + 1))  # none lost, in order
    batches = [b for b in rec.batches if any(s.tag == COUNT for s in b)]
    assert len(batches) < n / 2
