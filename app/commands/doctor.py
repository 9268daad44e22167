"""`lineside doctor`: check this installation as plant IT would after installing it,
one PASS/WARN/FAIL/SKIP line per check with the fix (see app/doctor.py). Exit 0 when
nothing failed, 1 otherwise; `--panels` also builds every panel type offscreen."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app import doctor, paths

DEFAULT_SITE = Path("/etc/lineside/site.toml")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check the installation: site file, Qt libraries, "
                       "fonts, store, secrets, PLCs and brokers, clocks")
    p.add_argument("--site", help=f"the site file (default: {DEFAULT_SITE} if it exists, "
                   "else the demo site)")
    p.add_argument("--store", help="the store file (default: the data directory's)")
    p.add_argument("--headless", action="store_true",
                   help="a gateway: skip the GUI's libraries and fonts")
    p.add_argument("--panels", action="store_true",
                   help="also build every panel type in an offscreen window")
    p.add_argument("--timeout", type=float, default=2.0, help="seconds per network check")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    site = Path(args.site) if args.site else (
        DEFAULT_SITE if DEFAULT_SITE.exists() else paths.DEMO_SITE)
    store = Path(args.store) if args.store else paths.data_dir() / "lineside.db"
    checks = doctor.run_checks(site, store, gui=not args.headless, timeout=args.timeout)
    for c in checks:
        print(c.line(), flush=True)
    if args.panels:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from widgets.panel_check import check_panels

        for c in check_panels(site):
            print(c.line(), flush=True)
            checks.append(c)
    failed = [c for c in checks if c.status is doctor.Status.FAIL]
    print(f"{len(checks)} checks, {len(failed)} failed", file=sys.stderr if failed else
          sys.stdout)
    return 1 if failed else 0
