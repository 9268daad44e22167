"""`lineside simulate`: run the plant simulator (OPC UA PLC + MQTT wearables) until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from typing import TYPE_CHECKING

from app.simulator.faults import CMD_TOPIC, Fault, parse_fault
from app.simulator.people import PSEUDONYMS
from app.simulator.signals import UNS_PREFIX

if TYPE_CHECKING:
    from app.simulator.camera import CameraServer


def _host_port(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, e.g. 127.0.0.1:1883; got {text!r}")
    return host, int(port)


def _fault(text: str) -> str:
    try:
        parse_fault(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("simulate", help="run the demo plant simulator (OPC UA PLC and MQTT)",
                       description="Simulate a body-shop line: an OPC UA PLC and MQTT "
                       "wearables/utilities matching resources/demo/site.toml.")
    p.add_argument("--opcua-port", type=int, default=4840, metavar="PORT")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--mqtt", type=_host_port, default=("127.0.0.1", 1883), metavar="HOST:PORT",
                   help="broker to publish to (default 127.0.0.1:1883)")
    g.add_argument("--no-mqtt", dest="mqtt", action="store_const", const=None,
                   help="serve OPC UA only")
    p.add_argument("--fault", action="append", default=[], type=_fault, metavar="NAME[:SECONDS]",
                   help="start with a fault (repeatable): " + ", ".join(f.value for f in Fault))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--camera-port", type=int, default=8190, metavar="PORT",
                   help="serve the robot cells' cameras as MJPEG over HTTP (0: no cameras)")
    p.add_argument("--schedule", choices=("none", "plant", "compressed"), default="none",
                   help="breaks and shift changes: none, plant (the real clock) or "
                   "compressed (a break every 8 minutes, for the demo)")
    p.set_defaults(func=run)


def start_cameras(model: object, port: int) -> CameraServer | None:
    """The robot cells' cameras (app/simulator/camera.py), or None with port 0 or when
    the port is taken (said, the plant runs on without them)."""
    if not port:
        return None
    from app.simulator.camera import plant_cameras

    try:
        cams = plant_cameras(model, port=port).start()
    except OSError as e:
        print(f"cameras off: port {port}: {e.strerror}")
        return None
    print(f"Cameras http://127.0.0.1:{port}/robot<1-4>.mjpg")
    return cams


def run(args: argparse.Namespace) -> int:
    from app.simulator import Simulator

    sim = Simulator(opcua_port=args.opcua_port, mqtt=args.mqtt, faults=args.fault, seed=args.seed,
                    schedule=args.schedule)

    async def main() -> None:
        try:
            await sim.start()
        except OSError as e:
            raise SystemExit(f"lineside simulate: {e}") from None
        print(f"OPC UA  {sim.endpoint}  (nodes ns=2;s=Press.OilTemp, ...)")
        cameras = start_cameras(sim.model, args.camera_port)
        if args.mqtt:
            host, port = args.mqtt
            print(f"MQTT    {host}:{port}")
            print(f"        {UNS_PREFIX}/wearables/<{'|'.join(PSEUDONYMS)}>/<signal>")
            print(f"        {UNS_PREFIX}/utilities/wastewater/ph|cod, .../waste/solid_waste")
            print(f'        commands: {CMD_TOPIC}  {{"fault": NAME, "on": true|false}}')
        if args.fault:
            print(f"faults  {', '.join(args.fault)}")
        print("Ctrl-C to stop", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):  # TERM: stopped as a service
            # Windows has no loop signal handlers; Ctrl-C still raises KeyboardInterrupt.
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        try:
            await stop.wait()
        finally:
            if cameras is not None:
                cameras.stop()
            await sim.stop()
        print("stopped")

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("stopped")
    return 0
