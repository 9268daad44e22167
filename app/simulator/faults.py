"""Faults the simulator can inject, by name (CLI `--fault`, the command topic, the API)."""

from __future__ import annotations

from enum import StrEnum

CMD_TOPIC = "demo/sim/cmd"  # JSON {"fault": NAME, "on": true|false, "seconds": N (optional)}


class Fault(StrEnum):
    PRESS_OVERHEAT = "press_overheat"  # press oil temperature climbs past 80 °C
    ROBOT_FAULT = "robot_fault"  # robot 2 in fault: stops welding, power drops
    GAS_LEAK = "gas_leak"  # hall gas concentration rises well above alarm limits
    HEART_RATE_SPIKE = "heart_rate_spike"  # worker W-3F7A's heart rate > 150 bpm, sustained
    ZONE_INTRUSION = "zone_intrusion"  # worker W-8C21 walks into robot cell 3 while it runs
    PLC_OFFLINE = "plc_offline"  # the OPC UA server stops
    BROKER_LOSS = "broker_loss"  # the simulator's MQTT publisher disconnects
    STOP_CIRCUIT_FAULT = "stop_circuit_fault"  # the e-stop circuit stays unhealthy (no reset)
    VOC_EXCURSION = "voc_excursion"  # paint booth VOC climbs to ~140 mg/m³ (permit: 50)
    PH_DRIFT = "ph_drift"  # wastewater pH creeps up, past 9.5 within minutes
    STUCK_SENSOR = "stuck_sensor"  # the wastewater COD sensor repeats one value


def parse_fault(text: str) -> tuple[Fault, float | None]:
    """Parse "NAME" or "NAME:SECONDS" (the fault clears itself after SECONDS).

    Raises ValueError with the known names when NAME is unknown.
    """
    name, _, secs = text.partition(":")
    try:
        fault = Fault(name.strip())
    except ValueError:
        known = ", ".join(f.value for f in Fault)
        raise ValueError(f"unknown fault {name!r} (known: {known})") from None
    if not secs:
        return fault, None
    try:
        seconds = float(secs)
    except ValueError:
        raise ValueError(f"fault {name}: {secs!r} is not a number of seconds") from None
    if seconds <= 0:
        raise ValueError(f"fault {name}: seconds must be positive; got {secs}")
    return fault, seconds


def send_fault_command(host: str, port: int, name: str, on: bool = True,
                       seconds: float | None = None, timeout: float = 5.0) -> bool:
    """Publish a fault command to a running simulator's command topic (QoS 1).

    Returns whether the broker accepted it; raises OSError when it cannot be reached.
    """
    import json

    import paho.mqtt.client as mqtt

    cmd: dict[str, object] = {"fault": name, "on": on}
    if seconds:
        cmd["seconds"] = seconds
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv311)
    client.connect(host, port, keepalive=10)
    client.loop_start()
    try:
        info = client.publish(CMD_TOPIC, json.dumps(cmd), qos=1)
        info.wait_for_publish(timeout)
        return info.is_published()
    finally:
        client.loop_stop()
        client.disconnect()
