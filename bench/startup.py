"""Start-up, each run as a fresh subprocess with QT_QPA_PLATFORM=offscreen and
LINESIDE_BENCH_FIRST_FRAME=1 (the GUI prints `first-frame <s>` at its first paint and
`first-value <s>` at the first paint after live values arrived, seconds since the
process started, then exits):

- `lineside demo` (plant, broker, store and GUI from nothing) -> first painted frame,
  against a bare PySide6 process painting one window.
- `lineside run` on the demo site, against a plant and broker already running (a terminal
  rebooted on a live line) -> first live value painted, against a bare process that
  connects asyncua to the same PLC, reads one value and paints it in a Qt label.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import Result, Scale, bench_env, free_port, log, median

BARE_WINDOW = """
import time, psutil
from PySide6.QtWidgets import QApplication, QLabel
a = QApplication([]); w = QLabel("x"); w.show(); w.grab()
print("first-frame", time.time() - psutil.Process().create_time(), flush=True)
"""

BARE_VALUE = """
import asyncio, sys, time, psutil
from asyncua import Client
from PySide6.QtWidgets import QApplication, QLabel
async def read():
    async with Client(sys.argv[1], timeout=10) as c:
        return await c.get_node("ns=2;s=Press.State").read_value()
a = QApplication([]); w = QLabel(); w.show()
w.setText(str(asyncio.run(read()))); w.grab()
print("first-value", time.time() - psutil.Process().create_time(), flush=True)
"""


def _times(cmd: list[str], env: dict[str, str], timeout: float = 120) -> dict[str, float]:
    """The `marker seconds` lines a run printed, in milliseconds."""
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    out = {}
    for line in p.stdout.splitlines():
        m = re.fullmatch(r"(first-\w+) ([0-9.]+)", line.strip())
        if m:
            out[m.group(1)] = float(m.group(2)) * 1000
    if not out:
        raise RuntimeError(f"{' '.join(cmd[:4])} printed no first-frame/-value line (exit "
                           f"{p.returncode}): {p.stderr.strip()[-500:]}")
    return out


def _site_file(tmp: Path, endpoint: str, broker_port: int) -> Path:
    """The demo site pointed at this run's plant and broker."""
    from app import paths

    text = paths.DEMO_SITE.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^endpoint = ".*"$', f'endpoint = "{endpoint}"', text, count=1)
    text = re.sub(r"(?m)^port = 1883$", f"port = {broker_port}", text, count=1)
    site = tmp / "site.toml"
    site.write_text(text, encoding="utf-8")
    # The files the demo site includes (alarms, safety) are found next to it.
    for extra in paths.DEMO_SITE.parent.iterdir():
        if extra.name != "site.toml" and not (tmp / extra.name).exists():
            (tmp / extra.name).symlink_to(extra)
    return site


def run(scale: Scale) -> list[Result]:
    from app.demo import DemoStack
    from widgets.application import FIRST_FRAME_HOOK

    runs = scale.pick(5, 1)
    env = bench_env()
    env[FIRST_FRAME_HOOK] = "1"
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        d = Path(tmp)
        env["LINESIDE_DATA_DIR"] = str(d / "data")
        demo = [_times([py, "-m", "app.cli", "demo"], env)["first-frame"]
                for _ in range(runs)]
        bare_frame = [_times([py, "-c", BARE_WINDOW], env)["first-frame"]
                      for _ in range(runs)]
        stack = DemoStack.start(mqtt_port=free_port(), opcua_port=free_port(),
                                data_dir=d / "plant", terminal_id="bench-startup")
        try:
            site = _site_file(d, stack.sim.endpoint, stack.broker.port)
            term = [_times([py, "-m", "app.cli", "run", "--site", str(site), "--store",
                            str(d / f"run{i}.db")], env) for i in range(runs)]
            bare_value = [_times([py, "-c", BARE_VALUE, stack.sim.endpoint],
                                 env)["first-value"] for _ in range(runs)]
        finally:
            stack.stop()
    log.info("startup: demo %s bare %s; run %s bare %s", demo, bare_frame, term, bare_value)
    value = [t["first-value"] for t in term if "first-value" in t]
    return [
        Result("Start-up: lineside demo -> first painted frame", median(demo),
               median(bare_frame), "ms", higher_is_better=False,
               notes=f"median of {runs} processes (the demo also starts its plant and broker "
                     "and waits, bounded, until the plant serves, so its first frame is live); "
                     "baseline: a bare PySide6 process painting one window",
               extra={"lineside_ms": demo, "bare_ms": bare_frame}),
        Result("Start-up: lineside run -> first live PLC value painted",
               median(value) if value else None, median(bare_value), "ms",
               higher_is_better=False,
               notes=f"median of {runs} processes ({len(value)} showed a value); demo site "
                     "against a plant and broker already running (config, store, OPC UA + "
                     "MQTT, sign-in frame, layout); its first frame came at "
                     f"{median([t['first-frame'] for t in term]):,.0f} ms; baseline: a bare "
                     "process connecting asyncua, reading one value and painting it in a label",
               extra={"lineside": term, "bare_ms": bare_value}),
    ]
