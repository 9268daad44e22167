"""The demo plant's production story: orders for a day, quality counters, wear that drifts.

What it adds to the plant model (hooked in with a few lines in model.py and
simulator.py; its two counters are rows of signals.py):
- Quality counters: bodies whose weld spot check fails (about 1.5 % of robot 4's
  cycles, more when robot 2's tips are worn) and paint defects (about 3 % of the
  carriers leaving the booth, more when the booth humidity is off its band).
- Robot 2 carries longer-life electrode caps: its tips wear at a quarter of the
  others' rate, so the tip-dress prediction has about half an hour to show its trend.
- The press oil cooler fouls: the oil runs warmer by a slowly growing offset (about
  0.3 °C a minute of production) until the press goes through maintenance, so the
  oil-temperature prediction reaches its limit within a demo session.
- Orders for a demo day (`demo_orders`), published retained on the MES topic when the
  simulator starts (`publish_orders`).
"""

from __future__ import annotations

import json
import logging
import random
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.simulator.model import PlantModel

log = logging.getLogger(__name__)

MES_TOPIC = "demo/mes/orders"
WELD_REJECT_RATE = 0.015
PAINT_DEFECT_RATE = 0.03
ROBOT2_TIP_WEAR_FACTOR = 0.25
FOULING_PER_S = 0.3 / 60.0  # °C per second of production
FOULING_MAX = 40.0

@dataclass
class ProductionStory:
    weld_rejects: int = 0
    paint_defects: int = 0
    fouling: float = 0.0  # °C the oil runs warmer
    _r4_cycles: int = -1
    _carriers: int = -1
    _tip2: float = 0.0

    def __post_init__(self) -> None:
        self.rng = random.Random(7)

    def step(self, m: PlantModel, dt: float) -> None:
        r2, r4 = m.robots[1], m.robots[3]
        # Robot 2's caps last four times longer: keep a quarter of each rise.
        if r2.tip_wear > self._tip2:
            r2.tip_wear = self._tip2 + (r2.tip_wear - self._tip2) * ROBOT2_TIP_WEAR_FACTOR
        self._tip2 = r2.tip_wear
        if self._r4_cycles < 0:
            self._r4_cycles = r4.cycles
        for _ in range(r4.cycles - self._r4_cycles):
            rate = WELD_REJECT_RATE * (1.0 + 2.0 * max(0.0, r2.tip_wear - 70.0) / 30.0)
            if self.rng.random() < rate:
                self.weld_rejects += 1
        self._r4_cycles = r4.cycles
        carriers = int(m.conveyor.carriers)
        if self._carriers < 0:
            self._carriers = carriers
        for _ in range(max(0, carriers - self._carriers)):
            off = abs(m.booth.humidity - 60.0) > 10.0
            if self.rng.random() < PAINT_DEFECT_RATE * (2.0 if off else 1.0):
                self.paint_defects += 1
        self._carriers = carriers
        state = str(m.press.state)
        if state == "maintenance":
            self.fouling = 0.0
        elif state == "running":
            self.fouling = min(FOULING_MAX, self.fouling + FOULING_PER_S * dt)

    def values(self, m: PlantModel) -> dict[str, Any]:
        return {"Quality.WeldRejects": self.weld_rejects,
                "Quality.PaintDefects": self.paint_defects,
                "Press.OilTemp": m.press.oil_temp + self.fouling
                + m.noise.gauss(0, 0.05)}


def demo_orders(now: float, hours: float = 10.0, seed: int = 3) -> list[dict[str, Any]]:
    """A day's orders for the demo line: due every half hour or so, mixed variants,
    options and colours, a few urgent ones."""
    rng = random.Random(seed)
    out, t, i = [], now + 3600.0, 0
    while t < now + hours * 3600.0:
        q = rng.choice([1, 2, 2, 3, 4])
        opts = [o for o, p in (("sunroof", 0.3), ("tow_hitch", 0.25)) if rng.random() < p]
        out.append({"id": f"SO-{i + 1:04d}", "variant": rng.choice(["sedan", "suv", "estate"]),
                    "quantity": q, "due": round(t), "options": opts,
                    "colour": rng.choice(["white", "black", "silver", "red", "blue"]),
                    "priority": rng.choice([1, 1, 1, 2, 3])})
        t += q * 400.0 + rng.uniform(-150, 300)
        i += 1
    return out


def publish_orders(host: str, port: int, now: float) -> threading.Thread:
    """Publish the demo day's orders retained on the MES topic, in the background."""

    def run() -> None:
        import paho.mqtt.client as mqtt

        client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv311)
        try:
            client.connect(host, port, keepalive=10)
            client.loop_start()
            info = client.publish(MES_TOPIC, json.dumps({"orders": demo_orders(now)}),
                                  qos=1, retain=True)
            info.wait_for_publish(5.0)
        except (OSError, ValueError, RuntimeError) as e:
            log.warning("demo orders not published on %s:%s: %s", host, port, e)
        finally:
            client.loop_stop()
            client.disconnect()

    th = threading.Thread(target=run, name="sim-orders", daemon=True)
    th.start()
    return th
