"""`lineside check-config FILE`: validate a site file and print a summary."""

from __future__ import annotations

import argparse
from collections import Counter

from app import config


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check-config", help="validate a site file and print a summary")
    p.add_argument("file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    cfg = config.load(args.file)
    print(f"{cfg.file}: OK")
    print(f"  site {cfg.site.id} ({cfg.site.name}), terminal {cfg.site.terminal_id}")
    for s in cfg.sources.values():
        n = len(cfg.tags_of(s.id))
        print(f"  source {s.id}: {s.kind}, {n} tags")
    kinds = Counter(t.type for t in cfg.tags.values())
    print(f"  {len(cfg.tags)} tags ({', '.join(f'{n} {k}' for k, n in kinds.items())}), "
          f"{len(cfg.stations)} stations")
    for name, section in cfg.sections.items():
        size = len(section) if hasattr(section, "__len__") else 1
        print(f"  {name}: {size}")
    return 0
