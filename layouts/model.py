"""The layout document: a worker's grid of panels with theme, font scale and language.

A layout is JSON (schema 1)::

    {"schema": 1, "owner": "<user_id>" | "role:<role>", "revision": 3,
     "updated": 1764000000.0, "theme": "light"|"dark"|"contrast",
     "font_scale": 1.0..2.0, "language": "en"|"de"|"zh_CN",
     "columns": 12, "rows": 8,
     "panels": [{"id": "press", "type": "station", "col": 0, "row": 0,
                 "colspan": 4, "rowspan": 4, "settings": {"station": "press"}}]}

`validate` lists every problem with where it is; `load` never raises: an older schema
is migrated, a newer schema or a broken document falls back to the role default and
says so in `Loaded.notice`. `fit` adapts a layout to a screen size (rule below).

Safety elements (e-stop, alarm banner, link status) are not panels: the shell draws
them outside the grid, so no layout can hide them.
"""

from __future__ import annotations

import copy
import json
import logging
import math
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.auth.permissions import Role
from layouts import catalogue, grid
from layouts.panels import DEFAULT_MIN_PX

log = logging.getLogger(__name__)

SCHEMA = 1
THEMES = ("light", "dark", "contrast")
LANGUAGES = ("en", "de", "zh_CN")
FONT_SCALE_MIN, FONT_SCALE_MAX = 1.0, 2.0
MAX_COLUMNS, MAX_ROWS = 24, 48
DEFAULTS_DIR = Path(__file__).resolve().parent / "defaults"

_USER_ID_RE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
_PANEL_ID_RE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
_TOP_KEYS = ("schema", "owner", "revision", "updated", "theme", "font_scale", "language",
             "columns", "rows", "panels")
_PANEL_KEYS = ("id", "type", "col", "row", "colspan", "rowspan", "settings")

# Minimum sizes (px at font scale 1.0) and settings are declared by each panel type's
# spec (layouts.catalogue); a type without a spec uses DEFAULT_MIN_PX and free settings.


class Fallback(StrEnum):
    """Why `load` did not use the document it was given."""

    NONE = "none"
    BROKEN = "broken"  # not JSON, or fails validation
    FUTURE = "future"  # made by a newer LineSide (higher schema)
    MISSING = "missing"  # no document at all


class LayoutError(ValueError):
    """A layout document that cannot be used; `problems` says what and where."""

    def __init__(self, problems: list[str], source: str = "layout",
                 fallback: Fallback | None = None) -> None:
        self.problems, self.source = problems, source
        self.fallback = fallback or Fallback.BROKEN
        shown = "; ".join(problems[:5]) + (f" (+{len(problems) - 5} more)"
                                           if len(problems) > 5 else "")
        super().__init__(f"{source}: {shown}")


@dataclass(frozen=True)
class Loaded:
    doc: dict[str, Any]
    fallback: Fallback = Fallback.NONE
    notice: str | None = None  # shown to the worker when not None
    migrated_from: int | None = None


# --- validation ------------------------------------------------------------------------

def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _check_settings(where: str, ptype: str, settings: dict[str, Any], out: list[str]) -> None:
    """Panel types with a spec get their settings checked; unknown types are free-form
    (a layout made by a newer terminal shows a placeholder for them)."""
    spec = catalogue.spec(ptype)
    if spec is not None:
        out.extend(spec.problems(settings, where))


def problems(doc: Any) -> list[str]:
    """Every problem of a schema-1 document, each saying where ('panels[2].colspan')."""
    out: list[str] = []
    if not isinstance(doc, dict):
        return [f"expected a JSON object, got {type(doc).__name__}"]
    for key in doc:
        if key not in _TOP_KEYS:
            out.append(f"{key}: unknown field (misspelt?)")
    for key in _TOP_KEYS:
        if key not in doc:
            out.append(f"{key}: required field is missing")
    if out and any("missing" in p for p in out):
        return out

    if doc["schema"] != SCHEMA:
        out.append(f"schema: expected {SCHEMA}; got {doc['schema']!r}")
    owner = doc["owner"]
    if not isinstance(owner, str):
        out.append(f"owner: expected a user id or 'role:<role>'; got {owner!r}")
    elif owner.startswith("role:"):
        if owner[5:] not in tuple(Role):
            out.append(f"owner: unknown role {owner[5:]!r} (roles: {', '.join(Role)})")
    elif not _USER_ID_RE.fullmatch(owner):
        out.append(f"owner: {owner!r} is not a valid user id (letters, digits, _ . -)")
    if not _is_int(doc["revision"]) or doc["revision"] < 0:
        out.append(f"revision: expected a whole number >= 0; got {doc['revision']!r}")
    if not _is_num(doc["updated"]) or doc["updated"] < 0:
        out.append(f"updated: expected epoch seconds; got {doc['updated']!r}")
    if doc["theme"] not in THEMES:
        out.append(f"theme: must be one of {', '.join(THEMES)}; got {doc['theme']!r}")
    fs = doc["font_scale"]
    if not _is_num(fs) or not FONT_SCALE_MIN <= fs <= FONT_SCALE_MAX:
        out.append(f"font_scale: must be a number from {FONT_SCALE_MIN} to {FONT_SCALE_MAX}; "
                   f"got {fs!r}")
    if doc["language"] not in LANGUAGES:
        out.append(f"language: must be one of {', '.join(LANGUAGES)}; got {doc['language']!r}")
    cols, rows = doc["columns"], doc["rows"]
    grid_ok = True
    if not _is_int(cols) or not 1 <= cols <= MAX_COLUMNS:
        out.append(f"columns: must be a whole number from 1 to {MAX_COLUMNS}; got {cols!r}")
        grid_ok = False
    if not _is_int(rows) or not 1 <= rows <= MAX_ROWS:
        out.append(f"rows: must be a whole number from 1 to {MAX_ROWS}; got {rows!r}")
        grid_ok = False
    panels = doc["panels"]
    if not isinstance(panels, list):
        out.append(f"panels: expected a list; got {type(panels).__name__}")
        return out

    seen_ids: dict[str, int] = {}
    occupied = grid.Occupancy()
    for i, p in enumerate(panels):
        where = f"panels[{i}]"
        if not isinstance(p, dict):
            out.append(f"{where}: expected an object; got {type(p).__name__}")
            continue
        pid = p.get("id")
        if isinstance(pid, str):
            where = f"panels[{i}] (id {pid!r})"
        for key in p:
            if key not in _PANEL_KEYS:
                out.append(f"{where}.{key}: unknown field (misspelt?)")
        missing = [k for k in _PANEL_KEYS if k not in p]
        for key in missing:
            out.append(f"{where}.{key}: required field is missing")
        if missing:
            continue
        if not isinstance(pid, str) or not _PANEL_ID_RE.fullmatch(pid):
            out.append(f"{where}.id: expected letters, digits, _ . -; got {pid!r}")
        elif pid in seen_ids:
            out.append(f"{where}.id: duplicate of panels[{seen_ids[pid]}]")
        else:
            seen_ids[pid] = i
        if not isinstance(p["type"], str) or not p["type"]:
            out.append(f"{where}.type: expected a panel type name; got {p['type']!r}")
        if not isinstance(p["settings"], dict):
            out.append(f"{where}.settings: expected an object; got {p['settings']!r}")
        elif isinstance(p["type"], str):
            _check_settings(where, p["type"], p["settings"], out)
        geo_ok = True
        for key, low in (("col", 0), ("row", 0), ("colspan", 1), ("rowspan", 1)):
            if not _is_int(p[key]) or p[key] < low:
                out.append(f"{where}.{key}: must be a whole number >= {low}; got {p[key]!r}")
                geo_ok = False
        if not (geo_ok and grid_ok):
            continue
        c, r, cs, rs = p["col"], p["row"], p["colspan"], p["rowspan"]
        if c + cs > cols:
            out.append(f"{where}: columns {c}..{c + cs - 1} reach past the grid's "
                       f"{cols} columns")
        if r + rs > rows:
            out.append(f"{where}: rows {r}..{r + rs - 1} reach past the grid's {rows} rows")
        clash = occupied.add(i, grid.Rect(c, r, cs, rs), cols, rows)
        if clash is not None:
            other, (cc, rr) = clash
            out.append(f"{where}: overlaps panels[{other}] at column {cc}, row {rr}")
    return out


def validate(doc: Any, source: str = "layout") -> dict[str, Any]:
    """Return `doc` if it is a valid schema-1 layout, else raise LayoutError."""
    found = problems(doc)
    if found:
        raise LayoutError(found, source)
    return doc


# --- migration -----------------------------------------------------------------------

def schema_of(doc: dict[str, Any]) -> int:
    """Schema 0 is the prototype format, which had no "schema" field."""
    schema = doc.get("schema", 0)
    if not _is_int(schema):
        raise LayoutError([f"schema: expected a whole number; got {schema!r}"])
    return schema


def _from_0(doc: dict[str, Any]) -> dict[str, Any]:
    """Prototype layouts: "user" instead of "owner", panels as x/y/w/h, "font" in
    percent, no language, theme "high_contrast"."""
    theme = doc.get("theme", "light")
    return {
        "schema": 1,
        "owner": doc.get("owner", doc.get("user", "role:operator")),
        "revision": doc.get("revision", 0),
        "updated": doc.get("updated", 0.0),
        "theme": "contrast" if theme == "high_contrast" else theme,
        "font_scale": round(doc.get("font", 100) / 100, 2),
        "language": doc.get("language", "en"),
        "columns": doc.get("columns", 12),
        "rows": doc.get("rows", 8),
        "panels": [{
            "id": p.get("id", f"p{i}"),
            "type": p.get("type", ""),
            "col": p.get("x", 0), "row": p.get("y", 0),
            "colspan": p.get("w", 1), "rowspan": p.get("h", 1),
            "settings": p.get("settings", {}),
        } for i, p in enumerate(doc.get("panels", []))],
    }


_MIGRATIONS = {0: _from_0}  # schema n -> n + 1


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring an older document up to SCHEMA (not validated; a newer schema raises)."""
    schema = schema_of(doc)
    if schema > SCHEMA:
        raise LayoutError([f"schema {schema} is newer than this LineSide understands "
                           f"({SCHEMA})"])
    doc = copy.deepcopy(doc)
    while schema < SCHEMA:
        step = _MIGRATIONS.get(schema)
        if step is None:
            raise LayoutError([f"schema {schema} is too old to migrate"])
        doc = step(doc)
        schema = schema_of(doc)
    return doc


# --- loading -------------------------------------------------------------------------

_defaults: dict[str, dict[str, Any]] = {}


def default_layout(role: Role | str) -> dict[str, Any]:
    """The shipped default of a role (a fresh copy). A broken default file is a bug
    in the package, so it raises."""
    role = Role(role)
    if role not in _defaults:
        path = DEFAULTS_DIR / f"{role}.json"
        _defaults[role] = validate(json.loads(path.read_text("utf-8")), str(path))
    return copy.deepcopy(_defaults[role])


def parse(text: str | bytes, source: str = "layout") -> dict[str, Any]:
    try:
        doc = json.loads(text)
    except (ValueError, UnicodeDecodeError) as e:
        raise LayoutError([f"not valid JSON: {e}"], source) from None
    if not isinstance(doc, dict):
        raise LayoutError([f"expected a JSON object, got {type(doc).__name__}"], source)
    return doc


def check(data: str | bytes | dict[str, Any], source: str = "layout") -> dict[str, Any]:
    """Parse, migrate and validate; raise LayoutError (with Fallback kind in
    `.fallback`) if the document cannot be used."""
    doc = parse(data, source) if isinstance(data, str | bytes) else data
    try:
        schema = schema_of(doc)
    except LayoutError as e:
        e.source = source
        raise
    if schema > SCHEMA:
        raise LayoutError([f"made by a newer LineSide (layout schema {schema}, this "
                           f"version reads up to {SCHEMA})"], source, Fallback.FUTURE)
    try:
        return validate(migrate(doc) if schema < SCHEMA else doc, source)
    except (LayoutError, TypeError, AttributeError, KeyError) as e:
        if isinstance(e, LayoutError):
            raise LayoutError(e.problems, source) from None
        raise LayoutError([f"cannot migrate from schema {schema}: {e}"], source) from None


def load(data: str | bytes | dict[str, Any] | None, role: Role | str,
         source: str = "layout") -> Loaded:
    """The layout to show: the document if usable (migrated if old), else the role's
    default with a notice saying why. Never raises for a bad document."""
    role = Role(role)
    if data is None:
        return Loaded(default_layout(role), Fallback.MISSING)
    try:
        raw = parse(data, source) if isinstance(data, str | bytes) else data
        old = schema_of(raw) if isinstance(raw, dict) else None
        doc = check(raw, source)
    except LayoutError as e:
        kind = e.fallback
        log.warning("layout %s not used, showing the %s default: %s", source, role, e)
        what = ("was made by a newer LineSide version" if kind is Fallback.FUTURE
                else f"could not be read ({e.problems[0]})")
        notice = f"Your saved layout {what}; showing the {role} default layout instead."
        return Loaded(default_layout(role), kind, notice)
    return Loaded(doc, migrated_from=old if old != SCHEMA else None)


def load_file(path: Path | str, role: Role | str) -> Loaded:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        log.warning("layout file %s unreadable: %s", path, e)
        return Loaded(default_layout(role), Fallback.BROKEN,
                      f"Your saved layout could not be read ({e.strerror}); showing the "
                      f"{Role(role)} default layout instead.")
    return load(data, role, str(path))


def new_layout(owner: str, base: dict[str, Any]) -> dict[str, Any]:
    """A copy of `base` owned by `owner` (a worker's first own layout)."""
    doc = copy.deepcopy(base)
    doc["owner"] = owner
    return doc


# --- fitting to a screen -------------------------------------------------------------

def min_span(panel: dict[str, Any], cell_w: float, cell_h: float, columns: int,
             font_scale: float = 1.0) -> tuple[int, int]:
    spec = catalogue.spec(panel["type"])
    w, h = spec.minimum_px(panel.get("settings") or {}) if spec else DEFAULT_MIN_PX
    cs = min(columns, max(1, math.ceil(w * font_scale / cell_w - 1e-9)))
    rs = max(1, math.ceil(h * font_scale / cell_h - 1e-9))
    return cs, rs


def fit(doc: dict[str, Any], width_px: int, height_px: int) -> dict[str, Any]:
    """Adapt a valid layout to a screen of `width_px` x `height_px` (the grid area).

    The rule: the grid is relative, so every panel keeps its place while its cell span
    gives it at least its type's minimum size (its PanelSpec.min_size, times font_scale). If any
    panel would be smaller, the layout is reflowed:

    1. each panel grows to its minimum span (never wider than the grid);
    2. panels are placed again in reading order (top to bottom, left to right) at the
       first free position at or after the previous panel's position, so narrow
       screens stack side-by-side panels below each other, in the same order;
    3. rows are kept at the original cell height; if the panels need more rows the
       grid grows downward (`rows` increases) and the host scrolls.

    Returns a new document (the saved layout is not changed); unchanged if it fits.
    """
    cols, rows, scale = doc["columns"], doc["rows"], float(doc["font_scale"])
    cell_w, cell_h = width_px / cols, height_px / rows
    spans = [min_span(p, cell_w, cell_h, cols, scale) for p in doc["panels"]]
    if all(p["colspan"] >= cs and p["rowspan"] >= rs
           for p, (cs, rs) in zip(doc["panels"], spans, strict=True)):
        return copy.deepcopy(doc)

    out = copy.deepcopy(doc)
    order = sorted(range(len(out["panels"])),
                   key=lambda i: (out["panels"][i]["row"], out["panels"][i]["col"]))
    taken = grid.Occupancy()
    cursor: grid.Cell = (0, 0)  # (col, row) of the previous placement
    for i in order:
        p = out["panels"][i]
        cs = max(min(p["colspan"], cols), spans[i][0])
        rs = max(p["rowspan"], spans[i][1])
        at = grid.first_free_from(taken, cursor, cs, rs, cols)
        taken.add(i, at)
        p.update(col=at.col, row=at.row, colspan=cs, rowspan=rs)
        cursor = (at.col, at.row)
    out["rows"] = max(rows, max((p["row"] + p["rowspan"] for p in out["panels"]), default=0))
    return out
