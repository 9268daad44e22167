"""Supplier CSV, scores and certificate warnings; risk indicators, proposals and overdue
measures; channel rules — on a real store and the real alarm engine, with a fake clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmState, Priority
from app.auth.permissions import Role
from app.registers.channels import Channels
from app.registers.replica import RegisterError, Replica
from app.registers.risks import RiskRegister, band
from app.registers.suppliers import CsvError, SupplierRegister, parse_csv, score
from app.registers.watch import RegisterWatch, WatchConfig
from app.store import Store


class Clock:
    def __init__(self, day: str) -> None:
        self.t = dt.datetime.fromisoformat(day + "T12:00:00+00:00").timestamp()

    def __call__(self) -> float:
        return self.t

    def days(self, n: float) -> None:
        self.t += n * 86400


@pytest.fixture
def env(tmp_path: Path):
    clock = Clock("2026-12-01")
    with Store(tmp_path / "t.db", terminal_id="t1") as store:
        replica = Replica(store, None, terminal_id="t1", topic_root="p1", clock=clock)
        suppliers = SupplierRegister(replica, clock)
        tags: dict[str, float] = {}
        risks = RiskRegister(replica, clock, latest=tags.get,
                             supplier_days=suppliers.min_days_left)
        channels = Channels(replica, clock)
        replica.start()
        engine = AlarmEngine(clock=clock, terminal_id="t1")
        watch = RegisterWatch(engine, suppliers, risks, WatchConfig(), clock)
        yield clock, store, suppliers, risks, channels, engine, watch, tags


CSV = """supplier_id,name,country,supplies,transport,key,co2e_kg_per_unit,recycled_share,\
packaging,cert_standard,cert_number,cert_issuer,cert_valid_from,cert_valid_to,cert_document,\
cert_sha256
acme,ACME Stahl,DE,steel coil;blanks,rail,yes,1.9,0.4,returnable,ISO 14001,DE-1,TÜV,\
2024-01-01,2027-01-20,,
acme,ACME Stahl,DE,steel coil;blanks,rail,yes,1.9,0.4,returnable,ISO 50001,DE-2,TÜV,\
2024-01-01,2026-12-20,,
glasco,Glas & Co,PL,windscreens,road,no,,,,ISO 14001,PL-9,DNV,2023-01-01,2028-01-01,,
"""


def test_csv_import_builds_suppliers_and_export_round_trips(env) -> None:
    _clock, _store, suppliers, *_ = env
    assert suppliers.import_csv(CSV, actor="paul") == 2
    acme = suppliers.get("acme")
    assert acme.get("supplies") == ["steel coil", "blanks"] and acme.get("key") is True
    assert len(acme.get("certifications")) == 2
    again = suppliers.export_csv()
    assert again.splitlines()[0] == CSV.splitlines()[0]
    assert parse_csv(again) == parse_csv(CSV)


@pytest.mark.parametrize("broken, where", [
    (CSV.replace("2026-12-20", "20.12.2026"), "row 3, column cert_valid_to"),
    (CSV.replace(",rail,", ",teleport,", 1), "row 2, column transport"),
    (CSV.replace("ISO 50001", "ISO 99999"), "row 3, column cert_standard"),
    (CSV.replace(",0.4,", ",40%,", 1), "row 2, column recycled_share"),
    (CSV.replace("supplier_id,", "lieferant,", 1), "row 1: missing column 'supplier_id'"),
    (CSV + "bad id!,X,DE\n", "row 5, column supplier_id"),
])
def test_a_broken_csv_imports_nothing_and_names_row_and_column(env, broken, where) -> None:
    _clock, _store, suppliers, *_ = env
    with pytest.raises(CsvError, match=where.replace("(", r"\(")):
        suppliers.import_csv(broken, actor="paul")
    assert suppliers.all() == []


def test_score_follows_the_formula(env) -> None:
    _clock, _store, suppliers, *_ = env
    suppliers.import_csv(CSV, actor="paul")
    suppliers.save("acme", {"audits": [{"date": "2026-06-01", "auditor": "EHS", "score": 80,
                                        "findings": [{"text": "oil drums unlabelled",
                                                      "action": "label", "owner": "ACME",
                                                      "deadline": "2026-11-01",
                                                      "status": "open"}]}]}, actor="paul")
    rec = suppliers.get("acme")
    # certificates 0.5 + 0.25; audit 0.8 - 0.1 (one overdue); data 0.4 * 0.5 + 0.5
    assert score(rec, dt.date(2026, 12, 1)) == round(40 * 0.75 + 40 * 0.7 + 20 * 0.7, 1)


def test_certificate_warnings_fire_at_90_and_30_days_and_on_lapse(env) -> None:
    clock, _store, suppliers, _risks, _ch, engine, watch, _tags = env
    suppliers.import_csv(CSV, actor="paul")
    watch.check()
    aid = "supplier.acme.cert.iso_50001"  # lapses 2026-12-20: 19 days from now
    assert engine.get(aid).state is AlarmState.UNACK
    assert engine.get(aid).definition.priority is Priority.MEDIUM
    assert "lapses in 19 days" in engine.get(aid).message
    assert engine.get("supplier.acme.cert.iso_14001").definition.priority is Priority.LOW
    assert "supplier.glasco.cert.iso_14001" not in watch.active()
    clock.days(20)
    watch.check()
    assert engine.get(aid).definition.priority is Priority.HIGH
    assert "lapsed 1 days ago" in engine.get(aid).message
    suppliers.save("acme", {"certifications": [
        {"standard": "ISO 50001", "valid_to": "2029-12-20"}]}, actor="paul")
    watch.check()
    assert engine.get(aid).active is False  # renewed: the condition clears


def test_an_indicator_crossing_raises_the_early_warning_and_proposes(env) -> None:
    clock, _store, suppliers, risks, _ch, engine, watch, tags = env
    suppliers.import_csv(CSV, actor="paul")
    risks.save("steel", {"title": "Steel coil shortage", "category": "supply",
                         "likelihood": 2, "impact": 5, "owner": "sam", "indicators": [
                             {"id": "stock", "kind": "tag", "ref": "p1/log/coil_days",
                              "op": "<", "threshold": 3, "propose_likelihood": 4,
                              "label": "coil stock (days)"},
                             {"id": "cert", "kind": "supplier_cert_days", "ref": "acme",
                              "op": "<", "threshold": 10, "propose_likelihood": 3}]},
               actor="sam")
    tags["p1/log/coil_days"] = 5.0
    watch.check()
    assert not any(a.startswith("risk.") for a in watch.active())
    tags["p1/log/coil_days"] = 2.0
    watch.check()
    assert engine.get("risk.steel.indicator.stock").active
    assert "coil stock (days) is 2" in engine.get("risk.steel.indicator.stock").message
    assert risks.get("steel").get("proposal")["likelihood"] == 4
    risks.accept_proposal("steel", actor="sam")
    rec = risks.get("steel")
    assert rec.get("likelihood") == 4 and rec.get("proposal") is None
    assert [h["score"] for h in rec.get("history")] == [10, 20]
    assert band(20) == "critical"
    clock.days(10)  # the acme 50001 certificate is now 9 days from lapsing
    watch.check()
    assert engine.get("risk.steel.indicator.cert").active


def test_overdue_measures_escalate_to_the_supervisor(env) -> None:
    clock, _store, _s, risks, _ch, engine, watch, _tags = env
    risks.save("press", {"title": "Press hydraulics failure", "category": "technical",
                         "likelihood": 3, "impact": 4, "owner": "max",
                         "owner_role": "maintenance"}, actor="sofia")
    risks.add_measure("press", "Replace accumulator", "max", "2026-12-03", actor="sofia")
    watch.check()
    mid = risks.get("press").get("measures")[0]["id"]
    aid = f"risk.press.measure.{mid}"
    assert aid not in watch.active()
    clock.days(3)
    watch.check()
    assert "for the maintenance" in engine.get(aid).message
    assert engine.get(aid).definition.priority is Priority.MEDIUM
    clock.days(7)
    watch.check()
    assert "for the supervisor" in engine.get(aid).message
    assert engine.get(aid).definition.priority is Priority.HIGH
    risks.set_measure_status("press", mid, "done", actor="max")
    watch.check()
    assert not engine.get(aid).active


def test_channels_keep_order_departments_and_receipts(env) -> None:
    clock, _store, _s, _r, channels, *_ = env
    m1 = channels.post("production", "Robot 2 gripper worn?", author="anna",
                       role=Role.OPERATOR, mentions=("maintenance",))
    with pytest.raises(RegisterError, match="only quality"):
        channels.post("quality", "x", author="anna", role=Role.OPERATOR)
    clock.t += 1
    m2 = channels.post("maintenance", "On it, 10 min", author="max", role=Role.MAINTENANCE,
                       link={"type": "station", "id": "robot2"})
    channels.post("shift", "Handover: robot 2 gripper swap pending", author="anna",
                  role=Role.OPERATOR)
    assert [m.id for m in channels.messages("maintenance")] == [m1.id, m2.id]
    assert channels.messages("maintenance")[1].link == {"type": "station", "id": "robot2"}
    channels.mark_read(m2.id, actor="anna")
    assert "t1" in next(m for m in channels.messages("maintenance") if m.id == m2.id).read_by


def test_an_indicator_on_another_domains_kpi(env) -> None:
    _clock, _store, _s, risks, _ch, engine, watch, _tags = env
    idle = [40.0]
    risks.kpis["energy.idle_kw"] = lambda: idle[0]
    risks.save("energy-waste", {"title": "Idle energy cost", "category": "energy",
                                "likelihood": 2, "impact": 3, "indicators": [
                                    {"id": "idle", "kind": "kpi", "ref": "energy.idle_kw",
                                     "op": ">", "threshold": 100, "label": "idle kW"}]},
               actor="sam")
    watch.check()
    assert "risk.energy-waste.indicator.idle" not in watch.active()
    idle[0] = 130.0
    watch.check()
    assert engine.get("risk.energy-waste.indicator.idle").active
    risks.kpis["energy.idle_kw"] = lambda: 1 / 0  # a failing KPI never hides the register
    assert risks.readings(risks.get("energy-waste"))[0].value is None
