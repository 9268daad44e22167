"""OPC UA ingest: data-change notifications/s for 1,000 and 5,000 monitored items from an
asyncua server process whose variables all change as fast as it can write them, into the
Runtime (and its historian) through app.sources.opcua, against a bare asyncua client
(high-level Subscription API, a handler that counts) subscribed to the same nodes with the
same parameters (100 ms publishing and sampling, queue size 1)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.common import Result, Scale, bench_env, free_port, log, site_config, wait_port

INTERVAL_MS = 100


class ServerProc:
    def __init__(self, n: int) -> None:
        self.n = n
        self.port = free_port()
        self.endpoint = f"opc.tcp://127.0.0.1:{self.port}/bench/"
        self.changes = 0
        self.ns = 2

    def __enter__(self) -> ServerProc:
        self.proc = subprocess.Popen([sys.executable, "-m", "bench.opcua_server",
                                      str(self.port), str(self.n)], env=bench_env(),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()  # type: ignore[union-attr]
        if not line.startswith("ready"):
            raise RuntimeError(f"OPC UA bench server did not start: {line!r}")
        self.ns = int(line.split()[1])
        threading.Thread(target=self._read, daemon=True).start()
        wait_port(self.port)
        return self

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            if line.startswith("changes"):
                self.changes = int(line.split()[1])

    def __exit__(self, *_exc: object) -> None:
        try:
            self.proc.stdin.close()  # type: ignore[union-attr]
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


class _Count:
    def __init__(self) -> None:
        self.n = 0
        self.lock = threading.Lock()

    def add(self, k: int) -> None:
        with self.lock:
            self.n += k


def _measure(count: _Count, server: ServerProc, warmup: float, window: float) -> tuple:
    time.sleep(warmup)
    n0, c0, t0 = count.n, server.changes, time.perf_counter()
    time.sleep(window)
    n1, c1, t1 = count.n, server.changes, time.perf_counter()
    return (n1 - n0) / (t1 - t0), (c1 - c0) / (t1 - t0)


def run_lineside(server: ServerProc, workdir: Path, warmup: float, window: float) -> dict:
    from app.config import SourceConfig, TagConfig
    from app.model import LinkState
    from app.runtime import Runtime
    from app.sources.opcua import OpcUaOptions
    from app.store import Store

    src = SourceConfig("plc", "opcua", OpcUaOptions(server.endpoint,
                                                    publishing_interval_ms=INTERVAL_MS,
                                                    timeout_s=30.0))
    tags = [TagConfig(f"bench/plc/v{i}", "plc", f"ns={server.ns};s=V{i}",
                      sampling_ms=INTERVAL_MS) for i in range(server.n)]
    store = Store(workdir / f"opcua-{server.n}.db", terminal_id="bench").open()
    rt = Runtime(site_config([src], tags), store)
    count = _Count()
    rt.subscribe(lambda b: count.add(len(b)))
    rt.start()
    try:
        t = time.monotonic()
        while rt.links["plc"].state is not LinkState.CONNECTED or count.n < server.n:
            if time.monotonic() - t > 120:
                raise TimeoutError(f"LineSide did not subscribe {server.n} items in 120 s")
            time.sleep(0.05)
        setup = time.monotonic() - t
        rate, server_rate = _measure(count, server, warmup, window)
    finally:
        rt.stop(5)
        store.close()
    return {"rate": rate, "server_rate": server_rate, "setup_s": setup}


def run_bare(server: ServerProc, warmup: float, window: float) -> dict:
    from asyncua import Client, ua

    count = _Count()
    result: dict = {}

    class Handler:
        def datachange_notification(self, node, val, data) -> None:
            count.n += 1  # one loop thread: no lock needed

    async def main() -> None:
        client = Client(server.endpoint, timeout=30)
        async with client:
            t = time.monotonic()
            sub = await client.create_subscription(
                ua.CreateSubscriptionParameters(RequestedPublishingInterval=INTERVAL_MS,
                                                RequestedLifetimeCount=300,
                                                RequestedMaxKeepAliveCount=5,
                                                MaxNotificationsPerPublish=0,
                                                PublishingEnabled=True), Handler())
            nodes = [client.get_node(f"ns={server.ns};s=V{i}") for i in range(server.n)]
            for i in range(0, len(nodes), 1000):
                await sub.subscribe_data_change(nodes[i:i + 1000], queuesize=1,
                                                sampling_interval=INTERVAL_MS)
            while count.n < server.n:
                await asyncio.sleep(0.05)
            result["setup_s"] = time.monotonic() - t
            rate, srate = await asyncio.to_thread(_measure, count, server, warmup, window)
            result.update(rate=rate, server_rate=srate)
            await sub.delete()

    asyncio.run(main())
    return result


def run(scale: Scale) -> list[Result]:
    sizes = scale.pick((1000, 5000), (50,))
    warmup, window = scale.pick((2.0, 6.0), (0.5, 1.0))
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-opcua-") as tmp:
        for n in sizes:
            with ServerProc(n) as server:
                bare = run_bare(server, warmup, window)
                ls = run_lineside(server, Path(tmp), warmup, window)
            log.info("opcua %d items: lineside %s bare %s", n, ls, bare)
            ceiling = n * 1000 / INTERVAL_MS
            results.append(Result(
                f"OPC UA ingest, {n:,} items", ls["rate"], bare["rate"], "notif/s",
                notes=f"server process changed {ls['server_rate']:,.0f} (LineSide run) / "
                      f"{bare['server_rate']:,.0f} (bare run) values/s; ceiling at "
                      f"{INTERVAL_MS} ms sampling, queue 1: {ceiling:,.0f}/s; LineSide "
                      f"includes the historian; subscribe took {ls['setup_s']:.1f} s "
                      f"(bare {bare['setup_s']:.1f} s); {window:g} s window",
                extra={"lineside": ls, "bare": bare, "items": n}))
    return results
