"""A small line model for the planner and service tests (no shifts: works around the clock)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.scheduling.line import Alternative, LineModel, OperationSpec, SequenceRule
from app.scheduling.orders import Order
from app.store import Store

T0 = 1_800_000_000.0  # a fixed "now" for the planner


def small_line(**kw: object) -> LineModel:
    ops = (
        OperationSpec("stamp", "press1", {"default": 60}),
        OperationSpec("weld_a", "robot1", {"default": 120}),
        OperationSpec("weld_b", "robot2", {"default": 120},
                      (Alternative("robot3", 1.5),)),
        OperationSpec("paint", "booth1", {"default": 100}),
    )
    base: dict[str, object] = {"operations": ops, "sequence_station": "booth1",
                               "rules": (SequenceRule("sunroof", 1, 2),), "colour_change_s": 30,
                               "time_limit_s": 0.5}
    base.update(kw)
    return LineModel(**base)  # type: ignore[arg-type]


def demo_orders(n: int = 8, due_h: float = 3.0) -> list[Order]:
    colours = ["white", "black", "red"]
    return [Order(f"O{i}", "suv" if i % 3 == 0 else "sedan", 1 + i % 2,
                  T0 + due_h * 3600 + i * 300,
                  frozenset({"sunroof"}) if i % 3 == 1 else frozenset(),
                  colours[i % 3], 1 + i % 2) for i in range(n)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    import app.scheduling.service  # noqa: F401  (registers the tables)

    s = Store(tmp_path / "sched.db", terminal_id="t1").open()
    yield s
    s.close()
