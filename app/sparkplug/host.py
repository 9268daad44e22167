"""The Sparkplug B host application's rules, without a network: messages in, samples out.

`HostCore.handle(topic, payload)` applies the 3.0 host rules per edge node:
- NBIRTH rebuilds the node's metric and alias map (and forgets its devices), records
  its bdSeq and seq; DBIRTH rebuilds one device's part of the same map (aliases are
  unique per edge node, across its devices).
- NDEATH counts only when its bdSeq matches the current NBIRTH; it (or a DDEATH, or
  `stale_all` on broker loss) makes every metric of the node/device BAD at once.
- seq runs 0..255 and wraps. A message out of order is held; a gap that is still open
  after `reorder_timeout_s` (0: at once) gets a `Node Control/Rebirth` NCMD, as does
  data from a node or device with no birth (at most once per `rebirth_interval_s`).
- is_historical metrics go to `historical`, never to the current values.
- Malformed protobuf, unknown aliases or names, wrong types and oversized messages
  are counted in `errors[(group/edge, kind)]` and logged once per node per minute;
  the stream goes on.
A metric's tag key is `group/edge_node[/device]/metric`; configured tags bound to that
address get the value converted to their type, and with `all_metrics` every metric
is delivered under its key as well (the probe).
"""

from __future__ import annotations

import collections
import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from google.protobuf.message import DecodeError

from app.model import Quality, Sample, Value
from app.sources import payload as plain
from app.sparkplug import codec
from app.sparkplug.codec import CodecError, SpDataType
from app.sparkplug.link import NAMESPACE, Outgoing
from app.sparkplug.proto import sparkplug_b_pb2 as pb

if TYPE_CHECKING:
    from app.config import TagConfig

log = logging.getLogger(__name__)

REBIRTH = "Node Control/Rebirth"
BDSEQ = "bdSeq"
LOG_EVERY_S = 60.0
# The 3.0 "Quality" property: 0 bad, 192 good, 500 stale.
_QUALITY = {0: Quality.BAD, 192: Quality.GOOD, 500: Quality.BAD}

Schedule = Callable[[float, Callable[[], None]], Callable[[], None]]


@dataclass(eq=False)
class MetricDef:
    """A metric declared in a birth: what DATA messages refer to by alias or name."""

    key: str  # group/edge[/device]/name
    name: str
    datatype: SpDataType
    device: str | None
    alias: int | None = None
    unit: str = ""
    low: float | None = None
    high: float | None = None
    last: Value = None
    tags: list[TagConfig] = field(default_factory=list)
    read: codec.Reader | None = None  # the datatype's value reader (None: unsupported)


@dataclass(eq=False)
class EdgeNode:
    group: str
    edge: str
    born: bool = False  # an NBIRTH in force, and seq in step since
    bd_seq: int | None = None
    seq: int | None = None
    by_name: dict[tuple[str | None, str], MetricDef] = field(default_factory=dict)
    by_alias: dict[int, MetricDef] = field(default_factory=dict)
    devices: set[str] = field(default_factory=set)
    held: dict[int, tuple[str, str | None, pb.Payload]] = field(default_factory=dict)
    cancel_timer: Callable[[], None] | None = None
    last_rebirth: float = -1e9

    @property
    def key(self) -> str:
        return f"{self.group}/{self.edge}"


@dataclass(frozen=True)
class Rebirth:
    group: str
    edge: str


class HostCore:
    def __init__(self, *, tags: Iterable[TagConfig] = (), all_metrics: bool = False,
                 max_payload: int = 1024 * 1024, reorder_timeout_s: float = 2.0,
                 rebirth_interval_s: float = 5.0, edges: Iterable[str] = (),
                 schedule: Schedule | None = None,
                 send: Callable[[Outgoing], bool] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.tags_by_address: dict[str, list[TagConfig]] = {}
        for t in tags:
            self.tags_by_address.setdefault(t.address, []).append(t)
        self.all_metrics = all_metrics
        self.max_payload = max_payload
        self.reorder_timeout_s = reorder_timeout_s
        self.rebirth_interval_s = rebirth_interval_s
        self.edges = set(edges)
        self._schedule = schedule
        self._send = send or (lambda _m: False)
        self._clock = clock
        self.nodes: dict[tuple[str, str], EdgeNode] = {}
        self.samples: list[Sample] = []
        self.historical: list[Sample] = []
        self.errors: collections.Counter[tuple[str, str]] = collections.Counter()
        self.rebirths_sent = 0
        self.hosts: dict[str, bool] = {}  # STATE of the host applications seen
        self._logged: dict[str, float] = {}
        # read-back waiters: metric key -> callbacks taking the next sample of it
        self.waiters: dict[str, list[Callable[[Sample], None]]] = {}

    # --- input ----------------------------------------------------------------------------

    def handle(self, topic: str, data: bytes) -> None:
        parts = topic.split("/")
        if len(parts) < 3 or parts[0] != NAMESPACE:
            return
        if parts[1] == "STATE":
            self._state(parts[2] if len(parts) == 3 else "/".join(parts[2:]), data)
            return
        if len(parts) not in (4, 5):
            self._error(topic, "malformed", f"not a Sparkplug topic: {topic}")
            return
        group, kind, edge = parts[1], parts[2], parts[3]
        device = parts[4] if len(parts) == 5 else None
        if kind in ("NCMD", "DCMD"):
            return  # commands of other hosts
        if self.edges and edge not in self.edges:
            return
        where = f"{group}/{edge}"
        if len(data) > self.max_payload:
            self._error(where, "oversized",
                        f"{kind} of {len(data)} bytes exceeds max_payload {self.max_payload}")
            return
        msg = pb.Payload()
        try:
            msg.ParseFromString(data)
        except DecodeError as e:
            self._error(where, "malformed", f"{kind} is not a Sparkplug B payload ({e})")
            return
        node = self.nodes.get((group, edge))
        if node is None:
            node = self.nodes[(group, edge)] = EdgeNode(group, edge)
        if kind == "NBIRTH":
            self._nbirth(node, msg)
        elif kind == "NDEATH":
            self._ndeath(node, msg)
        elif kind in ("NDATA", "DBIRTH", "DDATA", "DDEATH"):
            if (kind == "NDATA") != (device is None):
                self._error(where, "malformed", f"{kind} on {topic}")
                return
            self._in_order(node, kind, device, msg)
        else:
            self._error(where, "malformed", f"unknown message type {kind} on {topic}")

    def take(self) -> tuple[list[Sample], list[Sample]]:
        """(current samples, historical samples) produced since the last take."""
        out, hist = self.samples, self.historical
        self.samples, self.historical = [], []
        return out, hist

    def stale_all(self) -> None:
        """The broker is lost: every metric of every node BAD; each needs a new birth."""
        for node in self.nodes.values():
            self._stop_timer(node)
            node.held.clear()
            if node.born or node.by_name:
                self._stale(node, None, all_devices=True)
            node.born = False
            node.seq = None

    # --- births and deaths --------------------------------------------------------------

    def _nbirth(self, node: EdgeNode, msg: pb.Payload) -> None:
        self._stop_timer(node)
        node.held.clear()
        old = dict(node.by_name)
        node.by_name.clear()
        node.by_alias.clear()
        node.devices.clear()
        node.bd_seq = None
        for m in msg.metrics:
            if m.name == BDSEQ:
                node.bd_seq = _int_of(m)
        if node.bd_seq is None:
            self._error(node.key, "malformed", "NBIRTH without a bdSeq metric")
        if not msg.HasField("seq"):
            self._error(node.key, "malformed", "NBIRTH without seq")
        node.seq = msg.seq % 256
        node.born = True
        self._birth_metrics(node, None, msg)
        # What the old birth had and this one has not (its devices until they re-birth,
        # metrics dropped from the node) is no longer current.
        t = self._clock()
        for k, d in old.items():
            if k not in node.by_name:
                self._emit(d, t, d.last, Quality.BAD, historical=False)

    def _ndeath(self, node: EdgeNode, msg: pb.Payload) -> None:
        bd = next((_int_of(m) for m in msg.metrics if m.name == BDSEQ), None)
        if bd is None or node.bd_seq is None or bd != node.bd_seq:
            # A late will of an older session: the node has re-born since; ignore it.
            self._error(node.key, "bdseq_mismatch",
                        f"NDEATH with bdSeq {bd} while the NBIRTH in force has {node.bd_seq}")
            return
        self._stop_timer(node)
        node.held.clear()
        node.born = False
        node.seq = None
        self._stale(node, None, all_devices=True)

    def _birth_metrics(self, node: EdgeNode, device: str | None, msg: pb.Payload) -> None:
        if device is not None:
            for k in [k for k in node.by_name if k[0] == device]:
                d = node.by_name.pop(k)
                if d.alias is not None and node.by_alias.get(d.alias) is d:
                    del node.by_alias[d.alias]
        prefix = node.key + (f"/{device}" if device is not None else "")
        for m in msg.metrics:
            if not m.HasField("name"):
                self._error(node.key, "malformed", "a birth metric without a name")
                continue
            if not m.HasField("datatype"):
                self._error(node.key, "wrong_type", f"birth metric {m.name} has no datatype")
                continue
            try:
                dt = SpDataType(m.datatype)
            except ValueError:
                self._error(node.key, "wrong_type", f"metric {m.name}: datatype {m.datatype}")
                continue
            d = MetricDef(f"{prefix}/{m.name}", m.name, dt, device)
            d.read = codec.reader(dt) if dt in codec.SUPPORTED else None
            d.tags = self.tags_by_address.get(d.key, [])
            if m.HasField("alias"):
                if m.alias in node.by_alias:
                    self._error(node.key, "malformed", f"alias {m.alias} used twice in a birth")
                else:
                    d.alias = m.alias
                    node.by_alias[m.alias] = d
            if m.HasField("properties"):
                props = codec._properties(m.properties)
                unit = props.get("engUnit", props.get("engUnits", props.get("Units")))
                d.unit = unit if isinstance(unit, str) else ""
                d.low, d.high = _num(props.get("engLow")), _num(props.get("engHigh"))
            node.by_name[(device, m.name)] = d
        self._values(node, device, msg, birth=True)

    def _stale(self, node: EdgeNode, device: str | None, *, all_devices: bool = False) -> None:
        t = self._clock()
        for (dev, _name), d in node.by_name.items():
            if all_devices or dev == device:
                self._emit(d, t, d.last, Quality.BAD, historical=False)

    # --- data, in seq order -------------------------------------------------------------

    def _in_order(self, node: EdgeNode, kind: str, device: str | None,
                  msg: pb.Payload) -> None:
        if not node.born:
            self._rebirth(node, f"{kind} from an edge node with no birth in force")
            return
        if not msg.HasField("seq") or msg.seq > 255:
            self._error(node.key, "malformed", f"{kind} without a seq of 0..255")
            return
        expected = ((node.seq or 0) + 1) % 256 if node.seq is not None else msg.seq
        if msg.seq != expected:
            node.held[msg.seq] = (kind, device, msg)
            if len(node.held) >= 255:
                self._gap_expired(node)
            elif node.cancel_timer is None:
                if self.reorder_timeout_s <= 0 or self._schedule is None:
                    self._gap_expired(node)
                else:
                    node.cancel_timer = self._schedule(self.reorder_timeout_s,
                                                       lambda: self._gap_expired(node))
            return
        self._apply(node, kind, device, msg)
        # Messages held for a gap that has now closed, in order.
        while node.born and node.held:
            nxt = ((node.seq or 0) + 1) % 256
            held = node.held.pop(nxt, None)
            if held is None:
                return
            self._apply(node, *held)
        self._stop_timer(node)

    def _apply(self, node: EdgeNode, kind: str, device: str | None, msg: pb.Payload) -> None:
        node.seq = msg.seq
        if kind == "NDATA":
            self._values(node, None, msg, birth=False)
        elif kind == "DBIRTH":
            assert device is not None
            node.devices.add(device)
            self._birth_metrics(node, device, msg)
        elif kind == "DDATA":
            if device not in node.devices:
                self._rebirth(node, f"DDATA from device {device} with no DBIRTH")
                return
            self._values(node, device, msg, birth=False)
        elif kind == "DDEATH":
            node.devices.discard(device or "")
            self._stale(node, device)

    def _gap_expired(self, node: EdgeNode) -> None:
        node.cancel_timer = None
        if not node.held:
            return
        self.errors[(node.key, "seq_gap")] += 1
        missing = ((node.seq or 0) + 1) % 256
        node.held.clear()
        node.born = False
        self._rebirth(node, f"seq {missing} missing after {self.reorder_timeout_s:g} s",
                      force=True)

    def _stop_timer(self, node: EdgeNode) -> None:
        if node.cancel_timer is not None:
            node.cancel_timer()
            node.cancel_timer = None

    def _rebirth(self, node: EdgeNode, why: str, *, force: bool = False) -> None:
        t = time.monotonic()
        if not force and t - node.last_rebirth < self.rebirth_interval_s:
            return
        node.last_rebirth = t
        self.rebirths_sent += 1
        self._note(node.key, f"asking {node.key} to rebirth: {why}")
        self._send(rebirth_command(node.group, node.edge, self._clock()))

    def _values(self, node: EdgeNode, device: str | None, msg: pb.Payload, *,
                birth: bool) -> None:
        sent = msg.timestamp / 1000.0 if msg.HasField("timestamp") else self._clock()
        for m in msg.metrics:
            if m.HasField("name") and (birth or not m.HasField("alias")):
                d = node.by_name.get((device, m.name))
                if d is None:
                    self._error(node.key, "unknown_metric",
                                f"metric {m.name!r} not declared in the birth")
                    continue
            elif m.HasField("alias"):
                d = node.by_alias.get(m.alias)
                if d is None or d.device != device:
                    self._error(node.key, "unknown_alias", f"alias {m.alias} not in the birth")
                    continue
            else:
                self._error(node.key, "malformed", "a metric with neither name nor alias")
                continue
            if m.HasField("datatype") and m.datatype != d.datatype:
                self._error(node.key, "wrong_type",
                            f"metric {d.name}: datatype {m.datatype}, birth said {d.datatype}")
                continue
            read = d.read
            if read is None:
                continue
            ts = m.timestamp / 1000.0 if m.HasField("timestamp") else sent
            quality = Quality.GOOD
            if m.HasField("properties"):
                q = codec._properties(m.properties).get("Quality")
                if isinstance(q, int) and not isinstance(q, bool):
                    quality = _QUALITY.get(q, Quality.UNCERTAIN)
            if m.is_null:
                value: Value = None
                quality = Quality.BAD
            else:
                kind = m.WhichOneof("value")
                if kind is None:
                    if not birth:
                        self._error(node.key, "wrong_type", f"metric {d.name}: no value")
                    continue
                try:
                    raw = read(kind, getattr(m, kind), d.key)
                except CodecError as e:
                    self._error(node.key, "wrong_type", str(e))
                    continue
                value = raw.hex() if isinstance(raw, bytes) else raw
            self._emit(d, ts, value, quality, historical=m.is_historical)

    def _emit(self, d: MetricDef, ts: float, value: Value, quality: Quality, *,
              historical: bool) -> None:
        out = self.historical if historical else self.samples
        if not historical:
            d.last = value
        if self.all_metrics:
            out.append(Sample(d.key, ts, value, quality))
        for tag in d.tags:
            v, q = value, quality
            if v is not None:
                try:
                    v = plain.coerce(v, tag.type)
                except plain.MalformedPayload as e:
                    self._error(d.key.rsplit("/", 1)[0], "wrong_type", f"{tag.path}: {e}")
                    v, q = None, Quality.BAD
            out.append(Sample(tag.path, ts, v, q))
        if not historical and quality is Quality.GOOD and d.key in self.waiters:
            s = Sample(d.key, ts, value, quality)
            for fn in self.waiters.pop(d.key):
                fn(s)

    # --- STATE of other hosts -------------------------------------------------------------

    def _state(self, host_id: str, data: bytes) -> None:
        try:
            doc = json.loads(data.decode("utf-8")) if data else {}
        except (UnicodeDecodeError, ValueError):
            self._error(f"STATE/{host_id}", "malformed", "STATE is not JSON")
            return
        if isinstance(doc, dict) and isinstance(doc.get("online"), bool):
            self.hosts[host_id] = doc["online"]

    # --- writes ---------------------------------------------------------------------------

    def command(self, key: str, value: Value) -> tuple[Outgoing, MetricDef]:
        """The NCMD/DCMD that writes `value` to metric `key` (declared in a birth)."""
        d = self.find(key)
        if d is None:
            raise LookupError(f"metric {key} is not declared in a birth in force")
        node = next(n for n in self.nodes.values() if key.startswith(n.key + "/"))
        if not node.born:
            raise LookupError(f"edge node {node.key} is offline")
        if d.device is not None and d.device not in node.devices:
            raise LookupError(f"device {d.device} of {node.key} is offline")
        m = codec.Metric(name=None if d.alias is not None else d.name, alias=d.alias,
                         value=value, datatype=d.datatype, timestamp=int(self._clock() * 1000))
        p = codec.Payload(timestamp=int(self._clock() * 1000), metrics=[m])
        kind, tail = ("DCMD", f"{node.edge}/{d.device}") if d.device else ("NCMD", node.edge)
        return Outgoing(f"{NAMESPACE}/{node.group}/{kind}/{tail}",
                        codec.encode(p, datatypes=False)), d

    def find(self, key: str) -> MetricDef | None:
        for node in self.nodes.values():
            if key.startswith(node.key + "/"):
                rest = key[len(node.key) + 1:]
                d = node.by_name.get((None, rest))
                if d is not None:
                    return d
                dev, _, name = rest.partition("/")
                d = node.by_name.get((dev, name))
                if d is not None:
                    return d
        return None

    def metrics(self) -> list[MetricDef]:
        return [d for n in self.nodes.values() for d in n.by_name.values()]

    # --- counting and logging -------------------------------------------------------------

    def _error(self, where: str, kind: str, message: str) -> None:
        self.errors[(where, kind)] += 1
        total = sum(v for (w, _k), v in self.errors.items() if w == where)
        self._note(where, f"{where}: {message} ({total} problems so far)")

    def _note(self, where: str, message: str) -> None:
        t = time.monotonic()
        last = self._logged.get(where)
        if last is None or t - last >= LOG_EVERY_S:
            self._logged[where] = t
            log.warning("Sparkplug host: %s", message)


def rebirth_command(group: str, edge: str, now: float) -> Outgoing:
    ms = int(now * 1000)
    p = codec.Payload(timestamp=ms, metrics=[codec.Metric(
        name=REBIRTH, value=True, datatype=SpDataType.BOOLEAN, timestamp=ms)])
    return Outgoing(f"{NAMESPACE}/{group}/NCMD/{edge}", codec.encode(p))


def _int_of(m: Any) -> int | None:
    kind = m.WhichOneof("value")
    if kind in ("int_value", "long_value"):
        return int(getattr(m, kind))
    return None


def _num(v: Value) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None
