"""`lineside run --site FILE`: the production terminal (GUI, kiosk, or headless gateway)."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from app import config, paths, shutdown
from app.terminal import Terminal


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run the terminal for a site file")
    p.add_argument("--site", required=True, help="the site file (TOML)")
    p.add_argument("--store", help="store file (default: the user data directory)")
    p.add_argument("--terminal-id", help="this terminal's id (default: site.terminal_id "
                   "or the host name)")
    p.add_argument("--role", default="operator", help="the default layout's role")
    p.add_argument("--kiosk", action="store_true", help="full screen line-side touchscreen")
    p.add_argument("--headless", action="store_true", help="no screen: a gateway")
    p.add_argument("--size", default="1920x1080", help="window size (WxH) when not kiosk")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # A broken domain section is shown on screen and in the log; the rest of the terminal
    # (the e-stop first) still runs. `lineside check-config` stays strict.
    cfg = config.load(args.site, terminal_id=args.terminal_id, strict_sections=False)
    store = Path(args.store) if args.store else paths.data_dir() / "lineside.db"
    term = Terminal(cfg, store_path=store, terminal_role=args.role)
    try:
        term.start()
        if args.headless:
            from app.headless import run as headless

            with contextlib.suppress(KeyboardInterrupt):
                headless(term, None)
            return 0
        shutdown.defer_signals()  # a signal while Qt is imported and built is only noted
        from widgets.application import run_gui

        return run_gui(term, kiosk=args.kiosk, size=args.size)
    finally:
        term.stop()
