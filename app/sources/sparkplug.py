"""Source kind `sparkplug`: LineSide as a Sparkplug B 3.0 host application.

One paho session (the MQTT source's transport, `app.sparkplug.link`), clean start.
Will: retained `spBv1.0/STATE/<host_id>` `{"online": false, "timestamp": T}`; on
connect it subscribes to its own STATE and to `spBv1.0/<group>/#` of each configured
group, and once the broker has granted them publishes the retained birth
`{"online": true, "timestamp": T}` (the same T, as 3.0 asks). A clean stop publishes
the offline STATE before DISCONNECT.

The host rules (births, aliases, bdSeq, seq and rebirth, stale, historical, counting)
live in `app.sparkplug.host.HostCore`; this module wires them to the link and the
runtime. A tag's address is `group/edge_node[/device]/metric`. Writes go out as
NCMD/DCMD, only to metrics declared in the birth, and return the value read back from
the next DATA. Historical samples go to `on_historical` observers (the historian),
never into the current values.

    [[sources]]
    id = "scada"
    kind = "sparkplug"
    host = "broker.plant"      # every key of an mqtt source: port, tls, username, ...
    groups = ["Plant1"]
    host_id = "lineside-desk"  # default lineside-<hostname>
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.model import Quality, Sample, Value, now
from app.observers import Observers
from app.sources.base import SampleSink, SourceError, StatusSink
from app.sources.mqtt import MqttOptions, MqttSource
from app.sources.registry import register
from app.sparkplug.host import HostCore
from app.sparkplug.link import NAMESPACE, Outgoing, SparkplugLink, with_options

if TYPE_CHECKING:
    from app.config import SourceConfig, Table, TagConfig

ID_RE = r"[^/+#]+"


@dataclass(frozen=True)
class SparkplugOptions:
    mqtt: MqttOptions
    groups: tuple[str, ...]
    host_id: str
    edges: tuple[str, ...] = ()  # only these edge nodes (empty: all of each group)
    reorder_timeout_s: float = 2.0
    rebirth_interval_s: float = 5.0
    write_timeout_s: float = 5.0
    all_metrics: bool = False  # deliver every metric under its key, configured or not

    @property
    def host(self) -> str:
        return self.mqtt.host

    @property
    def port(self) -> int:
        return self.mqtt.port


def state_topic(host_id: str) -> str:
    return f"{NAMESPACE}/STATE/{host_id}"


def state_payload(online: bool, ts_ms: int) -> bytes:
    return json.dumps({"online": online, "timestamp": ts_ms}, separators=(",", ":")).encode()


@register("sparkplug")
class SparkplugSource(SparkplugLink):
    # Its options wrap the MQTT ones (the transport is the MQTT source, re-aimed).
    @classmethod
    def parse_options(cls, t: Table) -> SparkplugOptions:  # type: ignore[override]
        mqtt = MqttSource.parse_options(t)
        # Sparkplug payloads are small; a birth of a big node can reach a few MB.
        mqtt = dataclasses.replace(mqtt, max_payload=t.int(
            "max_payload", 4 * 1024 * 1024, min=64, max=256 * 1024 * 1024))
        groups = t.list("groups", required=True, of=str)
        if not groups:
            raise t.error("groups", "name at least one Sparkplug group")
        for i, g in enumerate(groups):
            if not g or any(c in g for c in "/+#"):
                raise t.error(f"groups[{i}]", f"{g!r} is not a Sparkplug group id")
        edges = t.list("edge_nodes", [], of=str)
        return SparkplugOptions(
            mqtt=mqtt, groups=tuple(groups),
            host_id=t.str("host_id", f"lineside-{socket.gethostname()}", pattern=ID_RE),
            edges=tuple(edges),
            reorder_timeout_s=t.float("reorder_timeout_s", 2.0, min=0.0, max=60.0),
            rebirth_interval_s=t.float("rebirth_interval_s", 5.0, min=0.0, max=3600.0),
            write_timeout_s=t.float("write_timeout_s", 5.0, min=0.1, max=60.0),
            all_metrics=t.bool("all_metrics", False),
        )

    def __init__(self, config: SourceConfig, tags: Sequence[TagConfig], sink: SampleSink,
                 on_status: StatusSink, secret: str | None = None) -> None:
        opts: SparkplugOptions = config.options
        super().__init__(with_options(config, opts.mqtt), sink, on_status, secret,
                         client_id=f"{opts.host_id}-{config.id}", tags=tags)
        self.spb = opts
        self.on_historical: Observers = Observers(f"sparkplug {config.id} historical")
        self.core = HostCore(tags=tags, all_metrics=opts.all_metrics,
                             max_payload=opts.mqtt.max_payload,
                             reorder_timeout_s=opts.reorder_timeout_s,
                             rebirth_interval_s=opts.rebirth_interval_s, edges=opts.edges,
                             schedule=self._schedule, send=self.send)
        self._state_ts = 0
        self._birth_sent = False
        self.add_subscription(state_topic(opts.host_id), self._on_state)
        for g in opts.groups:
            if opts.edges:
                for e in opts.edges:
                    self.add_subscription(f"{NAMESPACE}/{g}/+/{e}/#", self.core.handle)
            else:
                self.add_subscription(f"{NAMESPACE}/{g}/#", self.core.handle)

    # --- STATE (3.0 section 5.x: will, subscribe, then birth with the will's timestamp) ---

    @property
    def state_topic(self) -> str:
        return state_topic(self.spb.host_id)

    def will(self) -> Outgoing:
        self._state_ts = int(now() * 1000)  # a new CONNECT: a new death/birth pair
        self._birth_sent = False
        return Outgoing(self.state_topic, state_payload(False, self._state_ts), 1, True)

    def subscribed(self, filters: list[str]) -> None:
        if self.state_topic in filters and not self._birth_sent:
            self._birth_sent = True
            self.send(Outgoing(self.state_topic, state_payload(True, self._state_ts), 1, True))

    def goodbye(self) -> Outgoing:
        return Outgoing(self.state_topic, state_payload(False, self._state_ts), 1, True)

    def _on_state(self, topic: str, data: bytes) -> None:
        # Our own STATE read back. A retained offline one (our will, from a session the
        # broker only now dropped) must not stand: say online again.
        try:
            doc = json.loads(data)
        except ValueError:
            return
        if (self._birth_sent and isinstance(doc, dict) and doc.get("online") is False
                and doc.get("timestamp") != self._state_ts):
            self.send(Outgoing(self.state_topic, state_payload(True, self._state_ts), 1, True))

    # --- samples --------------------------------------------------------------------------

    def batch_done(self) -> None:
        self._drain()

    def _drain(self) -> None:
        current, historical = self.core.take()
        if current:
            self.deliver(current)
        if historical:
            self.on_historical.notify(historical)

    def down(self) -> None:
        self.core.stale_all()
        self._drain()

    def _schedule(self, delay: float, fn: Any) -> Any:
        loop = self._loop
        assert loop is not None

        def run() -> None:
            fn()
            self._drain()

        return loop.call_later(delay, run).cancel

    # --- writes ---------------------------------------------------------------------------

    async def write(self, tag: TagConfig, value: Value) -> Sample:
        if not self.online:
            raise SourceError(f"source {self.id}: not connected to broker {self.address}")
        try:
            msg, d = self.core.command(tag.address, value)
        except LookupError as e:
            raise SourceError(f"cannot write {tag.path}: {e}") from None
        except ValueError as e:  # CodecError: the value does not fit the birth's datatype
            raise SourceError(f"cannot write {tag.path}: {e}") from None
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[Sample] = loop.create_future()

        def readback(s: Sample) -> None:
            if not fut.done():
                fut.set_result(s)

        self.core.waiters.setdefault(d.key, []).append(readback)
        if not self.send(msg):
            raise SourceError(f"cannot write {tag.path}: the command could not be sent")
        try:
            s = await asyncio.wait_for(fut, self.spb.write_timeout_s)
        except TimeoutError:
            raise SourceError(f"{tag.path}: edge node sent no read-back within "
                              f"{self.spb.write_timeout_s:g} s") from None
        finally:
            waiting = self.core.waiters.get(d.key, [])
            if readback in waiting:
                waiting.remove(readback)
        v = s.value
        if v is not None:
            from app.sources.payload import MalformedPayload, coerce
            try:
                v = coerce(v, tag.type)
            except MalformedPayload:
                return Sample(tag.path, s.ts, None, Quality.BAD)
        return Sample(tag.path, s.ts, v, s.quality)
