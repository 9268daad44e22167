"""`lineside probe` as plant IT uses it: against the simulator's PLC and a real broker."""

from __future__ import annotations

import json
import threading

import paho.mqtt.client as mqtt

from app import cli


def lines(text: str) -> list[dict]:
    return [json.loads(x) for x in text.splitlines() if x.startswith("{")]


def test_probe_prints_opcua_values_and_writes_with_read_back(plant, capsys) -> None:
    rc = cli.main(["probe", "--opcua", plant.endpoint, "--node", "ns=2;s=Press.OilTemp",
                   "--node", "nsu=urn:lineside:simulator;s=Press.State",
                   "--write", "ns=2;s=Conveyor.SpeedSetpoint=4.5", "--seconds", "0.5"])
    assert rc == 0
    got = lines(capsys.readouterr().out)
    temps = [g for g in got if g["tag"] == "ns=2;s=Press.OilTemp"]
    assert temps and isinstance(temps[0]["value"], float) and temps[0]["quality"] == "good"
    assert any(g["tag"].endswith("Press.State") and g["value"] == "running" for g in got)
    written = [g for g in got if g.get("write") == "4.5"]
    assert written and written[0]["value"] == 4.5  # the PLC's read-back


def test_probe_prints_mqtt_messages(plant, capsys) -> None:
    addr = f"{plant.broker.host}:{plant.broker.port}"
    c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    c.connect(plant.broker.host, plant.broker.port)
    c.loop_start()
    stop = threading.Event()

    def publish() -> None:  # keep publishing until the probe has had time to subscribe
        while not stop.wait(0.1):
            c.publish("site/probe/check", b'{"v": 7, "ts": 1700000000}')

    t = threading.Thread(target=publish, daemon=True)
    t.start()
    try:
        assert cli.main(["probe", "--mqtt", addr, "--topic", "site/probe/#",
                         "--seconds", "1"]) == 0
    finally:
        stop.set()
        t.join()
        c.loop_stop()
        c.disconnect()
    got = lines(capsys.readouterr().out)
    assert any(g["tag"] == "site/probe/check" and g["value"] == 7 for g in got)


def test_probe_says_why_it_cannot_reach_a_plc(capsys) -> None:
    rc = cli.main(["probe", "--opcua", "opc.tcp://127.0.0.1:1/none", "--node", "ns=2;i=1",
                   "--connect-timeout", "2", "--seconds", "0"])
    assert rc == 3
    err = capsys.readouterr().err
    assert "cannot reach" in err and "opc.tcp://127.0.0.1:1/none" in err


def test_probe_rejects_bad_arguments_with_a_message(capsys) -> None:
    assert cli.main(["probe", "--mqtt", "nohostport"]) == 2
    assert "--mqtt expects HOST:PORT" in capsys.readouterr().err
    assert cli.main(["probe"]) == 2
    assert "nothing to probe" in capsys.readouterr().err
