"""`lineside --version` and the child command line: the version is pyproject's, and a
child LineSide is started the way this one runs (source or bundle)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import self_command
from app.version import describe, version

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^version = "([^"]+)"', text, re.MULTILINE)
    assert found
    return found.group(1)


def test_version_is_the_projects() -> None:
    assert version() == pyproject_version()
    assert describe().startswith(f"lineside {pyproject_version()} (source, Python ")


def test_version_flag_prints_it_and_exits_0() -> None:
    p = subprocess.run([sys.executable, "-m", "app.cli", "--version"], cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == describe()


def test_child_argv_from_source_runs_the_module() -> None:
    assert self_command.lineside_argv("simulate", "-x") == [
        sys.executable, "-m", "app.cli", "simulate", "-x"]
    p = subprocess.run(self_command.lineside_argv("--version"), cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert p.stdout.strip() == describe()


def test_child_argv_in_a_bundle_is_the_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/lineside/lineside")
    assert self_command.lineside_argv("simulate", "--opcua-port", "4841") == [
        "/opt/lineside/lineside", "simulate", "--opcua-port", "4841"]


def test_demo_plant_is_started_through_the_child_argv(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.demo import SimulatorProcess

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/lineside/lineside")
    proc = SimulatorProcess(4841, "127.0.0.1", 1883, "5", ["gas_leak"])
    assert proc._cmd[:2] == ["/opt/lineside/lineside", "simulate"]
    i = proc._cmd.index("--fault")
    assert proc._cmd[i + 1] == "gas_leak"
