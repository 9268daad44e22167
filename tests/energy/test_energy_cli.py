"""`lineside energy --json` on a site fed through a real Mosquitto: a hand-computed hour.

A paho client plays the plant's edge device and publishes every sample with its own
timestamp (an hour yesterday, half of it "late", after the rest); the terminal's
runtime folds them through the energy service into the store; the command reads the
store and must print exactly the hand-computed figures in the contract's shape.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from pathlib import Path

import paho.mqtt.client as paho
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from support import wait_for

from app import cli, config
from app.alarms.engine import AlarmEngine
from app.energy.config import energy_of
from app.energy.service import ALARM_IDLE, EnergyService
from app.runtime import Runtime
from app.store import Store

H = (int(time.time()) // 86400 - 1) * 86400 + 9 * 3600  # yesterday 09:00 UTC (day band)

SITE = """
[site]
id = "p1"
name = "Plant 1"
line = "Body 1"
terminal_id = "t1"
broker = "uns"

[[sources]]
id = "uns"
kind = "mqtt"
host = "127.0.0.1"
port = {port}
reconnect_max_s = 1.0

[[tags]]
path = "p1/press/state"
source = "uns"
address = "p1/press/state"
type = "string"

[[tags]]
path = "p1/press/kwh"
source = "uns"
address = "p1/press/kwh"

[[tags]]
path = "p1/press/kw"
source = "uns"
address = "p1/press/kw"
high = 200

[[tags]]
path = "p1/pv/kw"
source = "uns"
address = "p1/pv/kw"

[[tags]]
path = "p1/line/count"
source = "uns"
address = "p1/line/count"
type = "int"

[[stations]]
id = "press"
name = "Press"
state_tag = "p1/press/state"

[energy]
production_counter = "p1/line/count"
grid_co2e_kg_per_kwh = 0.363
market_co2e_kg_per_kwh = 0.120
currency = "EUR"
tariff = [ { from = "06:00", to = "22:00", price = 0.24 },
           { from = "22:00", to = "06:00", price = 0.16 } ]
contract_peak_kw = 450
shifts = [ { name = "early", from = "06:00", to = "14:00" },
           { name = "late", from = "14:00", to = "22:00" },
           { name = "night", from = "22:00", to = "06:00" } ]
timezone = "UTC"
baseline_kwh_per_vehicle = 0.8
sleep_after_min = 5

[energy.alarms]
idle_kw = 10
idle_on_delay_s = 0

[[energy.meters]]
id = "press"
kind = "consumer"
station = "press"
power = "p1/press/kw"
energy = "p1/press/kwh"
sleep_kw = 5

[[energy.meters]]
id = "pv"
kind = "pv"
power = "p1/pv/kw"
"""


def publish_all(port: int, messages: list[tuple[str, object, float]]) -> None:
    c = paho.Client(CallbackAPIVersion.VERSION2, client_id="edge-device")
    c.connect("127.0.0.1", port, 30)
    c.loop_start()
    try:
        infos = [c.publish(topic, json.dumps({"v": v, "ts": ts}), qos=1)
                 for topic, v, ts in messages]
        for info in infos:
            info.wait_for_publish(10)
    finally:
        c.loop_stop()
        c.disconnect()


@contextmanager
def watching(port: int, topic: str) -> Iterator[list[bytes]]:
    """A client subscribed to `topic` while the block runs: what arrives live."""
    got: list[bytes] = []
    ready = threading.Event()
    c = paho.Client(CallbackAPIVersion.VERSION2, client_id="watcher")
    c.on_subscribe = lambda *_: ready.set()
    c.on_connect = lambda cl, *_: cl.subscribe(topic, qos=1)
    c.on_message = lambda _c, _u, msg: got.append(msg.payload)
    c.connect("127.0.0.1", port, 30)
    c.loop_start()
    try:
        wait_for(ready.is_set, what=f"the watcher subscribed to {topic}")
        yield got
    finally:
        c.loop_stop()
        c.disconnect()


def retained(port: int, topic: str) -> dict:
    """What a late joiner gets on `topic`: the retained message."""
    got: list[bytes] = []
    c = paho.Client(CallbackAPIVersion.VERSION2, client_id="late-joiner")
    c.on_connect = lambda cl, *_: cl.subscribe(topic, qos=1)
    c.on_message = lambda _c, _u, msg: got.append(msg.payload) if msg.retain else None
    c.connect("127.0.0.1", port, 30)
    c.loop_start()
    try:
        wait_for(lambda: got, what=f"a retained message on {topic}")
    finally:
        c.loop_stop()
        c.disconnect()
    return json.loads(got[-1])


def the_hour() -> tuple[list[tuple[str, object, float]], list[tuple[str, object, float]]]:
    """Press 30 kW all hour (a counter and a power tag), idle 09:30-09:45; PV 12 kW;
    30 vehicles. Returned as (first half, second half)."""
    first, second = [], []
    for i in range(61):
        ts = H + 60 * i
        part = first if i <= 30 else second
        part.append(("p1/press/kwh", 0.5 * i, ts))
        part.append(("p1/press/kw", 30.0, ts))
        if i % 5 == 0:
            part.append(("p1/pv/kw", 12.0, ts))
    first.insert(0, ("p1/press/state", "running", H))
    first.insert(0, ("p1/line/count", 100, H))
    second.insert(0, ("p1/press/state", "idle", H + 1800))
    second.insert(1, ("p1/press/state", "running", H + 2700))
    second.append(("p1/line/count", 130, H + 3540))
    return first, second


def test_cli_json_matches_the_hand_computed_hour(broker, tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SITE.replace("{port}", str(broker.port)), encoding="utf-8")
    cfg = config.load(site)
    store_path = tmp_path / "t1.db"
    store = Store(store_path, terminal_id="t1").open()
    rt = Runtime(cfg, store)
    alarms = AlarmEngine(terminal_id="t1")
    svc = EnergyService(energy_of(cfg), cfg, rt, store, alarms=alarms)
    svc.start()
    rt.start()
    try:
        wait_for(lambda: rt.links["uns"].state.value == "connected", what="the broker link")
        first, second = the_hour()
        # the second half arrives first: the edge device forwards its buffer later
        publish_all(broker.port, second)
        publish_all(broker.port, first)
        wait_for(lambda: svc.ledger.samples_folded >= len(first) + len(second),
                 what="every sample folded")
        svc.ledger.flush()
        store.flush()
    finally:
        svc.stop()
        rt.stop()
        store.close()

    out = io.StringIO()
    with redirect_stdout(out):
        rc = cli.main(["energy", "--store", str(store_path), "--site", str(site),
                       "--from", "2000-01-01T00:00", "--to", "2100-01-01T00:00", "--json"])
    assert rc == 0
    doc = json.loads(out.getvalue())
    assert set(doc) == {"from", "to", "line", "stations", "ranking", "recommendations"}
    line = doc["line"]
    assert set(line) == {"kwh", "idle_kwh", "vehicles", "kwh_per_vehicle", "pv_kwh",
                         "renewable_share", "recovered_kwh", "grid_kwh", "co2e_kg",
                         "co2e_kg_per_vehicle", "cost", "peak_kw"}
    # the buffer forwarded after the live data fills the hour exactly as in order
    assert line == run_in_order_expectation()


def test_cli_json_in_order(broker, tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text(SITE.replace("{port}", str(broker.port)), encoding="utf-8")
    cfg = config.load(site)
    store_path = tmp_path / "t1.db"
    store = Store(store_path, terminal_id="t1").open()
    rt = Runtime(cfg, store)
    alarms = AlarmEngine(terminal_id="t1")
    svc = EnergyService(energy_of(cfg), cfg, rt, store, alarms=alarms)
    svc.start()
    rt.start()
    try:
        wait_for(lambda: rt.links["uns"].state.value == "connected", what="the broker link")
        first, second = the_hour()
        publish_all(broker.port, first + second)
        wait_for(lambda: svc.ledger.samples_folded >= len(first) + len(second),
                 what="every sample folded")
        svc.ledger.flush()
        store.flush()
        svc.check()  # the idle alarm: the press is running again, nothing idles now
        assert not alarms.get(ALARM_IDLE).active
        panel = svc.report(H, H + 3600).line_json()  # what the panel's view shows
        with watching(broker.port, svc.topic) as live:
            svc.close_hour(H)  # the hour's summary, retained for a supervisor desktop
            wait_for(lambda: live, what=f"the summary on {svc.topic}")
        # a desktop that joins later gets it from the broker, retained
        summary = retained(broker.port, svc.topic)
        assert summary["hour"] == H and summary["kpis"]["kwh"] == pytest.approx(30.0)
        assert summary["kpis"]["kwh_per_vehicle"] == pytest.approx(1.0)
    finally:
        svc.stop()
        rt.stop()
        store.close()

    out = io.StringIO()
    with redirect_stdout(out):
        rc = cli.main(["energy", "--store", str(store_path), "--site", str(site),
                       "--from", _iso(H), "--to", _iso(H + 3600), "--json"])
    assert rc == 0
    doc = json.loads(out.getvalue())
    line = doc["line"]
    # press: 30 kWh; idle 09:30-09:45 = 7.5 kWh; PV 12 kW x 1 h; 30 vehicles
    assert line["kwh"] == pytest.approx(30.0)
    assert line["idle_kwh"] == pytest.approx(7.5)
    assert line["vehicles"] == 30
    assert line["kwh_per_vehicle"] == pytest.approx(1.0)
    assert line["pv_kwh"] == pytest.approx(12.0)
    assert line["renewable_share"] == pytest.approx(0.4)
    assert line["grid_kwh"] == pytest.approx(18.0)
    assert line["co2e_kg"] == pytest.approx(18 * 0.363)
    assert line["co2e_kg_per_vehicle"] == pytest.approx(18 * 0.363 / 30, abs=1e-3)
    assert line["cost"] == pytest.approx(18 * 0.24)
    assert line["peak_kw"] == pytest.approx(30.0)
    assert line["recovered_kwh"] == 0
    assert doc["stations"] == {"press": {"kwh": 30.0, "producing_kwh": 22.5,
                                         "idle_kwh": 7.5, "peak_kw": 30.0,
                                         "gap_minutes": 0.0}}
    assert line == run_in_order_expectation()
    assert line == panel  # the command and the panel agree
    assert doc["ranking"][0]["meter"] == "press"
    # idle 15 min, sleep after 5: 10 min at 30 kW could have been 10 min at 5 kW:
    # (30 - 5) x 10/60 = 4.1667 kWh in this hour; a week is 168 of these hours
    rec = next(r for r in doc["recommendations"] if r["meter"] == "press")
    assert rec["kind"] == "idle_sleep"
    assert rec["savings_per_week"]["kwh"] == pytest.approx(25 * 10 / 60 * 168, abs=0.1)
    assert rec["savings_per_week"]["cost"] == pytest.approx(25 * 10 / 60 * 168 * 0.24,
                                                            abs=0.05)


def run_in_order_expectation() -> dict[str, object]:
    return {"kwh": 30.0, "idle_kwh": 7.5, "vehicles": 30, "kwh_per_vehicle": 1.0,
            "pv_kwh": 12.0, "renewable_share": 0.4, "recovered_kwh": 0.0, "grid_kwh": 18.0,
            "co2e_kg": round(18 * 0.363, 3), "co2e_kg_per_vehicle": round(18 * 0.363 / 30, 3),
            "cost": 4.32, "peak_kw": 30.0}


def _iso(ts: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(ts, UTC).isoformat()
