"""Start-up: process start to the first painted frame of `lineside demo`, run as a
subprocess with QT_QPA_PLATFORM=offscreen and LINESIDE_BENCH_FIRST_FRAME=1 (the demo
prints `first-frame <seconds since process start>` and exits after its first paint).

Until the demo has that hook, this measures process start to the first sample in a
terminal runtime (config load, store open, OPC UA + MQTT connect) against the demo plant,
against a bare asyncua client process connecting and reading one value."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import Result, Scale, bench_env, free_port, log, median

HOOK = "LINESIDE_BENCH_FIRST_FRAME"
DEMO_COMMAND = Path(__file__).resolve().parent.parent / "widgets" / "application.py"


def _time(cmd: list[str], env: dict[str, str], marker: str, timeout: float = 120) -> float:
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    for line in p.stdout.splitlines():
        if line.startswith(marker):
            return float(line.split()[1]) * 1000
    raise RuntimeError(f"{' '.join(cmd[:4])} printed no {marker!r} (exit {p.returncode}): "
                       f"{p.stderr.strip()[-500:]}")


def has_frame_hook() -> bool:
    return DEMO_COMMAND.exists() and HOOK in DEMO_COMMAND.read_text(encoding="utf-8")


def run(scale: Scale) -> list[Result]:
    from app.demo import DemoStack

    runs = scale.pick(5, 1)
    env = bench_env()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        if has_frame_hook():
            env[HOOK] = "1"
            env["LINESIDE_DATA_DIR"] = tmp
            cmd = [sys.executable, "-m", "app.cli", "demo"]
            ls = [_time(cmd, env, "first-frame") for _ in range(runs)]
            bare_cmd = [sys.executable, "-c",
                        "import time,psutil;from PySide6.QtWidgets import QApplication,QLabel;"
                        "a=QApplication([]);w=QLabel('x');w.show();w.grab();"
                        "print('first-frame',time.time()-psutil.Process().create_time())"]
            bare = [_time(bare_cmd, env, "first-frame") for _ in range(runs)]
            return [Result("Start-up: process -> first painted frame (lineside demo)",
                           median(ls), median(bare), "ms", higher_is_better=False,
                           notes=f"median of {runs}; baseline: bare PySide6 window painted",
                           extra={"lineside_ms": ls, "bare_ms": bare})]
        stack = DemoStack.start(mqtt_port=free_port(), opcua_port=free_port(),
                                data_dir=Path(tmp), terminal_id="bench-startup")
        try:
            ep, port, proto = stack.sim.endpoint, stack.broker.port, stack.broker.protocol
            ls = [_time([sys.executable, "-m", "bench.startup_probe", "lineside", ep,
                         str(port), proto, tmp], env, "first-sample") for _ in range(runs)]
            bare = [_time([sys.executable, "-m", "bench.startup_probe", "bare", ep], env,
                          "first-sample") for _ in range(runs)]
        finally:
            stack.stop()
    log.info("startup: lineside %s bare %s", ls, bare)
    return [Result("Start-up: process -> first sample in the runtime", median(ls), median(bare),
                   "ms", higher_is_better=False,
                   notes=f"median of {runs} subprocesses (demo site: config, store, OPC UA + "
                         "MQTT); baseline: bare asyncua process reading one value. "
                         f"`lineside demo` has no {HOOK} hook yet, so no first-frame figure",
                   extra={"lineside_ms": ls, "bare_ms": bare})]
