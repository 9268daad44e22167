"""`lineside fault NAME [--off] [--seconds N]`: inject a fault into a running simulator
(the demo's or `lineside simulate`'s) through its command topic."""

from __future__ import annotations

import argparse
import json
import sys

import paho.mqtt.client as mqtt

from app.simulator.faults import CMD_TOPIC, Fault


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
    cmd: dict[str, object] = {"fault": args.name, "on": not args.off}
    if args.seconds:
        cmd["seconds"] = args.seconds
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv311)
    try:
        client.connect(host or "127.0.0.1", int(port or 1883), keepalive=10)
    except (OSError, ValueError) as e:
        print(f"lineside fault: cannot reach the broker at {args.mqtt}: {e}", file=sys.stderr)
        return 3
    client.loop_start()
    try:
        info = client.publish(CMD_TOPIC, json.dumps(cmd), qos=1)
        info.wait_for_publish(5)
        if not info.is_published():
            print(f"lineside fault: the broker at {args.mqtt} did not accept the command",
                  file=sys.stderr)
            return 3
    finally:
        client.loop_stop()
        client.disconnect()
    print(f"{'cleared' if args.off else 'injected'} {args.name}")
    return 0
