"""The benchmark suite's plumbing at tiny sizes, so CI catches a broken bench module."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_benchmark_module_imports() -> None:
    from bench.__main__ import BENCHMARKS

    for module in [*BENCHMARKS.values(), "bench.soak", "bench.rawpub", "bench.opcua_server",
                   "bench.loadgen"]:
        importlib.import_module(module)


def test_quick_run_writes_a_table_with_both_figures(tmp_path: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "bench", "--quick", "--only", "mqtt",
                        "--only", "historian", "--out", str(tmp_path)],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stdout + p.stderr
    data = json.loads((tmp_path / "quick.json").read_text())
    rows = {r["benchmark"]: r for r in data["results"]}
    assert {"MQTT ingest QoS 0", "MQTT ingest QoS 1", "Historian writes"} <= set(rows)
    for r in rows.values():
        assert r["lineside"] > 0 and r["baseline"] > 0 and r["ratio"] > 0
    assert rows["MQTT ingest QoS 1"]["extra"]["lost_lineside"] == 0
    assert data["machine"]["cores"] >= 1
    table = (tmp_path / "quick.md").read_text()
    assert "| MQTT ingest QoS 1 |" in table and "| benchmark | LineSide |" in table


def test_start_up_is_timed_to_the_first_frame_and_the_first_live_value(tmp_path: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "bench", "--quick", "--only", "startup",
                        "--out", str(tmp_path)],
                       cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert p.returncode == 0, p.stdout + p.stderr
    rows = {r["benchmark"]: r for r in json.loads((tmp_path / "quick.json").read_text())
            ["results"]}
    frame = rows["Start-up: lineside demo -> first painted frame"]
    value = rows["Start-up: lineside run -> first live PLC value painted"]
    for r in (frame, value):
        assert r["lineside"] > 0 and r["baseline"] > 0
    # A live value is painted after (or with) the first frame of the same process.
    run = value["extra"]["lineside"][0]
    assert run["first-value"] >= run["first-frame"]
