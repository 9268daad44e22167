"""`lineside simulate-sparkplug`: a simulated Sparkplug B edge node until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal

from app.commands.simulate import _host_port


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("simulate-sparkplug",
                       help="run a simulated Sparkplug B edge node (births, data, deaths)",
                       description="Publish a Sparkplug B 3.0 edge node with one metric of "
                       "every datatype and a few line signals; answers rebirth and write "
                       "commands (NCMD).")
    p.add_argument("--broker", type=_host_port, default=("127.0.0.1", 1883),
                   metavar="HOST:PORT", help="MQTT broker (default 127.0.0.1:1883)")
    p.add_argument("--group", default="LineSideSim", help="Sparkplug group id")
    p.add_argument("--edge", default="sim-edge-1", help="edge node id")
    p.add_argument("--interval", type=float, default=1.0, help="seconds between changes")
    p.add_argument("--protocol", default="5", choices=("3.1.1", "5"), help="MQTT version")
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.simulator.sparkplug import SparkplugSimulator
    from app.sources.mqtt import MqttOptions

    host, port = args.broker
    sim = SparkplugSimulator(MqttOptions(host, port, protocol=args.protocol), args.group,
                             args.edge, args.interval, args.seed)

    async def main() -> None:
        print(f"Sparkplug edge node spBv1.0/{args.group}/+/{args.edge} on {host}:{port}")
        print("Ctrl-C to stop", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        task = asyncio.create_task(sim.run())
        try:
            await stop.wait()
        finally:
            task.cancel()  # the edge node publishes NDEATH before it disconnects
            await asyncio.gather(task, return_exceptions=True)
        print("stopped")

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
    return 0
