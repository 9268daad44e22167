"""The messages a catalogue still lacks, out and back in as JSON (for translators).

    uv run python -m i18n.build                      # scan the sources first
    uv run python -m i18n.todo export de todo-de.json
    ... translate: fill each entry's "translation" ...
    uv run python -m i18n.todo import de todo-de.json
    uv run python -m i18n.build --release-only       # compile

An entry is {"context", "source", "comment", "translation"}; `import` fills only the
messages that are still unfinished, keeps placeholders as the source has them (it
refuses an entry whose %1/%n/{name} differ) and marks them finished.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from i18n.build import PLURAL_FORMS, ts_file

PLACEHOLDER = re.compile(r"%(?:\d+|n|s|d)|\{\w*\}")


def _unfinished(root: ET.Element) -> list[tuple[str, ET.Element]]:
    out = []
    for c in root.iter("context"):
        name = c.findtext("name") or ""
        for m in c.findall("message"):
            t = m.find("translation")
            if t is None or t.get("type") in ("unfinished",) or not (t.text or "").strip():
                if t is not None and t.get("type") in ("obsolete", "vanished"):
                    continue
                out.append((name, m))
    return out


def export(lang: str, path: Path) -> int:
    root = ET.parse(ts_file(lang)).getroot()
    items = [{"context": ctx, "source": m.findtext("source") or "",
              "comment": m.findtext("comment") or "", "translation": ""}
             for ctx, m in _unfinished(root)]
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(items)


def import_(lang: str, path: Path) -> tuple[int, list[str]]:
    ts = ts_file(lang)
    tree = ET.parse(ts)
    wanted = {(e["context"], e["source"]): e["translation"]
              for e in json.loads(path.read_text(encoding="utf-8")) if e.get("translation")}
    done, problems = 0, []
    for ctx, m in _unfinished(tree.getroot()):
        source = m.findtext("source") or ""
        text = wanted.get((ctx, source))
        if not text:
            continue
        if Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(source)):
            problems.append(f"{ctx}: {source!r} -> {text!r} changes the placeholders")
            continue
        t = m.find("translation")
        if t is None:
            t = ET.SubElement(m, "translation")
        t.attrib.pop("type", None)
        for child in list(t):
            t.remove(child)
        if m.get("numerus") == "yes":  # one text for every plural form (see i18n.build)
            t.text = None
            for _ in range(PLURAL_FORMS.get(lang, 1)):
                ET.SubElement(t, "numerusform").text = text
        else:
            t.text = text
        done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done, problems


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m i18n.todo", description=__doc__)
    p.add_argument("action", choices=("export", "import"))
    p.add_argument("language", choices=("de", "zh_CN"))
    p.add_argument("file", type=Path)
    args = p.parse_args(argv)
    if args.action == "export":
        print(f"{export(args.language, args.file)} unfinished messages -> {args.file}")
        return 0
    done, problems = import_(args.language, args.file)
    print(f"{done} messages filled in {ts_file(args.language).name}")
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
