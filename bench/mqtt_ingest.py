"""MQTT ingest: messages/s from a real Mosquitto into the runtime's latest-value table and
the historian (committed to a real store file), against a bare paho-mqtt subscriber that
only parses the JSON. QoS 0 and QoS 1; losses counted (QoS 1 must lose none)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.common import Mosquitto, Result, Scale, bench_env, log, site_config, wait_for
from bench.rawpub import publish_one

TOPICS = 100
PREFIX = "bench"


def _publisher(port: int, qos: int, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "bench.rawpub", str(port), str(qos),
                             str(count), str(TOPICS), PREFIX], env=bench_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class _Counter:
    """Counts burst messages (v >= 0) and times the first and the last one."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.n = 0
        self.probes = 0
        self.first = 0.0
        self.first_k = 0  # messages in the first delivery (read before `first` was taken)
        self.last = 0.0

    def rate(self, until: float | None = None) -> float:
        span = (self.last if until is None else until) - self.first
        return (self.n - self.first_k) / span if self.n > self.first_k and span > 0 else 0.0

    def add(self, k: int, probes: int = 0) -> None:
        t = time.perf_counter()
        with self.lock:
            if k and not self.n:
                self.first, self.first_k = t, k
            self.n += k
            self.probes += probes
            if k:
                self.last = t


def _burst(port: int, qos: int, count: int, counter: _Counter, timeout: float) -> int:
    """Publish `count` messages; wait until all arrived or arrivals stop for 3 s."""
    pub = _publisher(port, qos, count)
    deadline = time.monotonic() + timeout
    seen, seen_at = -1, time.monotonic()
    while counter.n < count and time.monotonic() < deadline:
        if counter.n != seen:
            seen, seen_at = counter.n, time.monotonic()
        elif time.monotonic() - seen_at > 3.0 and pub.poll() is not None:
            break
        time.sleep(0.01)
    out, err = pub.communicate(timeout=30)
    if pub.returncode:
        raise RuntimeError(f"publisher failed: {err.strip()}")
    return int(out.strip() or 0)


def _probe_until_seen(port: int, counter: _Counter) -> None:
    def seen() -> bool:
        if counter.probes:
            return True
        publish_one(port, f"{PREFIX}/t0", b'{"v":-1}')
        time.sleep(0.05)
        return counter.probes > 0

    wait_for(seen, 15.0, "the subscriber to receive a probe message", step=0.05)


def run_lineside(broker: Mosquitto, qos: int, count: int, workdir: Path) -> dict:
    from app.config import DataType, SourceConfig, TagConfig
    from app.runtime import Runtime
    from app.sources.mqtt import MqttOptions
    from app.store import Store

    src = SourceConfig("mq", "mqtt", MqttOptions(broker.host, broker.port,
                                                 client_id=f"bench-ls-{qos}"))
    tags = [TagConfig(f"bench/line/t{i}", "mq", f"{PREFIX}/t{i}", DataType.FLOAT)
            for i in range(TOPICS)]
    cfg = site_config([src], tags)
    store = Store(workdir / f"mqtt-ls-{qos}.db", terminal_id="bench").open()
    rt = Runtime(cfg, store)
    counter = _Counter()

    def listen(batch: list) -> None:
        k = 0
        p = 0
        for s in batch:
            if s.value is not None and s.value >= 0:
                k += 1
            else:
                p += 1
        counter.add(k, p)

    rt.subscribe(listen)
    rt.start()
    try:
        _probe_until_seen(broker.port, counter)
        acks = _burst(broker.port, qos, count, counter, timeout=120)
        received = counter.n
        store.flush(120)
        t_stored = time.perf_counter()
        latest_ok = sum(1 for t in tags if t.path in rt.latest)
    finally:
        rt.stop()
        store.close()
    return {"rate": counter.rate(t_stored), "received": received, "acks": acks,
            "ingest_only_rate": counter.rate(), "latest_tags": latest_ok}


def run_bare(broker: Mosquitto, qos: int, count: int) -> dict:
    import paho.mqtt.client as paho
    from paho.mqtt.enums import CallbackAPIVersion

    counter = _Counter()

    def on_message(_c: object, _u: object, msg: paho.MQTTMessage) -> None:
        doc = json.loads(msg.payload)
        if doc["v"] >= 0:
            counter.add(1)
        else:
            counter.add(0, 1)

    client = paho.Client(CallbackAPIVersion.VERSION2, client_id=f"bench-bare-{qos}",
                         protocol=paho.MQTTv5)
    client.on_message = on_message
    client.on_connect = lambda c, *_a: c.subscribe(f"{PREFIX}/#", qos=1)
    client.connect(broker.host, broker.port, 30, clean_start=True)
    client.loop_start()
    try:
        _probe_until_seen(broker.port, counter)
        acks = _burst(broker.port, qos, count, counter, timeout=120)
    finally:
        client.disconnect()
        client.loop_stop()
    received = counter.n
    return {"rate": counter.rate(), "received": received, "acks": acks}


def run(scale: Scale) -> list[Result]:
    count = scale.pick(60_000, 2_000)
    rounds = scale.pick(2, 1)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-mqtt-") as tmp, Mosquitto(Path(tmp)) as broker:
        for qos in (0, 1):
            bares, lss = [], []
            for _ in range(rounds):  # alternate, keep the best of each: load comes and goes
                bares.append(run_bare(broker, qos, count))
                lss.append(run_lineside(broker, qos, count, Path(tmp)))
            bare = max(bares, key=lambda r: r["rate"])
            ls = max(lss, key=lambda r: r["rate"])
            log.info("mqtt qos%d: lineside %s bare %s", qos, lss, bares)
            lost_ls = max(count - r["received"] for r in lss)
            lost_bare = max(count - r["received"] for r in bares)
            notes = (f"{count:,} msgs on {TOPICS} topics from a raw-socket publisher process, "
                     f"best of {rounds} alternating runs; LineSide timed until all rows are "
                     f"committed to SQLite (runtime ingest alone {ls['ingest_only_rate']:,.0f}/s);"
                     f" lost: LineSide {lost_ls}, bare {lost_bare}")
            if qos == 1 and lost_ls:
                notes += " — LOSS AT QOS 1"
            results.append(Result(f"MQTT ingest QoS {qos}", ls["rate"], bare["rate"], "msg/s",
                                  notes=notes,
                                  extra={"lineside_runs": lss, "bare_runs": bares,
                                         "count": count, "lost_lineside": lost_ls,
                                         "lost_bare": lost_bare}))
    return results
