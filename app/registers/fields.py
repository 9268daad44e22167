"""Checks shared by the registers' validators: each raises RecordError naming the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from app.registers.records import RecordError


def text(d: dict[str, Any], name: str, *, required: bool = False, max_len: int = 200) -> str:
    v = d.get(name, "")
    if v is None:
        v = ""
    if not isinstance(v, str):
        raise RecordError(f"{name}: expected text, got {type(v).__name__}")
    if required and not v.strip():
        raise RecordError(f"{name}: is required")
    if len(v) > max_len:
        raise RecordError(f"{name}: longer than {max_len} characters")
    return v


def choice(d: dict[str, Any], name: str, options: Iterable[str], *,
           required: bool = True) -> str:
    v = d.get(name, "")
    opts = tuple(options)
    if (v or required) and v not in opts:
        raise RecordError(f"{name}: must be one of {', '.join(opts)}; got {v!r}")
    return str(v)


def number(d: dict[str, Any], name: str, *, lo: float | None = None, hi: float | None = None,
           required: bool = False, integer: bool = False) -> float | None:
    v = d.get(name)
    if v is None or v == "":
        if required:
            raise RecordError(f"{name}: is required")
        return None
    if isinstance(v, bool) or not isinstance(v, int | float) or (integer and
                                                                 not isinstance(v, int)):
        kind = "a whole number" if integer else "a number"
        raise RecordError(f"{name}: expected {kind}, got {v!r}")
    if (lo is not None and v < lo) or (hi is not None and v > hi):
        raise RecordError(f"{name}: must be between {lo} and {hi}; got {v}")
    return float(v)


def date(d: dict[str, Any], name: str, *, required: bool = False) -> dt.date | None:
    v = d.get(name)
    if v in (None, ""):
        if required:
            raise RecordError(f"{name}: is required")
        return None
    if not isinstance(v, str):
        raise RecordError(f"{name}: expected a date YYYY-MM-DD, got {v!r}")
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise RecordError(f"{name}: {v!r} is not a date (YYYY-MM-DD)") from None


def items(d: dict[str, Any], name: str, *, max_items: int = 200) -> list[dict[str, Any]]:
    v = d.get(name, [])
    if v is None:
        return []
    if not isinstance(v, list) or not all(isinstance(i, dict) for i in v):
        raise RecordError(f"{name}: expected a list of entries")
    if len(v) > max_items:
        raise RecordError(f"{name}: more than {max_items} entries")
    return v


def nested(name: str, index: int, e: RecordError) -> RecordError:
    return RecordError(f"{name}[{index}].{e}")


def today(now: float) -> dt.date:
    return dt.datetime.fromtimestamp(now, dt.UTC).date()
