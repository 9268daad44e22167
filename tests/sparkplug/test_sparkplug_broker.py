"""Both directions against a real Mosquitto: LineSide's edge node read by LineSide's host,
other publishers' messages (a plain paho peer), STATE, rebirth, bdSeq, stale, history."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from spkit import LoopThread, Peer, birth, data, death, host_site, start_host, wait_for

from app.model import Quality
from app.sources.base import SourceError
from app.sources.mqtt import MqttOptions
from app.sparkplug.codec import SpDataType as T
from app.sparkplug.edge import EdgeMetric, EdgeNode, EdgeOptions

NS = "spBv1.0/G"

EVERY_TYPE = {
    "i8": (T.INT8, -128), "i16": (T.INT16, -32768), "i32": (T.INT32, -(2**31)),
    "i64": (T.INT64, -(2**63)), "u8": (T.UINT8, 255), "u16": (T.UINT16, 65535),
    "u32": (T.UINT32, 2**32 - 1), "u64": (T.UINT64, 2**64 - 1), "f": (T.FLOAT, 0.1),
    "d": (T.DOUBLE, -1.25e-300), "b": (T.BOOLEAN, True), "s": (T.STRING, "Grüße"),
    "dt": (T.DATETIME, 1_796_000_000_123), "txt": (T.TEXT, "a\nb"),
    "null": (T.INT32, None),
}


@pytest.fixture
def loops():
    made: list[LoopThread] = []

    def make() -> LoopThread:
        lt = LoopThread()
        made.append(lt)
        return lt

    yield make
    for lt in made:
        lt.stop()


@pytest.fixture
def hosts(tmp_path):
    made = []

    def make(text):
        rt, rec = start_host(tmp_path, text)
        made.append(rt)
        return rt, rec

    yield make
    for rt in made:
        rt.stop()


def edge_node(port, metrics, **opts):
    # Births once our host's STATE says online (3.0 primary host), so a test need not
    # start the two in order.
    o = {"publish_interval_s": 0.05, "primary_host": "lineside-test", **opts}
    return EdgeNode(EdgeOptions("G", "E", **o), metrics, MqttOptions("127.0.0.1", port))


def test_every_datatype_round_trips_from_our_edge_node_to_our_host(broker, hosts, loops):
    node = edge_node(broker.port, [EdgeMetric(k, dt, unit="u" if k == "f" else "",
                                              low=0.0 if k == "f" else None)
                                   for k, (dt, _v) in EVERY_TYPE.items()])
    for k, (_dt, v) in EVERY_TYPE.items():
        node.update(k, v, time.time(), Quality.GOOD if v is not None else Quality.BAD)
    loops().run(node.run())
    rt, rec = hosts(host_site(broker.port, tags='''
[[tags]]
path = "line/speed"
source = "spb"
address = "G/E/f"
'''))
    for k, (_dt, v) in EVERY_TYPE.items():
        want = (v, "good") if v is not None else (None, "bad")
        got = wait_for(lambda k=k: rec.value(f"G/E/{k}"), what=k)
        assert got == want, k
        if v is not None:
            assert type(rec.latest[f"G/E/{k}"].value) is type(v)
    assert rec.value("line/speed") == (0.1, "good")  # a configured tag, by address
    d = rt.sources["spb"].core.find("G/E/f")
    assert (d.datatype, d.unit, d.low) == (T.FLOAT, "u", 0.0)
    # a change goes out as NDATA (by alias) and arrives
    node.link._loop.call_soon_threadsafe(node.update, "i16", 1234, time.time())
    wait_for(lambda: rec.value("G/E/i16") == (1234, "good"), what="NDATA")
    assert not rt.sources["spb"].core.errors


def test_state_birth_after_subscribing_and_offline_on_stop(broker, hosts):
    watcher = Peer(broker.port, "watcher", "spBv1.0/STATE/#").start()
    try:
        rt, _ = hosts(host_site(broker.port))
        topic = "spBv1.0/STATE/lineside-test"
        online = json.loads(wait_for(lambda: watcher.on(topic), what="STATE birth")[0])
        assert online["online"] is True and isinstance(online["timestamp"], int)
        rt.stop()
        wait_for(lambda: len(watcher.on(topic)) >= 2, what="STATE offline")
        offline = json.loads(watcher.on(topic)[-1])
        assert offline == {"online": False, "timestamp": online["timestamp"]}
        late = Peer(broker.port, "late", topic).start()  # retained: a newcomer sees it
        wait_for(lambda: late.on(topic), what="retained STATE")
        assert json.loads(late.on(topic)[-1])["online"] is False
        late.stop()
    finally:
        watcher.stop()


def test_a_dropped_message_gets_a_rebirth_request(broker, hosts):
    rt, rec = hosts(host_site(broker.port))
    edge = Peer(broker.port, "other-edge", f"{NS}/NCMD/E").start()
    try:
        wait_for(lambda: rt.sources["spb"].status.state == "connected", what="host up")
        time.sleep(0.2)  # the host's SUBSCRIBE is granted just after CONNACK
        edge.publish(f"{NS}/NBIRTH/E", birth(seq=0, bd=1))
        edge.publish(f"{NS}/NDATA/E", data(1, 21.0))
        wait_for(lambda: rec.value("G/E/Temp") == (21.0, "good"), what="NDATA 1")
        edge.publish(f"{NS}/NDATA/E", data(3, 23.0))  # seq 2 never comes
        cmd = wait_for(lambda: edge.on(f"{NS}/NCMD/E"), timeout=3, what="rebirth NCMD")
        from app.sparkplug import codec
        m = codec.decode(cmd[0]).metrics[0]
        assert (m.name, m.value) == ("Node Control/Rebirth", True)
        assert rec.value("G/E/Temp") == (21.0, "good")  # 23.0 was never taken as current
        edge.publish(f"{NS}/NBIRTH/E", birth(seq=0, bd=1, temp=24.0))
        wait_for(lambda: rec.value("G/E/Temp") == (24.0, "good"), what="rebirth values")
    finally:
        edge.stop()


def test_a_late_ndeath_with_an_old_bdseq_is_ignored(broker, hosts):
    rt, rec = hosts(host_site(broker.port))
    edge = Peer(broker.port, "other-edge").start()
    try:
        wait_for(lambda: rt.sources["spb"].status.state == "connected", what="host up")
        time.sleep(0.2)
        edge.publish(f"{NS}/NBIRTH/E", birth(bd=4, temp=1.0))
        edge.publish(f"{NS}/NBIRTH/E", birth(bd=5, temp=2.0))  # reconnected
        wait_for(lambda: rec.value("G/E/Temp") == (2.0, "good"), what="second birth")
        edge.publish(f"{NS}/NDEATH/E", death(4))  # the first session's will, late
        edge.publish(f"{NS}/NDATA/E", data(1, 3.0))
        wait_for(lambda: rec.value("G/E/Temp") == (3.0, "good"), what="data after late death")
        assert rt.sources["spb"].core.errors[("G/E", "bdseq_mismatch")] == 1
        edge.publish(f"{NS}/NDEATH/E", death(5))
        wait_for(lambda: rec.value("G/E/Temp") == (3.0, "bad"), what="stale on NDEATH")
    finally:
        edge.stop()


def test_malformed_payloads_are_counted_and_the_stream_goes_on(broker, hosts):
    rt, rec = hosts(host_site(broker.port))
    edge = Peer(broker.port, "other-edge").start()
    try:
        wait_for(lambda: rt.sources["spb"].status.state == "connected", what="host up")
        time.sleep(0.2)
        edge.publish(f"{NS}/NBIRTH/E", birth(bd=1))
        edge.publish(f"{NS}/NDATA/E", b"\x0a\xff\xff\xff")
        edge.publish(f"{NS}/NDATA/E", b"not protobuf at all")
        edge.publish(f"{NS}/NDATA/E", data(1, 5.5))
        wait_for(lambda: rec.value("G/E/Temp") == (5.5, "good"), what="data after garbage")
        assert rt.sources["spb"].core.errors[("G/E", "malformed")] >= 2
    finally:
        edge.stop()


def test_stale_on_broker_loss_and_back_after_rebirth(broker, hosts, loops):
    node = edge_node(broker.port, [EdgeMetric("Temp", T.DOUBLE)])
    node.update("Temp", 7.0, time.time())
    loops().run(node.run())
    _rt, rec = hosts(host_site(broker.port))
    wait_for(lambda: rec.value("G/E/Temp") == (7.0, "good"), what="first value")
    broker.stop()
    wait_for(lambda: rec.value("G/E/Temp") == (7.0, "bad"), what="stale on broker loss")
    broker.start()
    wait_for(lambda: rec.value("G/E/Temp") == (7.0, "good"), timeout=15,
             what="good again after the node's new birth")


def test_history_kept_during_an_outage_arrives_flagged_in_order(broker, hosts, loops):
    node = edge_node(broker.port, [EdgeMetric("Count", T.INT32)])
    node.update("Count", 0, time.time())
    lt = loops()
    lt.run(node.run())
    rt, rec = hosts(host_site(broker.port))
    wait_for(lambda: rec.value("G/E/Count") == (0, "good"), what="first value")
    broker.stop()
    wait_for(lambda: not node.link.online, what="edge offline")
    t0 = time.time() - 10
    for i in range(1, 6):
        lt.call(lambda i=i: node.update("Count", i, t0 + i))
        time.sleep(0.08)  # one publish interval each: five batches into the store
    wait_for(lambda: len(node.buffer) == 5, what="changes stored")
    lt.call(lambda: node.update("Count", 6, time.time()))
    broker.start()
    wait_for(lambda: [s.value for s in rec.historical] == [1, 2, 3, 4, 5], timeout=15,
             what="historical values in order")
    assert [s.ts for s in rec.historical] == pytest.approx([t0 + i for i in range(1, 6)],
                                                           abs=0.002)
    wait_for(lambda: rec.value("G/E/Count") == (6, "good"), what="current value")
    # history never showed as current; no seq gap on the way
    assert [s.value for s in rec.samples if s.tag == "G/E/Count"
            and s.quality is Quality.GOOD] == [0, 6]
    core = rt.sources["spb"].core
    assert not any(k == "seq_gap" for (_w, k) in core.errors)
    assert len(node.buffer) == 0


def test_the_primary_host_going_offline_ends_the_session_and_history_waits(broker, tmp_path,
                                                                         loops):
    node = edge_node(broker.port, [EdgeMetric("Count", T.INT32)])
    node.update("Count", 0, time.time())
    lt = loops()
    lt.run(node.run())
    rt, rec = start_host(tmp_path, host_site(broker.port))
    wait_for(lambda: rec.value("G/E/Count") == (0, "good"), what="birth")
    first_bd = node.bd_seq
    rt.stop()  # STATE offline: the edge node says NDEATH and starts a new session
    wait_for(lambda: node.bd_seq == (first_bd + 1) % 256 and node.link.online,
             what="new session")
    assert not node.born
    lt.call(lambda: node.update("Count", 1, time.time() - 1))
    wait_for(lambda: len(node.buffer) >= 1, what="kept while the host is away")
    lt.call(lambda: node.update("Count", 2, time.time()))
    rt2, rec2 = start_host(tmp_path, host_site(broker.port))
    try:
        wait_for(lambda: rec2.value("G/E/Count") == (2, "good"), what="birth for the new host")
        wait_for(lambda: [s.value for s in rec2.historical] == [1], what="history")
        assert rt2.sources["spb"].core.nodes[("G", "E")].bd_seq == node.bd_seq
    finally:
        rt2.stop()


def test_writes_go_out_as_ncmd_and_return_the_read_back(broker, hosts, loops):
    written = []

    def writer(path, value, actor):
        written.append((path, value, actor))
        node.update(path, value, time.time())  # the "PLC" takes it

    node = edge_node(broker.port, [EdgeMetric("SP", T.INT16, writable=True),
                                   EdgeMetric("RO", T.INT16)],
                     accept_writes=True, write_actor="scada")
    node.writer = writer
    node.update("SP", 1, time.time())
    node.update("RO", 1, time.time())
    loops().run(node.run())
    rt, rec = hosts(host_site(broker.port, tags='''
[[tags]]
path = "line/sp"
source = "spb"
address = "G/E/SP"
type = "int"
writable = true

[[tags]]
path = "line/ro"
source = "spb"
address = "G/E/RO"
type = "int"
writable = true

[[tags]]
path = "line/ghost"
source = "spb"
address = "G/E/Ghost"
type = "int"
writable = true
'''))
    wait_for(lambda: rec.value("line/sp") == (1, "good"), what="birth")
    s = rt.safety_write("line/sp", -300).result(5)
    assert (s.tag, s.value, s.quality) == ("line/sp", -300, Quality.GOOD)
    assert written == [("SP", -300, "scada")]
    again = rt.safety_write("line/sp", -300).result(5)  # no change, still a read-back
    assert again.value == -300 and again.ts >= s.ts
    with pytest.raises(SourceError, match="not declared"):
        rt.safety_write("line/ghost", 1).result(5)
    with pytest.raises(SourceError, match="read-back"):
        rt.safety_write("line/ro", 2).result(5)  # the edge refuses: not writable
    assert node.refused_writes == 1
    with pytest.raises(SourceError, match="out of range"):
        rt.safety_write("line/sp", 40_000).result(5)


def test_writes_are_refused_by_default(broker, hosts, loops):
    node = edge_node(broker.port, [EdgeMetric("SP", T.INT16, writable=True)])
    node.writer = lambda *a: pytest.fail("write went through")
    node.update("SP", 1, time.time())
    loops().run(node.run())
    rt, rec = hosts(host_site(broker.port, tags='''
[[tags]]
path = "line/sp"
source = "spb"
address = "G/E/SP"
type = "int"
writable = true
'''))
    wait_for(lambda: rec.value("line/sp") == (1, "good"), what="birth")
    with pytest.raises(SourceError, match="read-back"):
        rt.safety_write("line/sp", 5).result(5)
    assert node.refused_writes == 1


@pytest.mark.slow
def test_the_simulator_process_is_probed_and_goes_stale_when_killed(broker, hosts):
    """The simulated edge node in its own process; probe prints it; a kill -9 means its
    will (NDEATH with the birth's bdSeq) and every metric BAD at once."""
    import io

    from app.probe import ProbeRequest, run
    from app.sources.sparkplug import SparkplugOptions

    sim = subprocess.Popen([sys.executable, "-m", "app.cli", "simulate-sparkplug", "--broker",
                            f"127.0.0.1:{broker.port}", "--group", "G", "--edge", "Sim",
                            "--interval", "0.2"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        rt, rec = hosts(host_site(broker.port))
        wait_for(lambda: rec.value("G/Sim/Line/Run") == (True, "good"), timeout=30,
                 what="sim birth")  # a process start: slow on a loaded machine
        out = io.StringIO()
        opts = SparkplugOptions(MqttOptions("127.0.0.1", broker.port), ("G",), "probe-test",
                                edges=("Sim",), all_metrics=True)
        run(ProbeRequest(sparkplug=opts, seconds=1.0), out)
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        by_tag = {r["tag"]: r for r in lines if r["quality"] == "good"}
        assert by_tag["G/Sim/Types/Int64"]["value"] < 0
        assert by_tag["G/Sim/Types/UInt64"]["value"] >= 2**63
        assert by_tag["G/Sim/Types/Text"]["value"].startswith("line one\n")
        assert set(lines[0]) == {"tag", "ts", "value", "quality"}
        os.kill(sim.pid, signal.SIGKILL)
        sim.wait(5)
        metrics = [d.key for d in rt.sources["spb"].core.metrics()]
        assert len(metrics) == 22
        wait_for(lambda: all(rec.value(k)[1] == "bad" for k in metrics), what="all stale")
    finally:
        if sim.poll() is None:
            os.kill(sim.pid, signal.SIGKILL)
            sim.wait(5)


def test_a_value_its_datatype_cannot_hold_goes_as_null_and_the_batch_goes_on(broker, hosts,
                                                                            loops):
    node = edge_node(broker.port, [EdgeMetric("Small", T.INT8), EdgeMetric("Other", T.DOUBLE)])
    node.update("Small", 1, time.time())
    node.update("Other", 1.0, time.time())
    lt = loops()
    lt.run(node.run())
    _rt, rec = hosts(host_site(broker.port))
    wait_for(lambda: rec.value("G/E/Other") == (1.0, "good"), what="birth")
    lt.call(lambda: (node.update("Small", 300, time.time()),
                     node.update("Other", 2.0, time.time())))
    wait_for(lambda: rec.value("G/E/Other") == (2.0, "good"), what="the rest of the batch")
    assert rec.value("G/E/Small") == (None, "bad") and node.unsendable == 1
