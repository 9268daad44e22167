"""Workers on the hall floor: where they walk and what their wearables measure.

Workers are pseudonymous ("W-3F7A"): the simulator knows no names, as on the real wire.
The hall is 60 m x 22 m; the line runs along y = 10 m, robot cells are fenced
rectangles around it, workers walk in the aisles at y = 4 m and y = 17 m.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

PSEUDONYMS = ("W-3F7A", "W-8C21", "W-5D9E", "W-A14B", "W-62F0", "W-C7E3")
HEART_RATE_WORKER = "W-3F7A"  # whose heart rate the heart_rate_spike fault raises
INTRUDER = "W-8C21"  # who walks into robot cell 3 under the zone_intrusion fault
HALL_SIZE = (60.0, 22.0)
AISLES = (4.0, 17.0)
LINE_Y = 10.0
STATION_X = {"press": 6.0, "robot1": 16.0, "robot2": 23.0, "robot3": 30.0,
             "robot4": 37.0, "booth": 50.0}
WALK_SPEED = 1.2  # m/s


@dataclass(frozen=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


# Danger zones: the fenced cell of each welding robot (metres on the hall floor).
ROBOT_CELLS: dict[int, Rect] = {
    n: Rect(STATION_X[f"robot{n}"] - 3.0, 6.5, STATION_X[f"robot{n}"] + 3.0, 13.5)
    for n in range(1, 5)
}


def lag(x: float, target: float, tau: float, dt: float) -> float:
    """First-order lag: x moves toward target with time constant tau (seconds)."""
    return x + (target - x) * (1.0 - math.exp(-dt / tau))


@dataclass
class Worker:
    pseudo: str
    x: float
    y: float
    aisle: float
    base_hr: float
    hr: float = 72.0
    systolic: float = 120.0
    diastolic: float = 78.0
    skin_temp: float = 33.5
    route: list[tuple[float, float]] = field(default_factory=list)
    dwell_until: float = 0.0
    intruding: bool = False

    @property
    def walking(self) -> bool:
        return bool(self.route)

    def step(self, dt: float, t: float, rng: random.Random, *, spike: bool,
             intrude: bool) -> None:
        self._plan(t, rng, intrude)
        if self.route:
            tx, ty = self.route[0]
            dx, dy = tx - self.x, ty - self.y
            dist = math.hypot(dx, dy)
            move = WALK_SPEED * dt
            if dist <= move:
                self.x, self.y = tx, ty
                self.route.pop(0)
                if not self.route:
                    self.dwell_until = t + rng.uniform(15.0, 60.0)
            else:
                self.x += dx / dist * move
                self.y += dy / dist * move
        # Vitals follow activity with a lag; the spike is a sustained tachycardia.
        hr_target = self.base_hr + (18.0 if self.walking else 0.0) + 4.0 * math.sin(t / 240.0)
        self.hr = lag(self.hr, 165.0 if spike else hr_target, 2.0 if spike else 10.0, dt)
        self.systolic = lag(self.systolic, 112.0 + 0.45 * (self.hr - 60.0), 20.0, dt)
        self.diastolic = lag(self.diastolic, 72.0 + 0.2 * (self.hr - 60.0), 20.0, dt)
        self.skin_temp = lag(self.skin_temp, 33.2 + 0.02 * (self.hr - 70.0), 120.0, dt)

    def _plan(self, t: float, rng: random.Random, intrude: bool) -> None:
        cell_x = STATION_X["robot3"]
        if intrude and not self.intruding:
            self.intruding = True
            self.route = [(cell_x, self.aisle), (cell_x, LINE_Y)]
        elif not intrude and self.intruding:
            self.intruding = False
            self.route = [(self.x, self.aisle)]
            self.dwell_until = t
        elif not self.route and not self.intruding and t >= self.dwell_until:
            x = rng.choice(list(STATION_X.values())) + rng.uniform(-1.5, 1.5)
            self.route = [(x, self.aisle)]

    def readings(self, rng: random.Random) -> dict[str, float]:
        """What the wearable reports now (sensor noise on top of the physiology)."""
        return {
            "heart_rate": round(self.hr + rng.gauss(0, 1.0), 1),
            "bp_systolic": round(self.systolic + rng.gauss(0, 1.5), 1),
            "bp_diastolic": round(self.diastolic + rng.gauss(0, 1.0), 1),
            "skin_temp": round(self.skin_temp + rng.gauss(0, 0.05), 2),
            "pos_x": round(self.x, 2),
            "pos_y": round(self.y, 2),
        }


WEARABLE_SIGNALS = {  # signal -> (unit, low, high)
    "heart_rate": ("bpm", 30.0, 220.0),
    "bp_systolic": ("mmHg", 60.0, 250.0),
    "bp_diastolic": ("mmHg", 30.0, 150.0),
    "skin_temp": ("°C", 25.0, 42.0),
    "pos_x": ("m", 0.0, HALL_SIZE[0]),
    "pos_y": ("m", 0.0, HALL_SIZE[1]),
}


def make_workers(rng: random.Random) -> list[Worker]:
    workers = []
    for i, pseudo in enumerate(PSEUDONYMS):
        aisle = AISLES[i % 2]
        x = list(STATION_X.values())[i % len(STATION_X)]
        base = rng.uniform(64.0, 80.0)
        workers.append(Worker(pseudo, x, aisle, aisle, base, hr=base))
    return workers
