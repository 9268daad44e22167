"""Grid geometry of a layout, Qt-free: which cells a panel covers, overlaps, free space,
and the edits the layout editor makes (move, resize, place a new panel).

The validator (`layouts.model.problems`), the fit to a screen (`layouts.model.fit`) and
the editor (`widgets.layout_editor`) all use this one module. A panel is a dict with
"col", "row", "colspan", "rowspan" (and "id"), as in the layout document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

Cell = tuple[int, int]  # (column, row)

# Sizes tried, largest first, when a new panel is placed at the first free place.
NEW_PANEL_SIZES: tuple[tuple[int, int], ...] = ((4, 3), (3, 3), (3, 2), (2, 2), (2, 1), (1, 1))


@dataclass(frozen=True)
class Rect:
    col: int
    row: int
    colspan: int
    rowspan: int

    @classmethod
    def of(cls, panel: Mapping[str, Any]) -> Rect:
        return cls(panel["col"], panel["row"], panel["colspan"], panel["rowspan"])

    def cells(self) -> Iterator[Cell]:
        for r in range(self.row, self.row + self.rowspan):
            for c in range(self.col, self.col + self.colspan):
                yield c, r

    def overlaps(self, other: Rect) -> bool:
        return (self.col < other.col + other.colspan and other.col < self.col + self.colspan
                and self.row < other.row + other.rowspan and other.row < self.row + self.rowspan)

    def inside(self, columns: int, rows: int) -> bool:
        return (self.col >= 0 and self.row >= 0 and self.colspan >= 1 and self.rowspan >= 1
                and self.col + self.colspan <= columns and self.row + self.rowspan <= rows)


class Occupancy:
    """Which panel holds each cell; panels are added in order, the first holder wins."""

    def __init__(self) -> None:
        self._owner: dict[Cell, int] = {}

    def add(self, index: int, rect: Rect, columns: int | None = None,
            rows: int | None = None) -> tuple[int, Cell] | None:
        """Mark the cells of panel `index` (clipped to the grid when given); returns the
        first (other panel, cell) it overlaps, or None."""
        clash: tuple[int, Cell] | None = None
        for c, r in rect.cells():
            if (columns is not None and c >= columns) or (rows is not None and r >= rows):
                continue
            other = self._owner.get((c, r))
            if other is not None and clash is None:
                clash = (other, (c, r))
            self._owner.setdefault((c, r), index)
        return clash

    def free(self, rect: Rect) -> bool:
        return all(cell not in self._owner for cell in rect.cells())


def is_free(doc: Mapping[str, Any], rect: Rect, ignore: str | None = None) -> bool:
    """Whether `rect` is inside the grid and overlaps no panel (but `ignore`)."""
    if not rect.inside(doc["columns"], doc["rows"]):
        return False
    return not any(Rect.of(p).overlaps(rect) for p in doc["panels"] if p["id"] != ignore)


def panel(doc: Mapping[str, Any], pid: str | None) -> dict[str, Any] | None:
    return next((p for p in doc["panels"] if p["id"] == pid), None)


def move(doc: Mapping[str, Any], pid: str, dcol: int, drow: int) -> bool:
    """Move panel `pid` by (dcol, drow) if the place is free; True if it moved."""
    p = panel(doc, pid)
    if p is None:
        return False
    to = Rect(p["col"] + dcol, p["row"] + drow, p["colspan"], p["rowspan"])
    if not is_free(doc, to, ignore=pid):
        return False
    p.update(col=to.col, row=to.row)
    return True


def resize(doc: Mapping[str, Any], pid: str, dcols: int, drows: int) -> bool:
    """Grow or shrink panel `pid` from its top-left corner; True if it changed."""
    p = panel(doc, pid)
    if p is None:
        return False
    to = Rect(p["col"], p["row"], p["colspan"] + dcols, p["rowspan"] + drows)
    if not is_free(doc, to, ignore=pid):
        return False
    p.update(colspan=to.colspan, rowspan=to.rowspan)
    return True


def find_free(doc: Mapping[str, Any],
              sizes: Iterable[tuple[int, int]] = NEW_PANEL_SIZES) -> Rect | None:
    """The first free place (reading order) for the largest of `sizes` that fits."""
    for cs, rs in sizes:
        for r in range(doc["rows"]):
            for c in range(doc["columns"]):
                rect = Rect(c, r, cs, rs)
                if is_free(doc, rect):
                    return rect
    return None


def first_free_from(taken: Occupancy, start: Cell, colspan: int, rowspan: int,
                    columns: int) -> Rect:
    """The first free place at or after `start` (row, col order) for a panel of that
    size in a grid of `columns` that may grow downward without limit."""
    c, r = start
    while True:
        rect = Rect(c, r, colspan, rowspan)
        if c + colspan <= columns and taken.free(rect):
            return rect
        c += 1
        if c + colspan > columns:
            r, c = r + 1, 0


def make_room(doc: dict[str, Any], colspan: int, rowspan: int,
              max_rows: int) -> Rect | None:
    """A place for a new panel of (colspan, rowspan): the first free one of that size
    (reading order); if there is none, below every panel, growing the grid's rows
    (never past `max_rows`). Changes doc["rows"] only in that second case; None if
    even a grown grid cannot hold it."""
    cs = max(1, min(colspan, doc["columns"]))
    rs = max(1, rowspan)
    at = find_free(doc, ((cs, rs),))
    if at is not None:
        return at
    bottom = max((p["row"] + p["rowspan"] for p in doc["panels"]), default=0)
    if bottom + rs > max_rows:
        return None
    doc["rows"] = max(doc["rows"], bottom + rs)
    return Rect(0, bottom, cs, rs)
