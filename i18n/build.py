"""Update the Qt Linguist catalogues and compile them: `uv run python -m i18n.build`.

1. pyside6-lupdate scans app/, widgets/ and layouts/ for tr()/translate() strings and
   merges them into i18n/lineside_<lang>.ts (existing translations are kept).
2. pyside6-lrelease compiles each .ts into i18n/lineside_<lang>.qm (loaded at run time
   by widgets.i18n.set_language). The .qm files are committed so a checkout runs as is.

Plurals: pyside6-lupdate marks a message as plural (numerus) only when the count in
`translate(ctx, "%n entries", "", count)` is an integer literal, and turns numerus
messages back into plain ones on every update. Qt then finds no translation for a
plain message looked up with a count that needs another plural form (German: any n
other than 1). So the .ts keeps one plural-neutral text per "%n" message ("Einträge:
%n") and release() compiles it as a numerus message with that text in every form.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
LANGUAGES = ("en", "de", "zh_CN")
SOURCES = ("app", "widgets", "layouts")
# Plural forms per language (Qt's rules: German one/other, Chinese a single form).
PLURAL_FORMS = {"en": 2, "de": 2, "zh_CN": 1}


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
        # -no-obsolete: a text gone from the sources leaves the catalogue with it.
        cmd = [tool("pyside6-lupdate"), "-extensions", "py", "-locations", "relative",
               "-no-obsolete",
               "-target-language", lang, *sources, "-ts", str(ts_file(lang))]
        subprocess.run(cmd, check=True, cwd=ROOT)


def with_plural_forms(ts: Path, out: Path, forms: int) -> Path:
    """Copy `ts` to `out` with each translated "%n" message made numerus, its one
    text repeated in all `forms` (see the module docstring for why)."""
    tree = ET.parse(ts)
    for m in tree.getroot().iter("message"):
        t = m.find("translation")
        source = m.findtext("source") or ""
        if (t is None or m.get("numerus") == "yes" or "%n" not in source
                or t.get("type") or not (t.text or "").strip()):
            continue
        text, t.text = t.text, None
        m.set("numerus", "yes")
        for _ in range(forms):
            ET.SubElement(t, "numerusform").text = text
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return out


def release() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            qm = I18N / f"lineside_{lang}.qm"
            ts = with_plural_forms(ts_file(lang), Path(tmp) / ts_file(lang).name,
                                   PLURAL_FORMS.get(lang, 1))
            subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
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
