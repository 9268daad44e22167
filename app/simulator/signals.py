"""The simulator's OPC UA signal table: node name, variant type, unit, range, UNS path.

One row per variable the simulated PLC serves as "ns=2;s=<name>". The demo site file
(resources/demo/site.toml) binds a tag to each row; a test keeps the two in step.
States are strings ("running", "idle", "fault", "maintenance"; the e-stop circuit reads
"running", "stopped" or "ready"), so an operator sees the PLC's word, not a number to look up.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

NAMESPACE_URI = "urn:lineside:simulator"
ENDPOINT_PATH = "/lineside/sim"


def endpoint_url(port: int, host: str = "127.0.0.1") -> str:
    return f"opc.tcp://{host}:{port}{ENDPOINT_PATH}"
UNS_PREFIX = "demo/body/line1"  # site/area/line of every simulated signal
ROBOTS = 4


class VType(StrEnum):
    """OPC UA variant types the simulator uses (names as in asyncua's ua.VariantType)."""

    DOUBLE = "Double"
    INT32 = "Int32"
    BOOLEAN = "Boolean"
    STRING = "String"


@dataclass(frozen=True)
class Signal:
    name: str  # node id string, e.g. "Press.OilTemp"
    vtype: VType
    path: str  # UNS path below UNS_PREFIX: cell/equipment/signal
    unit: str = ""
    low: float | None = None
    high: float | None = None
    writable: bool = False
    description: str = ""

    @property
    def node_id(self) -> str:
        return f"ns=2;s={self.name}"

    @property
    def uns_path(self) -> str:
        return f"{UNS_PREFIX}/{self.path}"


D, N, B, S = VType.DOUBLE, VType.INT32, VType.BOOLEAN, VType.STRING


def _robot(n: int) -> list[Signal]:
    r, p = f"Robot{n}", f"weld/robot{n}"
    return [
        Signal(f"{r}.State", S, f"{p}/state", description=f"welding robot {n} state"),
        Signal(f"{r}.WeldCurrent", D, f"{p}/weld_current", "kA", 0, 20),
        Signal(f"{r}.WeldVoltage", D, f"{p}/weld_voltage", "V", 0, 5),
        Signal(f"{r}.Welding", B, f"{p}/welding", description="a weld is in progress"),
        Signal(f"{r}.TipWear", D, f"{p}/tip_wear", "%", 0, 100,
               description="electrode tip wear; reset at tip dress"),
        Signal(f"{r}.CycleCount", N, f"{p}/cycle_count"),
        Signal(f"{r}.Power", D, f"{p}/power", "kW", 0, 150),
        Signal(f"{r}.Energy", D, f"{p}/energy", "kWh", 0),
        Signal(f"{r}.SafeSpeed", B, f"{p}/safe_speed", writable=True,
               description="request reduced speed (collaborative work)"),
        Signal(f"{r}.EnergySaving", B, f"{p}/energy_saving", writable=True,
               description="energy-saving mode: sleep when idle"),
    ]


SIGNALS: tuple[Signal, ...] = (
    # press
    Signal("Press.State", S, "press/press1/state", description="press state"),
    Signal("Press.StrokeRate", D, "press/press1/stroke_rate", "1/min", 0, 20),
    Signal("Press.StrokeRateSetpoint", D, "press/press1/stroke_rate_sp", "1/min", 0, 18,
           writable=True, description="stroke rate setpoint"),
    Signal("Press.Tonnage", D, "press/press1/tonnage", "t", 0, 1000,
           description="peak force of the last stroke"),
    Signal("Press.HydraulicPressure", D, "press/press1/hydraulic_pressure", "bar", 0, 300),
    Signal("Press.OilTemp", D, "press/press1/oil_temp", "°C", 0, 120),
    Signal("Press.CycleCount", N, "press/press1/cycle_count"),
    Signal("Press.Power", D, "press/press1/power", "kW", 0, 250),
    Signal("Press.Energy", D, "press/press1/energy", "kWh", 0),
    # welding robots
    *(s for n in range(1, ROBOTS + 1) for s in _robot(n)),
    # paint booth
    Signal("PaintBooth.State", S, "paint/booth1/state", description="paint booth state"),
    Signal("PaintBooth.Temperature", D, "paint/booth1/temperature", "°C", 0, 50),
    Signal("PaintBooth.TemperatureSetpoint", D, "paint/booth1/temperature_sp", "°C", 18, 30,
           writable=True, description="booth air temperature setpoint"),
    Signal("PaintBooth.Humidity", D, "paint/booth1/humidity", "%", 0, 100),
    Signal("PaintBooth.VOC", D, "paint/booth1/voc", "mg/m3", 0, 200),
    Signal("PaintBooth.Airflow", D, "paint/booth1/airflow", "m3/h", 0, 60000),
    Signal("PaintBooth.Power", D, "paint/booth1/power", "kW", 0, 300),
    Signal("PaintBooth.Energy", D, "paint/booth1/energy", "kWh", 0),
    # conveyor
    Signal("Conveyor.State", S, "conveyor/conveyor1/state", description="conveyor state"),
    Signal("Conveyor.Speed", D, "conveyor/conveyor1/speed", "m/min", 0, 12),
    Signal("Conveyor.SpeedSetpoint", D, "conveyor/conveyor1/speed_sp", "m/min", 0, 10,
           writable=True, description="conveyor speed setpoint"),
    Signal("Conveyor.CarrierCount", N, "conveyor/conveyor1/carrier_count",
           description="car bodies moved out of the line"),
    Signal("Conveyor.Power", D, "conveyor/conveyor1/power", "kW", 0, 40),
    Signal("Conveyor.Energy", D, "conveyor/conveyor1/energy", "kWh", 0),
    # energy
    Signal("Energy.LinePower", D, "energy/line/power", "kW", 0, 1500),
    Signal("Energy.LineEnergy", D, "energy/line/energy", "kWh", 0),
    Signal("Energy.PvPower", D, "energy/pv/power", "kW", 0, 300,
           description="rooftop photovoltaic output"),
    Signal("Energy.PvEnergy", D, "energy/pv/energy", "kWh", 0),
    Signal("Energy.WasteHeatPower", D, "energy/waste_heat/power", "kW", 0, 150,
           description="heat recovered from press hydraulics and booth exhaust"),
    # the energy story (app/simulator/energy.py): grid meter, saving modes, schedule
    Signal("Energy.WasteHeatEnergy", D, "energy/waste_heat/energy", "kWh", 0),
    Signal("Energy.GridPower", D, "energy/grid/power", "kW", 0, 1500,
           description="import from the grid (line load minus PV)"),
    Signal("Energy.GridEnergy", D, "energy/grid/energy", "kWh", 0),
    Signal("Press.EnergySaving", B, "press/press1/energy_saving", writable=True,
           description="energy-saving mode: hydraulic pump off when idle"),
    Signal("PaintBooth.EnergySaving", B, "paint/booth1/energy_saving", writable=True,
           description="energy-saving mode: air and heat set back when idle"),
    Signal("Line.Schedule", S, "line/schedule/phase",
           description="production, break or shift_change"),
    # environment of the hall
    Signal("Env.CO2", D, "environment/hall/co2", "ppm", 300, 5000),
    Signal("Env.Smoke", D, "environment/hall/smoke", "%/m", 0, 20,
           description="smoke obscuration"),
    Signal("Env.Gas", D, "environment/hall/gas", "%LEL", 0, 100,
           description="flammable gas (solvent vapour)"),
    Signal("Env.HallTemperature", D, "environment/hall/temperature", "°C", -10, 50),
    Signal("Env.HallHumidity", D, "environment/hall/humidity", "%", 0, 100),
    # e-stop circuit (the PLC's own state; the terminal only requests)
    Signal("EStop.StopRequest", B, "safety/estop/stop_request", writable=True,
           description="write true to request a stop; latched until reset"),
    Signal("EStop.ResetRequest", B, "safety/estop/reset_request", writable=True,
           description="write true to reset; accepted only when Healthy"),
    Signal("EStop.CircuitState", S, "safety/estop/circuit_state",
           description="running, stopped or ready (reset, waiting for a start), as the "
                       "PLC sees it"),
    Signal("EStop.Healthy", B, "safety/estop/healthy",
           description="stop circuit healthy; reset possible"),
    # line control: a reset never starts the line; a start is its own command
    Signal("Line.StartRequest", B, "control/line/start_request", writable=True,
           description="write true to start the line; accepted only when ready and healthy"),
    # production story (app/simulator/production.py): quality counters
    Signal("Quality.WeldRejects", N, "quality/weld/rejects",
           description="bodies failing the weld spot check (reworked)"),
    Signal("Quality.PaintDefects", N, "quality/paint/defects",
           description="bodies with a paint defect (repaired)"),
)

BY_NAME: dict[str, Signal] = {s.name: s for s in SIGNALS}
