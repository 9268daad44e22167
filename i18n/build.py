"""Update the Qt Linguist catalogues and compile them: `uv run python -m i18n.build`.

1. pyside6-lupdate scans app/, widgets/ and layouts/ for tr()/translate() strings and
   merges them into i18n/lineside_<lang>.ts (existing translations are kept).
2. pyside6-lrelease compiles each .ts into i18n/lineside_<lang>.qm (loaded at run time
   by widgets.i18n.set_language). The .qm files are committed so a checkout runs as is.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
LANGUAGES = ("en", "de", "zh_CN")
SOURCES = ("app", "widgets", "layouts")


def tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (uv sync) and run with uv run")
    return found


def ts_file(lang: str) -> Path:
    return I18N / f"lineside_{lang}.ts"


def update() -> None:
    sources = [str(ROOT / s) for s in SOURCES if (ROOT / s).exists()]
    for lang in LANGUAGES:
        cmd = [tool("pyside6-lupdate"), "-extensions", "py", "-locations", "relative",
               "-target-language", lang, *sources, "-ts", str(ts_file(lang))]
        subprocess.run(cmd, check=True, cwd=ROOT)


def release() -> None:
    for lang in LANGUAGES:
        qm = I18N / f"lineside_{lang}.qm"
        subprocess.run([tool("pyside6-lrelease"), str(ts_file(lang)), "-qm", str(qm)],
                       check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m i18n.build", description=__doc__)
    p.add_argument("--release-only", action="store_true",
                   help="only compile the .ts files (no source scan)")
    args = p.parse_args(argv)
    if not args.release_only:
        update()
    release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
