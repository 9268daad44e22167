"""Latency: a value change in the simulator's PLC (its own process) -> the value painted in
a ValueTile bound through the Bridge (timestamp when the tile's text changed and it
repainted, minus the PLC's SourceTimestamp), at idle and while ingesting 10k changes/s;
against a bare asyncua client's notification of the same nodes. And e-stop: EStopController.press ->
status CONFIRMED (the PLC's read-back), against a bare asyncua write + subscription."""

from __future__ import annotations

import asyncio
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.common import (
    Result,
    Scale,
    free_port,
    log,
    median,
    percentile,
    wait_for,
    wait_port,
)

LOAD_RATE = 10_000.0
# The tiles' tags are subscribed at this publishing (and sampling) interval, by LineSide and
# by the bare client alike. At the demo's 100 ms, each subscription waits a random share
# of the cycle for its next publish (about 50 ms on average, differing by 30 ms between
# two subscriptions of the same run), which hid what the terminal itself adds.
PUBLISH_MS = 10


def _fast(cfg: Any, tags: list[str]) -> Any:
    """`cfg` with `tags` sampled and their PLC source publishing every PUBLISH_MS."""
    src = cfg.sources["plc-body"]
    src = replace(src, options=replace(src.options, publishing_interval_ms=PUBLISH_MS))
    fast = {t: replace(cfg.tags[t], sampling_ms=PUBLISH_MS) for t in tags}
    return replace(cfg, sources={**cfg.sources, "plc-body": src}, tags={**cfg.tags, **fast})


def _tile_tags(cfg: Any) -> list[str]:
    from app.config import DataType

    return [t.path for t in cfg.tags.values()
            if t.source == "plc-body" and t.sampling_ms == 100 and t.type is DataType.FLOAT]


def tiles_latency(rt: Any, tags: list[str], seconds: float) -> tuple[list[float], list[float]]:
    """Seconds from PLC source timestamp to the repainted tile, for every text change; and
    of that, seconds from the sample's arrival in the runtime to the repainted tile."""
    from bench import qt
    from widgets.bridge import Bridge
    from widgets.value_tile import ValueTile

    qt.app()
    bridge = Bridge(rt)
    from PySide6.QtWidgets import QGridLayout, QWidget

    host = QWidget()
    grid = QGridLayout(host)
    tiles = [ValueTile(bridge, t) for t in tags]
    for i, tile in enumerate(tiles):
        grid.addWidget(tile, i // 4, i % 4)
    host.resize(800, 600)
    host.show()
    shown = {id(t): t.value.text() for t in tiles}
    lat: list[float] = []
    inner: list[float] = []
    measuring = [False]
    watched = set(tags)
    arrived: dict[tuple[str, float], float] = {}

    def on_samples(batch: list) -> None:  # runtime thread
        t = time.time()
        for smp in batch:
            if smp.tag in watched:
                arrived[(smp.tag, smp.ts)] = t

    unsubscribe = rt.subscribe(on_samples)

    def on_frame(_batch: Any) -> None:
        for tile in tiles:
            text = tile.value.text()
            if text != shown[id(tile)]:
                shown[id(tile)] = text
                tile.repaint()
                if measuring[0] and tile.sample is not None:
                    t = time.time()
                    lat.append(t - tile.sample.ts)
                    a = arrived.get((tile.tag, tile.sample.ts))
                    if a is not None:
                        inner.append(t - a)

    bridge.frame.connect(on_frame)
    qt.process(1.0)
    measuring[0] = True
    qt.process(seconds)
    unsubscribe()
    bridge.stop()
    qt.dispose(host)
    return lat, inner


def bare_latency(endpoint: str, nodes: list[str], seconds: float) -> list[float]:
    from asyncua import Client

    lat: list[float] = []

    class Handler:
        def datachange_notification(self, node, val, data) -> None:
            ts = data.monitored_item.Value.SourceTimestamp
            if ts is not None:
                lat.append(time.time() - ts.timestamp())

    async def main() -> None:
        async with Client(endpoint, timeout=10) as client:
            sub = await client.create_subscription(PUBLISH_MS, Handler())
            await sub.subscribe_data_change([client.get_node(n) for n in nodes], queuesize=1,
                                            sampling_interval=PUBLISH_MS)
            await asyncio.sleep(1.0)
            lat.clear()
            await asyncio.sleep(seconds)

    asyncio.run(main())
    return lat


# --- e-stop ----------------------------------------------------------------------------------

ESTOP = "demo/body/line1/safety/estop"


def estop_cycles(rt: Any, store: Any, presses: int) -> list[float]:
    """Press, wait CONFIRMED, wait healthy, reset, wait running; ms press -> CONFIRMED."""
    from app.safety.estop import CircuitState, EStopConfig, EStopController, RequestState

    cfg = EStopConfig(f"{ESTOP}/stop_request", f"{ESTOP}/circuit_state",
                      f"{ESTOP}/reset_request", f"{ESTOP}/healthy")
    ctl = EStopController(rt, cfg, store=store)
    confirmed_at: list[float] = []
    ctl.add_observer(lambda st: confirmed_at.append(time.perf_counter())
                     if st.request is RequestState.CONFIRMED else None)
    out = []
    try:
        wait_for(lambda: ctl.status.circuit is CircuitState.RUNNING, 10, "circuit running")
        for _ in range(presses):
            confirmed_at.clear()
            t = time.perf_counter()
            ctl.press("bench")
            wait_for(lambda: confirmed_at, 5, "e-stop CONFIRMED", step=0.001)
            out.append((confirmed_at[0] - t) * 1000)
            wait_for(lambda: ctl.status.healthy, 10, "stop circuit healthy", step=0.02)
            rt.safety_write(cfg.reset_tag, True).result(5)
            wait_for(lambda: ctl.status.circuit is CircuitState.RUNNING, 10, "circuit running")
    finally:
        ctl.close()
    return out


def bare_estop(endpoint: str, presses: int) -> list[float]:
    """asyncua alone: write StopRequest, wait for CircuitState 'stopped' by subscription."""
    from asyncua import Client, ua

    out: list[float] = []

    async def main() -> None:
        async with Client(endpoint, timeout=10) as client:
            state: dict[str, Any] = {}
            changed = asyncio.Event()

            class Handler:
                def datachange_notification(self, node, val, data) -> None:
                    state[node.nodeid.Identifier] = val
                    changed.set()

            sub = await client.create_subscription(100, Handler())
            ids = ["EStop.CircuitState", "EStop.Healthy"]
            await sub.subscribe_data_change([client.get_node(f"ns=2;s={i}") for i in ids],
                                            queuesize=1, sampling_interval=100)
            stop = client.get_node("ns=2;s=EStop.StopRequest")
            reset = client.get_node("ns=2;s=EStop.ResetRequest")

            async def until(cond: Any, timeout: float) -> None:
                end = time.monotonic() + timeout
                while not cond():
                    changed.clear()
                    await asyncio.wait_for(changed.wait(), max(0.01, end - time.monotonic()))

            await until(lambda: state.get("EStop.CircuitState") == "running", 10)
            for _ in range(presses):
                t = time.perf_counter()
                await stop.write_value(ua.DataValue(ua.Variant(True, ua.VariantType.Boolean)))
                await until(lambda: state.get("EStop.CircuitState") == "stopped", 5)
                out.append((time.perf_counter() - t) * 1000)
                await until(lambda: state.get("EStop.Healthy") is True, 10)
                await reset.write_value(ua.DataValue(ua.Variant(True, ua.VariantType.Boolean)))
                await until(lambda: state.get("EStop.CircuitState") == "running", 10)

    asyncio.run(main())
    return out


def run(scale: Scale) -> list[Result]:
    from app.demo import DemoStack
    from app.model import LinkState
    from app.runtime import Runtime
    from app.store import Store
    from bench.loadgen import GeneratorSource, generator

    seconds = scale.pick(15.0, 1.5)
    presses = scale.pick(10, 2)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-latency-") as tmp:
        # The plant in its own process, as a PLC is its own machine: in this process it
        # would compete for the interpreter with the load it is measured under.
        plc_port = free_port()
        stack = DemoStack.start(mqtt_port=free_port(), opcua_port=plc_port,
                                data_dir=Path(tmp), terminal_id="bench-latency",
                                background=True)
        try:
            wait_port(plc_port, timeout=60)
            tile_tags = _tile_tags(stack.config)
            cfg = _fast(stack.config, tile_tags)
            nodes = [cfg.tags[t].address for t in tile_tags]
            bare = bare_latency(stack.sim.endpoint, nodes, seconds)
            bare_stop = bare_estop(stack.sim.endpoint, presses)
            src, gen_tags = generator(0.0, 1000)
            cfg = replace(cfg, sources={**cfg.sources, "gen": src},
                          tags={**cfg.tags, **{t.path: t for t in gen_tags}})
            store = Store(Path(tmp) / "latency.db", terminal_id="bench-latency").open()
            rt = Runtime(cfg, store)
            rt.start()
            try:
                wait_for(lambda: rt.links["plc-body"].state is LinkState.CONNECTED, 30,
                         "the demo PLC link")
                figures = {}
                for label, rate in (("idle", 0.0), (f"ingesting {LOAD_RATE:,.0f}/s", LOAD_RATE)):
                    wait_for(lambda: "gen" in GeneratorSource.instances, 10, "generator")
                    GeneratorSource.instances["gen"].rate = rate
                    time.sleep(0.5)
                    figures[label] = (tiles_latency(rt, tile_tags, seconds),
                                      estop_cycles(rt, store, presses))
                GeneratorSource.instances["gen"].rate = 0.0
            finally:
                rt.stop(5)
                store.close()
        finally:
            stack.stop()
    b50, b99 = median(bare) * 1000, percentile(bare, 99) * 1000
    s50, s99 = median(bare_stop), percentile(bare_stop, 99)
    for label, ((lat, inner), stops) in figures.items():
        l50, l99 = median(lat) * 1000, percentile(lat, 99) * 1000
        i50, i99 = median(inner) * 1000, percentile(inner, 99) * 1000
        log.info("latency %s: tiles p50 %.0f p99 %.0f (n=%d), inner p50 %.0f p99 %.0f, "
                 "estop %s", label, l50, l99, len(lat), i50, i99, stops)
        common = (f"{len(lat)} tile changes over {seconds:g} s, {len(nodes)} demo PLC tags "
                  f"(PLC in its own process, changing every 100 ms) subscribed at "
                  f"{PUBLISH_MS} ms publishing/sampling; of it, runtime arrival -> tile "
                  f"painted p50 {i50:.0f} / p99 {i99:.0f} ms; bare: asyncua notification time "
                  f"- SourceTimestamp, same subscription settings (n={len(bare)}, idle). At "
                  f"the demo's 100 ms publishing both wait ~50 ms more for the publish cycle")
        results.append(Result(f"Latency PLC -> tile painted, p50, {label}", l50, b50, "ms",
                              higher_is_better=False, notes=common))
        results.append(Result(f"Latency PLC -> tile painted, p99, {label}", l99, b99, "ms",
                              higher_is_better=False, notes=common))
        en = (f"{len(stops)} presses (p99 of few presses = the maximum); bare: asyncua write "
              f"+ subscription read-back of CircuitState, idle")
        results.append(Result(f"E-stop press -> CONFIRMED, p50, {label}", median(stops), s50,
                              "ms", higher_is_better=False, notes=en,
                              extra={"presses_ms": stops, "bare_ms": bare_stop}))
        results.append(Result(f"E-stop press -> CONFIRMED, p99, {label}",
                              percentile(stops, 99), s99, "ms", higher_is_better=False,
                              notes=en))
    return results
