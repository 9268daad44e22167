"""Plant simulator: a body-shop line served as an OPC UA PLC and MQTT wearables/utilities.

Used by the demo (`lineside simulate`, `lineside demo`) and by tests as a real peer.
The simulator itself (and with it the OPC UA server) is imported on first use: every
`lineside` command imports `app.simulator.faults` to list the faults, and a terminal
must not pay for loading a PLC server it never runs (about 0.4 s of its start-up).
"""

from typing import Any

from app.simulator.faults import CMD_TOPIC, Fault

__all__ = ["CMD_TOPIC", "Fault", "Simulator", "SimulatorThread"]


def __getattr__(name: str) -> Any:
    if name in ("Simulator", "SimulatorThread"):
        from app.simulator import simulator

        return getattr(simulator, name)
    raise AttributeError(f"module 'app.simulator' has no attribute {name!r}")
