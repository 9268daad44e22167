"""Production orders and their import from CSV, JSON or an MES message.

An order: id, vehicle variant, options (sunroof, ...), paint colour, quantity, due time,
priority (the weight of its lateness). An import is all or nothing: the first bad row
raises `OrderError` naming the line (CSV) or item (JSON) and the field, and nothing of
that file is taken.

CSV columns (header row required, order free): id, variant, options (separated by
';' or '|'), colour, quantity, due (ISO 8601; a time without a zone is local), priority.
JSON: a list of objects with the same keys, or {"orders": [...]}; "due" may also be
seconds since the epoch.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}")
REQUIRED = ("id", "variant", "quantity", "due")
KNOWN = ("id", "variant", "options", "colour", "quantity", "due", "priority")


class OrderError(ValueError):
    """An order a user can fix: names where (line or item) and which field."""

    def __init__(self, where: str, fld: str, message: str) -> None:
        self.where, self.field = where, fld
        super().__init__(f"{where}, field {fld!r}: {message}" if fld else f"{where}: {message}")


@dataclass(frozen=True)
class Order:
    id: str
    variant: str
    quantity: int
    due: float  # seconds since the epoch
    options: frozenset[str] = field(default_factory=frozenset)
    colour: str = ""
    priority: int = 1

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "variant": self.variant, "quantity": self.quantity,
                "due": self.due, "options": sorted(self.options), "colour": self.colour,
                "priority": self.priority}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Order:
        return parse_order(d, "message")


def _due(value: Any, where: str) -> float:
    if isinstance(value, bool):
        raise OrderError(where, "due", "expected a time, got true/false")
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str) or not value.strip():
        raise OrderError(where, "due", "is empty")
    try:
        t = datetime.fromisoformat(value.strip())
    except ValueError:
        raise OrderError(where, "due", f"{value!r} is not an ISO 8601 time "
                                       "(like 2026-12-01T14:30)") from None
    if t.tzinfo is None:
        t = t.astimezone()
    return t.timestamp()


def _int(value: Any, where: str, fld: str, lo: int, hi: int) -> int:
    if isinstance(value, bool):
        raise OrderError(where, fld, "expected a whole number, got true/false")
    try:
        n = int(value) if not isinstance(value, float) or value.is_integer() else None
    except (TypeError, ValueError):
        n = None
    if n is None:
        raise OrderError(where, fld, f"expected a whole number, got {value!r}")
    if not lo <= n <= hi:
        raise OrderError(where, fld, f"must be between {lo} and {hi}; got {n}")
    return n


def parse_order(d: Any, where: str) -> Order:
    if not isinstance(d, dict):
        raise OrderError(where, "", "expected an object with id, variant, quantity, due")
    for k in REQUIRED:
        if d.get(k) in (None, ""):
            raise OrderError(where, k, "is required")
    unknown = sorted(set(d) - set(KNOWN))
    if unknown:
        raise OrderError(where, unknown[0], "unknown field (misspelt?)")
    oid = str(d["id"]).strip()
    if not _ID.fullmatch(oid):
        raise OrderError(where, "id", f"{oid!r} is not a valid id (letters, digits, _ . -)")
    opts = d.get("options") or []
    if isinstance(opts, str):
        opts = [o for o in re.split(r"[;|]", opts) if o.strip()]
    if not isinstance(opts, list) or not all(isinstance(o, str) for o in opts):
        raise OrderError(where, "options", "expected a list of option names")
    return Order(oid, str(d["variant"]).strip(), _int(d["quantity"], where, "quantity", 1, 1000),
                 _due(d["due"], where), frozenset(o.strip() for o in opts),
                 str(d.get("colour") or "").strip(),
                 _int(d.get("priority", 1) or 1, where, "priority", 1, 100))


def _unique(orders: list[Order], wheres: list[str]) -> list[Order]:
    seen: dict[str, str] = {}
    for o, w in zip(orders, wheres, strict=True):
        if o.id in seen:
            raise OrderError(w, "id", f"{o.id!r} appears twice (first at {seen[o.id]})")
        seen[o.id] = w
    return orders


def read_csv(text: str, name: str = "orders.csv") -> list[Order]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None:
        raise OrderError(f"{name} line 1", "", "empty file (expected a header row)")
    header = [h.strip() for h in reader.fieldnames]
    for k in REQUIRED:
        if k not in header:
            raise OrderError(f"{name} line 1", k, "missing column")
    orders, wheres = [], []
    for row in reader:
        where = f"{name} line {reader.line_num}"
        if None in row:
            raise OrderError(where, "", "more values than columns")
        clean = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
        if not any(clean.values()):
            continue
        clean = {k: v for k, v in clean.items() if v != "" or k in REQUIRED}
        orders.append(parse_order(clean, where))
        wheres.append(where)
    return _unique(orders, wheres)


def read_json(text: str, name: str = "orders.json") -> list[Order]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise OrderError(f"{name} line {e.lineno}", "", f"not JSON: {e.msg}") from None
    if isinstance(data, dict) and "orders" in data:
        data = data["orders"]
    if not isinstance(data, list):
        raise OrderError(name, "", "expected a list of orders or {\"orders\": [...]}")
    wheres = [f"{name} item {i + 1}" for i in range(len(data))]
    return _unique([parse_order(d, w) for d, w in zip(data, wheres, strict=True)], wheres)


def read_file(path: str, text: str) -> list[Order]:
    """By extension: .csv or .json."""
    name = path.rsplit("/", 1)[-1]
    if name.lower().endswith(".csv"):
        return read_csv(text, name)
    if name.lower().endswith(".json"):
        return read_json(text, name)
    raise OrderError(name, "", "expected a .csv or .json file")


def cars(orders: Iterable[Order]) -> list[tuple[Order, int]]:
    """One (order, unit index) per car body to build."""
    return [(o, k) for o in orders for k in range(o.quantity)]
