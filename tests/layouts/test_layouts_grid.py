"""Grid edits, Qt-free: the editor and the validator share these rules."""

from __future__ import annotations

from layouts import grid, model


def _doc() -> dict:
    return {"columns": 4, "rows": 3, "panels": [
        {"id": "a", "col": 0, "row": 0, "colspan": 2, "rowspan": 2},
        {"id": "b", "col": 2, "row": 0, "colspan": 2, "rowspan": 1}]}


def test_move_and_resize_refuse_overlaps_and_edges() -> None:
    d = _doc()
    assert not grid.move(d, "a", 1, 0)  # into b
    assert grid.move(d, "a", 0, 1)
    assert grid.panel(d, "a")["row"] == 1
    assert not grid.move(d, "a", 0, 1)  # past the bottom edge
    assert not grid.resize(d, "b", 0, -1)  # no zero-height panel
    assert grid.resize(d, "b", 0, 1)
    assert not grid.resize(d, "b", 1, 0)  # past the right edge


def test_find_free_takes_the_largest_size_that_fits() -> None:
    d = _doc()
    assert grid.find_free(d) == grid.Rect(2, 1, 2, 2)
    d["panels"].append({"id": "c", "col": 2, "row": 1, "colspan": 2, "rowspan": 2})
    assert grid.find_free(d) == grid.Rect(0, 2, 2, 1)


def test_the_validator_reports_the_first_overlap_like_the_editor_sees_it() -> None:
    doc = model.default_layout("operator")
    doc["panels"][1].update(col=doc["panels"][0]["col"], row=doc["panels"][0]["row"])
    found = [p for p in model.problems(doc) if "overlaps panels[0]" in p]
    assert len(found) == 1
    assert not grid.is_free(doc, grid.Rect.of(doc["panels"][1]), ignore=doc["panels"][1]["id"])


def test_make_room_uses_free_space_then_grows_the_grid() -> None:
    d = _doc()
    assert grid.make_room(d, 2, 2, max_rows=10) == grid.Rect(2, 1, 2, 2)
    assert d["rows"] == 3  # free space: the grid is unchanged
    d["panels"].append({"id": "c", "col": 2, "row": 1, "colspan": 2, "rowspan": 2})
    assert grid.make_room(d, 9, 2, max_rows=10) == grid.Rect(0, 3, 4, 2)  # capped width
    assert d["rows"] == 5  # grown below every panel
    assert grid.make_room(d, 1, 8, max_rows=10) is None  # would pass the limit
    assert d["rows"] == 5
