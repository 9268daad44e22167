"""Sparkplug B: what the host's rules cost on top of protobuf, and what the edge node's
encoding costs on top of bare protobuf serialisation, on the same payloads.

- "Sparkplug host decode+ingest": `HostCore.handle` on NDATA payloads (alias-only
  metrics of mixed datatypes, seq in order) -> samples, vs the bare floor: generated
  `Payload.ParseFromString` of the same bytes and nothing else. Metrics per second.
  A second row takes the least any Python consumer does as the baseline: parse, then
  read each metric's alias, timestamp and value.
- "Sparkplug edge encode": `codec.encode` of the same metrics from plain values (range
  checks, two's complement), vs filling and `SerializeToString` of the generated message
  directly. Metrics per second.
Both run in this process, best of three, so the ratio is the overhead of our code.
"""

from __future__ import annotations

import time

from app.sparkplug import codec
from app.sparkplug.codec import Metric, Payload
from app.sparkplug.codec import SpDataType as T
from app.sparkplug.host import HostCore
from app.sparkplug.proto import sparkplug_b_pb2 as pb
from bench.common import Result, Scale

TYPES = [T.DOUBLE, T.FLOAT, T.INT32, T.INT16, T.UINT32, T.INT64, T.BOOLEAN, T.STRING]


def _value(dt: T, i: int) -> bool | int | float | str:
    if dt in (T.DOUBLE, T.FLOAT):
        return i * 0.5
    if dt is T.BOOLEAN:
        return i % 2 == 0
    if dt is T.STRING:
        return f"v{i}"
    return -i if dt in (T.INT32, T.INT16, T.INT64) else i


def _payloads(n_msgs: int, per_msg: int) -> tuple[bytes, list[bytes], list[list[Metric]]]:
    defs = [Metric(f"m{i}", _value(TYPES[i % len(TYPES)], 1), TYPES[i % len(TYPES)],
                   alias=i + 1) for i in range(per_msg)]
    birth = codec.encode(Payload(timestamp=1, seq=0, metrics=[
        Metric("bdSeq", 0, T.INT64), *defs]))
    data, metric_lists = [], []
    for k in range(n_msgs):
        ms = [Metric(None, _value(d.datatype, k + j), d.datatype, alias=d.alias,  # type: ignore[arg-type]
                     timestamp=1_796_000_000_000 + k) for j, d in enumerate(defs)]
        metric_lists.append(ms)
        data.append(codec.encode(Payload(timestamp=1_796_000_000_000 + k, seq=(k + 1) % 256,
                                         metrics=ms), datatypes=False))
    return birth, data, metric_lists


def _best(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def run(scale: Scale) -> list[Result]:
    n_msgs = scale.pick(2000, 50)
    per_msg = 100
    birth, data, metric_lists = _payloads(n_msgs, per_msg)
    total = n_msgs * per_msg
    topic = "spBv1.0/G/NDATA/E"

    def host() -> None:
        core = HostCore(all_metrics=True)
        core.handle("spBv1.0/G/NBIRTH/E", birth)
        core.take()
        for d in data:
            core.handle(topic, d)
            core.take()
        assert not core.errors, core.errors

    def bare_parse() -> None:
        for d in data:
            msg = pb.Payload()
            msg.ParseFromString(d)

    def bare_read() -> None:
        for d in data:
            msg = pb.Payload()
            msg.ParseFromString(d)
            for m in msg.metrics:
                kind = m.WhichOneof("value")
                (m.alias, m.timestamp, getattr(m, kind))

    def encode() -> None:
        for k, ms in enumerate(metric_lists):
            codec.encode(Payload(timestamp=k, seq=k % 256, metrics=ms), datatypes=False)

    def bare_serialise() -> None:
        for k, ms in enumerate(metric_lists):
            msg = pb.Payload(timestamp=k, seq=k % 256)
            for m in ms:
                out = msg.metrics.add(alias=m.alias, timestamp=m.timestamp)
                kind, raw = codec.wire_value(m.datatype, m.value)  # type: ignore[arg-type]
                setattr(out, kind, raw)
            msg.SerializeToString()

    t_host, t_parse, t_read = _best(host), _best(bare_parse), _best(bare_read)
    t_enc, t_ser = _best(encode), _best(bare_serialise)
    note = f"{n_msgs} NDATA x {per_msg} metrics ({len(data[0])} B each), 8 datatypes"
    return [
        Result("Sparkplug host decode+ingest", round(total / t_host), round(total / t_parse),
               "metrics/s", notes=note + "; baseline: bare ParseFromString only"),
        Result("Sparkplug host vs parse+read", round(total / t_host), round(total / t_read),
               "metrics/s", notes=note + "; baseline: ParseFromString and read each "
               "metric's alias, timestamp and value in Python (no rules, no samples)"),
        Result("Sparkplug edge encode", round(total / t_enc), round(total / t_ser),
               "metrics/s", notes=note + "; baseline: fill the generated message, "
               "SerializeToString"),
    ]
