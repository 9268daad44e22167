"""Commissioning probe: connect to a PLC or broker nobody here wrote, print what it says.

Builds a site in memory from `--opcua URL --node ID` / `--mqtt HOST:PORT --topic T` /
`--sparkplug HOST:PORT --group G [--edge NODE]` (or uses a site file), runs the normal
runtime and prints samples as JSON lines `{"tag", "ts", "value", "quality"}`
(Sparkplug: tag = group/edge[/device]/metric; historical values add
`"historical": true`). The same source code runs as in the terminal, so a probe that
works means the terminal will.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from app import config
from app.config import DataType, SiteConfig, SiteInfo, SourceConfig, TagConfig
from app.model import LinkState, Quality, Sample
from app.runtime import Runtime
from app.secrets import get_secret
from app.sources import payload
from app.sources.base import SourceError
from app.sources.mqtt import MqttOptions
from app.sources.opcua import OpcUaOptions
from app.sources.sparkplug import SparkplugOptions

OPCUA_ID, MQTT_ID, SPARKPLUG_ID = "probe-opcua", "probe-mqtt", "probe-sparkplug"


class ProbeError(RuntimeError):
    """The probe could not do what was asked; the message says why (exit code != 0)."""

    def __init__(self, message: str, code: int = 3) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class ProbeRequest:
    site_file: Path | None = None
    opcua: OpcUaOptions | None = None
    nodes: list[str] = field(default_factory=list)
    mqtt: MqttOptions | None = None
    topics: list[str] = field(default_factory=list)
    sparkplug: SparkplugOptions | None = None  # every metric of its groups (all_metrics)
    writes: list[tuple[str, str]] = field(default_factory=list)  # (node id or tag, value)
    seconds: float = 10.0
    connect_timeout: float = 10.0


def _tag_path(prefix: str, address: str) -> str:
    return f"probe/{prefix}/" + (re.sub(r"[^A-Za-z0-9_\-]+", "_", address).strip("_") or "x")


def literal(text: str) -> tuple[Any, DataType]:
    """Parse a command-line value: true/false, an integer, a number, else a string."""
    low = text.strip().lower()
    if low in ("true", "false"):
        return low == "true", DataType.BOOL
    for conv, kind in ((int, DataType.INT), (float, DataType.FLOAT)):
        try:
            return conv(text), kind
        except ValueError:
            pass
    return text, DataType.STRING


def build_site(req: ProbeRequest) -> tuple[SiteConfig, dict[str, str]]:
    """The site to run and a map tag path -> what to print as "tag" (node id or topic)."""
    if req.site_file is not None:
        cfg = config.load(req.site_file, terminal_id="probe")
        return cfg, {p: p for p in cfg.tags}
    sources: dict[str, SourceConfig] = {}
    tags: dict[str, TagConfig] = {}
    names: dict[str, str] = {}
    write_types = {addr: literal(v)[1] for addr, v in req.writes}
    if req.opcua is not None:
        sources[OPCUA_ID] = SourceConfig(OPCUA_ID, "opcua", req.opcua)
        for node in dict.fromkeys([*req.nodes, *(a for a, _ in req.writes)]):
            path = _tag_path("opcua", node)
            # Reads print the PLC's own type; a written node takes the literal's type.
            tags[path] = TagConfig(path, OPCUA_ID, node, write_types.get(node, DataType.FLOAT),
                                   sampling_ms=250, writable=node in write_types)
            names[path] = node
    if req.mqtt is not None:
        sources[MQTT_ID] = SourceConfig(MQTT_ID, "mqtt", req.mqtt)
    if req.sparkplug is not None:
        sources[SPARKPLUG_ID] = SourceConfig(SPARKPLUG_ID, "sparkplug", req.sparkplug)
    if not sources:
        raise ProbeError("nothing to probe: give a site file, or --opcua URL --node ID, "
                         "or --mqtt HOST:PORT --topic T, or --sparkplug HOST:PORT --group G",
                         code=2)
    site = SiteInfo("probe", "probe", "", "probe", "probe",
                    broker=MQTT_ID if req.mqtt is not None else None)
    return SiteConfig(Path("<command line>"), site, sources, tags, {}), names


def run(req: ProbeRequest, out: IO[str] | None = None) -> int:
    out = out or sys.stdout
    cfg, names = build_site(req)
    lock = threading.Lock()

    def emit(record: dict[str, Any]) -> None:
        with lock:
            out.write(json.dumps(record, default=str) + "\n")
            out.flush()

    def on_samples(batch: list[Sample]) -> None:
        for s in batch:
            emit({"tag": names.get(s.tag, s.tag), "ts": s.ts, "value": s.value,
                  "quality": str(s.quality)})

    def on_message(topic: str, data: bytes) -> None:
        # The terminal's own decoding and limits: what prints here is what it would show.
        max_size = req.mqtt.max_payload if req.mqtt is not None else 256 * 1024
        try:
            value, ts, quality = payload.parse_any(data, received=time.time(),
                                                   max_size=max_size)
        except payload.MalformedPayload as e:
            emit({"tag": topic, "ts": time.time(), "value": None,
                  "quality": str(Quality.BAD), "error": str(e)})
            return
        emit({"tag": topic, "ts": ts, "value": value, "quality": str(quality)})

    rt = Runtime(cfg, secrets=get_secret)
    def on_historical(batch: list[Sample]) -> None:
        for s in batch:
            emit({"tag": s.tag, "ts": s.ts, "value": s.value, "quality": str(s.quality),
                  "historical": True})

    rt.subscribe(on_samples)
    rt.start()
    for src in rt.sources.values():
        historical = getattr(src, "on_historical", None)  # Sparkplug sources only
        if historical is not None:
            historical.add(on_historical)
    try:
        _wait_connected(rt, req.connect_timeout)
        for topic in req.topics:
            rt.subscribe_topic(topic, on_message)
        for addr, text in req.writes:
            path = next((p for p, n in names.items() if n == addr), addr)
            try:
                sample = rt.safety_write(path, literal(text)[0]).result(req.connect_timeout)
            except SourceError as e:
                raise ProbeError(f"write {addr}={text} failed: {e}", code=4) from None
            except TimeoutError:
                raise ProbeError(f"write {addr}={text}: no answer in {req.connect_timeout} s",
                                 code=4) from None
            emit({"tag": addr, "ts": sample.ts, "value": sample.value,
                  "quality": str(sample.quality), "write": text})
        time.sleep(req.seconds)
    finally:
        rt.stop()
    return 0


def _wait_connected(rt: Runtime, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(rt.sources[s].status.state is LinkState.CONNECTED for s in rt.sources):
            return
        time.sleep(0.05)
    down = [s for s in rt.sources.values() if s.status.state is not LinkState.CONNECTED]
    detail = "; ".join(f"{s.id} ({_describe(s.config)}): {s.status.detail or s.status.state}"
                       for s in down)
    raise ProbeError(f"cannot reach within {timeout:g} s: {detail}")


def _describe(sc: SourceConfig) -> str:
    o = sc.options
    return o.endpoint if sc.kind == "opcua" else f"mqtt://{o.host}:{o.port}"

