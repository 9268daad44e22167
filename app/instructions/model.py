"""Work instructions as data, read from the files beside the site file.

One folder per station (`<site dir>/<folder>/<station>/instructions.toml`, its images
beside it)::

    revision = 4
    approved_by = "tara"
    approved_on = "2026-11-20"
    [[steps]]
    id = "roof-seal"
    text = "Seal the sunroof frame"
    image = "roof-seal.png"             # PNG/SVG/PDF page beside the file, optional
    when = { options = ["sunroof"] }     # or variants = ["suv"]; absent: every car
    values = { bead = "4 mm", tool = "Sealer gun 2" }
    ppe = ["gloves", "glasses"]
    confirm = true                       # a touch confirms it
    measure = { name = "torque", unit = "Nm", low = 23, high = 27, tag = "..." }

A change is a new revision with who approved it; terminals keep the newest revision of
each station (shared retained on the broker, kept in the store).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config import ConfigError, Table

MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Measure:
    name: str
    unit: str = ""
    low: float | None = None
    high: float | None = None
    tag: str | None = None  # a tool's result tag (a torque spindle), read instead of typed

    def within(self, value: float) -> bool:
        return not ((self.low is not None and value < self.low)
                    or (self.high is not None and value > self.high))

    def limits(self) -> str:
        lo = "" if self.low is None else f"{self.low:g}"
        hi = "" if self.high is None else f"{self.high:g}"
        return f"{lo}–{hi} {self.unit}".strip()


@dataclass(frozen=True)
class Step:
    id: str
    text: str
    image: str = ""
    variants: frozenset[str] = frozenset()
    options: frozenset[str] = frozenset()
    values: tuple[tuple[str, str], ...] = ()
    ppe: tuple[str, ...] = ()
    confirm: bool = True
    measure: Measure | None = None
    detail: str = ""  # the long explanation learners see in full

    def applies(self, vehicle: Vehicle) -> bool:
        if self.variants and vehicle.variant not in self.variants:
            return False
        return not self.options or bool(self.options & vehicle.options)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "text": self.text, "image": self.image,
                             "variants": sorted(self.variants), "options": sorted(self.options),
                             "values": [list(v) for v in self.values], "ppe": list(self.ppe),
                             "confirm": self.confirm, "detail": self.detail}
        if self.measure is not None:
            m = self.measure
            d["measure"] = {"name": m.name, "unit": m.unit, "low": m.low, "high": m.high,
                            "tag": m.tag}
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Step:
        m = d.get("measure")
        return cls(str(d["id"]), str(d["text"]), str(d.get("image", "")),
                   frozenset(d.get("variants", [])), frozenset(d.get("options", [])),
                   tuple((str(k), str(v)) for k, v in d.get("values", [])),
                   tuple(d.get("ppe", [])), bool(d.get("confirm", True)),
                   Measure(m["name"], m.get("unit", ""), m.get("low"), m.get("high"),
                           m.get("tag")) if m else None, str(d.get("detail", "")))


@dataclass(frozen=True)
class InstructionSet:
    station: str
    revision: int
    approved_by: str
    approved_on: str
    steps: tuple[Step, ...]
    folder: str = ""  # where the images are (on the terminal that has the files)
    images: dict[str, str] = field(default_factory=dict)  # name -> base64 (shared ones)

    def steps_for(self, vehicle: Vehicle) -> list[Step]:
        return [s for s in self.steps if s.applies(vehicle)]

    def to_json(self) -> dict[str, Any]:
        return {"format": 1, "station": self.station, "revision": self.revision,
                "approved_by": self.approved_by, "approved_on": self.approved_on,
                "steps": [s.to_json() for s in self.steps], "images": self.images}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> InstructionSet:
        if not isinstance(d, dict) or d.get("format") != 1:
            raise ValueError("not an instruction set of format 1")
        return cls(str(d["station"]), int(d["revision"]), str(d.get("approved_by", "")),
                   str(d.get("approved_on", "")),
                   tuple(Step.from_json(s) for s in d["steps"]), "",
                   {str(k): str(v) for k, v in (d.get("images") or {}).items()})


@dataclass(frozen=True)
class Vehicle:
    id: str
    variant: str = ""
    options: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, text: str) -> Vehicle | None:
        """"B-000123|suv|sunroof,tow_hitch" (what a station's vehicle tag carries)."""
        parts = str(text).strip().split("|")
        if not parts or not parts[0]:
            return None
        variant = parts[1] if len(parts) > 1 else ""
        opts = frozenset(o for o in (parts[2].split(",") if len(parts) > 2 else []) if o)
        return cls(parts[0], variant, opts)

    def label(self) -> str:
        extra = ", ".join(sorted(self.options))
        return f"{self.id} · {self.variant}" + (f" · {extra}" if extra else "")


def load_station(folder: Path, station: str) -> InstructionSet:
    """Read and check one station's file; ConfigError names the file and the key."""
    path = folder / station / "instructions.toml"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(path, "", "file not found (one instructions.toml per station "
                          "folder)") from None
    except OSError as e:
        raise ConfigError(path, "", f"cannot be read: {e.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ConfigError(path, "", f"larger than {MAX_FILE_BYTES // 1000} kB")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(path, "", f"not valid TOML: {e}") from None
    t = Table(data, path)
    steps: list[Step] = []
    for st in t.tables("steps"):
        sid = st.str("id", required=True, pattern=r"[A-Za-z0-9_\-]+")
        if any(s.id == sid for s in steps):
            raise st.error("id", f"step {sid!r} is defined twice")
        image = st.str("image", "")
        if image and not (path.parent / image).is_file():
            raise st.error("image", f"{image!r} is not a file beside {path.name}")
        when = st.table("when")
        variants = frozenset(when.list("variants", [], of=str))
        options = frozenset(when.list("options", [], of=str))
        when.done()
        values = st.table("values")
        pairs = tuple((k, str(values.raw(k))) for k in sorted(values.data))
        measure = None
        if "measure" in st.data:
            m = st.table("measure")
            lo, hi = m.float("low"), m.float("high")
            if lo is not None and hi is not None and lo >= hi:
                raise m.error("high", f"must be above low ({lo:g})")
            measure = Measure(m.str("name", required=True), m.str("unit", ""), lo, hi,
                              m.str("tag"))
            m.done()
        steps.append(Step(sid, st.str("text", required=True), image, variants, options,
                          pairs, tuple(st.list("ppe", [], of=str)), st.bool("confirm", True),
                          measure, st.str("detail", "")))
        st.done()
    if not steps:
        raise t.error("steps", "an instruction file needs at least one [[steps]]")
    out = InstructionSet(station, t.int("revision", required=True, min=1),
                         t.str("approved_by", required=True), t.str("approved_on", ""),
                         tuple(steps), str(path.parent))
    t.done()
    return out
