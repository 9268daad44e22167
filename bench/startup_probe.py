"""Run as a subprocess by bench.startup: start a terminal runtime on the demo site and print
the seconds from process start to the first sample (`lineside` mode), or connect a bare
asyncua client and read one value (`bare` mode).

    python -m bench.startup_probe lineside|bare ENDPOINT BROKER_PORT PROTOCOL STORE_DIR
"""

from __future__ import annotations

import sys
import threading
import time

import psutil


def _since_start() -> float:
    return time.time() - psutil.Process().create_time()


def lineside(endpoint: str, port: int, protocol: str, store_dir: str) -> None:
    from pathlib import Path

    from app import config, paths
    from app.runtime import Runtime
    from app.store import Store

    cfg = config.load(paths.DEMO_SITE, terminal_id="bench-startup", source_overrides={
        "plc-body": {"endpoint": endpoint},
        "plant-mqtt": {"host": "127.0.0.1", "port": port, "protocol": protocol}})
    store = Store(Path(store_dir) / "startup.db", terminal_id="bench-startup").open()
    rt = Runtime(cfg, store)
    first = threading.Event()
    rt.subscribe(lambda b: any(s.value is not None for s in b) and first.set())
    rt.start()
    if not first.wait(60):
        raise SystemExit("no sample within 60 s")
    print(f"first-sample {_since_start():.4f}", flush=True)
    rt.stop()
    store.close()


def bare(endpoint: str) -> None:
    import asyncio

    from asyncua import Client

    async def main() -> None:
        async with Client(endpoint, timeout=10) as c:
            await c.get_node("ns=2;s=Press.State").read_value()
            print(f"first-sample {_since_start():.4f}", flush=True)

    asyncio.run(main())


if __name__ == "__main__":
    mode, endpoint = sys.argv[1], sys.argv[2]
    if mode == "bare":
        bare(endpoint)
    else:
        lineside(endpoint, int(sys.argv[3]), sys.argv[4], sys.argv[5])
