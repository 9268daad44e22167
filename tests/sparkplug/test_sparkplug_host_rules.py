"""The host application's rules on messages fed straight in (no broker): births and
aliases, seq order and the reorder window, rebirth requests, bdSeq on NDEATH, devices,
historical values, and bad input counted while the stream goes on."""

from __future__ import annotations

import pytest

from app.config import DataType, TagConfig
from app.model import Quality
from app.sparkplug import codec
from app.sparkplug.codec import CodecError, Metric, Payload
from app.sparkplug.codec import SpDataType as T
from app.sparkplug.host import HostCore
from app.sparkplug.proto import sparkplug_b_pb2 as pb

NS = "spBv1.0/G"


class Timers:
    """Manual timers: the test decides when the reorder window ends."""

    def __init__(self) -> None:
        self.pending: list[tuple[float, object]] = []

    def schedule(self, delay, fn):
        entry = (delay, fn)
        self.pending.append(entry)
        return lambda: entry in self.pending and self.pending.remove(entry)

    def fire(self) -> None:
        todo, self.pending = self.pending, []
        for _d, fn in todo:
            fn()


def make(**kw):
    sent = []
    timers = Timers()
    core = HostCore(all_metrics=True, schedule=timers.schedule, send=lambda m: sent.append(m)
                    or True, rebirth_interval_s=0, **kw)
    return core, sent, timers


def nbirth(seq=0, bd=1, temp=20.0, count=5):
    return codec.encode(Payload(timestamp=1000, seq=seq, metrics=[
        Metric("bdSeq", bd, T.INT64), Metric("Node Control/Rebirth", False, T.BOOLEAN),
        Metric("Temp", temp, T.DOUBLE, alias=1, properties={"engUnit": "degC"}),
        Metric("Count", count, T.UINT16, alias=2)]))


def ndata(seq, **values):
    alias = {"Temp": (1, T.DOUBLE), "Count": (2, T.UINT16)}
    return codec.encode(Payload(timestamp=2000, seq=seq, metrics=[
        Metric(None, v, alias[k][1], alias=alias[k][0]) for k, v in values.items()]),
        datatypes=False)


def values(core):
    out, hist = core.take()
    return {s.tag.removeprefix("G/E/"): (s.value, s.quality) for s in out}, hist


def test_birth_then_data_by_alias():
    core, sent, _ = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth())
    v, _ = values(core)
    assert v["Temp"] == (20.0, Quality.GOOD) and v["Count"] == (5, Quality.GOOD)
    assert core.find("G/E/Temp").unit == "degC"
    core.handle(f"{NS}/NDATA/E", ndata(1, Temp=21.5))
    assert values(core)[0] == {"Temp": (21.5, Quality.GOOD)}
    assert not sent and not core.errors


def test_a_gap_is_held_and_closed_in_order_without_rebirth():
    core, sent, timers = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth())
    core.take()
    core.handle(f"{NS}/NDATA/E", ndata(2, Temp=2.0))  # 1 is late
    assert values(core)[0] == {}
    core.handle(f"{NS}/NDATA/E", ndata(1, Temp=1.0))
    out, _ = core.take()
    assert [s.value for s in out] == [1.0, 2.0]
    timers.fire()
    assert not sent and not timers.pending


def test_a_gap_still_open_when_the_window_ends_asks_for_rebirth():
    core, sent, timers = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth())
    core.handle(f"{NS}/NDATA/E", ndata(2, Temp=2.0))
    timers.fire()
    assert len(sent) == 1 and sent[0].topic == f"{NS}/NCMD/E"
    cmd = codec.decode(sent[0].payload).metrics[0]
    assert (cmd.name, cmd.value, cmd.datatype) == ("Node Control/Rebirth", True, T.BOOLEAN)
    assert core.errors[("G/E", "seq_gap")] == 1
    # until the new birth, data is not taken as current
    core.take()
    core.handle(f"{NS}/NDATA/E", ndata(3, Temp=3.0))
    assert values(core)[0] == {}
    core.handle(f"{NS}/NBIRTH/E", nbirth(bd=1, temp=3.5))
    assert values(core)[0]["Temp"] == (3.5, Quality.GOOD)


def test_seq_wraps_from_255_to_0():
    core, sent, _ = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth(seq=254))
    for seq, t in ((255, 1.0), (0, 2.0), (1, 3.0)):
        core.handle(f"{NS}/NDATA/E", ndata(seq, Temp=t))
    assert [s.value for s in core.take()[0] if s.tag == "G/E/Temp"] == [20.0, 1.0, 2.0, 3.0]
    assert not sent


def test_data_from_a_node_without_birth_asks_for_rebirth():
    core, sent, _ = make()
    core.handle(f"{NS}/NDATA/E", ndata(4, Temp=1.0))
    assert [m.topic for m in sent] == [f"{NS}/NCMD/E"]
    assert values(core)[0] == {}


def test_ndeath_counts_only_with_the_births_bdseq():
    core, _, _ = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth(bd=7))
    core.take()
    late = codec.encode(Payload(metrics=[Metric("bdSeq", 6, T.INT64)]))
    core.handle(f"{NS}/NDEATH/E", late)
    assert values(core)[0] == {} and core.errors[("G/E", "bdseq_mismatch")] == 1
    core.handle(f"{NS}/NDATA/E", ndata(1, Temp=9.0))
    assert values(core)[0] == {"Temp": (9.0, Quality.GOOD)}
    core.handle(f"{NS}/NDEATH/E", codec.encode(Payload(metrics=[Metric("bdSeq", 7, T.INT64)])))
    v, _ = values(core)
    assert v["Temp"] == (9.0, Quality.BAD) and v["Count"] == (5, Quality.BAD)


def test_devices_birth_data_death_and_the_shared_alias_space():
    core, sent, _ = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth())
    core.handle(f"{NS}/DBIRTH/E/D1", codec.encode(Payload(seq=1, metrics=[
        Metric("Speed", 3.0, T.FLOAT, alias=10)])))
    core.take()
    core.handle(f"{NS}/DDATA/E/D1", codec.encode(Payload(seq=2, metrics=[
        Metric(None, 4.0, T.FLOAT, alias=10)]), datatypes=False))
    out, _ = core.take()
    assert [(s.tag, s.value) for s in out] == [("G/E/D1/Speed", 4.0)]
    core.handle(f"{NS}/DDEATH/E/D1", codec.encode(Payload(seq=3)))
    out, _ = core.take()
    assert [(s.tag, s.quality) for s in out] == [("G/E/D1/Speed", Quality.BAD)]
    core.handle(f"{NS}/DDATA/E/D2", codec.encode(Payload(seq=4, metrics=[
        Metric(None, 1.0, T.FLOAT, alias=10)]), datatypes=False))
    assert sent  # data of a device with no DBIRTH: the node is asked to rebirth


def test_a_new_birth_rebuilds_the_alias_map():
    core, _, _ = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth())
    core.handle(f"{NS}/NBIRTH/E", codec.encode(Payload(seq=0, metrics=[
        Metric("bdSeq", 2, T.INT64), Metric("Pressure", 1.0, T.DOUBLE, alias=1)])))
    core.take()
    core.handle(f"{NS}/NDATA/E", ndata(1, Temp=5.0))  # alias 1 is Pressure now
    assert values(core)[0] == {"Pressure": (5.0, Quality.GOOD)}
    core.handle(f"{NS}/NDATA/E", ndata(2, Count=1))  # alias 2 is gone
    assert core.errors[("G/E", "unknown_alias")] == 1


def test_historical_values_are_kept_apart_from_current_ones():
    core, _, _ = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth())
    core.take()
    core.handle(f"{NS}/NDATA/E", codec.encode(Payload(seq=1, metrics=[
        Metric(None, 1.0, T.DOUBLE, alias=1, timestamp=500, is_historical=True),
        Metric(None, 2.0, T.DOUBLE, alias=1, timestamp=600, is_historical=True)]),
        datatypes=False))
    out, hist = core.take()
    assert out == [] and [(s.ts, s.value) for s in hist] == [(0.5, 1.0), (0.6, 2.0)]
    assert core.find("G/E/Temp").last == 20.0


def test_bad_input_is_counted_and_the_stream_goes_on():
    core, _, _ = make(max_payload=200)
    core.handle(f"{NS}/NBIRTH/E", nbirth())
    core.take()
    core.handle(f"{NS}/NDATA/E", b"\x0a\xff\xff")  # not protobuf
    core.handle(f"{NS}/NDATA/E", b"\x00" * 500)  # oversized
    msg = pb.Payload(seq=1)
    msg.metrics.add(alias=1, string_value="hot")  # Double declared, a string sent
    core.handle(f"{NS}/NDATA/E", msg.SerializeToString())
    core.handle(f"{NS}/NDATA/E", codec.encode(Payload(seq=2, metrics=[
        Metric(None, 1, T.UINT16, alias=99)]), datatypes=False))
    core.handle(f"{NS}/NDATA/E", ndata(3, Temp=30.0))
    assert values(core)[0] == {"Temp": (30.0, Quality.GOOD)}
    kinds = {k for (_w, k) in core.errors}
    assert {"malformed", "oversized", "wrong_type", "unknown_alias"} <= kinds


def test_configured_tags_get_their_own_type_and_path():
    tag = TagConfig("line/temp", "spb", "G/E/Temp", DataType.INT)
    core = HostCore(tags=[tag])
    core.handle(f"{NS}/NBIRTH/E", nbirth(temp=20.0))
    out, _ = core.take()
    assert [(s.tag, s.value) for s in out] == [("line/temp", 20)]


def test_a_new_birth_makes_what_it_no_longer_has_bad():
    core, _, _ = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth())
    core.handle(f"{NS}/DBIRTH/E/D1", codec.encode(Payload(seq=1, metrics=[
        Metric("Speed", 3.0, T.FLOAT, alias=10)])))
    core.take()
    core.handle(f"{NS}/NBIRTH/E", codec.encode(Payload(seq=0, metrics=[
        Metric("bdSeq", 2, T.INT64), Metric("Temp", 1.0, T.DOUBLE, alias=1)])))
    v, _ = values(core)
    assert v["Temp"] == (1.0, Quality.GOOD)
    assert v["Count"] == (5, Quality.BAD) and v["D1/Speed"] == (3.0, Quality.BAD)


def test_writes_are_commands_to_declared_metrics_by_alias():
    core, _, _ = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth())
    core.handle(f"{NS}/DBIRTH/E/D1", codec.encode(Payload(seq=1, metrics=[
        Metric("Speed", 3.0, T.FLOAT, alias=10), Metric("Mode", "auto", T.STRING)])))
    out, d = core.command("G/E/Count", 7)
    assert out.topic == f"{NS}/NCMD/E" and d.name == "Count"
    m = codec.decode(out.payload).metrics[0]
    assert (m.name, m.alias, m.value, m.datatype) == (None, 2, 7, None)  # alias only
    out, _ = core.command("G/E/D1/Mode", "manual")  # no alias in the birth: by name
    m = pb.Payload.FromString(out.payload).metrics[0]
    assert out.topic == f"{NS}/DCMD/E/D1" and (m.name, m.string_value) == ("Mode", "manual")
    with pytest.raises(LookupError, match="not declared"):
        core.command("G/E/Nope", 1)
    with pytest.raises(CodecError, match="out of range"):
        core.command("G/E/Count", 70_000)  # UInt16


def test_bad_input_is_logged_once_a_minute_per_node(caplog):
    core, _, _ = make()
    core.handle(f"{NS}/NBIRTH/E", nbirth())
    for _ in range(5):
        core.handle(f"{NS}/NDATA/E", b"\x0a\xff")
    core.handle("spBv1.0/G/NDATA/Other", b"\x0a\xff")
    warnings = [r for r in caplog.records if "Sparkplug host" in r.getMessage()]
    assert len(warnings) == 2  # one for G/E, one for G/Other
    assert core.errors[("G/E", "malformed")] == 5
