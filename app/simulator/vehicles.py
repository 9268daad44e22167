"""The car bodies moving down the demo line: which one is at each station now.

Each carrier leaving the conveyor is a new body; the body at a station is the one that
many carriers behind the first station (press 1 sees the newest). A body's variant and
options follow from its number (about a third have a sunroof), so every terminal and
every restart agree on what car is where. Published on MQTT as
`<line>/vehicles/<station>/current` = "B-000123|suv|sunroof,tow_hitch".
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.simulator.model import PlantModel

STATIONS = ("press1", "robot1", "robot2", "robot3", "robot4", "booth1")


def body(n: int) -> str:
    rng = random.Random(n * 7919)
    variant = rng.choice(("sedan", "suv", "estate"))
    options = [o for o, p in (("sunroof", 0.35), ("tow_hitch", 0.25)) if rng.random() < p]
    return f"B-{n:06d}|{variant}|{','.join(options)}"


def values(m: PlantModel) -> dict[str, str]:
    carriers = int(m.conveyor.carriers) + len(STATIONS)  # the line starts full
    return {f"vehicles/{st}/current": body(carriers - i) for i, st in enumerate(STATIONS)}
