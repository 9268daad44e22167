"""The terminal as a Sparkplug B edge node: the `[sparkplug]` section and its service.

    [sparkplug]
    broker = "plant-mqtt"        # an mqtt source: its host, port, TLS, user (own session)
    group = "DemoPlant"          # Sparkplug group id
    edge_node = "press-line-1"   # default: the terminal id
    sources = ["plc-body"]       # publish the tags of these sources (default: every
    tags = []                    #   non-Sparkplug tag); or name tags one by one
    publish_interval_ms = 1000   # NDATA batching
    primary_host = ""            # a host id: birth only while its STATE says online
    host_identity = "scada"      # who an NCMD write is audited as
    write_role = ""              # the role that identity has; empty: writes refused
    buffer_max = 100000          # store and forward: changes kept while offline

    [sparkplug.datatypes]        # optional: a tag's Sparkplug datatype (default by
    "demo/.../count" = "UInt32"  # tag type: Double, Int64, Boolean, String)

Metrics are named by tag path, carry the tag's unit and limits, and follow the tag's
deadband. The edge node runs on the runtime's loop; a host's NCMD write goes through
`write(path, value, actor)`: the role check (`setpoint.write`), the runtime's limit and
type checks, the PLC's read-back and an audit record, as a setpoint from the screen.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.auth.permissions import Role
from app.model import Sample, Value
from app.secrets import get_secret
from app.services import ConfigSection, ServiceContext, ServiceSpec, Unsubscribe, stop_all
from app.sparkplug.codec import SpDataType
from app.sparkplug.edge import EdgeNode, EdgeOptions, metrics_of_tags
from app.sparkplug.forward import ForwardBuffer
from app.writes import ActorRef, TagWrites

if TYPE_CHECKING:
    from app.config import SiteConfig, Table
    from app.runtime import Runtime

log = logging.getLogger(__name__)
SECTION = "sparkplug"
ID_RE = r"[^/+#]+"


@dataclass(frozen=True)
class EdgeConfig:
    broker: str
    group: str
    edge_node: str
    tags: tuple[str, ...]
    publish_interval_s: float = 1.0
    primary_host: str | None = None
    host_identity: str = "sparkplug-host"
    write_role: Role | None = None
    buffer_max: int = 100_000
    datatypes: dict[str, SpDataType] = field(default_factory=dict)


def parse_sparkplug(t: Table, cfg: SiteConfig) -> EdgeConfig:
    s = t.table(SECTION)
    broker = s.str("broker", required=True)
    src = cfg.sources.get(broker)
    if src is None or src.kind != "mqtt":
        mqtt = ", ".join(k for k, v in cfg.sources.items() if v.kind == "mqtt") or "none"
        raise s.error("broker", f"{broker!r} is not an mqtt source (mqtt sources: {mqtt})")
    sources = s.list("sources", [], of=str)
    for i, sid in enumerate(sources):
        if sid not in cfg.sources:
            raise s.error(f"sources[{i}]", f"unknown source {sid!r}")
    tags = s.list("tags", [], of=str)
    for i, p in enumerate(tags):
        if p not in cfg.tags:
            raise s.error(f"tags[{i}]", f"unknown tag {p!r}")
    if not tags:
        tags = [p for p, tag in cfg.tags.items()
                if (tag.source in sources if sources
                    else cfg.sources[tag.source].kind != "sparkplug")]
    elif sources:
        tags += [p for p, tag in cfg.tags.items() if tag.source in sources and p not in tags]
    role_name = s.str("write_role", "")
    role = None
    if role_name:
        try:
            role = Role(role_name)
        except ValueError:
            raise s.error("write_role", f"{role_name!r} is not a role "
                          f"({', '.join(r.value for r in Role)})") from None
    dts: dict[str, SpDataType] = {}
    dt_table = s.table("datatypes")
    for path in list(dt_table.data):
        if path not in cfg.tags:
            raise dt_table.error(path, f"unknown tag {path!r}")
        try:
            dts[path] = SpDataType.named(dt_table.str(path, required=True))
        except ValueError as e:
            raise dt_table.error(path, str(e)) from None
    dt_table.done()
    out = EdgeConfig(
        broker=broker,
        group=s.str("group", required=True, pattern=ID_RE),
        edge_node=s.str("edge_node", "", pattern=r"|" + ID_RE) or cfg.site.terminal_id,
        tags=tuple(tags),
        publish_interval_s=s.int("publish_interval_ms", 1000, min=10, max=3_600_000) / 1000,
        primary_host=s.str("primary_host", "", pattern=r"|" + ID_RE) or None,
        host_identity=s.str("host_identity", "sparkplug-host"),
        write_role=role,
        buffer_max=s.int("buffer_max", 100_000, min=0, max=100_000_000),
        datatypes=dts,
    )
    s.done()
    return out


class SparkplugEdgeService:
    """Runs the edge node on the runtime's loop and feeds it the change stream."""

    def __init__(self, cfg: EdgeConfig, site: SiteConfig, runtime: Runtime,
                 buffer_path: Path | str, write: Any = None,
                 secret: str | None = None) -> None:
        self.cfg = cfg
        self.runtime = runtime
        mqtt = site.sources[cfg.broker].options
        tags = [site.tags[p] for p in cfg.tags]
        self.node = EdgeNode(
            EdgeOptions(cfg.group, cfg.edge_node, cfg.publish_interval_s, cfg.primary_host,
                        accept_writes=cfg.write_role is not None,
                        write_actor=cfg.host_identity),
            metrics_of_tags(tags, cfg.datatypes), mqtt,
            buffer=ForwardBuffer(buffer_path, cfg.buffer_max), writer=write, secret=secret)
        self._task: asyncio.Task[None] | None = None
        self._unsubscribe: Any = None

    def start(self) -> None:
        self._unsubscribe = self.runtime.subscribe(self.node.update_samples)
        for s in list(self.runtime.latest.values()):
            if s.tag in self.node.metrics:
                self.node.update(s.tag, s.value, s.ts, s.quality)

        def spawn() -> None:
            self._task = self.runtime.loop.create_task(self.node.run(), name="sparkplug-edge")

        self.runtime.loop.call_soon_threadsafe(spawn)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        loop = self.runtime.loop
        if loop.is_closed() or not loop.is_running():
            return

        async def cancel() -> None:
            if self._task is not None:
                self._task.cancel()  # the node publishes NDEATH, then disconnects
                await asyncio.gather(self._task, return_exceptions=True)

        try:
            asyncio.run_coroutine_threadsafe(cancel(), loop).result(2.0)
        except (concurrent.futures.TimeoutError, RuntimeError):
            log.warning("Sparkplug edge %s did not stop within 2 s", self.cfg.edge_node)
        self.node.buffer.close()


def checked_write(ctx: ServiceContext, cfg: EdgeConfig) -> Any:
    """A host's write through the one checked, audited write (app.writes): the
    configured role must be one that may write setpoints; type, limits and the audit
    record (with the PLC's read-back, or why not) are TagWrites'."""
    writes = ctx.get(TagWrites)

    def write(path: str, value: Value, actor: str) -> concurrent.futures.Future[Any]:
        who = ActorRef(actor, cfg.write_role) if cfg.write_role is not None else None
        return writes.write(path, value, who, via="Sparkplug NCMD",
                            audit_as="sparkplug.write")

    return write


def _build(ctx: ServiceContext) -> SparkplugEdgeService | None:
    cfg: EdgeConfig | None = ctx.config.sections.get(SECTION)
    if cfg is None:
        return None
    # Beside the terminal's store (same folder, same permissions), so a restart during
    # an outage keeps what was not sent yet.
    buffer_path = Path(ctx.store.path).with_name(f"sparkplug-{cfg.edge_node}.db")
    return SparkplugEdgeService(cfg, ctx.config, ctx.runtime, buffer_path,
                                write=checked_write(ctx, cfg), secret=get_secret(cfg.broker))


SPEC = ServiceSpec(name="sparkplug", provides=SparkplugEdgeService, build=_build,
                   sections=(ConfigSection(SECTION, parse_sparkplug),), needs=(TagWrites,))


class SparkplugHistory:
    """The host side: historical values (is_historical) that the site's Sparkplug
    sources receive go into the historian with their own times, never into the current
    values (the runtime's change stream carries only current ones)."""

    def __init__(self, runtime: Runtime, append: Callable[[list[Sample]], None],
                 source_ids: list[str]) -> None:
        self.runtime = runtime
        self.append = append
        self.source_ids = source_ids
        self._removers: list[Unsubscribe] = []
        self._stopped = False

    def start(self) -> None:
        self._stopped = False

        def attach() -> None:
            # On the runtime thread, once its loop runs: the sources exist by then.
            for sid in self.source_ids:
                src = self.runtime.sources.get(sid)
                observers = getattr(src, "on_historical", None)
                if observers is not None and not self._stopped:
                    self._removers.append(observers.add(self.append))

        self.runtime.loop.call_soon_threadsafe(attach)

    def stop(self) -> None:
        self._stopped = True
        stop_all(self._removers)


def _build_history(ctx: ServiceContext) -> SparkplugHistory | None:
    ids = [sid for sid, sc in ctx.config.sources.items() if sc.kind == "sparkplug"]
    if not ids:
        return None
    return SparkplugHistory(ctx.runtime, ctx.store.historian.append, ids)


HISTORY = ServiceSpec(name="sparkplug-history", provides=SparkplugHistory,
                      build=_build_history)
