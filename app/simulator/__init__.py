"""Plant simulator: a body-shop line served as an OPC UA PLC and MQTT wearables/utilities.

Used by the demo (`lineside simulate`, `lineside demo`) and by tests as a real peer.
"""

from app.simulator.faults import CMD_TOPIC, Fault
from app.simulator.simulator import Simulator, SimulatorThread

__all__ = ["CMD_TOPIC", "Fault", "Simulator", "SimulatorThread"]
