"""The German and Chinese catalogues: complete, placeholder-safe, compiled, and in step
with the source (every string lupdate finds is in them; no string hides from lupdate)."""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from i18n import build

TRANSLATED = ("de", "zh_CN")
# Qt (%1, %n), printf (%s, %d) and str.format ({name}) placeholders.
PLACEHOLDER = re.compile(r"%(?:\d+|n|s|d)|\{\w*\}")


def messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(build.ts_file(lang)).getroot()
    return [(c.findtext("name") or "", m.findtext("source") or "", m)
            for c in root.iter("context") for m in c.findall("message")]


def translations(m: ET.Element) -> list[str]:
    t = m.find("translation")
    assert t is not None
    forms = t.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [t.text or ""]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_finished_and_keeps_its_placeholders(lang: str) -> None:
    msgs = messages(lang)
    assert len(msgs) > 250  # the whole UI, not a stub
    problems = []
    for ctx, source, m in msgs:
        t = m.find("translation")
        if t is not None and t.get("type"):
            problems.append(f"{ctx}: {source!r} is {t.get('type')}")
        for text in translations(m):
            if not text.strip():
                problems.append(f"{ctx}: {source!r} has an empty translation")
            elif Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(source)):
                problems.append(f"{ctx}: {source!r} -> {text!r} changes the placeholders")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_compiled_catalogue_matches_its_source(lang: str) -> None:
    """A .ts edited without `python -m i18n.build` would ship stale texts."""
    tr = QTranslator()
    assert tr.load(str(build.I18N / f"lineside_{lang}.qm"))
    stale = [(ctx, source) for ctx, source, m in messages(lang)
             if tr.translate(ctx, source, None, -1) != translations(m)[0]]
    assert not stale, f"recompile with `uv run python -m i18n.build`: {stale[:5]}"


def test_catalogues_hold_every_string_lupdate_finds(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = [str(build.ROOT / s) for s in build.SOURCES if (build.ROOT / s).exists()]
    subprocess.run([build.tool("pyside6-lupdate"), "-extensions", "py", *sources,
                    "-ts", str(fresh)], check=True, cwd=build.ROOT, capture_output=True)
    found = {(c.findtext("name"), m.findtext("source"))
             for c in ET.parse(fresh).getroot().iter("context") for m in c.findall("message")}
    for lang in TRANSLATED:
        have = {(ctx, source) for ctx, source, _ in messages(lang)}
        missing = sorted(found - have)
        assert not missing, (f"lineside_{lang}.ts lacks {len(missing)} strings, e.g. "
                             f"{missing[:5]}: run `uv run python -m i18n.build` and translate")


def _hidden_strings(path: Path, known: set[tuple[str, str]]) -> list[str]:
    """Calls whose text lupdate cannot see or silently skips."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        fn, args = node.func, node.args
        name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
        where = f"{path.name}:{node.lineno}"
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args]
        if isinstance(fn, ast.Name) and name in ("tr", "_tr") and literal[:1] == [True]:
            out.append(f"{where}: helper {name}() hides its text from lupdate; "
                       "call translate(\"Context\", \"text\")")
        elif name in ("translate", "QT_TRANSLATE_NOOP") and literal[:2] == [True, True]:
            if len(args) >= 4 and not isinstance(args[3], ast.Name | ast.Constant):
                out.append(f"{where}: lupdate skips a plural whose count is an expression; "
                           "assign the count to a name first")
            elif (args[0].value, args[1].value) not in known:
                out.append(f"{where}: {args[1].value!r} is not in the catalogue")
    return out


def test_no_string_hides_from_lupdate() -> None:
    known = {(ctx, source) for ctx, source, _ in messages("de")}
    problems = [p for f in sorted((build.ROOT / "widgets").glob("*.py"))
                for p in _hidden_strings(f, known)]
    assert not problems, "\n".join(problems)
