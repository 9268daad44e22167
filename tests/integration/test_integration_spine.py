"""The data spine end to end on real peers: the simulator's PLC and a Mosquitto.

Values flow through both sources into the runtime and the historian; the terminal's
own messages go out through the outbox; the shared andon board converges between two
terminals.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from support import wait_for

from app import config
from app.andon import AndonBoard
from app.model import Quality
from app.overview import PlantDirectory
from app.terminal import Terminal


@pytest.fixture
def terminal(plant, tmp_path: Path):
    cfg = config.load(plant.site_file, terminal_id="t-a")
    term = Terminal(cfg, store_path=tmp_path / "a.db").start()
    yield term
    term.stop()


OIL = "demo/body/line1/press/press1/oil_temp"


def test_values_flow_from_both_sources_into_runtime_and_historian(terminal) -> None:
    rt, store = terminal.runtime, terminal.store
    hr = next(t.path for t in terminal.config.tags.values()
              if rt.sources[t.source].kind == "mqtt")  # a wastewater value
    wait_for(lambda: OIL in rt.latest and rt.latest[OIL].quality is Quality.GOOD,
             what="a GOOD OPC UA value")
    wait_for(lambda: hr in rt.latest, what="an MQTT utilities value")
    assert isinstance(rt.latest[OIL].value, float)
    t0 = time.time() - 60
    wait_for(lambda: (store.flush() or True) and len(store.historian.samples(OIL, t0,
             time.time() + 1)) >= 2, what="oil temperature samples in the historian")
    buckets = store.historian.query([OIL, hr], t0, time.time() + 1, 60)
    assert buckets[OIL].count.sum() >= 2 and buckets[hr].count.sum() >= 1


def test_andon_report_reaches_a_second_terminal_via_the_broker(plant, terminal,
                                                               tmp_path: Path) -> None:
    cfg_b = config.load(plant.site_file, terminal_id="t-b")
    b = Terminal(cfg_b, store_path=tmp_path / "b.db").start()
    try:
        item = terminal.service(AndonBoard).report("press1", "machine", "die cracked")
        wait_for(lambda: b.service(AndonBoard).get(item.id) is not None,
                 what="the andon item at terminal B")
        assert b.service(AndonBoard).get(item.id).note == "die cracked"
    finally:
        b.stop()


def test_terminal_announces_itself_retained_with_a_last_will(plant, terminal) -> None:
    got: dict[str, dict] = {}
    ev = threading.Event()
    c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)

    def on_message(_c, _u, m) -> None:
        got[m.topic] = json.loads(m.payload)
        ev.set()

    c.on_message = on_message
    c.connect(plant.broker.host, plant.broker.port)
    c.subscribe("demo/terminals/t-a/status", qos=1)
    c.loop_start()
    try:
        assert ev.wait(10), "no retained status for the terminal"
        assert got["demo/terminals/t-a/status"]["online"] is True
    finally:
        c.loop_stop()
        c.disconnect()


def test_supervisor_directory_sees_other_terminals_and_their_line(plant, terminal,
                                                                   tmp_path: Path) -> None:
    sup = Terminal(config.load(plant.site_file, terminal_id="sup-desk"),
                   store_path=tmp_path / "sup.db", terminal_role="supervisor").start()
    try:
        directory = sup.service(PlantDirectory)

        def seen() -> bool:
            terminals, lines = directory.snapshot()
            line = lines.get("body-shop-line-1")
            return ("t-a" in terminals and terminals["t-a"].online and line is not None
                    and line.stations.get("Press 1") == "running")

        wait_for(seen, 30, "terminal t-a and its running line at the supervisor desk")
        # Presence names the line, so the overview files the terminal under its line.
        assert directory.snapshot()[0]["t-a"].line == "Body shop line 1"
        assert directory.snapshot()[1]["body-shop-line-1"].values["power"].endswith("kW")
        terminal.stop()  # clean stop: the terminal says it is offline
        wait_for(lambda: not directory.snapshot()[0]["t-a"].online, 10,
                 "terminal t-a shown offline")
    finally:
        sup.stop()
