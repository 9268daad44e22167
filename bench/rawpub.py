"""A minimal MQTT 3.1.1 publisher in its own process: pre-built PUBLISH packets written to a
raw socket as fast as the broker takes them, so the publisher is never the bottleneck of an
ingest benchmark (paho's publish path costs more CPU than the subscriber under test).

    python -m bench.rawpub PORT QOS COUNT TOPICS [TOPIC_PREFIX]

Payloads are `{"v": <seq>, "ts": <epoch>}` on TOPIC_PREFIX/t<seq % TOPICS>. Prints the
number of PUBACKs received (QoS 1) and exits 0.
"""

from __future__ import annotations

import json
import socket
import struct
import sys
import threading
import time


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b, n = n % 128, n // 128
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _str(s: str) -> bytes:
    b = s.encode()
    return struct.pack("!H", len(b)) + b


def connect_packet(client_id: str) -> bytes:
    body = _str("MQTT") + bytes([4, 0x02]) + struct.pack("!H", 60) + _str(client_id)
    return b"\x10" + _varint(len(body)) + body


def publish_packet(topic: str, payload: bytes, qos: int, mid: int) -> bytes:
    body = _str(topic) + (struct.pack("!H", mid) if qos else b"") + payload
    return bytes([0x30 | (qos << 1)]) + _varint(len(body)) + body


def build(count: int, topics: int, prefix: str, qos: int) -> bytes:
    ts = time.time()
    parts = []
    for i in range(count):
        payload = json.dumps({"v": i, "ts": ts}, separators=(",", ":")).encode()
        parts.append(publish_packet(f"{prefix}/t{i % topics}", payload, qos, i % 65535 + 1))
    return b"".join(parts)


def open_session(port: int, client_id: str) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(connect_packet(client_id))
    connack = sock.recv(4)
    if len(connack) < 4 or connack[0] != 0x20 or connack[3] != 0:
        raise RuntimeError(f"broker refused CONNECT: {connack!r}")
    sock.settimeout(None)
    return sock


def publish_one(port: int, topic: str, payload: bytes) -> None:
    """One QoS 0 message (warm-up probes)."""
    with open_session(port, f"bench-probe-{time.monotonic_ns()}") as sock:
        sock.sendall(publish_packet(topic, payload, 0, 0) + b"\xe0\x00")


def main(argv: list[str]) -> int:
    port, qos, count, topics = (int(x) for x in argv[:4])
    prefix = argv[4] if len(argv) > 4 else "bench"
    data = build(count, topics, prefix, qos)
    sock = open_session(port, f"bench-pub-{port}")
    acks = 0

    def read_acks() -> None:
        nonlocal acks
        buf = b""
        while acks < count:
            chunk = sock.recv(1 << 16)
            if not chunk:
                return
            buf += chunk
            n = len(buf) // 4  # PUBACK is 4 bytes: 0x40 0x02 id id
            acks += n
            buf = buf[n * 4:]

    reader = threading.Thread(target=read_acks, daemon=True)
    if qos:
        reader.start()
    view = memoryview(data)
    for i in range(0, len(data), 1 << 16):
        sock.sendall(view[i:i + (1 << 16)])
    if qos:
        reader.join(120)
    sock.sendall(b"\xe0\x00")  # DISCONNECT
    sock.close()
    print(acks, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
