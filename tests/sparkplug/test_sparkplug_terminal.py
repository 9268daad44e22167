"""A terminal publishes its PLC's values as a Sparkplug edge node (the `[sparkplug]`
service on the seams) and a Sparkplug host reads them; a host's write goes through the
role check, the tag's limits, the PLC and the audit trail."""

from __future__ import annotations

import pytest
from spkit import host_site, start_host, wait_for

from app import config
from app.config import ConfigError
from app.sources.base import SourceError
from app.terminal import Terminal

SP = "demo/body/line1/press/press1/stroke_rate_sp"
RATE = "demo/body/line1/press/press1/stroke_rate"


def terminal_site(endpoint: str, port: int, sparkplug: str) -> str:
    return f"""
[site]
id = "demo"
name = "Demo"
terminal_id = "t1"
broker = "plant-mqtt"

[[sources]]
id = "plc"
kind = "opcua"
endpoint = "{endpoint}"

[[sources]]
id = "plant-mqtt"
kind = "mqtt"
host = "127.0.0.1"
port = {port}

[[tags]]
path = "{RATE}"
source = "plc"
address = "ns=2;s=Press.StrokeRate"
unit = "1/min"
low = 0
high = 20

[[tags]]
path = "{SP}"
source = "plc"
address = "ns=2;s=Press.StrokeRateSetpoint"
unit = "1/min"
low = 0
high = 18
writable = true

{sparkplug}
"""


EDGE = """
[sparkplug]
broker = "plant-mqtt"
group = "G"
sources = ["plc"]
publish_interval_ms = 100
primary_host = "lineside-test"
host_identity = "scada"
"""

HOST_TAG = f"""
[[tags]]
path = "line/sp"
source = "spb"
address = "G/t1/{SP}"
writable = true
"""


@pytest.fixture
def terminal(plant, tmp_path):
    made = []

    def start(sparkplug: str) -> Terminal:
        path = tmp_path / "terminal.toml"
        path.write_text(terminal_site(plant.endpoint, plant.broker.port, sparkplug))
        term = Terminal(config.load(path), store_path=tmp_path / "t.db").start()
        made.append(term)
        return term

    yield start
    for t in made:
        t.stop()


@pytest.mark.slow  # the simulated plant starts for each
def test_the_terminals_plc_values_reach_a_sparkplug_host(plant, terminal, tmp_path):
    term = terminal(EDGE + 'write_role = "maintenance"\n')
    assert "sparkplug" not in term.failed
    rt, rec = start_host(tmp_path, host_site(plant.broker.port, tags=HOST_TAG))
    try:
        wait_for(lambda: (rec.value(f"G/t1/{RATE}") or (0, ""))[1] == "good", timeout=15,
                 what="the PLC's stroke rate via Sparkplug")
        d = rt.sources["spb"].core.find(f"G/t1/{SP}")
        assert (d.unit, d.low, d.high) == ("1/min", 0.0, 18.0)
        s = rt.safety_write("line/sp", 9.5).result(10)  # NCMD -> audited write -> PLC -> NDATA
        assert s.value == 9.5
        assert term.runtime.latest[SP].value == 9.5
        records = wait_for(lambda: term.store.audit.query(action="sparkplug.write"),
                           what="audit record")
        assert records[0].actor == "scada" and records[0].target == SP
        with pytest.raises(SourceError, match="read-back"):
            rt.safety_write("line/sp", 30.0).result(10)  # above the tag's limit: refused
        assert term.runtime.latest[SP].value == 9.5
    finally:
        rt.stop()


@pytest.mark.slow  # the simulated plant starts for each
def test_host_writes_are_refused_without_a_write_role(plant, terminal, tmp_path):
    term = terminal(EDGE)
    rt, rec = start_host(tmp_path, host_site(plant.broker.port, tags=HOST_TAG))
    try:
        wait_for(lambda: (rec.value("line/sp") or (0, ""))[1] == "good", timeout=15,
                 what="setpoint via Sparkplug")
        before = term.runtime.latest[SP].value
        with pytest.raises(SourceError, match="read-back"):
            rt.safety_write("line/sp", before + 1).result(10)
        assert term.runtime.latest[SP].value == before
        assert not term.store.audit.query(action="sparkplug.write")
    finally:
        rt.stop()


def test_a_wrong_sparkplug_section_names_the_key(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(terminal_site("opc.tcp://127.0.0.1:1/", 1883,
                                  EDGE.replace('"plant-mqtt"', '"plc"')))
    with pytest.raises(ConfigError, match=r"sparkplug\.broker"):
        config.load(path)
    path.write_text(terminal_site("opc.tcp://127.0.0.1:1/", 1883,
                                  EDGE + '[sparkplug.datatypes]\n"' + SP + '" = "Int99"\n'))
    with pytest.raises(ConfigError, match="not a Sparkplug datatype"):
        config.load(path)


def test_a_terminal_hosting_sparkplug_keeps_history_in_the_historian(broker, tmp_path):
    """Historical values go to the store with their own times, never to the current."""
    from spkit import LoopThread

    from app.model import Quality
    from app.sources.mqtt import MqttOptions
    from app.sparkplug.codec import SpDataType as T
    from app.sparkplug.edge import EdgeMetric, EdgeNode, EdgeOptions

    path = tmp_path / "host.toml"
    path.write_text(host_site(broker.port, tags='''
[[tags]]
path = "line/count"
source = "spb"
address = "G/E/Count"
type = "int"
''').replace("all_metrics = true", "all_metrics = false"))
    term = Terminal(config.load(path), store_path=tmp_path / "t.db").start()
    node = EdgeNode(EdgeOptions("G", "E", 0.05, primary_host="lineside-test"),
                    [EdgeMetric("Count", T.INT32)], MqttOptions("127.0.0.1", broker.port))
    t0 = 1_796_000_000.0
    node.buffer.add([("Count", i, t0 + i, Quality.GOOD) for i in (1, 2, 3)])
    node.update("Count", 9, t0 + 100)
    lt = LoopThread()
    try:
        lt.run(node.run())
        wait_for(lambda: (s := term.runtime.latest.get("line/count")) and s.value == 9,
                 what="current value")
        got = wait_for(lambda: [s.value for s in
                                term.store.historian.samples("line/count", t0, t0 + 50)],
                       what="history in the store")
        assert got == [1, 2, 3]
    finally:
        lt.stop()
        term.stop()
