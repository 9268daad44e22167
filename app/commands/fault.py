"""`lineside fault NAME [--off] [--seconds N]`: inject a fault into a running simulator
(the demo's or `lineside simulate`'s) through its command topic."""

from __future__ import annotations

import argparse
import sys

from app.simulator.faults import Fault, send_fault_command


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fault", help="inject or clear a fault in the running demo plant")
    p.add_argument("name", choices=[f.value for f in Fault])
    p.add_argument("--off", action="store_true", help="clear the fault")
    p.add_argument("--seconds", type=float, help="clear it by itself after N seconds")
    p.add_argument("--mqtt", default="127.0.0.1:1883", metavar="HOST:PORT",
                   help="the simulator's broker (the demo prints it at start)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    host, _, port = args.mqtt.rpartition(":")
    try:
        sent = send_fault_command(host or "127.0.0.1", int(port or 1883), args.name,
                                  on=not args.off, seconds=args.seconds)
    except (OSError, ValueError) as e:
        print(f"lineside fault: cannot reach the broker at {args.mqtt}: {e}", file=sys.stderr)
        return 3
    if not sent:
        print(f"lineside fault: the broker at {args.mqtt} did not accept the command",
              file=sys.stderr)
        return 3
    print(f"{'cleared' if args.off else 'injected'} {args.name}")
    return 0
