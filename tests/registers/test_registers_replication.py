"""Registers replicated between real terminals on one Mosquitto: made on one, seen on the
other; edited on both while the broker is down, converged after, with the conflict
shown; a terminal started later gets every record; poison records are refused."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest
from support import wait_for

from app import config
from app.model import LinkState
from app.registers.replica import Replica
from app.registers.suppliers import SupplierRegister
from app.runtime import Runtime
from app.store import Store

SITE = """
[site]
id = "p1"
name = "Plant 1"
terminal_id = "{terminal}"
topic_root = "p1"
broker = "uns"

[[sources]]
id = "uns"
kind = "mqtt"
host = "127.0.0.1"
port = {port}
reconnect_max_s = 0.5
"""


class Node:
    """One terminal: store, runtime with the MQTT broker source, the supplier register."""

    def __init__(self, tmp_path: Path, name: str, port: int) -> None:
        site = tmp_path / f"{name}.toml"
        site.write_text(SITE.format(terminal=name, port=port))
        self.cfg = config.load(site)
        self.store = Store(tmp_path / f"{name}.db", terminal_id=name).open()
        self.runtime = Runtime(self.cfg, self.store)
        self.replica = Replica(self.store, self.runtime, terminal_id=name, topic_root="p1")
        self.suppliers = SupplierRegister(self.replica, time.time)
        self.runtime.start()
        self.replica.start()

    def online(self) -> bool:
        return self.runtime.links["uns"].state is LinkState.CONNECTED

    def close(self) -> None:
        self.replica.stop()
        self.runtime.stop()
        self.store.close()


CERT = {"standard": "ISO 14001", "number": "DE-123", "issuer": "TÜV", "valid_from":
        "2024-01-01", "valid_to": "2027-06-30"}


@pytest.fixture
def nodes(tmp_path: Path, broker: Any):
    made: list[Node] = []

    def make(name: str) -> Node:
        n = Node(tmp_path, name, broker.port)
        made.append(n)
        wait_for(n.online, what=f"{name} online")
        return n

    yield make
    for n in made:
        n.close()


def test_a_supplier_made_on_one_terminal_appears_on_the_other(nodes) -> None:
    a, b = nodes("A"), nodes("B")
    a.suppliers.save("acme", {"name": "ACME Stahl", "country": "DE",
                              "certifications": [CERT]}, actor="paul")
    wait_for(lambda: b.suppliers.get("acme") is not None, what="the record on B")
    rec = b.suppliers.get("acme")
    assert rec.get("name") == "ACME Stahl" and rec.last.actor == "paul"
    assert rec.last.stamp.terminal == "A"
    a.store.flush()
    with a.store.read() as conn:
        rows = conn.execute("SELECT actor, action, target FROM audit "
                            "WHERE action LIKE 'register.%'").fetchall()
    assert ("paul", "register.supplier.edit", "acme") in rows


def test_edits_made_apart_converge_with_the_conflict_shown(nodes, broker) -> None:
    a, b = nodes("A"), nodes("B")
    a.suppliers.save("acme", {"name": "ACME", "country": "DE"}, actor="paul")
    wait_for(lambda: b.suppliers.get("acme") is not None, what="first copy on B")
    broker.stop()
    wait_for(lambda: not a.online() and not b.online(), what="both offline")
    a.suppliers.save("acme", {"country": "FR", "packaging": "crates"}, actor="paul")
    time.sleep(0.01)  # a later change on B, by the wall clock both terminals share
    b.suppliers.save("acme", {"country": "AT"}, actor="sam")
    broker.start()

    def converged() -> bool:
        ra, rb = a.suppliers.get("acme"), b.suppliers.get("acme")
        return ra is not None and rb is not None and ra == rb and ra.get("packaging")

    wait_for(converged, timeout=15, what="both copies equal")
    rec = a.suppliers.get("acme")
    assert rec.get("country") == "AT"  # the newer edit
    assert rec.get("packaging") == "crates"  # A's other field is kept
    [c] = rec.open_conflicts()
    assert (c.value, c.actor, c.winner) == ("FR", "paul", "AT")
    assert b.suppliers.get("acme").open_conflicts() == [c]

    c_node = nodes("C")  # started later: gets every record from the retained messages
    wait_for(lambda: c_node.suppliers.get("acme") == rec, what="C has the merged record")


def test_poison_records_are_counted_and_never_stored(nodes, broker) -> None:
    a = nodes("A")
    pub = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    pub.connect("127.0.0.1", broker.port)
    pub.loop_start()
    try:
        bad = [b"{nope", b"[" * 30_000, json.dumps({"format": 99, "kind": "supplier",
                                                     "id": "x"}).encode(),
               json.dumps({"format": 1, "kind": "supplier", "id": "x", "fields": {
                   "name": {"v": 5, "ts": 1, "t": "Z", "a": "z"}}}).encode(),
               json.dumps({"format": 1, "kind": "ufo", "id": "x"}).encode()]
        # retained, as records are: each reaches the replica even if its subscription is
        # made a moment after the publish
        for i, payload in enumerate(bad):
            pub.publish(f"p1/registers/supplier/x{i}", payload, qos=1,
                        retain=True).wait_for_publish(5)
        wait_for(lambda: sum(a.replica.rejected.values()) == len(bad), timeout=30,
                 what="all rejected", detail=lambda: dict(a.replica.rejected))
        good = a.replica.records("supplier")
        assert good == []
        a.suppliers.save("ok", {"name": "Still works"}, actor="paul")  # stream goes on
        assert a.suppliers.get("ok") is not None
    finally:
        pub.loop_stop()
        pub.disconnect()
