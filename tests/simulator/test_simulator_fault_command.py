"""`lineside fault` reaches a running simulator through its command topic."""

from __future__ import annotations

from app import cli
from app.simulator import Fault


def test_fault_command_injects_and_clears(plant, wait_for, capsys) -> None:
    addr = f"{plant.broker.host}:{plant.broker.port}"
    assert cli.main(["fault", "gas_leak", "--mqtt", addr]) == 0
    wait_for(lambda: Fault.GAS_LEAK in plant.sim.sim.faults, 5, "gas_leak on")
    assert cli.main(["fault", "gas_leak", "--off", "--mqtt", addr]) == 0
    wait_for(lambda: Fault.GAS_LEAK not in plant.sim.sim.faults, 5, "gas_leak off")
    assert "cleared gas_leak" in capsys.readouterr().out


def test_fault_command_says_when_the_broker_is_unreachable(capsys) -> None:
    assert cli.main(["fault", "gas_leak", "--mqtt", "127.0.0.1:1"]) == 3
    assert "cannot reach the broker at 127.0.0.1:1" in capsys.readouterr().err
