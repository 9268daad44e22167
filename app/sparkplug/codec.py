"""Sparkplug B payloads: protobuf bytes <-> plain metrics, to the 3.0 datatype rules.

The wire form is Eclipse Tahu's `sparkplug_b.proto` (generated code in `proto/`).
Values travel in a oneof whose field depends on the datatype:
- Int8, Int16, Int32, UInt8, UInt16, UInt32 in `int_value` (uint32). Signed values are
  two's complement: -1 as Int8 is 0xFFFFFFFF (sign-extended to 32 bits, as Tahu writes
  it); the decoder sign-extends from the metric's own width, so a narrow 0xFF reads -1 too.
- Int64, UInt64 and DateTime (ms since the epoch, UTC) in `long_value` (uint64), Int64
  as 64-bit two's complement.
- Float `float_value`, Double `double_value`, Boolean `boolean_value`, String, Text and
  UUID `string_value`, Bytes and File `bytes_value`.
A metric with `is_null` carries no value. Some publishers put UInt32 into `long_value`
(Eclipse Tahu's JavaScript library does, and reads it only from there): the decoder
takes whichever field is set, as long as it fits the datatype; the encoder follows the
specification (`int_value`), so an edge node talking to such a host maps a tag to
Int64 or UInt64 rather than UInt32 (`[sparkplug.datatypes]`).

DataSet, Template and the array types decode to `Metric.unsupported` (the metric is
kept, the value is None) so one exotic metric never loses the rest of a payload.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum

from google.protobuf.message import DecodeError

from app.model import Value
from app.sparkplug.proto import sparkplug_b_pb2 as pb

PbPayload = pb.Payload


class SpDataType(IntEnum):
    """Sparkplug B datatype numbers (3.0 specification, section 6.4.16)."""

    UNKNOWN = 0
    INT8 = 1
    INT16 = 2
    INT32 = 3
    INT64 = 4
    UINT8 = 5
    UINT16 = 6
    UINT32 = 7
    UINT64 = 8
    FLOAT = 9
    DOUBLE = 10
    BOOLEAN = 11
    STRING = 12
    DATETIME = 13
    TEXT = 14
    UUID = 15
    DATASET = 16
    BYTES = 17
    FILE = 18
    TEMPLATE = 19
    PROPERTYSET = 20
    PROPERTYSETLIST = 21
    INT8ARRAY = 22
    INT16ARRAY = 23
    INT32ARRAY = 24
    INT64ARRAY = 25
    UINT8ARRAY = 26
    UINT16ARRAY = 27
    UINT32ARRAY = 28
    UINT64ARRAY = 29
    FLOATARRAY = 30
    DOUBLEARRAY = 31
    BOOLEANARRAY = 32
    STRINGARRAY = 33
    DATETIMEARRAY = 34

    @classmethod
    def named(cls, name: str) -> SpDataType:
        """By the specification's name, any case: "Int16", "uint64", "DateTime"."""
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"{name!r} is not a Sparkplug datatype") from None


# (bits, signed) of the integer types
INT_WIDTH: dict[SpDataType, tuple[int, bool]] = {
    SpDataType.INT8: (8, True), SpDataType.INT16: (16, True), SpDataType.INT32: (32, True),
    SpDataType.INT64: (64, True), SpDataType.UINT8: (8, False), SpDataType.UINT16: (16, False),
    SpDataType.UINT32: (32, False), SpDataType.UINT64: (64, False),
    SpDataType.DATETIME: (64, False),
}
_LONG = frozenset({SpDataType.INT64, SpDataType.UINT64, SpDataType.DATETIME})
_TEXT = frozenset({SpDataType.STRING, SpDataType.TEXT, SpDataType.UUID})
_BYTES = frozenset({SpDataType.BYTES, SpDataType.FILE})
SUPPORTED = frozenset(INT_WIDTH) | _TEXT | _BYTES | {SpDataType.FLOAT, SpDataType.DOUBLE,
                                                     SpDataType.BOOLEAN}

MetricValue = Value | bytes
_F32 = struct.Struct("<f")


class CodecError(ValueError):
    """A payload or metric that does not follow the Sparkplug B rules; says what."""


@dataclass(frozen=True, slots=True)
class Metric:
    """One metric as it travels. `timestamp` is ms since the epoch (None: not sent)."""

    name: str | None = None
    value: MetricValue = None
    datatype: SpDataType | None = None
    alias: int | None = None
    timestamp: int | None = None
    is_null: bool = False
    is_historical: bool = False
    is_transient: bool = False
    properties: dict[str, Value] = field(default_factory=dict)
    unsupported: bool = False  # a datatype this codec keeps but does not read (DataSet...)


@dataclass(frozen=True, slots=True)
class Payload:
    timestamp: int | None = None  # ms since the epoch
    seq: int | None = None
    metrics: list[Metric] = field(default_factory=list)
    uuid: str | None = None
    body: bytes | None = None


# --- decoding -----------------------------------------------------------------------------


def decode(data: bytes) -> Payload:
    """Bytes -> Payload. Raises CodecError for bytes that are not a Sparkplug payload."""
    msg = pb.Payload()
    try:
        msg.ParseFromString(data)
    except DecodeError as e:
        raise CodecError(f"not a Sparkplug B protobuf payload ({e})") from None
    return from_message(msg)


def from_message(msg: pb.Payload) -> Payload:
    metrics = [_metric(m) for m in msg.metrics]
    return Payload(timestamp=msg.timestamp if msg.HasField("timestamp") else None,
                   seq=msg.seq if msg.HasField("seq") else None, metrics=metrics,
                   uuid=msg.uuid if msg.HasField("uuid") else None,
                   body=msg.body if msg.HasField("body") else None)


def _metric(m: pb.Payload.Metric) -> Metric:
    dt: SpDataType | None = None
    if m.HasField("datatype"):
        try:
            dt = SpDataType(m.datatype)
        except ValueError:
            raise CodecError(f"metric {m.name or m.alias!r}: unknown datatype {m.datatype}") \
                from None
    props = _properties(m.properties) if m.HasField("properties") else {}
    is_null = m.is_null
    unsupported = dt is not None and dt not in SUPPORTED
    value: MetricValue = None
    if not is_null and not unsupported:
        kind = m.WhichOneof("value")
        if kind is not None:
            value = read_value(dt, kind, getattr(m, kind), m.name or str(m.alias))
    return Metric(name=m.name if m.HasField("name") else None, value=value, datatype=dt,
                  alias=m.alias if m.HasField("alias") else None,
                  timestamp=m.timestamp if m.HasField("timestamp") else None,
                  is_null=is_null, is_historical=m.is_historical,
                  is_transient=m.is_transient, properties=props, unsupported=unsupported)


def read_value(dt: SpDataType | None, kind: str, raw: object, what: str) -> MetricValue:
    """The value of a oneof field `kind` for datatype `dt` (None: from a DATA message
    whose metric names no datatype; the caller checks it against the birth)."""
    if dt is None:
        return raw  # type: ignore[return-value]
    return reader(dt)(kind, raw, what)


Reader = Callable[[str, object, str], MetricValue]
_READERS: dict[SpDataType, Reader] = {}


def reader(dt: SpDataType) -> Reader:
    """A function (oneof field, wire value, what) -> value for datatype `dt`, made once
    per datatype: the host keeps one per metric so a DATA message does no lookups."""
    r = _READERS.get(dt)
    if r is None:
        r = _READERS[dt] = _make_reader(dt)
    return r


def _make_reader(dt: SpDataType) -> Reader:
    if dt in INT_WIDTH:
        bits, signed = INT_WIDTH[dt]
        mask, sign, span = (1 << bits) - 1, 1 << (bits - 1), 1 << bits

        def read_int(kind: str, raw: object, what: str) -> MetricValue:
            if kind != "int_value" and kind != "long_value":
                raise CodecError(f"metric {what}: {dt.name} carried in {kind}")
            v = int(raw)  # type: ignore[call-overload]
            if signed:
                # sign-extended to 32 or 64 bits, or sent in its own width: the low
                # bits hold the value either way
                v &= mask
                return v - span if v & sign else v
            if v >> bits:
                raise CodecError(f"metric {what}: {v} does not fit {dt.name}")
            return v

        return read_int
    expected = {SpDataType.FLOAT: "float_value", SpDataType.DOUBLE: "double_value",
                SpDataType.BOOLEAN: "boolean_value"}.get(dt)
    if expected is None:
        expected = "string_value" if dt in _TEXT else "bytes_value"
    f32 = dt is SpDataType.FLOAT

    def read(kind: str, raw: object, what: str) -> MetricValue:
        if kind != expected:
            raise CodecError(f"metric {what}: {dt.name} carried in {kind}, expected {expected}")
        return float32(raw) if f32 else raw  # type: ignore[arg-type,return-value]

    return read


def to_int(dt: SpDataType, raw: int) -> int:
    """Wire integer (uint32/uint64) -> the datatype's value, sign-extended if signed."""
    bits, signed = INT_WIDTH[dt]
    if not signed:
        if raw >> bits:
            raise CodecError(f"{raw} does not fit {dt.name}")
        return raw
    # Signed: sign-extended to 32 or 64 bits, or sent in its own width; the low bits
    # hold the value either way.
    v = raw & ((1 << bits) - 1)
    if v >> (bits - 1):
        v -= 1 << bits
    return v


def float32(raw: float) -> float:
    """The shortest decimal that is the same float32, so 0.1 sent as Float reads 0.1."""
    if not math.isfinite(raw):
        return raw
    want = _F32.pack(raw)
    for digits in range(6, 10):
        v = float(f"{raw:.{digits}g}")
        if _F32.pack(v) == want:
            return v
    return raw


def _properties(ps: pb.Payload.PropertySet) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for key, pv in zip(ps.keys, ps.values, strict=False):
        if pv.is_null:
            out[key] = None
            continue
        kind = pv.WhichOneof("value")
        if kind is None or kind in ("propertyset_value", "propertysets_value", "extension_value"):
            continue  # nested property sets: nothing LineSide shows
        try:
            dt = SpDataType(pv.type) if pv.HasField("type") else None
        except ValueError:
            continue
        raw = getattr(pv, kind)
        try:
            v = read_value(dt, kind, raw, key) if dt in SUPPORTED else raw
        except CodecError:
            continue
        out[key] = v.hex() if isinstance(v, bytes) else v
    return out


# --- encoding -----------------------------------------------------------------------------


def encode(payload: Payload, *, datatypes: bool = True) -> bytes:
    """Payload -> bytes. Raises CodecError for a value its datatype cannot hold.

    `datatypes=False` leaves the datatype off the wire (values are still encoded by
    it): 3.0 says DATA and CMD metrics should not repeat what the birth declared."""
    return to_message(payload, datatypes=datatypes).SerializeToString()


def to_message(payload: Payload, *, datatypes: bool = True) -> pb.Payload:
    msg = pb.Payload()
    if payload.timestamp is not None:
        msg.timestamp = payload.timestamp
    if payload.seq is not None:
        msg.seq = payload.seq
    if payload.uuid is not None:
        msg.uuid = payload.uuid
    if payload.body is not None:
        msg.body = payload.body
    for m in payload.metrics:
        write_metric(msg.metrics.add(), m, datatype=datatypes)
    return msg


def write_metric(out: pb.Payload.Metric, m: Metric, *, datatype: bool = True) -> None:
    if m.name is not None:
        out.name = m.name
    if m.alias is not None:
        out.alias = m.alias
    if m.timestamp is not None:
        out.timestamp = m.timestamp
    if m.datatype is not None and datatype:
        out.datatype = int(m.datatype)
    if m.is_historical:
        out.is_historical = True
    if m.is_transient:
        out.is_transient = True
    if m.properties:
        _write_properties(out.properties, m.properties)
    if m.value is None or m.is_null:
        out.is_null = True
        return
    if m.datatype is None:
        raise CodecError(f"metric {m.name or m.alias!r}: a value needs a datatype")
    kind, raw = wire_value(m.datatype, m.value, m.name or str(m.alias))
    setattr(out, kind, raw)


def wire_value(dt: SpDataType, v: MetricValue, what: str = "") -> tuple[str, object]:
    """(oneof field, wire value) for value `v` of datatype `dt`; checks the range."""
    if dt in INT_WIDTH:
        if isinstance(v, bool) or not isinstance(v, int):
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            else:
                raise CodecError(f"metric {what}: {v!r} is not a whole number for {dt.name}")
        bits, signed = INT_WIDTH[dt]
        lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
        if not lo <= v <= hi:
            raise CodecError(f"metric {what}: {v} is out of range for {dt.name} ({lo}..{hi})")
        if dt in _LONG:
            return "long_value", v & 0xFFFFFFFFFFFFFFFF
        return "int_value", v & 0xFFFFFFFF
    if dt in (SpDataType.FLOAT, SpDataType.DOUBLE):
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise CodecError(f"metric {what}: {v!r} is not a number for {dt.name}")
        f = float(v)
        if dt is SpDataType.FLOAT and math.isfinite(f) and abs(f) > 3.4028234663852886e38:
            raise CodecError(f"metric {what}: {v} is out of range for Float")
        return ("float_value" if dt is SpDataType.FLOAT else "double_value"), f
    if dt is SpDataType.BOOLEAN:
        if not isinstance(v, bool):
            raise CodecError(f"metric {what}: {v!r} is not true or false")
        return "boolean_value", v
    if dt in _TEXT:
        if not isinstance(v, str):
            raise CodecError(f"metric {what}: {v!r} is not text for {dt.name}")
        return "string_value", v
    if dt in _BYTES:
        if not isinstance(v, bytes):
            raise CodecError(f"metric {what}: {v!r} is not bytes for {dt.name}")
        return "bytes_value", v
    raise CodecError(f"metric {what}: datatype {dt.name} is not supported for writing")


def _write_properties(ps: pb.Payload.PropertySet, props: dict[str, Value]) -> None:
    for key, v in props.items():
        ps.keys.append(key)
        pv = ps.values.add()
        if v is None:
            pv.is_null = True
            continue
        dt = datatype_of(v)
        pv.type = int(dt)
        kind, raw = wire_value(dt, v, key)
        setattr(pv, kind, raw)


def datatype_of(v: Value) -> SpDataType:
    """The datatype a plain value is sent as when nothing says otherwise."""
    if isinstance(v, bool):
        return SpDataType.BOOLEAN
    if isinstance(v, int):
        return SpDataType.INT64
    if isinstance(v, float):
        return SpDataType.DOUBLE
    return SpDataType.STRING
