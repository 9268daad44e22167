"""What every benchmark shares: results, scale, real peers (Mosquitto), timing helpers,
the machine description and the results files."""

from __future__ import annotations

import json
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app import local_broker

log = logging.getLogger("bench")

RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Scale:
    """How big a run is: `quick` shrinks every benchmark to check its plumbing (smoke
    test); `full` is the short suite."""

    quick: bool = False

    def pick(self, full: Any, quick: Any) -> Any:
        return quick if self.quick else full


@dataclass(frozen=True)
class Result:
    """One row: LineSide's figure, the baseline's, and `ratio` = LineSide relative to the
    baseline where > 1 means LineSide is better (rates: ls/base; times: base/ls)."""

    benchmark: str
    lineside: float | None
    baseline: float | None
    unit: str
    higher_is_better: bool = True
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        a, b = self.lineside, self.baseline
        if a is None or b is None or a <= 0 or b <= 0:
            return None
        return a / b if self.higher_is_better else b / a

    def as_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["ratio"] = self.ratio
        return d


# --- peers --------------------------------------------------------------------------------

# free ports and waiting for a listener: the same helpers the demo uses
free_port = local_broker.free_port
wait_port = local_broker.wait_listening


class Mosquitto:
    """A Mosquitto process of our own on a free 127.0.0.1 port, unbounded queues (a
    benchmark burst must not be cut by the broker's per-client queue limits)."""

    def __init__(self, workdir: Path) -> None:
        self.binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
        if not Path(self.binary).exists():
            raise RuntimeError("mosquitto is not installed (apt-get install mosquitto)")
        self.host = "127.0.0.1"
        self.port = free_port()
        self.conf = workdir / f"mosquitto-{self.port}.conf"
        self.conf.write_text(
            f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence false\n"
            "max_queued_messages 0\nmax_queued_bytes 0\nmax_inflight_messages 0\n"
            "log_type error\n")
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Mosquitto:
        self.proc = subprocess.Popen([self.binary, "-c", str(self.conf)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_port(self.port)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(5)
            self.proc = None


def wait_for(cond: Callable[[], Any], timeout: float, what: str, step: float = 0.005) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        r = cond()
        if r:
            return r
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(step)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100); with few values p99 is the maximum."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(p / 100 * len(s) + 0.5) - 1))
    return s[k]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def bench_env() -> dict[str, str]:
    """Environment for subprocesses: offscreen Qt, no real keyring."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    return env


# --- machine and results files ----------------------------------------------------------------

def machine() -> dict[str, Any]:
    import psutil

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from PySide6 import QtCore
        from PySide6 import __version__ as pyside
        qt = f"Qt {QtCore.qVersion()}, PySide6 {pyside}"
    except Exception as e:  # a machine without Qt still benchmarks the rest
        qt = f"unavailable ({e})"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "python": sys.version.split()[0],
        "qt": qt,
        "os": platform.platform(),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def _fmt(v: float | None) -> str:
    if v is None:
        return "—"
    if v != v:  # NaN
        return "n/a"
    a = abs(v)
    if a >= 1000:
        return f"{v:,.0f}"
    if a >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def write_results(results: list[Result], info: dict[str, Any], out: Path,
                  stem: str = "latest") -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    jpath, mpath = out / f"{stem}.json", out / f"{stem}.md"
    jpath.write_text(json.dumps({"machine": info, "results": [r.as_json() for r in results]},
                                indent=2, default=str) + "\n", encoding="utf-8")
    lines = [
        "# LineSide benchmark results",
        "",
        f"Run {info.get('finished', '')} in {info.get('duration_s', '?')} s "
        f"(`{info.get('command', 'uv run python -m bench')}`).",
        "",
        "Machine: " + ", ".join(f"{k} {info[k]}" for k in
                                ("cpu", "cores", "ram_gb", "python", "qt", "os") if k in info)
        + f"; load average at start {info.get('load_avg_at_start')}.",
        "",
        "Ratio = LineSide relative to the baseline measured in the same run; above 1 means "
        "LineSide is better (faster, more per second, less latency).",
        "",
        "| benchmark | LineSide | baseline | ratio | unit | notes |",
        "|---|---:|---:|---:|---|---|",
    ]
    for r in results:
        ratio = r.ratio
        flag = " ⚠" if ratio is not None and ratio < 0.8 else ""
        notes = r.notes.replace("|", "/").replace("\n", " ")
        lines.append(f"| {r.benchmark} | {_fmt(r.lineside)} | {_fmt(r.baseline)} | "
                     f"{_fmt(ratio)}{flag} | {r.unit} | {notes} |")
    lines.append("")
    mpath.write_text("\n".join(lines), encoding="utf-8")
    return jpath, mpath


# --- site configurations built in code -----------------------------------------------------

def site_config(sources: list[Any], tags: list[Any], *, site_id: str = "bench",
                terminal_id: str = "bench-terminal", broker: str | None = None,
                sections: dict[str, Any] | None = None) -> Any:
    """A SiteConfig without a file: `sources` are SourceConfig, `tags` TagConfig."""
    from app.config import SiteConfig, SiteInfo

    info = SiteInfo(site_id, "Benchmark site", "bench line", terminal_id, site_id, broker)
    return SiteConfig(Path("<bench>"), info, {s.id: s for s in sources},
                      {t.path: t for t in tags}, {}, dict(sections or {}))
