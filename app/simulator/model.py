"""The plant model: a body-shop line with plausible dynamics, in pure Python.

`PlantModel.step(dt)` advances simulated time (10 Hz is the usual rate); values follow
first-order lags toward targets set by load, with cycles (press strokes, weld spots,
the sun) and noise on top. The model is deterministic for a seed and a start time.

Line logic: the line runs while the e-stop circuit reads "running". A stop request
stops press, robots and conveyor at once (they go "idle", power falls to idle levels);
the paint booth keeps ventilating at reduced airflow (solvent must still be removed).
After a stop the circuit reports Healthy after STOP_SETTLE_S unless the
stop_circuit_fault holds it; ResetRequest is accepted only when Healthy. As a real
safety PLC does (EN 60204-1 9.2.5.4.2), a reset never starts the line: the circuit then
reads "ready" and the line stays stopped until a separate Line.StartRequest, accepted
only while the circuit is ready and healthy.
"""

from __future__ import annotations

import logging
import math
import random
import time
from dataclasses import dataclass, field
from enum import StrEnum

from app.simulator import vehicles
from app.simulator.energy import EnergyStory
from app.simulator.faults import Fault
from app.simulator.people import HEART_RATE_WORKER, INTRUDER, Worker, lag, make_workers
from app.simulator.production import ProductionStory
from app.simulator.signals import BY_NAME, ROBOTS, VType

log = logging.getLogger(__name__)

STOP_SETTLE_S = 2.0  # time after a stop until the circuit reports healthy
CARRIER_PITCH_M = 5.0  # one car body per 5 m of conveyor travel


class State(StrEnum):
    RUNNING = "running"
    IDLE = "idle"
    FAULT = "fault"
    MAINTENANCE = "maintenance"


class Circuit(StrEnum):
    RUNNING = "running"
    STOPPED = "stopped"  # a stop is latched; a reset is needed
    READY = "ready"  # reset: stopped, healthy, waiting for a start command


def _ou(x: float, tau: float, sigma: float, dt: float, rng: random.Random) -> float:
    """A mean-reverting random walk (Ornstein-Uhlenbeck): smooth drift, not white noise."""
    return x - x / tau * dt + sigma * math.sqrt(dt) * rng.gauss(0.0, 1.0)


@dataclass
class Press:
    state: State = State.RUNNING
    rate_sp: float = 12.0  # strokes/min
    rate: float = 0.0
    phase: float = 0.0  # position within the current stroke, 0..1
    tonnage: float = 0.0
    pressure: float = 40.0
    oil_temp: float = 38.0
    cycles: int = 0
    power: float = 18.0
    idle_kw: float = 18.0  # set by the energy story (asleep: pump off)
    energy: float = 0.0

    def step(self, dt: float, running: bool, ambient: float, overheat: bool,
             rng: random.Random) -> None:
        self.state = State.RUNNING if running else State.IDLE
        self.rate = lag(self.rate, self.rate_sp if running else 0.0, 2.0, dt)
        if not running and self.rate < 0.3:
            self.rate = 0.0
        self.phase += self.rate / 60.0 * dt
        if self.phase >= 1.0:
            self.phase -= 1.0
            self.cycles += 1
            self.tonnage = 800.0 * rng.uniform(0.96, 1.04)
        load = self.rate / 15.0
        # Pressure builds toward the bottom of the stroke (mid-phase) and relaxes after.
        pulse = math.sin(math.pi * self.phase) ** 4 if self.rate > 0 else 0.0
        p_target = 40.0 + 200.0 * pulse + rng.gauss(0, 2.0)  # forming force: same every stroke
        self.pressure = lag(self.pressure, p_target, 0.15, dt)
        oil_target = 105.0 if overheat else ambient + 8.0 + 30.0 * load
        self.oil_temp = lag(self.oil_temp, oil_target, 25.0 if overheat else 90.0, dt)
        p_power = self.idle_kw + (30.0 + 110.0 * pulse) * load
        self.power = lag(self.power, p_power, 0.3, dt)
        self.energy += self.power * dt / 3600.0


# Weld spots per robot cycle: (start, duration) in seconds of cycle time at full speed.
WELD_SPOTS = tuple((2.0 + 1.4 * i, 0.4) for i in range(6))
ROBOT_CYCLE_S = 12.0
SAFE_SPEED_FACTOR = 0.3
TIP_WEAR_PER_WELD = 0.4  # % per spot; the tips are dressed at TIP_DRESS_AT
TIP_DRESS_AT = 95.0


@dataclass
class Robot:
    n: int
    state: State = State.RUNNING
    pos: float = 0.0  # position within the cycle, seconds at full speed
    cycles: int = 0
    tip_wear: float = 0.0
    current: float = 0.0
    voltage: float = 0.0
    welding: bool = False
    power: float = 1.2
    idle_kw: float = 1.2  # set by the energy story (asleep, or servos held)
    energy: float = 0.0
    safe_speed: bool = False

    def step(self, dt: float, running: bool, fault: bool, rng: random.Random) -> None:
        if fault:
            self.state = State.FAULT
        else:
            self.state = State.RUNNING if running else State.IDLE
        moving = self.state is State.RUNNING
        was_welding = self.welding
        if moving:
            speed = SAFE_SPEED_FACTOR if self.safe_speed else 1.0
            self.pos += dt * speed
            if self.pos >= ROBOT_CYCLE_S:
                self.pos -= ROBOT_CYCLE_S
                self.cycles += 1
                if self.tip_wear >= TIP_DRESS_AT:
                    self.tip_wear = 0.0
            self.welding = any(s <= self.pos < s + d for s, d in WELD_SPOTS)
        else:
            self.welding = False
        if was_welding and not self.welding:
            self.tip_wear = min(100.0, self.tip_wear + TIP_WEAR_PER_WELD)
        if self.welding:
            # Worn tips have a larger contact face: the controller raises the current.
            self.current = 9.0 + 1.5 * self.tip_wear / 100.0 + rng.gauss(0, 0.15)
            self.voltage = 1.8 + rng.gauss(0, 0.05)
            p_target = 85.0 + rng.gauss(0, 3.0)
        else:
            self.current = 0.0
            self.voltage = 0.0
            if self.state is State.FAULT:
                p_target = 0.6  # drives off, controller only
            elif moving:
                p_target = 1.5 + 3.5 * (SAFE_SPEED_FACTOR if self.safe_speed else 1.0)
            else:
                p_target = self.idle_kw
        self.power = lag(self.power, p_target, 0.05, dt)
        self.energy += self.power * dt / 3600.0


@dataclass
class PaintBooth:
    state: State = State.RUNNING
    temp_sp: float = 23.0
    temp: float = 21.0
    humidity: float = 62.0
    voc: float = 20.0
    airflow: float = 40000.0
    power: float = 100.0
    idle_airflow: float = 18000.0  # set by the energy story (set back when asleep)
    energy: float = 0.0
    _hum_drift: float = 0.0
    _voc_drift: float = 0.0

    def step(self, dt: float, painting: bool, hall_temp: float, rng: random.Random) -> None:
        self.state = State.RUNNING if painting else State.IDLE
        self.temp = lag(self.temp, self.temp_sp, 45.0, dt)
        self._hum_drift = _ou(self._hum_drift, 300.0, 0.15, dt, rng)
        self.humidity = lag(self.humidity, 63.0 + self._hum_drift, 30.0, dt)
        self._voc_drift = _ou(self._voc_drift, 120.0, 0.5, dt, rng)
        voc_target = 28.0 + self._voc_drift if painting else 4.0
        self.voc = max(0.0, lag(self.voc, voc_target, 20.0, dt))
        self.airflow = lag(self.airflow, 42000.0 if painting else self.idle_airflow, 5.0, dt)
        heating = 6.0 * max(0.0, self.temp_sp - hall_temp) + 3.0 * abs(self.temp_sp - self.temp)
        self.power = lag(self.power, 0.0022 * self.airflow + heating, 2.0, dt)
        self.energy += self.power * dt / 3600.0


@dataclass
class Conveyor:
    state: State = State.RUNNING
    speed_sp: float = 4.5  # m/min
    speed: float = 0.0
    travel: float = 0.0  # metres since the last carrier left
    carriers: int = 0
    power: float = 2.0
    energy: float = 0.0

    def step(self, dt: float, running: bool) -> None:
        self.state = State.RUNNING if running else State.IDLE
        self.speed = lag(self.speed, self.speed_sp if running else 0.0, 1.5, dt)
        if not running and self.speed < 0.05:
            self.speed = 0.0
        self.travel += self.speed / 60.0 * dt
        if self.travel >= CARRIER_PITCH_M:
            self.travel -= CARRIER_PITCH_M
            self.carriers += 1
        self.power = lag(self.power, 2.0 + 1.6 * self.speed, 1.0, dt)
        self.energy += self.power * dt / 3600.0


@dataclass
class EStop:
    stop_request: bool = False
    reset_request: bool = False
    start_request: bool = False
    circuit: Circuit = Circuit.RUNNING
    healthy: bool = True
    stopped_at: float = 0.0


@dataclass
class Environment:
    co2: float = 480.0
    smoke: float = 0.02
    gas: float = 0.4
    hall_temp: float = 22.0
    humidity: float = 45.0
    _co2_drift: float = 0.0
    _temp_drift: float = 0.0


@dataclass
class Utilities:
    ph: float = 7.2
    cod: float = 180.0
    solid_waste: float = 0.0  # kg since start
    _ph_drift: float = 0.0
    _cod_drift: float = 0.0


EMISSION_SIGNALS = {  # topic below <prefix>/utilities -> (unit, low, high)
    "wastewater/ph": ("pH", 0.0, 14.0),
    "wastewater/cod": ("mg/l", 0.0, 2000.0),
    "waste/solid_waste": ("kg", 0.0, None),
}


@dataclass
class PlantModel:
    """The whole line; `values()` reads it by OPC UA node name, `write()` sets a node."""

    seed: int = 1
    start_time: float = field(default_factory=time.time)  # epoch of t = 0 (for the sun)
    t: float = 0.0
    faults: set[Fault] = field(default_factory=set)
    schedule: str = "none"  # breaks and shift changes (app/simulator/energy.py)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        # Sensor noise has its own generator, so how often values are read does not
        # change the dynamics: the same seed gives the same plant.
        self.noise = random.Random(self.seed + 1)
        self.press = Press()
        self.robots = [Robot(n, pos=(n - 1) * 3.0) for n in range(1, ROBOTS + 1)]
        self.booth = PaintBooth()
        self.conveyor = Conveyor()
        self.estop = EStop()
        self.env = Environment()
        self.util = Utilities()
        self.workers: list[Worker] = make_workers(self.rng)
        self.pv = 0.0
        self.pv_energy = 0.0
        self.waste_heat = 0.0
        self.line_energy = 0.0
        self._cloud = 0.0
        self._press_cycles_seen = 0
        self.production = ProductionStory()  # orders, quality, wear (production.py)
        self._stuck_cod: float | None = None  # the stuck_sensor fault's frozen reading
        self.story = EnergyStory(self.schedule)

    # --- time ---------------------------------------------------------------------------

    @property
    def clock(self) -> float:
        return self.start_time + self.t

    @property
    def running(self) -> bool:
        return self.estop.circuit is Circuit.RUNNING

    def step(self, dt: float) -> None:
        self.t += dt
        rng, f = self.rng, self.faults
        # A break or shift change idles the line; the stop circuit stays as it is.
        running = self.running and self.story.producing(self)
        e = self.estop
        if (e.circuit is not Circuit.RUNNING and not e.healthy
                and self.t - e.stopped_at >= STOP_SETTLE_S
                and Fault.STOP_CIRCUIT_FAULT not in f):
            e.healthy = True
        if Fault.STOP_CIRCUIT_FAULT in f:
            e.healthy = False
        e.reset_request = False  # a pulse: read back true for at most one step
        e.start_request = False

        self._step_env(dt)
        self.press.step(dt, running, self.env.hall_temp, Fault.PRESS_OVERHEAT in f, rng)
        for r in self.robots:
            r.step(dt, running, r.n == 2 and Fault.ROBOT_FAULT in f, rng)
        voc_before = self.booth.voc
        self.booth.step(dt, running, self.env.hall_temp, rng)
        if Fault.VOC_EXCURSION in f:  # a solvent valve left open: far above the permit
            self.booth.voc = lag(voc_before, 140.0, 40.0, dt)
        self.conveyor.step(dt, running)
        for w in self.workers:
            w.step(dt, self.t, rng, spike=w.pseudo == HEART_RATE_WORKER
                   and Fault.HEART_RATE_SPIKE in f,
                   intrude=w.pseudo == INTRUDER and Fault.ZONE_INTRUSION in f)
        self._step_energy(dt)
        self.production.step(self, dt)
        self.story.step(self, dt)
        self._step_utilities(dt)

    def _step_env(self, dt: float) -> None:
        env, rng = self.env, self.rng
        env._co2_drift = _ou(env._co2_drift, 600.0, 2.0, dt, rng)
        people = 40.0 * len(self.workers)
        env.co2 = lag(env.co2, 420.0 + people + 60.0 * self.running + env._co2_drift, 120.0, dt)
        env.smoke = max(0.0, lag(env.smoke, 0.02, 30.0, dt) + rng.gauss(0, 0.002))
        gas_target = 45.0 if Fault.GAS_LEAK in self.faults else 0.4
        env.gas = max(0.0, lag(env.gas, gas_target, 8.0, dt) + rng.gauss(0, 0.03))
        env._temp_drift = _ou(env._temp_drift, 900.0, 0.03, dt, rng)
        hour = self._hour()
        day = 1.5 * math.sin(2 * math.pi * (hour - 9.0) / 24.0)
        env.hall_temp = lag(env.hall_temp, 22.0 + day + env._temp_drift
                            + 0.03 * (self.press.oil_temp - 40.0), 300.0, dt)
        env.humidity = lag(env.humidity, 45.0 - 2.0 * day, 300.0, dt) + rng.gauss(0, 0.01)

    def _hour(self) -> float:
        lt = time.localtime(self.clock)
        return lt.tm_hour + lt.tm_min / 60.0 + lt.tm_sec / 3600.0

    def _step_energy(self, dt: float) -> None:
        # Rooftop PV: a clear-sky half sine from 06:00 to 20:00, dimmed by passing clouds.
        hour = self.story.solar_hour(self, self._hour())
        sun = max(0.0, math.sin(math.pi * (hour - 6.0) / 14.0)) if 6.0 < hour < 20.0 else 0.0
        self._cloud = _ou(self._cloud, 300.0, 0.02, dt, self.rng)
        clouds = min(1.0, max(0.3, 0.85 + self._cloud))
        self.pv = lag(self.pv, 250.0 * sun * clouds, 5.0, dt)
        self.pv_energy += self.pv * dt / 3600.0
        # Heat recovered from the press hydraulics (warmer oil, more heat) and booth exhaust.
        target = (0.25 * self.press.power * min(1.0, max(0.0, (self.press.oil_temp - 30) / 30))
                  + 0.2 * self.booth.power)
        self.waste_heat = lag(self.waste_heat, target, 30.0, dt)
        self.line_energy += self.line_power * dt / 3600.0

    def _step_utilities(self, dt: float) -> None:
        u, rng = self.util, self.rng
        u._ph_drift = _ou(u._ph_drift, 600.0, 0.01, dt, rng)
        if Fault.PH_DRIFT in self.faults:  # the neutralisation dosing fails: creeps up
            u._ph_drift = min(5.0, u._ph_drift + 0.005 * dt)
        u.ph = lag(u.ph, 7.2 + u._ph_drift, 60.0, dt)
        u._cod_drift = _ou(u._cod_drift, 600.0, 1.5, dt, rng)
        u.cod = lag(u.cod, 180.0 + 40.0 * self.running + u._cod_drift, 120.0, dt)
        # Blanking scrap from each press stroke.
        new = self.press.cycles - self._press_cycles_seen
        self._press_cycles_seen = self.press.cycles
        u.solid_waste += 2.5 * new

    @property
    def line_power(self) -> float:
        return (self.press.power + sum(r.power for r in self.robots) + self.booth.power
                + self.conveyor.power)

    # --- reading and writing ----------------------------------------------------------------

    def values(self) -> dict[str, float | int | bool | str]:
        """Every OPC UA signal by node name (see signals.SIGNALS)."""
        p, b, c, e, env = self.press, self.booth, self.conveyor, self.estop, self.env
        rng = self.noise
        v: dict[str, float | int | bool | str] = {
            "Press.State": str(p.state),
            "Press.StrokeRate": p.rate,
            "Press.StrokeRateSetpoint": p.rate_sp,
            "Press.Tonnage": p.tonnage,
            "Press.HydraulicPressure": p.pressure,
            "Press.OilTemp": p.oil_temp + rng.gauss(0, 0.05),
            "Press.CycleCount": p.cycles,
            "Press.Power": p.power,
            "Press.Energy": p.energy,
            "PaintBooth.State": str(b.state),
            "PaintBooth.Temperature": b.temp + rng.gauss(0, 0.03),
            "PaintBooth.TemperatureSetpoint": b.temp_sp,
            "PaintBooth.Humidity": b.humidity,
            "PaintBooth.VOC": b.voc,
            "PaintBooth.Airflow": b.airflow,
            "PaintBooth.Power": b.power,
            "PaintBooth.Energy": b.energy,
            "Conveyor.State": str(c.state),
            "Conveyor.Speed": c.speed,
            "Conveyor.SpeedSetpoint": c.speed_sp,
            "Conveyor.CarrierCount": c.carriers,
            "Conveyor.Power": c.power,
            "Conveyor.Energy": c.energy,
            "Energy.LinePower": self.line_power,
            "Energy.LineEnergy": self.line_energy,
            "Energy.PvPower": self.pv,
            "Energy.PvEnergy": self.pv_energy,
            "Energy.WasteHeatPower": self.waste_heat,
            "Env.CO2": env.co2,
            "Env.Smoke": env.smoke,
            "Env.Gas": env.gas,
            "Env.HallTemperature": env.hall_temp,
            "Env.HallHumidity": env.humidity,
            "EStop.StopRequest": e.stop_request,
            "EStop.ResetRequest": e.reset_request,
            "EStop.CircuitState": str(e.circuit),
            "EStop.Healthy": e.healthy,
            "Line.StartRequest": e.start_request,
        }
        for r in self.robots:
            k = f"Robot{r.n}"
            v.update({
                f"{k}.State": str(r.state),
                f"{k}.WeldCurrent": r.current,
                f"{k}.WeldVoltage": r.voltage,
                f"{k}.Welding": r.welding,
                f"{k}.TipWear": r.tip_wear,
                f"{k}.CycleCount": r.cycles,
                f"{k}.Power": r.power,
                f"{k}.Energy": r.energy,
                f"{k}.SafeSpeed": r.safe_speed,
            })
        v.update(self.production.values(self))
        v.update(self.story.values())
        return v

    def write(self, name: str, value: float | int | bool | str) -> None:
        """Apply a write to a writable node. Raises ValueError naming what is wrong."""
        sig = BY_NAME.get(name)
        if sig is None or not sig.writable:
            raise ValueError(f"{name} is not a writable signal")
        if sig.vtype is VType.BOOLEAN:
            if not isinstance(value, bool):
                raise ValueError(f"{name} expects true or false; got {value!r}")
        elif isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{name} expects a number; got {value!r}")
        elif (sig.low is not None and value < sig.low) or (sig.high is not None
                                                            and value > sig.high):
            raise ValueError(f"{name}: {value} is outside {sig.low}..{sig.high} {sig.unit}")
        match name:
            case "Press.StrokeRateSetpoint":
                self.press.rate_sp = float(value)
            case "PaintBooth.TemperatureSetpoint":
                self.booth.temp_sp = float(value)
            case "Conveyor.SpeedSetpoint":
                self.conveyor.speed_sp = float(value)
            case "EStop.StopRequest":
                self._stop_request(bool(value))
            case "EStop.ResetRequest":
                if value:
                    self._reset_request()
            case "Line.StartRequest":
                if value:
                    self._start_request()
            case _ if name.startswith("Robot") and name.endswith(".SafeSpeed"):
                self.robots[int(name[5]) - 1].safe_speed = bool(value)
            case _ if name in self.story.writable:
                self.story.write(name, bool(value))

    def _stop_request(self, on: bool) -> None:
        e = self.estop
        if on:
            if e.circuit is Circuit.RUNNING:
                log.info("e-stop: stop requested; line stopping")
                e.stopped_at = self.t
            e.stop_request, e.circuit, e.healthy = True, Circuit.STOPPED, False
            self._stop_now()
        elif e.circuit is Circuit.STOPPED:
            # Latched: only a reset releases a stop (as a safety relay does).
            log.info("e-stop: StopRequest=false ignored while stopped; a reset is needed")

    def _stop_now(self) -> None:
        """Drives off at once: no ramp-down, power falls to idle levels immediately."""
        self.press.rate = 0.0
        self.press.state = State.IDLE
        self.press.power = 18.0
        self.conveyor.speed = 0.0
        self.conveyor.state = State.IDLE
        self.conveyor.power = 2.0
        for r in self.robots:
            if r.state is State.RUNNING:
                r.state = State.IDLE
            r.welding, r.current, r.voltage = False, 0.0, 0.0
            r.power = 0.6 if r.state is State.FAULT else 1.2

    def _reset_request(self) -> None:
        e = self.estop
        e.reset_request = True
        if e.circuit is Circuit.RUNNING:
            return
        if not e.healthy:
            log.warning("e-stop: reset refused, the stop circuit is not healthy")
            return
        # A reset releases the stop but never starts a machine: the line stays stopped.
        log.info("e-stop: reset accepted; line stopped and ready, waiting for a start")
        e.stop_request, e.circuit = False, Circuit.READY

    def _start_request(self) -> None:
        e = self.estop
        e.start_request = True
        if e.circuit is not Circuit.READY:
            log.warning("line: start refused, the stop circuit is %s (a reset is needed)"
                        if e.circuit is Circuit.STOPPED else "line: start ignored, already %s",
                        e.circuit)
            return
        if not e.healthy or Fault.STOP_CIRCUIT_FAULT in self.faults:
            log.warning("line: start refused, the stop circuit is not healthy")
            return
        log.info("line: start accepted; line running")
        e.circuit = Circuit.RUNNING

    def mqtt_values(self) -> dict[str, float | str]:
        """Wearable and emission readings by topic below the line prefix."""
        out: dict[str, float | str] = {}
        for w in self.workers:
            for sig, value in w.readings(self.noise).items():
                out[f"wearables/{w.pseudo}/{sig}"] = value
        u = self.util
        out["utilities/wastewater/ph"] = round(u.ph + self.noise.gauss(0, 0.02), 3)
        cod = round(u.cod + self.noise.gauss(0, 2.0), 1)
        if Fault.STUCK_SENSOR in self.faults:  # the COD probe repeats its last reading
            cod = self._stuck_cod = self._stuck_cod or cod
        else:
            self._stuck_cod = None
        out["utilities/wastewater/cod"] = cod
        out.update(vehicles.values(self))
        out["utilities/waste/solid_waste"] = round(u.solid_waste, 1)
        return out
