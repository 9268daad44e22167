"""`lineside report esg`: the ESG report of a period from a terminal's store.

    lineside report esg --store STORE --site SITE --period 2026-11 --out esg.pdf \\
        [--csv DIR] [--json FILE] [--language de]
    lineside report esg ... --from 2026-11-01T06:00 --to 2026-11-08T06:00 ...

Everything comes from rollups and journals in the store (never raw samples). The PDF is
drawn by Qt offscreen: no display is needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from app import config, paths


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="reports made from the store (ESG)")
    kinds = p.add_subparsers(dest="report_kind", metavar="KIND")
    esg = kinds.add_parser("esg", help="the ESG report (PDF, CSV, JSON) of a period")
    esg.add_argument("--site", type=Path, default=paths.DEMO_SITE, help="site file")
    esg.add_argument("--store", type=Path, default=None,
                     help="local store file (default: <data dir>/lineside.db)")
    when = esg.add_mutually_exclusive_group(required=True)
    when.add_argument("--period", help="a month, YYYY-MM")
    when.add_argument("--from", dest="start", help="start, ISO date or date and time")
    esg.add_argument("--to", dest="end", help="end (with --from), ISO")
    esg.add_argument("--out", type=Path, help="the PDF to write")
    esg.add_argument("--csv", type=Path, help="a folder for one CSV per table")
    esg.add_argument("--json", type=Path, help="the JSON file to write")
    esg.add_argument("--language", default="en", choices=("en", "de", "zh_CN"),
                     help="the PDF's language")
    esg.set_defaults(func=run)
    p.set_defaults(func=lambda _a: p.print_help() or 2)


def _bounds(args: argparse.Namespace) -> tuple[float, float, str]:
    from app.environment.esg import month_bounds

    if args.period:
        a, b = month_bounds(args.period)
        return a, b, args.period
    if not args.end:
        raise ValueError("--from needs --to")
    try:
        a = dt.datetime.fromisoformat(args.start).timestamp()
        b = dt.datetime.fromisoformat(args.end).timestamp()
    except ValueError as e:
        raise ValueError(f"--from/--to: {e}") from None
    if b <= a:
        raise ValueError("--to must be after --from")
    return a, b, f"{args.start} – {args.end}"


def run(args: argparse.Namespace) -> int:
    from app.environment import esg
    from app.store import Store, StoreError

    if not (args.out or args.csv or args.json):
        print("lineside: say what to write: --out FILE.pdf, --csv DIR and/or --json FILE",
              file=sys.stderr)
        return 2
    try:
        start, end, label = _bounds(args)
    except ValueError as e:
        print(f"lineside: {e}", file=sys.stderr)
        return 2
    cfg = config.load(args.site)
    path = args.store or paths.data_dir() / "lineside.db"
    if not path.exists():
        print(f"lineside: no store at {path}", file=sys.stderr)
        return 2
    try:
        store = Store(path, terminal_id=cfg.site.terminal_id).open()
    except StoreError as e:
        print(f"lineside: {e}", file=sys.stderr)
        return 2
    try:
        report = esg.build(cfg, store, start, end, label=label,
                           environment=cfg.sections.get("environment"),
                           energy=cfg.sections.get("energy"),
                           hazards=cfg.sections.get("hazards"))
    finally:
        store.close()
    if args.json:
        report.write_json(args.json)
        print(f"{args.json}: written")
    if args.csv:
        files = report.write_csv(args.csv)
        print(f"{args.csv}: {len(files)} CSV files")
    if args.out:
        from widgets import esg_pdf

        esg_pdf.render_offscreen(report, args.out, args.language)
        print(f"{args.out}: written")
    return 0
