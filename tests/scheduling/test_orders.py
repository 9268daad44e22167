"""Orders import: all or nothing, the line (or item) and the field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.scheduling.orders import OrderError, read_csv, read_json

GOOD = """id,variant,options,colour,quantity,due,priority
SO-1,sedan,sunroof;tow_hitch,red,2,2026-12-01T14:30,2
SO-2,suv,,white,1,2026-12-01T15:00,
"""


def test_csv_reads_every_field() -> None:
    a, b = read_csv(GOOD)
    assert (a.id, a.variant, a.quantity, a.colour, a.priority) == ("SO-1", "sedan", 2, "red", 2)
    assert a.options == frozenset({"sunroof", "tow_hitch"}) and b.options == frozenset()
    assert b.priority == 1 and b.due > a.due


@pytest.mark.parametrize(("text", "where", "field"), [
    (GOOD + "SO-3,sedan,,red,2,tomorrow,1\n", "line 4", "due"),
    (GOOD + "SO-3,sedan,,red,zero,2026-12-01T16:00,1\n", "line 4", "quantity"),
    (GOOD + "SO-1,sedan,,red,1,2026-12-01T16:00,1\n", "line 4", "id"),
    ("id,variant,quantity\nSO-1,sedan,1\n", "line 1", "due"),
])
def test_a_bad_csv_row_is_named_and_nothing_is_taken(text: str, where: str, field: str) -> None:
    with pytest.raises(OrderError) as e:
        read_csv(text, "day.csv")
    assert e.value.where == f"day.csv {where}" and e.value.field == field
    assert where in str(e.value) and repr(field) in str(e.value)


def test_json_items_are_named() -> None:
    good = '{"orders": [{"id": "A", "variant": "suv", "quantity": 1, "due": 1800000000}]}'
    assert read_json(good)[0].due == 1800000000
    with pytest.raises(OrderError, match=r"item 2, field 'colours'"):
        read_json('[{"id": "A", "variant": "suv", "quantity": 1, "due": 1},'
                  ' {"id": "B", "variant": "suv", "quantity": 1, "due": 1, "colours": "x"}]')


def test_cli_checks_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "day.csv"
    f.write_text(GOOD)
    assert main(["schedule", "orders", str(f)]) == 0
    assert "2 orders, 3 cars" in capsys.readouterr().out
    f.write_text(GOOD + "SO-3,sedan,,red,2,tomorrow,1\n")
    assert main(["schedule", "orders", str(f)]) == 2
    err = capsys.readouterr().err
    assert "nothing imported" in err and "line 4" in err and "'due'" in err
