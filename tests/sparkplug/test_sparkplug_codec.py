"""The Sparkplug B codec: every basic datatype both ways, signed integers, null, properties,
and payloads built without this codec (hand-assembled protobuf wire bytes)."""

from __future__ import annotations

import struct

import pytest

from app.sparkplug import codec
from app.sparkplug.codec import CodecError, Metric, Payload
from app.sparkplug.codec import SpDataType as T
from app.sparkplug.proto import sparkplug_b_pb2 as pb

EDGES = [
    (T.INT8, -128), (T.INT8, 127), (T.INT8, -1), (T.INT16, -32768), (T.INT16, 32767),
    (T.INT32, -(2**31)), (T.INT32, 2**31 - 1), (T.INT64, -(2**63)), (T.INT64, 2**63 - 1),
    (T.UINT8, 255), (T.UINT16, 65535), (T.UINT32, 2**32 - 1), (T.UINT64, 2**64 - 1),
    (T.UINT8, 0), (T.FLOAT, 0.1), (T.FLOAT, -3.5), (T.DOUBLE, 1e300), (T.DOUBLE, -0.0),
    (T.BOOLEAN, True), (T.BOOLEAN, False), (T.STRING, "Grüße ✓"), (T.STRING, ""),
    (T.DATETIME, 1_796_000_000_123), (T.TEXT, "two\nlines"),
    (T.UUID, "123e4567-e89b-12d3-a456-426614174000"), (T.BYTES, b"\x00\xff"),
]


@pytest.mark.parametrize(("dt", "value"), EDGES, ids=lambda x: str(x))
def test_every_datatype_round_trips(dt, value):
    p = Payload(timestamp=1_796_000_000_000, seq=7,
                metrics=[Metric("m", value, dt, alias=3, timestamp=1_796_000_000_001)])
    back = codec.decode(codec.encode(p))
    m = back.metrics[0]
    assert (m.name, m.value, m.datatype, m.alias, m.timestamp) == \
        ("m", value, dt, 3, 1_796_000_000_001)
    assert type(m.value) is type(value)
    assert (back.seq, back.timestamp) == (7, 1_796_000_000_000)


def test_signed_values_are_twos_complement_on_the_wire():
    msg = pb.Payload()
    msg.ParseFromString(codec.encode(Payload(metrics=[
        Metric("a", -1, T.INT8), Metric("b", -2, T.INT16), Metric("c", -3, T.INT32),
        Metric("d", -4, T.INT64)])))
    a, b, c, d = msg.metrics
    assert (a.WhichOneof("value"), a.int_value) == ("int_value", 0xFFFFFFFF)
    assert b.int_value == 0xFFFFFFFE and c.int_value == 0xFFFFFFFD
    assert (d.WhichOneof("value"), d.long_value) == ("long_value", 2**64 - 4)


def test_narrow_signed_and_long_uint32_from_other_publishers_decode():
    msg = pb.Payload()
    m = msg.metrics.add(name="i8", datatype=T.INT8, int_value=0xFF)  # 8-bit form
    m = msg.metrics.add(name="u32", datatype=T.UINT32, long_value=4_000_000_000)
    m = msg.metrics.add(name="i16", datatype=T.INT16, int_value=0xFFFF8000)
    del m
    out = codec.decode(msg.SerializeToString())
    assert [x.value for x in out.metrics] == [-1, 4_000_000_000, -32768]


@pytest.mark.parametrize(("dt", "value"), [(T.INT8, 128), (T.INT8, -129), (T.UINT8, -1),
                                           (T.UINT16, 65536), (T.INT64, 2**63),
                                           (T.UINT64, 2**64), (T.BOOLEAN, 1),
                                           (T.INT32, "7"), (T.STRING, 5), (T.FLOAT, 1e39)])
def test_values_a_datatype_cannot_hold_are_refused(dt, value):
    with pytest.raises(CodecError):
        codec.encode(Payload(metrics=[Metric("m", value, dt)]))


def test_null_historical_transient_and_properties():
    p = Payload(metrics=[Metric("t", None, T.FLOAT, is_historical=True, is_transient=True,
                                properties={"engUnit": "degC", "engLow": 0.0,
                                            "engHigh": 250.0, "Quality": 192})])
    m = codec.decode(codec.encode(p)).metrics[0]
    assert m.is_null and m.value is None and m.is_historical and m.is_transient
    assert m.properties == {"engUnit": "degC", "engLow": 0.0, "engHigh": 250.0,
                            "Quality": 192}


def test_a_wrong_oneof_for_the_datatype_is_an_error():
    msg = pb.Payload()
    msg.metrics.add(name="x", datatype=T.INT32, string_value="12")
    with pytest.raises(CodecError, match="INT32 carried in string_value"):
        codec.decode(msg.SerializeToString())


def test_unsupported_datatypes_keep_the_rest_of_the_payload():
    msg = pb.Payload()
    msg.metrics.add(name="ds", datatype=T.DATASET).dataset_value.num_of_columns = 1
    msg.metrics.add(name="ok", datatype=T.BOOLEAN, boolean_value=True)
    out = codec.decode(msg.SerializeToString())
    assert out.metrics[0].unsupported and out.metrics[0].value is None
    assert out.metrics[1].value is True


def test_garbage_is_a_codec_error():
    with pytest.raises(CodecError):
        codec.decode(b"\xff\xff\xff\xff\xff")


# --- bytes assembled by hand from the .proto field numbers, no generated code --------------

def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _field(num: int, wire: int, body: bytes) -> bytes:
    return _varint(num << 3 | wire) + body


def _len(num: int, data: bytes) -> bytes:
    return _field(num, 2, _varint(len(data)) + data)


def hand_metric(name: str, datatype: int, value_field: int, value: bytes, wire: int,
                alias: int | None = None, ts: int | None = None) -> bytes:
    body = _len(1, name.encode())  # Metric.name = 1
    if alias is not None:
        body += _field(2, 0, _varint(alias))  # alias = 2
    if ts is not None:
        body += _field(3, 0, _varint(ts))  # timestamp = 3
    body += _field(4, 0, _varint(datatype))  # datatype = 4
    body += _field(value_field, wire, value)
    return body


def test_decodes_a_payload_assembled_by_hand_from_the_proto_field_numbers():
    """An NBIRTH as any Sparkplug implementation would put it on the wire."""
    metrics = [
        hand_metric("bdSeq", 4, 11, _varint(3), 0),  # Int64 long_value = 11
        hand_metric("Node Control/Rebirth", 11, 14, _varint(0), 0),  # boolean_value = 14
        hand_metric("Temp", 9, 12, struct.pack("<f", 21.5), 5, alias=1, ts=1_796_000_000_500),
        hand_metric("Delta", 2, 10, _varint(0xFFFFFFFF - 4), 0, alias=2),  # Int16 -5
        hand_metric("Total", 8, 11, _varint(2**64 - 1), 0, alias=3),  # UInt64 max
        hand_metric("Ratio", 10, 13, struct.pack("<d", 0.25), 1, alias=4),  # double = 13
        hand_metric("Recipe", 12, 15, _varint(4) + b"A-42", 2, alias=5),  # string = 15
    ]
    data = _field(1, 0, _varint(1_796_000_000_000))  # Payload.timestamp = 1
    data += b"".join(_len(2, m) for m in metrics)  # Payload.metrics = 2
    data += _field(3, 0, _varint(0))  # Payload.seq = 3
    p = codec.decode(data)
    assert (p.timestamp, p.seq) == (1_796_000_000_000, 0)
    got = {m.name: (m.value, m.datatype, m.alias) for m in p.metrics}
    assert got == {"bdSeq": (3, T.INT64, None),
                   "Node Control/Rebirth": (False, T.BOOLEAN, None),
                   "Temp": (21.5, T.FLOAT, 1), "Delta": (-5, T.INT16, 2),
                   "Total": (2**64 - 1, T.UINT64, 3), "Ratio": (0.25, T.DOUBLE, 4),
                   "Recipe": ("A-42", T.STRING, 5)}
    assert p.metrics[2].timestamp == 1_796_000_000_500
    # and our encoder writes the same fields: the generated parser reads them back alike
    ours = codec.decode(codec.encode(p))
    assert [(m.name, m.value) for m in ours.metrics] == [(m.name, m.value) for m in p.metrics]
