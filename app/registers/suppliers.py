"""The green supplier register: certificates, audits, environmental data, a score,
warnings before a certificate lapses, and CSV exchange with the ERP.

A supplier is a replicated record of kind "supplier". The score (0-100) is explained by
`SCORE_FORMULA`, shown on screen beside it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.registers import fields as f
from app.registers.records import Record, RecordError
from app.registers.replica import RegisterError, Replica

KIND = "supplier"
STANDARDS = ("ISO 14001", "ISO 50001", "EMAS", "ISO 45001", "IATF 16949", "ISO 9001", "other")
TRANSPORT = ("road", "rail", "sea", "air", "mixed")
ENVIRONMENTAL = {"ISO 14001", "EMAS"}
CERT_POINTS = {"ISO 50001": 0.25, "ISO 45001": 0.15, "IATF 16949": 0.10}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation (views show it with translate(context, text))."""
    return text


# One literal, so lupdate finds it whole.
SCORE_FORMULA = QT_TRANSLATE_NOOP("Suppliers", "score = 40 x certificates + 40 x audit + 20 x data; certificates: valid ISO 14001 or EMAS 0.5, ISO 50001 0.25, ISO 45001 0.15, IATF 16949 0.10 (at most 1); audit: latest audit score / 100, less 0.1 per overdue corrective action; data: recycled content share x 0.5, plus 0.5 when CO2e per unit is reported")  # noqa: E501

ID_RE = re.compile(r"[A-Za-z0-9_\-.]{1,64}")


def validate(d: dict[str, Any]) -> None:
    f.text(d, "name", required=True)
    f.text(d, "country", max_len=60)
    supplies = d.get("supplies", [])
    if not isinstance(supplies, list) or not all(isinstance(s, str) for s in supplies):
        raise RecordError("supplies: expected a list of materials or parts")
    f.choice(d, "transport", TRANSPORT, required=False)
    f.number(d, "co2e_kg_per_unit", lo=0)
    f.number(d, "recycled_share", lo=0, hi=1)
    f.text(d, "packaging")
    if not isinstance(d.get("key", False), bool):
        raise RecordError("key: expected true or false")
    for i, c in enumerate(f.items(d, "certifications")):
        try:
            f.choice(c, "standard", STANDARDS)
            f.text(c, "number", max_len=80)
            f.text(c, "issuer", max_len=120)
            start, end = f.date(c, "valid_from"), f.date(c, "valid_to", required=True)
            if start and end and end < start:
                raise RecordError("valid_to: is before valid_from")
            f.text(c, "document", max_len=300)
            sha = f.text(c, "sha256", max_len=64)
            if sha and not re.fullmatch(r"[0-9a-f]{64}", sha):
                raise RecordError("sha256: expected 64 lower-case hex digits")
        except RecordError as e:
            raise f.nested("certifications", i, e) from None
    for i, a in enumerate(f.items(d, "audits")):
        try:
            f.date(a, "date", required=True)
            f.text(a, "auditor", max_len=120)
            f.number(a, "score", lo=0, hi=100, required=True)
            for j, finding in enumerate(f.items(a, "findings")):
                try:
                    f.text(finding, "text", required=True, max_len=500)
                    f.text(finding, "action", max_len=500)
                    f.text(finding, "owner", max_len=120)
                    f.date(finding, "deadline")
                    f.choice(finding, "status", ("open", "done"))
                except RecordError as e:
                    raise f.nested("findings", j, e) from None
        except RecordError as e:
            raise f.nested("audits", i, e) from None


# --- reading a supplier -----------------------------------------------------------------


@dataclass(frozen=True)
class CertStatus:
    supplier: str
    standard: str
    number: str
    valid_to: dt.date
    days_left: int

    @property
    def lapsed(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class OverdueAction:
    supplier: str
    finding: str
    owner: str
    deadline: dt.date
    days_over: int


def certificates(rec: Record, today: dt.date) -> list[CertStatus]:
    out = []
    for c in rec.get("certifications", []) or []:
        end = dt.date.fromisoformat(c["valid_to"])
        out.append(CertStatus(rec.id, c["standard"], c.get("number", ""), end,
                              (end - today).days))
    return sorted(out, key=lambda s: s.days_left)


def overdue_actions(rec: Record, today: dt.date) -> list[OverdueAction]:
    out = []
    for a in rec.get("audits", []) or []:
        for finding in a.get("findings", []) or []:
            deadline = finding.get("deadline")
            if finding.get("status") != "done" and deadline:
                d = dt.date.fromisoformat(deadline)
                if d < today:
                    out.append(OverdueAction(rec.id, finding["text"], finding.get("owner", ""),
                                             d, (today - d).days))
    return out


def score(rec: Record, today: dt.date) -> float:
    """0-100, by SCORE_FORMULA."""
    valid = {c.standard for c in certificates(rec, today) if not c.lapsed}
    cert = (0.5 if valid & ENVIRONMENTAL else 0.0) + sum(
        p for std, p in CERT_POINTS.items() if std in valid)
    audits = sorted(rec.get("audits", []) or [], key=lambda a: a["date"])
    audit = 0.0
    if audits:
        audit = max(0.0, float(audits[-1]["score"]) / 100.0
                    - 0.1 * len(overdue_actions(rec, today)))
    data = 0.5 * float(rec.get("recycled_share") or 0.0)
    if rec.get("co2e_kg_per_unit") is not None:
        data += 0.5
    return round(40 * min(cert, 1.0) + 40 * audit + 20 * data, 1)


# --- the register -----------------------------------------------------------------------


class SupplierRegister:
    def __init__(self, replica: Replica, clock: Callable[[], float]) -> None:
        self.replica = replica
        self._clock = clock
        replica.register_kind(KIND, validate)

    def today(self) -> dt.date:
        return f.today(self._clock())

    def all(self) -> list[Record]:
        return self.replica.records(KIND)

    def get(self, sid: str) -> Record | None:
        return self.replica.get(KIND, sid)

    def save(self, sid: str, values: dict[str, Any], *, actor: str) -> Record:
        if not ID_RE.fullmatch(sid):
            raise RegisterError(f"supplier id {sid!r}: use letters, digits, - _ . "
                                "(at most 64)")
        return self.replica.put(KIND, sid, values, actor=actor)

    def remove(self, sid: str, *, actor: str) -> None:
        self.replica.delete(KIND, sid, actor=actor)

    def lapsing(self, within_days: int) -> list[CertStatus]:
        today = self.today()
        return sorted((c for r in self.all() for c in certificates(r, today)
                       if c.days_left <= within_days), key=lambda c: c.days_left)

    def min_days_left(self, sid: str, standards: Iterable[str] | None = None) -> float | None:
        """Days until the supplier's first (chosen) certificate lapses; None: no such one."""
        rec = self.get(sid)
        if rec is None:
            return None
        wanted = set(standards) if standards else None
        days = [c.days_left for c in certificates(rec, self.today())
                if wanted is None or c.standard in wanted]
        return float(min(days)) if days else None

    # --- CSV with the ERP ----------------------------------------------------------------

    def import_csv(self, text: str, *, actor: str) -> int:
        """Import every row or none: a broken file raises CsvError naming row and column."""
        parsed = parse_csv(text)
        for sid, values in parsed.items():
            current = self.get(sid)
            merged = {**(current.values() if current else {}), **values}
            try:
                validate(merged)
            except RecordError as e:
                raise CsvError(f"supplier {sid}: {e}") from None
        for sid, values in parsed.items():
            self.replica.put(KIND, sid, values, actor=actor, action="import")
        return len(parsed)

    def export_csv(self) -> str:
        return export_csv(self.all())


CSV_COLUMNS = ("supplier_id", "name", "country", "supplies", "transport", "key",
               "co2e_kg_per_unit", "recycled_share", "packaging", "cert_standard",
               "cert_number", "cert_issuer", "cert_valid_from", "cert_valid_to",
               "cert_document", "cert_sha256")
REQUIRED = ("supplier_id", "name")


class CsvError(ValueError):
    """A CSV file that cannot be imported; nothing of it was imported."""


def parse_csv(text: str) -> dict[str, dict[str, Any]]:
    """One row per supplier certificate (supplier columns repeat; a row without a
    certificate is allowed). `supplies` is separated by `;`. Returns values by id."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CsvError(f"row 1: missing column {missing[0]!r} (expected: "
                       f"{', '.join(CSV_COLUMNS)})")
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown:
        raise CsvError(f"row 1: unknown column {unknown[0]!r}")
    out: dict[str, dict[str, Any]] = {}
    for n, row in enumerate(reader, start=2):
        if None in row:
            raise CsvError(f"row {n}: more fields than columns")

        def cell(col: str, n: int = n, row: dict[str, Any] = row) -> str:
            return (row.get(col) or "").strip()

        def fail(col: str, msg: str, n: int = n) -> CsvError:
            return CsvError(f"row {n}, column {col}: {msg}")

        sid = cell("supplier_id")
        if not ID_RE.fullmatch(sid):
            raise fail("supplier_id", f"{sid!r} is not a valid id")
        entry = out.setdefault(sid, {"certifications": []})
        for col in ("name", "country", "transport", "packaging"):
            if cell(col):
                entry[col] = cell(col)
        if not entry.get("name"):
            raise fail("name", "is required")
        if cell("transport") and cell("transport") not in TRANSPORT:
            raise fail("transport", f"must be one of {', '.join(TRANSPORT)}")
        if cell("supplies"):
            entry["supplies"] = [s.strip() for s in cell("supplies").split(";") if s.strip()]
        if cell("key"):
            if cell("key").lower() not in ("yes", "no", "true", "false", "1", "0"):
                raise fail("key", "expected yes or no")
            entry["key"] = cell("key").lower() in ("yes", "true", "1")
        for col, lo, hi in (("co2e_kg_per_unit", 0.0, None), ("recycled_share", 0.0, 1.0)):
            if cell(col):
                try:
                    v = float(cell(col).replace(",", "."))
                except ValueError:
                    raise fail(col, f"{cell(col)!r} is not a number") from None
                if v < lo or (hi is not None and v > hi):
                    raise fail(col, f"must be between {lo} and {hi}")
                entry[col] = v
        if cell("cert_standard"):
            cert = {"standard": cell("cert_standard"), "number": cell("cert_number"),
                    "issuer": cell("cert_issuer"), "valid_from": cell("cert_valid_from"),
                    "valid_to": cell("cert_valid_to"), "document": cell("cert_document"),
                    "sha256": cell("cert_sha256").lower()}
            if cert["standard"] not in STANDARDS:
                raise fail("cert_standard", f"must be one of {', '.join(STANDARDS)}")
            for col in ("cert_valid_from", "cert_valid_to"):
                try:
                    if cell(col) or col == "cert_valid_to":
                        dt.date.fromisoformat(cell(col))
                except ValueError:
                    raise fail(col, f"{cell(col)!r} is not a date (YYYY-MM-DD)") from None
            entry["certifications"].append(cert)
    if not out:
        raise CsvError("the file has no supplier rows")
    return out


def export_csv(records: Iterable[Record]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for rec in records:
        base = {"supplier_id": rec.id, "name": rec.get("name", ""),
                "country": rec.get("country", ""),
                "supplies": ";".join(rec.get("supplies", []) or []),
                "transport": rec.get("transport", ""),
                "key": "yes" if rec.get("key") else "no",
                "co2e_kg_per_unit": _num(rec.get("co2e_kg_per_unit")),
                "recycled_share": _num(rec.get("recycled_share")),
                "packaging": rec.get("packaging", "")}
        certs = rec.get("certifications", []) or []
        if not certs:
            w.writerow(base)
        for c in certs:
            w.writerow({**base, "cert_standard": c["standard"],
                        "cert_number": c.get("number", ""), "cert_issuer": c.get("issuer", ""),
                        "cert_valid_from": c.get("valid_from", ""),
                        "cert_valid_to": c["valid_to"], "cert_document": c.get("document", ""),
                        "cert_sha256": c.get("sha256", "")})
    return buf.getvalue()


def _num(v: Any) -> str:
    return "" if v is None else f"{v:g}"
