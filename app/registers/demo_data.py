"""The demo's registers: an ERP supplier export to import (dates relative to today, so
certificates lapse soon whatever the day) and two risks whose indicators move with the
plant: press hydraulics (oil temperature, crosses with the `press_overheat` fault) and
steel coil supply (days until the key supplier's ISO 14001 lapses)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.registers.service import Registers
from app.registers.suppliers import CSV_COLUMNS

OIL_TAG = "demo/body/line1/press/press1/oil_temp"

_SUPPLIERS = (  # id, name, country, supplies, transport, key, co2e, recycled, certs
    ("acme-steel", "ACME Stahl GmbH", "DE", "steel coil;blanks", "rail", "yes", 1.85, 0.35,
     (("ISO 14001", 20), ("ISO 50001", 400), ("IATF 16949", 500))),
    ("nordglas", "Nordglas AB", "SE", "windscreens;side glass", "sea", "yes", 4.2, 0.2,
     (("ISO 14001", 75), ("ISO 45001", 300))),
    ("polymix", "Polymix S.A.", "PL", "bumpers;trim", "road", "no", 3.1, 0.5,
     (("EMAS", 640),)),
    ("lackwerk", "Lackwerk Süd", "DE", "primer;base coat;clear coat", "road", "yes", 2.6,
     0.1, (("ISO 14001", -12), ("ISO 9001", 200))),
    ("fastenit", "FastenIt Srl", "IT", "bolts;clips", "road", "no", None, None,
     (("IATF 16949", 150),)),
)


def supplier_csv(today: dt.date) -> str:
    lines = [",".join(CSV_COLUMNS)]
    for sid, name, country, supplies, transport, key, co2e, recycled, certs in _SUPPLIERS:
        for n, (std, days) in enumerate(certs):
            end = today + dt.timedelta(days=days)
            start = end - dt.timedelta(days=3 * 365)
            lines.append(",".join((
                sid, name, country, supplies, transport, key,
                "" if co2e is None else f"{co2e:g}", "" if recycled is None else f"{recycled:g}",
                "returnable racks", std, f"{country}-{std[-5:].strip()}-{100 + n}",
                "TÜV Nord" if country == "DE" else "DNV", start.isoformat(), end.isoformat(),
                "", "")))
    return "\n".join(lines) + "\n"


def seed(registers: Registers, import_dir: Path, today: dt.date) -> None:
    """Write the ERP export for purchasing to import, and the demo risks once."""
    import_dir.mkdir(parents=True, exist_ok=True)
    (import_dir / "erp-suppliers.csv").write_text(supplier_csv(today), encoding="utf-8")
    risks = registers.risks
    if risks.all():
        return
    review = (today + dt.timedelta(days=30)).isoformat()
    risks.save("press-hydraulics", {
        "title": "Press hydraulics failure", "category": "technical", "likelihood": 2,
        "impact": 4, "owner": "max", "owner_role": "maintenance", "review": review,
        "description": "Hydraulic unit of press 1 overheats under high stroke rates.",
        "indicators": [{"id": "oil", "kind": "tag", "ref": OIL_TAG, "op": ">",
                        "threshold": 80, "propose_likelihood": 4,
                        "label": "press oil temperature (°C)"}]}, actor="demo")
    risks.save("steel-supply", {
        "title": "Steel coil supply interruption", "category": "supply", "likelihood": 2,
        "impact": 5, "owner": "sam", "owner_role": "supervisor", "review": review,
        "description": "Single source for coil; its environmental certificate is a "
                       "condition of the OEM contract.",
        "indicators": [{"id": "cert", "kind": "supplier_cert_days", "ref": "acme-steel",
                        "op": "<", "threshold": 30, "propose_likelihood": 3,
                        "label": "days until ACME's ISO 14001 lapses"}]}, actor="demo")
    risks.save("energy-price", {
        "title": "Electricity price spike", "category": "energy", "likelihood": 3,
        "impact": 3, "owner": "sam", "owner_role": "supervisor", "review": review},
        actor="demo")
