"""`lineside` command line: the subcommands listed in `app.commands.COMMANDS`."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from app import shutdown
from app.commands import COMMANDS
from app.config import ConfigError
from app.shutdown import StopRequested, stop_on_signals
from app.version import describe


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lineside", description="LineSide operator terminal")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    parser.add_argument("--version", action="version", version=describe())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.verbose:
        # asyncua and amqtt log every request at INFO; an operator needs none of that.
        for noisy in ("asyncua", "amqtt", "transitions"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        with stop_on_signals():
            rc = int(args.func(args) or 0)
    except ConfigError as e:
        print(f"lineside: configuration error: {e}", file=sys.stderr)
        return 2
    except StopRequested:
        rc = 0  # SIGTERM / Ctrl-C: a requested, clean stop
    except KeyboardInterrupt:
        return 130
    if shutdown.requested() is not None:  # stopped cleanly on a signal: end at once
        shutdown.exit_now(rc)
    return rc


if __name__ == "__main__":
    sys.exit(main())
