"""`lineside schedule solve FILE --format jobshop|carseq [--time-limit S] [--json]`, and
`lineside schedule orders FILE [--send HOST:PORT]` (check an orders file, send it).

Solves a standard instance with the line planner's own CP-SAT model, so the model can
be checked against published results (ft06: makespan 55; CSPLib 001: 0 violations).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schedule", help="production scheduling tools")
    ssub = p.add_subparsers(dest="schedule_command", metavar="SUBCOMMAND")
    s = ssub.add_parser("solve", help="solve a job-shop or car-sequencing instance")
    s.add_argument("file", type=Path)
    s.add_argument("--format", required=True, choices=["jobshop", "carseq"])
    s.add_argument("--time-limit", type=float, default=10.0, metavar="S",
                   help="search for at most S seconds (default 10)")
    s.add_argument("--workers", type=int, default=2, help="solver threads (default 2)")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.set_defaults(func=run)
    o = ssub.add_parser("orders", help="check a CSV or JSON orders file; optionally send it "
                                       "to the line's orders topic (as the MES would)")
    o.add_argument("file", type=Path)
    o.add_argument("--send", metavar="HOST:PORT", help="publish to this broker")
    o.add_argument("--topic", default="demo/mes/orders", help="the [scheduling] orders_topic")
    o.set_defaults(func=run_orders)
    p.set_defaults(func=lambda _args: (p.print_help(), 2)[1])


def run_orders(args: argparse.Namespace) -> int:
    """All or nothing: the first bad row is named (line or item, field) and nothing is sent."""
    from app.scheduling.orders import OrderError, read_file

    try:
        orders = read_file(str(args.file), args.file.read_text(encoding="utf-8"))
    except OSError as e:
        print(f"lineside schedule: cannot read {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    except OrderError as e:
        print(f"lineside schedule: refused, nothing imported: {e}", file=sys.stderr)
        return 2
    cars = sum(o.quantity for o in orders)
    print(f"{len(orders)} orders, {cars} cars: valid")
    if not args.send:
        return 0
    import paho.mqtt.client as mqtt

    host, _, port = args.send.rpartition(":")
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv311)
    try:
        client.connect(host or "127.0.0.1", int(port or 1883), keepalive=10)
        client.loop_start()
        info = client.publish(args.topic, json.dumps({"orders": [o.to_json() for o in orders]}),
                              qos=1)
        info.wait_for_publish(5.0)
    except (OSError, ValueError, RuntimeError) as e:
        print(f"lineside schedule: cannot send to {args.send}: {e}", file=sys.stderr)
        return 3
    finally:
        client.loop_stop()
        client.disconnect()
    print(f"sent to {args.topic} on {args.send}")
    return 0


def run(args: argparse.Namespace) -> int:
    from app.scheduling.formats import FormatError, solve_carseq, solve_jobshop

    try:
        if args.format == "jobshop":
            sol = solve_jobshop(args.file, args.time_limit, args.workers)
            classes: list[int] = []
        else:
            sol, classes = solve_carseq(args.file, args.time_limit, args.workers)
    except OSError as e:
        print(f"lineside schedule: cannot read {args.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    except FormatError as e:
        print(f"lineside schedule: {args.file}: {e}", file=sys.stderr)
        return 2
    if not sol.ok:
        out = {"status": str(sol.status), "seconds": round(sol.seconds, 3)}
        print(json.dumps(out) if args.json else f"status: {sol.status} "
              f"(no solution within {args.time_limit:g} s)")
        return 1
    if args.format == "jobshop":
        schedule = [{"job": a.job, "op": a.op, "machine": int(a.station[1:]),
                     "start": a.start, "end": a.end}
                    for a in sorted(sol.assignments.values(), key=lambda a: (a.start, a.op))]
        if args.json:
            print(json.dumps({"status": str(sol.status), "makespan": sol.makespan,
                              "schedule": schedule, "seconds": round(sol.seconds, 3)}))
        else:
            print(f"status: {sol.status}\nmakespan: {sol.makespan}\n"
                  f"seconds: {sol.seconds:.3f}")
    else:
        if args.json:
            print(json.dumps({"status": str(sol.status), "violations": sol.rule_violations,
                              "sequence": classes, "seconds": round(sol.seconds, 3)}))
        else:
            print(f"status: {sol.status}\nsequence: {' '.join(map(str, classes))}\n"
                  f"violations: {sol.rule_violations}\nseconds: {sol.seconds:.3f}")
    return 0
