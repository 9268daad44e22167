"""`lineside probe`: print what a PLC or broker says, as JSON lines (commissioning)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.probe import ProbeError, ProbeRequest, run
from app.sources.mqtt import MqttOptions
from app.sources.opcua import MODES, POLICIES, OpcUaOptions
from app.sources.sparkplug import SparkplugOptions


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "probe", help="connect to a PLC or broker and print samples as JSON lines",
        description="Examples: lineside probe --opcua opc.tcp://10.0.0.5:4840 --node "
        "'ns=3;s=\"DB1\".\"Temp\"' --seconds 5;  lineside probe --mqtt broker:1883 "
        "--topic 'plant/#';  lineside probe --sparkplug broker:1883 --group Plant1 --edge press-1;"
        "  lineside probe site.toml.  Passwords: LINESIDE_SECRET_PROBE_OPCUA"
        " / LINESIDE_SECRET_PROBE_MQTT or the keyring entries probe-opcua / probe-mqtt.")
    p.add_argument("site", nargs="?", help="a site file: probe all its sources and tags")
    p.add_argument("--opcua", metavar="URL", help="OPC UA endpoint, opc.tcp://host:port/path")
    p.add_argument("--node", action="append", default=[], metavar="NODEID",
                   help="node id to monitor (repeatable)")
    p.add_argument("--security-policy", default="None", choices=POLICIES)
    p.add_argument("--security-mode", default="None", choices=MODES)
    p.add_argument("--certificate", help="client certificate for signed/encrypted sessions")
    p.add_argument("--private-key", help="client private key")
    p.add_argument("--mqtt", metavar="HOST:PORT", help="MQTT broker")
    p.add_argument("--topic", action="append", default=[], help="topic filter (repeatable)")
    p.add_argument("--sparkplug", metavar="HOST:PORT",
                   help="MQTT broker carrying Sparkplug B: print every metric of --group")
    p.add_argument("--group", action="append", default=[],
                   help="Sparkplug group id (repeatable; needed with --sparkplug)")
    p.add_argument("--edge", action="append", default=[], metavar="NODE",
                   help="only this Sparkplug edge node (repeatable)")
    p.add_argument("--protocol", default="5", choices=("3.1.1", "5"), help="MQTT version")
    p.add_argument("--tls", action="store_true", help="MQTT over TLS")
    p.add_argument("--ca-file", help="CA bundle for MQTT TLS")
    p.add_argument("--username", help="user name (OPC UA or MQTT)")
    p.add_argument("--write", action="append", default=[], metavar="NODEID=VALUE",
                   help="write a value and print the read-back (repeatable)")
    p.add_argument("--seconds", type=float, default=10.0, help="how long to print (default 10)")
    p.add_argument("--connect-timeout", type=float, default=10.0)
    p.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    req = ProbeRequest(site_file=Path(args.site) if args.site else None,
                       nodes=args.node, topics=args.topic, seconds=args.seconds,
                       connect_timeout=args.connect_timeout)
    try:
        if args.opcua:
            req.opcua = OpcUaOptions(endpoint=args.opcua, security_policy=args.security_policy,
                                     security_mode=args.security_mode, username=args.username,
                                     certificate=args.certificate,
                                     private_key=args.private_key)
        if args.mqtt:
            host, _, port = args.mqtt.rpartition(":")
            if not host or not port.isdigit():
                raise ProbeError(f"--mqtt expects HOST:PORT, got {args.mqtt!r}", code=2)
            req.mqtt = MqttOptions(host=host, port=int(port), protocol=args.protocol,
                                   tls=args.tls, ca_file=args.ca_file, username=args.username)
        if args.sparkplug:
            host, _, port = args.sparkplug.rpartition(":")
            if not host or not port.isdigit():
                raise ProbeError(f"--sparkplug expects HOST:PORT, got {args.sparkplug!r}",
                                 code=2)
            if not args.group:
                raise ProbeError("--sparkplug needs --group G (a Sparkplug group id)", code=2)
            mqtt = MqttOptions(host=host, port=int(port), protocol=args.protocol,
                               tls=args.tls, ca_file=args.ca_file, username=args.username,
                               max_payload=16 * 1024 * 1024)
            req.sparkplug = SparkplugOptions(
                mqtt, tuple(args.group), host_id=f"lineside-probe-{os.getpid()}",
                edges=tuple(args.edge), all_metrics=True)
        for w in args.write:
            addr, sep, value = w.rpartition("=")
            if not sep or not addr:
                raise ProbeError(f"--write expects NODEID=VALUE, got {w!r}", code=2)
            req.writes.append((addr, value))
        if req.writes and not args.opcua and not args.site:
            raise ProbeError("--write needs --opcua URL (or a site file)", code=2)
        return run(req)
    except ProbeError as e:
        print(f"lineside probe: {e}", file=sys.stderr)
        return e.code
