"""The demo plant's energy story: breaks and shift changes, sleeping stations, grid meter.

What it adds to the plant model (hooked in with a few lines in model.py):
- A production schedule. While the line stands for a break or a shift change the
  e-stop circuit stays "running" but press, robots, conveyor and booth go "idle" and
  keep drawing idle power. Schedules: "none" (always producing: tests), "plant" (the
  real clock: breaks 09:00, 12:00, 17:00, 20:00, 02:00, shift changes 06:00, 14:00,
  22:00) and "compressed" (the demo: a break every 8 minutes, the first 40 s after
  start, every fourth one a longer shift change; the sun runs a day in 40 minutes).
- Energy-saving mode per station (writable `<Station>.EnergySaving`): a station with it
  on sleeps after `sleep_after_s` idle (robot drives off, press pump off, booth air set
  back). Robots 1-3 ship with it on; robot 4 never sleeps (servos energized through
  every break, 3.2 kW); press and booth have it off. That is the idle waste the energy
  panel finds, and applying its recommendation switches the mode on.
- A grid meter (line load minus PV, never below zero) and a heat-recovery counter.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.simulator.model import PlantModel

SCHEDULES = ("none", "plant", "compressed")
ROBOT_IDLE_KW = 1.2  # brakes on, controller and cabinet cooling
ROBOT_AWAKE_IDLE_KW = 3.2  # servos energized, holding position
ROBOT_SLEEP_KW = 0.3
PRESS_IDLE_KW = 18.0  # the hydraulic pump keeps running
PRESS_SLEEP_KW = 3.0
BOOTH_IDLE_AIRFLOW = 18000.0
BOOTH_SETBACK_AIRFLOW = 7000.0
NEVER_SLEEPS = 4  # the robot whose saving mode is off from the factory

# compressed demo: an 8 minute cycle, the break at 5:00-7:00 of it, shift change 4:30-7:30
CYCLE_S = 480.0
BREAK = (300.0, 420.0)
SHIFT_CHANGE = (270.0, 450.0)
FIRST_BREAK_AFTER_S = 40.0
SUN_DAY_S = 2400.0  # compressed: a day of sun in 40 minutes, starting at 10:00

# the real clock (local time): (start hour, minutes)
PLANT_BREAKS = ((9.0, 15), (12.0, 30), (17.0, 15), (20.0, 30), (2.0, 30))
PLANT_SHIFT_CHANGES = (5.75, 13.75, 21.75)  # 15 minutes of handover before each shift


class Phase(StrEnum):
    PRODUCTION = "production"
    BREAK = "break"
    SHIFT_CHANGE = "shift_change"


@dataclass
class EnergyStory:
    schedule: str = "none"
    saving: dict[str, bool] = field(default_factory=lambda: {
        "Press": False, "PaintBooth": False,
        **{f"Robot{n}": n != NEVER_SLEEPS for n in range(1, 5)}})
    phase: Phase = Phase.PRODUCTION
    idle_since: dict[str, float] = field(default_factory=dict)
    grid_power: float = 0.0
    grid_energy: float = 0.0
    heat_energy: float = 0.0

    def __post_init__(self) -> None:
        if self.schedule not in SCHEDULES:
            raise ValueError(f"unknown schedule {self.schedule!r}; one of "
                             f"{', '.join(SCHEDULES)}")

    @property
    def sleep_after_s(self) -> float:
        return 60.0 if self.schedule == "compressed" else 300.0

    @property
    def writable(self) -> frozenset[str]:
        return frozenset(f"{k}.EnergySaving" for k in self.saving)

    # --- the schedule -------------------------------------------------------------------

    def phase_at(self, model: PlantModel) -> Phase:
        if self.schedule == "compressed":
            t = model.t + (BREAK[0] - FIRST_BREAK_AFTER_S)
            n, pos = divmod(t, CYCLE_S)
            a, b = SHIFT_CHANGE if int(n) % 4 == 3 else BREAK
            if a <= pos < b:
                return Phase.SHIFT_CHANGE if (a, b) == SHIFT_CHANGE else Phase.BREAK
            return Phase.PRODUCTION
        if self.schedule == "plant":
            lt = time.localtime(model.clock)
            h = lt.tm_hour + lt.tm_min / 60.0 + lt.tm_sec / 3600.0
            for start, minutes in PLANT_BREAKS:
                if start <= h < start + minutes / 60.0:
                    return Phase.BREAK
            for start in PLANT_SHIFT_CHANGES:
                if start <= h < start + 0.25:
                    return Phase.SHIFT_CHANGE
        return Phase.PRODUCTION

    def producing(self, model: PlantModel) -> bool:
        self.phase = self.phase_at(model)
        return self.phase is Phase.PRODUCTION

    def solar_hour(self, model: PlantModel, real_hour: float) -> float:
        if self.schedule == "compressed":
            return (10.0 + model.t / SUN_DAY_S * 24.0) % 24.0
        return real_hour

    # --- stations asleep or awake --------------------------------------------------------

    def _asleep(self, key: str, idle: bool, now: float) -> bool:
        if not idle:
            self.idle_since.pop(key, None)
            return False
        since = self.idle_since.setdefault(key, now)
        return self.saving[key] and now - since >= self.sleep_after_s

    def step(self, model: PlantModel, dt: float) -> None:
        """After the stations stepped: set their idle draw for the next step, meters."""
        from app.simulator.model import State

        now = model.t
        p = model.press
        p.idle_kw = PRESS_SLEEP_KW if self._asleep("Press", p.state is State.IDLE, now) \
            else PRESS_IDLE_KW
        for r in model.robots:
            key = f"Robot{r.n}"
            asleep = self._asleep(key, r.state is State.IDLE, now)
            # holding servos through a break; an e-stop cuts the drives whatever the mode
            held = r.n == NEVER_SLEEPS and model.running
            awake_kw = ROBOT_AWAKE_IDLE_KW if held else ROBOT_IDLE_KW
            r.idle_kw = ROBOT_SLEEP_KW if asleep else awake_kw
        b = model.booth
        b.idle_airflow = BOOTH_SETBACK_AIRFLOW if self._asleep(
            "PaintBooth", b.state is State.IDLE, now) else BOOTH_IDLE_AIRFLOW
        self.grid_power = max(0.0, model.line_power - model.pv)
        self.grid_energy += self.grid_power * dt / 3600.0
        self.heat_energy += model.waste_heat * dt / 3600.0

    # --- OPC UA -------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        v: dict[str, Any] = {f"{k}.EnergySaving": on for k, on in self.saving.items()}
        v.update({"Energy.GridPower": self.grid_power, "Energy.GridEnergy": self.grid_energy,
                  "Energy.WasteHeatEnergy": self.heat_energy,
                  "Line.Schedule": str(self.phase)})
        return v

    def write(self, name: str, value: bool) -> None:
        self.saving[name.split(".", 1)[0]] = bool(value)


def schedule_of(site_file: Any) -> str:
    """The demo schedule a site file asks for: `[energy.simulator] schedule = "..."`
    in it or a file it includes; "none" when it says nothing."""
    import tomllib
    from pathlib import Path

    def find(path: Path, seen: set[Path]) -> str | None:
        if path in seen or not path.exists():
            return None
        seen.add(path)
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        sched = data.get("energy", {}).get("simulator", {}).get("schedule")
        if isinstance(sched, str):
            return sched
        for inc in data.get("include", []):
            found = find(path.parent / inc, seen)
            if found:
                return found
        return None

    found = find(Path(site_file), set())
    return found if found in SCHEDULES else "none"
