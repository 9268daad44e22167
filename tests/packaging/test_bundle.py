"""The PyInstaller bundle, built for real: it runs `--version`, `check-config` on the
shipped demo site, lists every command of `app.commands.COMMANDS`, and an offscreen
GUI start shows every panel type. Slow (a build takes 1-3 minutes); set
LINESIDE_BUNDLE=DIR to test a bundle built already (CI builds it once)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.version import version
from layouts import catalogue

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(__file__).with_name("site_min.toml")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("LINESIDE_BUNDLE")
    if given:
        return Path(given)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(["uv", "run", "--frozen", "pyinstaller", "--noconfirm", "--log-level",
                    "WARN", "--distpath", str(dist), "--workpath", str(dist / "work"),
                    "packaging/pyinstaller/lineside.spec"], cwd=ROOT, check=True,
                   timeout=900)
    return dist / "lineside"


def commands(help_text: str) -> set[str]:
    """Command names of `lineside --help` (argparse: the `{a,b,...}` line or the list)."""
    found = set()
    for line in help_text.splitlines():
        if line.startswith("    ") and not line.startswith("     "):
            found.add(line.split()[0])
    return found


def run(bundle: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bundle / "lineside"), *args], capture_output=True, text=True,
                          timeout=120, cwd="/", env={**os.environ, **env})


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_bundle_runs_every_command_and_panel(bundle: Path, tmp_path: Path) -> None:
    v = run(bundle, "--version")
    assert v.returncode == 0 and v.stdout.startswith(f"lineside {version()} (bundle"), v

    # The same commands as from source (each module of app.commands.COMMANDS).
    source = subprocess.run([sys.executable, "-m", "app.cli", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    missing = commands(source.stdout) - commands(run(bundle, "--help").stdout)
    assert not missing, f"commands missing from the bundle: {sorted(missing)}"

    checked = run(bundle, "check-config", str(ROOT / "resources" / "demo" / "site.toml"))
    assert checked.returncode == 0, checked.stderr

    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    gui = run(bundle, "doctor", "--panels", "--headless", "--site", str(SITE), "--store",
              str(data / "x.db"), QT_QPA_PLATFORM="offscreen", LINESIDE_DATA_DIR=str(data))
    lines = [ln for ln in gui.stdout.splitlines() if ln.split("  ")[-1].startswith("panel ")
             or "  panel " in ln]
    for spec in catalogue.PANELS:
        line = next((ln for ln in lines if f"panel {spec.name}:" in ln), None)
        assert line is not None, f"no line for panel {spec.name}: {gui.stdout}{gui.stderr}"
        # site_min configures no zones or health: those panels may say so, none may fail.
        assert not line.startswith("FAIL"), line
    assert sum(ln.startswith("PASS") for ln in lines) >= 4, gui.stdout
