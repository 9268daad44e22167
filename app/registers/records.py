"""A replicated record and its merge rule (a state-based CRDT, no Qt, no I/O).

Each field carries the stamp of its last change (time, terminal, actor) and the stamp of
the version it was edited over (its base). Merging two copies keeps, per field, the
version with the larger (time, terminal) stamp, so every terminal that has seen the same
edits holds the same record, whatever the order the edits arrived in. Where the losing
version was not the base of the winner, the two were edited concurrently (while apart):
the loser is kept in `conflicts` for the next person who opens the record. Conflicts are
a grow-only map whose `resolved` flag only goes from False to True, so they merge the
same way everywhere. A delete is a tombstone: the reserved field `_deleted`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

FORMAT_VERSION = 1
DELETED = "_deleted"
MAX_RECORD_BYTES = 64 * 1024


@dataclass(frozen=True, order=True)
class Stamp:
    """When and where a field was changed; ordered by time, then terminal id."""

    ts: float
    terminal: str

    def key(self) -> str:
        return f"{self.ts:.6f}@{self.terminal}"


@dataclass(frozen=True)
class FieldVersion:
    value: Any
    stamp: Stamp
    actor: str
    base: Stamp | None = None  # the version this edit was made over (None: first value)

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"v": self.value, "ts": self.stamp.ts, "t": self.stamp.terminal,
                             "a": self.actor}
        if self.base is not None:
            d["bts"], d["bt"] = self.base.ts, self.base.terminal
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> FieldVersion:
        base = Stamp(float(d["bts"]), str(d["bt"])) if "bts" in d else None
        return cls(d["v"], Stamp(float(d["ts"]), str(d["t"])), str(d["a"]), base)


@dataclass(frozen=True)
class Conflict:
    """An edit that lost against a concurrent one: shown, never silently dropped."""

    field: str
    value: Any
    actor: str
    stamp: Stamp
    winner: Any
    winner_actor: str
    resolved_by: str = ""

    @property
    def resolved(self) -> bool:
        return bool(self.resolved_by)

    def to_json(self) -> dict[str, Any]:
        return {"f": self.field, "v": self.value, "a": self.actor, "ts": self.stamp.ts,
                "t": self.stamp.terminal, "w": self.winner, "wa": self.winner_actor,
                "r": self.resolved_by}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Conflict:
        return cls(str(d["f"]), d["v"], str(d["a"]), Stamp(float(d["ts"]), str(d["t"])),
                   d.get("w"), str(d.get("wa", "")), str(d.get("r", "")))

    def key(self) -> str:
        return f"{self.field}|{self.stamp.key()}"


@dataclass(frozen=True)
class Record:
    kind: str
    id: str
    fields: dict[str, FieldVersion] = field(default_factory=dict)
    conflicts: dict[str, Conflict] = field(default_factory=dict)

    # --- reading ---------------------------------------------------------------------

    @property
    def deleted(self) -> bool:
        fv = self.fields.get(DELETED)
        return bool(fv and fv.value)

    def values(self) -> dict[str, Any]:
        """The current value of every field (tombstone flag excluded)."""
        return {k: fv.value for k, fv in self.fields.items() if k != DELETED}

    def get(self, name: str, default: Any = None) -> Any:
        fv = self.fields.get(name)
        return default if fv is None else fv.value

    @property
    def last(self) -> FieldVersion | None:
        """The newest change of any field: its time, terminal and who made it."""
        return max(self.fields.values(), key=lambda fv: fv.stamp, default=None)

    @property
    def revision(self) -> int:
        """How many field changes this record has seen, counting each field's chain."""
        return len(self.fields) + sum(1 for fv in self.fields.values() if fv.base is not None)

    def open_conflicts(self) -> list[Conflict]:
        return sorted((c for c in self.conflicts.values() if not c.resolved),
                      key=lambda c: c.stamp)

    # --- changing --------------------------------------------------------------------

    def edit(self, changes: dict[str, Any], *, actor: str, stamp: Stamp) -> Record:
        """A local edit: each changed field gets `stamp`, over its current version."""
        fields = dict(self.fields)
        for name, value in changes.items():
            old = fields.get(name)
            if old is not None and old.value == value:
                continue
            if old is not None and stamp <= old.stamp:  # a clock behind: still newer here
                stamp = Stamp(old.stamp.ts + 1e-3, stamp.terminal)
            fields[name] = FieldVersion(value, stamp, actor, old.stamp if old else None)
        return replace(self, fields=fields)

    def resolve(self, conflict_key: str, actor: str) -> Record:
        c = self.conflicts.get(conflict_key)
        if c is None or c.resolved:
            return self
        return replace(self, conflicts={**self.conflicts,
                                        conflict_key: replace(c, resolved_by=actor)})

    def merge(self, other: Record) -> Record:
        """Commutative, associative and idempotent: every order of merges agrees."""
        if (other.kind, other.id) != (self.kind, self.id):
            raise ValueError("cannot merge different records")
        fields: dict[str, FieldVersion] = {}
        conflicts = _merge_conflicts(self.conflicts, other.conflicts)
        for name in self.fields.keys() | other.fields.keys():
            a, b = self.fields.get(name), other.fields.get(name)
            if a is None or b is None:
                fields[name] = a or b  # type: ignore[assignment]
                continue
            if a.stamp == b.stamp:
                fields[name] = a
                continue
            win, lose = (a, b) if a.stamp > b.stamp else (b, a)
            fields[name] = win
            if lose.stamp != win.base and lose.value != win.value and name != DELETED:
                c = Conflict(name, lose.value, lose.actor, lose.stamp, win.value, win.actor)
                conflicts = _merge_conflicts(conflicts, {c.key(): c})
        return Record(self.kind, self.id, fields, conflicts)

    # --- wire form -------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "kind": self.kind, "id": self.id,
                "fields": {k: fv.to_json() for k, fv in sorted(self.fields.items())},
                "conflicts": [c.to_json() for _k, c in sorted(self.conflicts.items())]}

    def dumps(self) -> str:
        return json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False,
                          separators=(",", ":"))

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Record:
        """Parse a wire record; raises RecordError for anything malformed or too new."""
        if not isinstance(d, dict):
            raise RecordError("not a JSON object")
        version = d.get("format")
        if not isinstance(version, int) or isinstance(version, bool):
            raise RecordError("no format version")
        if version > FORMAT_VERSION:
            raise RecordError(f"format {version} is newer than this terminal understands "
                              f"({FORMAT_VERSION}); update the terminal")
        kind, rid = d.get("kind"), d.get("id")
        if not isinstance(kind, str) or not isinstance(rid, str) or not kind or not rid:
            raise RecordError("kind and id must be non-empty strings")
        raw_fields, raw_conflicts = d.get("fields", {}), d.get("conflicts", [])
        if not isinstance(raw_fields, dict) or not isinstance(raw_conflicts, list):
            raise RecordError("fields must be an object and conflicts a list")
        try:
            fields = {str(k): FieldVersion.from_json(v) for k, v in raw_fields.items()}
            conflicts = {c.key(): c for c in map(Conflict.from_json, raw_conflicts)}
        except (KeyError, TypeError, ValueError) as e:
            raise RecordError(f"malformed field: {e}") from None
        return cls(kind, rid, fields, conflicts)

    @classmethod
    def loads(cls, data: bytes | str) -> Record:
        if len(data) > MAX_RECORD_BYTES:
            raise RecordError(f"larger than {MAX_RECORD_BYTES // 1024} KB")
        try:
            return cls.from_json(json.loads(data))
        except (ValueError, RecursionError) as e:
            if isinstance(e, RecordError):
                raise
            raise RecordError(f"not JSON: {e}") from None


class RecordError(ValueError):
    """A record from the broker or a file that cannot be taken; the message says why."""


def _merge_conflicts(a: dict[str, Conflict], b: dict[str, Conflict]) -> dict[str, Conflict]:
    out = dict(a)
    for k, c in b.items():
        mine = out.get(k)
        if mine is None or (c.resolved_by and (not mine.resolved_by
                                               or c.resolved_by < mine.resolved_by)):
            out[k] = c
    return out
