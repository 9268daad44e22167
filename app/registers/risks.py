"""The risk register: risks scored by likelihood x impact, live early-warning indicators,
and response plans whose overdue measures escalate.

A risk is a replicated record of kind "risk". Indicators are bound to a tag (its latest
value), a KPI another domain offers (`RiskRegister.kpis`, a name -> function table), or a
register fact (days until a supplier's certificate lapses). An indicator past its
threshold raises an early-warning alarm and proposes a new likelihood to the owner.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.registers import fields as f
from app.registers.records import Record, RecordError
from app.registers.replica import RegisterError, Replica

KIND = "risk"
CATEGORIES = ("supply", "technical", "market", "safety", "environmental", "energy")
STATUSES = ("open", "mitigating", "accepted", "closed")
INDICATOR_KINDS = ("tag", "kpi", "supplier_cert_days")
ID_RE = re.compile(r"[A-Za-z0-9_\-.]{1,64}")


def band(score: int) -> str:
    """The 5x5 matrix bands: 1-4 low, 5-9 medium, 10-16 high, 20-25 critical."""
    if score >= 20:
        return "critical"
    if score >= 10:
        return "high"
    if score >= 5:
        return "medium"
    return "low"


def validate(d: dict[str, Any]) -> None:
    f.text(d, "title", required=True)
    f.choice(d, "category", CATEGORIES)
    f.number(d, "likelihood", lo=1, hi=5, required=True, integer=True)
    f.number(d, "impact", lo=1, hi=5, required=True, integer=True)
    f.text(d, "owner", max_len=80)
    f.text(d, "owner_role", max_len=40)
    f.choice(d, "status", STATUSES)
    f.date(d, "review")
    f.text(d, "description", max_len=2000)
    for i, ind in enumerate(f.items(d, "indicators", max_items=20)):
        try:
            f.text(ind, "id", required=True, max_len=40)
            f.text(ind, "label", max_len=80)
            f.choice(ind, "kind", INDICATOR_KINDS)
            f.text(ind, "ref", required=True, max_len=200)
            f.choice(ind, "op", (">", "<"))
            f.number(ind, "threshold", required=True)
            f.number(ind, "propose_likelihood", lo=1, hi=5, integer=True)
        except RecordError as e:
            raise f.nested("indicators", i, e) from None
    for i, m in enumerate(f.items(d, "measures")):
        try:
            f.text(m, "id", required=True, max_len=40)
            f.text(m, "text", required=True, max_len=500)
            f.text(m, "responsible", required=True, max_len=80)
            f.date(m, "deadline", required=True)
            f.choice(m, "status", ("open", "done"))
        except RecordError as e:
            raise f.nested("measures", i, e) from None
    p = d.get("proposal")
    if p is not None and not isinstance(p, dict):
        raise RecordError("proposal: expected an entry")


@dataclass(frozen=True)
class Reading:
    """An indicator's current value against its threshold."""

    risk: str
    indicator: str
    label: str
    value: float | None
    threshold: float
    op: str
    propose_likelihood: int | None

    @property
    def crossed(self) -> bool:
        if self.value is None:
            return False
        return self.value > self.threshold if self.op == ">" else self.value < self.threshold


@dataclass(frozen=True)
class OverdueMeasure:
    risk: str
    measure: str
    text: str
    responsible: str
    days_over: int


class RiskRegister:
    def __init__(self, replica: Replica, clock: Callable[[], float], *,
                 latest: Callable[[str], float | None] = lambda _t: None,
                 supplier_days: Callable[[str], float | None] = lambda _s: None) -> None:
        self.replica = replica
        self._clock = clock
        self._latest = latest
        self._supplier_days = supplier_days
        self.kpis: dict[str, Callable[[], float | None]] = {}
        replica.register_kind(KIND, validate)

    def all(self) -> list[Record]:
        return sorted(self.replica.records(KIND), key=lambda r: -score_of(r))

    def get(self, rid: str) -> Record | None:
        return self.replica.get(KIND, rid)

    def save(self, rid: str, values: dict[str, Any], *, actor: str) -> Record:
        if not ID_RE.fullmatch(rid):
            raise RegisterError(f"risk id {rid!r}: use letters, digits, - _ . (at most 64)")
        current = self.get(rid)
        values = dict(values)
        old = (current.get("likelihood"), current.get("impact")) if current else (None, None)
        lik, imp = values.get("likelihood", old[0]), values.get("impact", old[1])
        if (lik, imp) != old and lik is not None and imp is not None:
            history = list(current.get("history", []) if current else [])
            history.append({"ts": self._clock(), "likelihood": lik, "impact": imp,
                            "score": int(lik) * int(imp), "by": actor})
            values["history"] = history[-100:]
        values.setdefault("status", current.get("status") if current else "open")
        return self.replica.put(KIND, rid, values, actor=actor)

    def add_measure(self, rid: str, text: str, responsible: str, deadline: str, *,
                    actor: str) -> Record:
        rec = self._existing(rid)
        measures = [*rec.get("measures", []),
                    {"id": uuid.uuid4().hex[:8], "text": text, "responsible": responsible,
                     "deadline": deadline, "status": "open"}]
        return self.replica.put(KIND, rid, {"measures": measures}, actor=actor)

    def set_measure_status(self, rid: str, measure_id: str, status: str, *,
                           actor: str) -> Record:
        rec = self._existing(rid)
        measures = [dict(m, status=status) if m["id"] == measure_id else m
                    for m in rec.get("measures", [])]
        return self.replica.put(KIND, rid, {"measures": measures}, actor=actor)

    def accept_proposal(self, rid: str, *, actor: str) -> Record:
        rec = self._existing(rid)
        p = rec.get("proposal")
        if not p:
            raise RegisterError("there is no proposal to accept")
        self.save(rid, {"likelihood": int(p["likelihood"])}, actor=actor)
        return self.replica.put(KIND, rid, {"proposal": None}, actor=actor)

    def dismiss_proposal(self, rid: str, *, actor: str) -> Record:
        self._existing(rid)
        return self.replica.put(KIND, rid, {"proposal": None}, actor=actor)

    def _existing(self, rid: str) -> Record:
        rec = self.get(rid)
        if rec is None:
            raise RegisterError(f"no risk {rid!r}")
        return rec

    # --- live indicators -----------------------------------------------------------------

    def value_of(self, ind: dict[str, Any]) -> float | None:
        ref = ind["ref"]
        match ind["kind"]:
            case "tag":
                return self._latest(ref)
            case "kpi":
                fn = self.kpis.get(ref)
                return fn() if fn else None
            case "supplier_cert_days":
                return self._supplier_days(ref)
        return None

    def readings(self, rec: Record) -> list[Reading]:
        out = []
        for ind in rec.get("indicators", []) or []:
            try:
                value = self.value_of(ind)
            except Exception:  # another domain's KPI failing must not hide the register
                value = None
            plik = ind.get("propose_likelihood")
            out.append(Reading(rec.id, ind["id"], ind.get("label") or ind["ref"],
                               value, float(ind["threshold"]), ind.get("op", ">"),
                               int(plik) if plik else None))
        return out

    def overdue(self, rec: Record) -> list[OverdueMeasure]:
        today = f.today(self._clock())
        out = []
        for m in rec.get("measures", []) or []:
            deadline = dt.date.fromisoformat(m["deadline"])
            if m.get("status") != "done" and deadline < today:
                out.append(OverdueMeasure(rec.id, m["id"], m["text"], m["responsible"],
                                          (today - deadline).days))
        return out

    def propose(self, reading: Reading, *, actor: str = "system") -> None:
        """An indicator crossed: propose its likelihood to the owner (once per value)."""
        rec = self.get(reading.risk)
        if rec is None or reading.propose_likelihood is None:
            return
        if reading.propose_likelihood <= int(rec.get("likelihood", 1)):
            return
        current = rec.get("proposal") or {}
        if current.get("likelihood") == reading.propose_likelihood:
            return
        self.replica.put(KIND, rec.id, {"proposal": {
            "likelihood": reading.propose_likelihood, "indicator": reading.indicator,
            "value": reading.value, "ts": self._clock()}}, actor=actor, action="propose")


def score_of(rec: Record) -> int:
    return int(rec.get("likelihood", 1)) * int(rec.get("impact", 1))
