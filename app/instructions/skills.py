"""The skills matrix: per worker, the stations they are qualified for and at which level,
with the expiry of each training, and their certificates (forklift, welding, first aid).

A worker's skills are a replicated record of kind "skill" (the registers' mechanism:
stored first, shared retained, edits made apart converge). Team leads edit it; it is
importable from CSV with row-level errors (nothing imported from a broken file).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.registers import fields as f
from app.registers.records import RecordError
from app.registers.replica import Replica

KIND = "skill"
EXPIRY_WARN_DAYS = 30


class Level(StrEnum):
    NONE = "none"
    LEARNING = "learning"
    QUALIFIED = "qualified"
    TRAINER = "trainer"


def validate(d: dict[str, Any]) -> None:
    f.text(d, "name", required=True)
    for i, q in enumerate(f.items(d, "stations")):
        try:
            f.text(q, "station", required=True, max_len=64)
            f.choice(q, "level", ("learning", "qualified", "trainer"))
            f.date(q, "expires")
        except RecordError as e:
            raise f.nested("stations", i, e) from None
    for i, c in enumerate(f.items(d, "certificates")):
        try:
            f.text(c, "kind", required=True, max_len=60)
            f.date(c, "expires", required=True)
        except RecordError as e:
            raise f.nested("certificates", i, e) from None


@dataclass(frozen=True)
class Check:
    """What the terminal says at sign-in at a station."""

    worker: str
    station: str
    level: Level
    expires: dt.date | None
    days_left: int | None

    @property
    def qualified(self) -> bool:
        return self.level in (Level.QUALIFIED, Level.TRAINER)

    @property
    def learning(self) -> bool:
        return self.level is Level.LEARNING


@dataclass(frozen=True)
class Expiry:
    worker: str
    name: str
    what: str  # a station id or a certificate kind
    expires: dt.date
    days_left: int


class SkillsMatrix:
    def __init__(self, replica: Replica, clock: Callable[[], float]) -> None:
        self.replica = replica
        self._clock = clock
        replica.register_kind(KIND, validate)

    def today(self) -> dt.date:
        return f.today(self._clock())

    def workers(self) -> list[str]:
        return [r.id for r in self.replica.records(KIND)]

    def record(self, worker: str) -> dict[str, Any]:
        rec = self.replica.get(KIND, worker)
        return rec.values() if rec else {}

    def set_station(self, worker: str, station: str, level: str, expires: str | None, *,
                    name: str | None = None, actor: str) -> None:
        cur = self.record(worker)
        rows = [q for q in cur.get("stations", []) if q["station"] != station]
        if level != "none":
            rows.append({"station": station, "level": level, "expires": expires or ""})
        self.replica.put(KIND, worker, {"name": name or cur.get("name") or worker,
                                        "stations": sorted(rows, key=lambda q: q["station"])},
                         actor=actor)

    def check(self, worker: str, station: str) -> Check:
        today = self.today()
        for q in self.record(worker).get("stations", []):
            if q["station"] != station:
                continue
            exp = dt.date.fromisoformat(q["expires"]) if q.get("expires") else None
            left = (exp - today).days if exp else None
            level = Level(q["level"])
            if left is not None and left < 0:
                level = Level.NONE  # lapsed: not qualified any more
            return Check(worker, station, level, exp, left)
        return Check(worker, station, Level.NONE, None, None)

    def expiring(self, within_days: int = EXPIRY_WARN_DAYS) -> list[Expiry]:
        today = self.today()
        out = []
        for rec in self.replica.records(KIND):
            v = rec.values()
            items = [(q["station"], q.get("expires")) for q in v.get("stations", [])]
            items += [(c["kind"], c.get("expires")) for c in v.get("certificates", [])]
            for what, exp in items:
                if exp:
                    d = dt.date.fromisoformat(exp)
                    if (d - today).days <= within_days:
                        out.append(Expiry(rec.id, v.get("name", rec.id), what, d,
                                          (d - today).days))
        return sorted(out, key=lambda e: e.days_left)

    def import_csv(self, text: str, *, actor: str) -> int:
        """worker_id,name,station,level,expires[,certificate,cert_expires]; all or none."""
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        for col in ("worker_id", "name"):
            if col not in (reader.fieldnames or []):
                raise SkillsCsvError(f"row 1: missing column {col!r}")
        people: dict[str, dict[str, Any]] = {}
        for n, row in enumerate(reader, start=2):
            wid = (row.get("worker_id") or "").strip()
            if not wid:
                raise SkillsCsvError(f"row {n}, column worker_id: is required")
            p = people.setdefault(wid, {"name": (row.get("name") or wid).strip(),
                                        "stations": [], "certificates": []})
            station, level = (row.get("station") or "").strip(), (row.get("level") or "").strip()
            if station:
                if level not in ("learning", "qualified", "trainer"):
                    raise SkillsCsvError(f"row {n}, column level: must be learning, qualified"
                                         f" or trainer; got {level!r}")
                p["stations"].append({"station": station, "level": level,
                                      "expires": _date(row, "expires", n)})
            cert = (row.get("certificate") or "").strip()
            if cert:
                p["certificates"].append({"kind": cert,
                                          "expires": _date(row, "cert_expires", n, True)})
        for wid, values in people.items():
            try:
                validate(values)
            except RecordError as e:
                raise SkillsCsvError(f"worker {wid}: {e}") from None
        for wid, values in people.items():
            self.replica.put(KIND, wid, values, actor=actor, action="import")
        return len(people)


class SkillsCsvError(ValueError):
    """A skills CSV that cannot be imported; nothing of it was imported."""


def _date(row: dict[str, Any], col: str, n: int, required: bool = False) -> str:
    v = (row.get(col) or "").strip()
    if not v:
        if required:
            raise SkillsCsvError(f"row {n}, column {col}: is required")
        return ""
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        raise SkillsCsvError(f"row {n}, column {col}: {v!r} is not a date (YYYY-MM-DD)"
                             ) from None
    return v
