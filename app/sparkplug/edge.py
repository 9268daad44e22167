"""A Sparkplug B 3.0 edge node: the terminal's tags (or a simulator's) published to hosts.

Per MQTT connection (its own paho session over `SparkplugLink`, clean start):
- the will is NDEATH carrying this connection's bdSeq (0..255, one more per CONNECT);
- it subscribes to its NCMD/DCMD topics (and, with `primary_host`, that host's
  STATE: no birth until the primary host says online), then publishes NBIRTH with
  seq 0, bdSeq, `Node Control/Rebirth` and every metric: name, alias, datatype,
  current value (or is_null), timestamp and engineering units/limits as properties;
- changes (`update`, deadband per metric) are batched into one NDATA per publish
  interval, by alias, seq +1 each, wrapping at 255;
- a `Node Control/Rebirth` NCMD gets a new NBIRTH (same bdSeq, seq 0); any other NCMD
  metric is a write: refused unless writes are enabled and the metric is writable,
  then handed to `writer(path, value, actor)` (the terminal's checked, audited write
  call); the value the PLC reads back goes out in a later NDATA as any change does;
- while the broker is away (or before the birth), batches go to the `ForwardBuffer`;
  after the next NBIRTH they are sent oldest first as NDATA with is_historical set,
  in order and with no seq gap, before live data resumes;
- a clean stop publishes NDEATH before DISCONNECT.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from google.protobuf.message import DecodeError

from app.config import DataType, SourceConfig
from app.model import LinkStatus, Quality, Sample, Value
from app.sources.mqtt import MqttOptions
from app.sparkplug import codec
from app.sparkplug.codec import CodecError, SpDataType
from app.sparkplug.forward import ForwardBuffer
from app.sparkplug.host import BDSEQ, REBIRTH
from app.sparkplug.link import NAMESPACE, Outgoing, SparkplugLink
from app.sparkplug.proto import sparkplug_b_pb2 as pb

log = logging.getLogger(__name__)

HISTORY_CHUNK = 500  # historical metrics per NDATA
DEFAULT_TYPES = {DataType.FLOAT: SpDataType.DOUBLE, DataType.INT: SpDataType.INT64,
                 DataType.BOOL: SpDataType.BOOLEAN, DataType.STRING: SpDataType.STRING}

Writer = Callable[[str, Value, str], "concurrent.futures.Future[Any] | Awaitable[Any]"]


@dataclass(frozen=True)
class EdgeMetric:
    name: str  # the Sparkplug metric name (a tag path, for the terminal)
    datatype: SpDataType
    unit: str = ""
    low: float | None = None
    high: float | None = None
    deadband: float = 0.0
    writable: bool = False
    path: str = ""  # the tag written by an NCMD (default: the name)


@dataclass(frozen=True)
class EdgeOptions:
    group: str
    edge_node: str
    publish_interval_s: float = 1.0
    primary_host: str | None = None  # wait for this host's STATE online before NBIRTH
    accept_writes: bool = False  # NCMD writes refused unless this is set
    write_actor: str = "sparkplug-host"  # the identity an NCMD write is audited as


class EdgeNode:
    """The edge node's rules; runs on one asyncio loop (the runtime's or its own)."""

    def __init__(self, options: EdgeOptions, metrics: Iterable[EdgeMetric],
                 mqtt: MqttOptions, *, buffer: ForwardBuffer | None = None,
                 writer: Writer | None = None, secret: str | None = None,
                 on_status: Callable[[LinkStatus], None] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.options = options
        self.metrics = {m.name: m for m in metrics}
        self._alias = {name: i + 1 for i, name in enumerate(self.metrics)}
        self._by_alias = {a: self.metrics[n] for n, a in self._alias.items()}
        self.buffer = buffer if buffer is not None else ForwardBuffer()
        self.writer = writer
        self.clock = clock
        self.link = _EdgeLink(self, SourceConfig(f"sparkplug-edge-{options.edge_node}",
                                                 "mqtt", mqtt),
                              on_status or (lambda _s: None), secret)
        self.latest: dict[str, tuple[Value, float, Quality]] = {}
        self._sent: dict[str, tuple[Value, Quality]] = {}  # last value published per metric
        self._pending: dict[str, tuple[Value, float, Quality]] = {}
        # of the current connection (0..255); kept in the buffer's file across restarts,
        # so a restarted terminal's first birth is not mistaken for an old session's
        self.bd_seq = self.buffer.meta("bd_seq", -1)
        self.seq = 0
        self.born = False
        self.primary_online = options.primary_host is None
        self._primary_ts = 0
        self._draining = False
        self._in_birth: dict[str, float] = {}  # metric -> ts of the value in the last NBIRTH
        self._ncmd_granted = False
        self.refused_writes = 0
        self.unsendable = 0  # values their metric's datatype cannot hold, sent as null
        self._unsendable_logged: dict[str, float] = {}
        self.malformed_commands = 0
        self.births = 0
        self._flush_handle: asyncio.TimerHandle | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # --- topics ---------------------------------------------------------------------------

    def topic(self, kind: str) -> str:
        return f"{NAMESPACE}/{self.options.group}/{kind}/{self.options.edge_node}"

    @property
    def state_filter(self) -> str | None:
        p = self.options.primary_host
        return f"{NAMESPACE}/STATE/{p}" if p else None

    # --- lifecycle (loop thread) ----------------------------------------------------------

    async def run(self) -> None:
        """Connect, publish, reconnect; returns only when cancelled (then NDEATH)."""
        self._loop = asyncio.get_running_loop()
        self._schedule_flush()
        try:
            await self.link.run()
        finally:
            if self._flush_handle is not None:
                self._flush_handle.cancel()

    def _schedule_flush(self) -> None:
        assert self._loop is not None
        self._flush_handle = self._loop.call_later(self.options.publish_interval_s,
                                                   self._tick)

    def _tick(self) -> None:
        try:
            self.flush()
        except Exception:
            log.exception("Sparkplug edge %s: publishing failed", self.options.edge_node)
        self._schedule_flush()

    # --- values in --------------------------------------------------------------------------

    def update(self, name: str, value: Value, ts: float, quality: Quality = Quality.GOOD) -> None:
        """A new value of a metric (loop thread); sent at the next publish interval."""
        m = self.metrics.get(name)
        if m is None:
            return
        self.latest[name] = (value, ts, quality)
        if name in self._pending:
            self._pending[name] = (value, ts, quality)  # the batch carries the newest
            return
        last = self._sent.get(name)  # the deadband is from the value last published
        if (last is not None and last[1] == quality
                and ((last[0] == value and type(last[0]) is type(value))
                     or (m.deadband > 0 and _within(last[0], value, m.deadband)))):
            return  # not a change: NDATA carries changes only
        self._pending[name] = (value, ts, quality)

    def update_samples(self, samples: list[Sample]) -> None:
        for s in samples:
            if s.tag in self.metrics:
                self.update(s.tag, s.value, s.ts, s.quality)

    def flush(self) -> None:
        """Send what changed as one NDATA, or keep it for later while not born."""
        if not self._pending or self._draining:
            return
        batch, self._pending = self._pending, {}
        if not (self.born and self.link.online):
            self.buffer.add([(n, v, ts, q) for n, (v, ts, q) in batch.items()])
            for n, (v, _ts, q) in batch.items():
                self._sent[n] = (v, q)
            return
        metrics = [self._metric(n, v, ts, q, birth=False) for n, (v, ts, q) in batch.items()]
        if self._send_data(metrics):
            for n, (v, _ts, q) in batch.items():
                self._sent[n] = (v, q)
        else:  # lost the link meanwhile: keep them, in order
            self.buffer.add([(n, v, ts, q) for n, (v, ts, q) in batch.items()])

    # --- births, deaths ---------------------------------------------------------------------

    def will(self) -> Outgoing:
        self.bd_seq = (self.bd_seq + 1) % 256
        self.buffer.set_meta("bd_seq", self.bd_seq)
        self.born = False
        return Outgoing(self.topic("NDEATH"), self._death(), qos=1, retain=False)

    def _death(self) -> bytes:
        return codec.encode(codec.Payload(
            timestamp=int(self.clock() * 1000),
            metrics=[codec.Metric(BDSEQ, self.bd_seq, SpDataType.INT64)]))

    def goodbye(self) -> Outgoing | None:
        return Outgoing(self.topic("NDEATH"), self._death(), qos=1, retain=False)

    def up(self) -> None:
        self._ncmd_granted = False
        self.primary_online = self.options.primary_host is None

    def subscribed(self, filters: list[str]) -> None:
        if self.topic("NCMD") in filters:
            self._ncmd_granted = True
        self._maybe_birth()

    def down(self) -> None:
        self.born = False
        self._draining = False

    def _maybe_birth(self) -> None:
        if not self.born and self._ncmd_granted and self.primary_online and self.link.online:
            self.birth()

    def birth(self) -> None:
        """NBIRTH (seq 0, this connection's bdSeq), then the history kept meanwhile."""
        now_ms = int(self.clock() * 1000)
        self.seq = 0
        # Pending changes are in the birth's values: current, not history.
        self._pending.clear()
        metrics = [codec.Metric(BDSEQ, self.bd_seq, SpDataType.INT64, timestamp=now_ms),
                   codec.Metric(REBIRTH, False, SpDataType.BOOLEAN, timestamp=now_ms)]
        self._in_birth = {}
        for name in self.metrics:
            v, ts, q = self.latest.get(name, (None, self.clock(), Quality.BAD))
            metrics.append(self._metric(name, v, ts, q, birth=True))
            self._sent[name] = (v, q)
            self._in_birth[name] = ts
        data = codec.encode(codec.Payload(timestamp=now_ms, seq=0, metrics=metrics))
        if not self.link.send(Outgoing(self.topic("NBIRTH"), data)):
            return
        self.born = True
        self.births += 1
        log.info("Sparkplug edge %s/%s: NBIRTH with %d metrics (bdSeq %d)",
                 self.options.group, self.options.edge_node, len(self.metrics), self.bd_seq)
        if len(self.buffer):
            self._draining = True
            assert self._loop is not None
            self._loop.call_soon(self._drain)

    def _drain(self) -> None:
        """Historical NDATA, oldest first, a chunk per loop turn (the loop stays live)."""
        if not (self.born and self.link.online):
            self._draining = False
            return
        rows = self.buffer.oldest(HISTORY_CHUNK)
        if not rows:
            self._draining = False
            self.flush()
            return
        # The newest stored change of a metric may be the value the birth just sent as
        # current: it is not history, so it is not sent twice.
        metrics = [self._metric(n, v, ts, q, birth=False, historical=True)
                   for _i, n, v, ts, q in rows
                   if n in self.metrics and self._in_birth.get(n) != ts]
        if metrics and not self._send_data(metrics):
            self._draining = False
            return
        self.buffer.remove_through(rows[-1][0])
        assert self._loop is not None
        self._loop.call_soon(self._drain)

    def _send_data(self, metrics: list[codec.Metric]) -> bool:
        seq = (self.seq + 1) % 256
        data = codec.encode(codec.Payload(timestamp=int(self.clock() * 1000), seq=seq,
                                          metrics=metrics), datatypes=False)
        if not self.link.send(Outgoing(self.topic("NDATA"), data)):
            return False
        self.seq = seq
        return True

    def _metric(self, name: str, v: Value, ts: float, q: Quality, *, birth: bool,
                historical: bool = False) -> codec.Metric:
        m = self.metrics[name]
        props: dict[str, Value] = {}
        if birth:
            if m.unit:
                props["engUnit"] = m.unit
            if m.low is not None:
                props["engLow"] = m.low
            if m.high is not None:
                props["engHigh"] = m.high
        if q is not Quality.GOOD and v is not None:
            props["Quality"] = 0 if q is Quality.BAD else 500
        if v is not None:
            v = _fit(m.datatype, v)
            try:
                codec.wire_value(m.datatype, v, name)
            except CodecError as e:
                # One value its datatype cannot hold (a PLC value out of Int16 range)
                # must not cost the whole batch: it goes as null, marked bad.
                self.unsendable += 1
                t = time.monotonic()
                if t - self._unsendable_logged.get(name, -1e9) >= 60.0:
                    self._unsendable_logged[name] = t
                    log.warning("Sparkplug edge %s: %s; sent as null (%d so far)",
                                self.options.edge_node, e, self.unsendable)
                v, props = None, {k: x for k, x in props.items() if k != "Quality"}
        return codec.Metric(name=name if birth else None, alias=self._alias[name],
                            value=v, datatype=m.datatype,
                            timestamp=int(ts * 1000), is_historical=historical,
                            properties=props, is_null=v is None)

    # --- commands from hosts --------------------------------------------------------------

    def on_state(self, topic: str, data: bytes) -> None:
        import json
        try:
            doc = json.loads(data)
        except ValueError:
            return
        if not isinstance(doc, dict) or not isinstance(doc.get("online"), bool):
            return
        ts = doc.get("timestamp")
        if isinstance(ts, int) and ts < self._primary_ts:
            return  # an older STATE than one already seen (3.0: ignore it)
        self._primary_ts = ts if isinstance(ts, int) else self._primary_ts
        online = doc["online"]
        was, self.primary_online = self.primary_online, online
        if online and not was:
            self._maybe_birth()
        elif was and not online and self.born:
            # 3.0: the primary host went away: NDEATH and a new session, so the next
            # birth (when it is back) carries a new bdSeq; data is kept meanwhile.
            self.link.drop(f"primary host {self.options.primary_host} is offline")

    def on_command(self, topic: str, data: bytes) -> None:
        msg = pb.Payload()
        try:
            msg.ParseFromString(data)
        except DecodeError:
            self.malformed_commands += 1
            log.warning("Sparkplug edge %s: NCMD on %s is not a Sparkplug payload",
                        self.options.edge_node, topic)
            return
        for pm in msg.metrics:
            name = pm.name if pm.HasField("name") else None
            if name == REBIRTH:
                if pm.WhichOneof("value") == "boolean_value" and pm.boolean_value:
                    log.info("Sparkplug edge %s: rebirth requested", self.options.edge_node)
                    self.born = False
                    self._draining = False
                    self.birth()
                continue
            m = self.metrics.get(name) if name else self._by_alias.get(pm.alias)
            if m is None:
                self._refuse(f"unknown metric {name or pm.alias}")
                continue
            kind = pm.WhichOneof("value")
            try:
                if kind is None:
                    raise CodecError("no value")
                value = codec.read_value(m.datatype, kind, getattr(pm, kind), m.name)
            except CodecError as e:
                self._refuse(f"{m.name}: {e}")
                continue
            if not self.options.accept_writes or not m.writable or self.writer is None:
                self._refuse(f"{m.name}: writes from Sparkplug hosts are not enabled")
                continue
            self._write(m, value)  # type: ignore[arg-type]

    def _refuse(self, why: str) -> None:
        self.refused_writes += 1
        log.warning("Sparkplug edge %s: command refused: %s", self.options.edge_node, why)

    def _write(self, m: EdgeMetric, value: Value) -> None:
        assert self.writer is not None
        path = m.path or m.name
        try:
            result = self.writer(path, value, self.options.write_actor)
        except Exception as e:
            self._refuse(f"{path}: {e}")
            return

        loop = self._loop

        def done(f: Any) -> None:
            exc = f.exception()
            if exc is not None:
                self._refuse(f"{path} = {value!r}: {exc}")
            elif loop is not None:
                # The host waits for the read-back in a DATA message: send the value
                # the PLC now holds even if it did not change (deadband, same value).
                loop.call_soon_threadsafe(self._read_back, m.name)

        if isinstance(result, concurrent.futures.Future):
            result.add_done_callback(done)
        elif asyncio.isfuture(result) or asyncio.iscoroutine(result):
            asyncio.ensure_future(result).add_done_callback(done)
        else:  # a plain function that has written (the simulator's device)
            self._read_back(m.name)

    def _read_back(self, name: str) -> None:
        if name in self.latest and name not in self._pending:
            self._pending[name] = self.latest[name]


class _EdgeLink(SparkplugLink):
    def __init__(self, node: EdgeNode, config: SourceConfig,
                 on_status: Callable[[LinkStatus], None], secret: str | None) -> None:
        super().__init__(config, lambda _s: None, on_status, secret,
                         client_id=f"lineside-spb-{node.options.group}-"
                                   f"{node.options.edge_node}")
        self.node = node
        self.add_subscription(node.topic("NCMD"), node.on_command)
        self.add_subscription(f"{NAMESPACE}/{node.options.group}/DCMD/"
                              f"{node.options.edge_node}/#", node.on_command)
        if node.state_filter:
            self.add_subscription(node.state_filter, node.on_state)

    def will(self) -> Outgoing:
        return self.node.will()

    def goodbye(self) -> Outgoing | None:
        return self.node.goodbye() if self.node.born else None

    def up(self) -> None:
        self.node.up()

    def subscribed(self, filters: list[str]) -> None:
        self.node.subscribed(filters)

    def down(self) -> None:
        self.node.down()


def _fit(dt: SpDataType, v: Value) -> Value:
    """A tag value in the metric's datatype (a float PLC value published as Int16...)."""
    if dt in codec.INT_WIDTH and isinstance(v, float) and not isinstance(v, bool):
        return round(v)
    if dt in (SpDataType.FLOAT, SpDataType.DOUBLE) and isinstance(v, int) \
            and not isinstance(v, bool):
        return float(v)
    if dt in (SpDataType.STRING, SpDataType.TEXT) and not isinstance(v, str):
        return str(v)
    if dt is SpDataType.BOOLEAN and isinstance(v, int | float):
        return bool(v)
    return v


def _within(a: Value, b: Value, deadband: float) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) < deadband
    return a == b


def metrics_of_tags(tags: Iterable[Any], datatypes: dict[str, SpDataType] | None = None,
                    writable: bool = True) -> list[EdgeMetric]:
    """One metric per tag: name = tag path, datatype from the tag type (or overridden)."""
    datatypes = datatypes or {}
    return [EdgeMetric(t.path, datatypes.get(t.path, DEFAULT_TYPES[t.type]), t.unit, t.low,
                       t.high, t.deadband, t.writable and writable, t.path) for t in tags]

