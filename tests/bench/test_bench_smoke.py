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
                   "bench.startup_probe", "bench.loadgen"]:
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
