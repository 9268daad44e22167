"""The shared CP-SAT model against published results, through the CLI as a user runs it."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from app.cli import main
from app.scheduling.cpsat import WindowRule, sequence_violations
from app.scheduling.formats import FormatError, read_carseq, read_jobshop, solve_jobshop

DATA = Path(__file__).resolve().parents[2] / "resources" / "scheduling"


def test_ft06_solves_to_its_known_optimum_55(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schedule", "solve", str(DATA / "ft06.txt"), "--format", "jobshop",
                 "--time-limit", "20", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "optimal" and out["makespan"] == 55
    assert set(out) == {"status", "makespan", "schedule", "seconds"}
    # The schedule is a real one: no machine does two things at once, jobs in order.
    by_machine: dict[int, list[tuple[int, int]]] = {}
    for row in out["schedule"]:
        by_machine.setdefault(row["machine"], []).append((row["start"], row["end"]))
    for spans in by_machine.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert max(r["end"] for r in out["schedule"]) == 55


def test_carseq_example_gets_zero_violations(capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "carseq_csplib_example.txt"
    assert main(["schedule", "solve", str(path), "--format", "carseq", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["violations"] == 0 and out["status"] in ("optimal", "feasible")
    inst = read_carseq(path.read_text())
    flags = {c[0]: frozenset(f"o{k}" for k, f in enumerate(c[2]) if f) for c in inst.classes}
    rules = [WindowRule(f"o{k}", p, q) for k, (p, q) in enumerate(zip(inst.p, inst.q,
                                                                   strict=True))]
    # Checked independently of the solver: the sequence has every car once, no window over.
    assert sorted(out["sequence"]) == sorted(c for c, n, _ in inst.classes for _ in range(n))
    assert sequence_violations([flags[c] for c in out["sequence"]], rules) == 0
    # The published sequence is feasible by the same count; a bad one is not.
    assert sequence_violations([flags[c] for c in [0, 1, 5, 2, 4, 3, 3, 4, 2, 5]], rules) == 0
    assert sequence_violations([flags[c] for c in [5, 5, 4, 4, 3, 3, 2, 2, 1, 0]], rules) > 0


def test_text_output_and_a_bad_file_named_by_line(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schedule", "solve", str(DATA / "ft06.txt"), "--format", "jobshop"]) == 0
    assert "makespan: 55" in capsys.readouterr().out
    bad = tmp_path / "bad.txt"
    bad.write_text("2 2\n0 3 1 2\n0 4 x 1\n")
    assert main(["schedule", "solve", str(bad), "--format", "jobshop"]) == 2
    assert "line 3" in capsys.readouterr().err
    with pytest.raises(FormatError, match="line 2"):
        read_jobshop("2 2\n0 3 1\n1 2 0 4\n")


def test_jobshop_api_same_model() -> None:
    sol = solve_jobshop(DATA / "ft06.txt", time_limit=20)
    assert sol.makespan == 55
