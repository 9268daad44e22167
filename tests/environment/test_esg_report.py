"""The ESG report from a real store: every section in the PDF (read back with pdftotext,
fonts embedded, Chinese too), one CSV per table, the JSON for upstream systems, no
personal data, and the `lineside report esg` command."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from app import cli, config, paths
from app.environment import esg
from app.store import Store

DAY = 86400
NOW = time.time()
START = (NOW - 3 * DAY) // DAY * DAY
END = NOW + 3600  # the audit records of the test are stamped now


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "t.db", terminal_id="t1") as s:
        def seed(c):
            c.executemany(
                "INSERT INTO env_minute (param, minute, weighted, covered_s, vmin, vmax, last, "
                "delta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [("voc", int(START + 60 * i), 60 * 30.0, 60.0, 29.0, 31.0, 30.0, 0.0)
                 for i in range(0, 24 * 60)]
                + [("scrap", int(START + 60 * i), 0.0, 60.0, None, None, None, 2.5)
                   for i in range(0, 24 * 60)])
            c.execute("INSERT INTO env_events (param, kind, start, end, value, limit_value, "
                      "rule, cause, action, noted_by) VALUES ('voc', 'exceedance', ?, ?, 81.3,"
                      " 50, 'block_mean', 'solvent valve open', 'closed and purged', 'anna')",
                      (START + 3600, START + 5400))
            c.execute("INSERT INTO env_anomalies (param, kind, since, found, observed, "
                      "evidence) VALUES ('voc', 'step', ?, ?, 90, 'a sudden step')",
                      (START + 3600, START + 3700))
            rows = [(START + 100, "line.estop", "activated", 1, "local"),
                    (START + 160, "line.estop", "acknowledged", 1, "local"),
                    (START + 200, "hall_gas_hi", "activated", 1, "local"),
                    (START + 230, "hall_gas_hi", "acknowledged", 1, "local"),
                    (START + 300, "health.W-3F7A", "activated", 2, "local"),
                    (START + 400, "zone.robot3", "activated", 1, "local")]
            c.executemany("INSERT INTO alarm_journal (ts, alarm_id, event, priority, origin) "
                          "VALUES (?, ?, ?, ?, ?)", rows)
            c.execute("INSERT INTO andon_items (id, updated, body) VALUES ('a1', ?, ?)",
                      (START + 500, json.dumps({"category": "safety", "created": START + 500,
                                                "reporter": "W-3F7A"})))
        s.submit(seed).result(10)
        s.audit.record("tara", "setpoint.write", "press1/stroke_rate_sp", "12 -> 14").result(5)
        yield s


def report(store: Store) -> esg.EsgReport:
    cfg = config.load(paths.DEMO_SITE)
    return esg.build(cfg, store, START, END, label="test period",
                     environment=cfg.sections["environment"], energy=cfg.sections["energy"],
                     hazards=cfg.sections["hazards"], now=END)


def test_json_and_csv_carry_every_section_and_no_personal_data(store, tmp_path) -> None:
    rep = report(store)
    doc = rep.to_json()
    env, social, gov = (doc["sections"][k] for k in ("environment", "social", "governance"))
    voc = next(r for r in env["tables"]["emissions"] if r["parameter"] == "Paint booth VOC")
    assert voc["period value"] == pytest.approx(30.0) and voc["exceedances"] == 1
    # one day of data in a period that has run (END - START) seconds
    assert voc["good data %"] == pytest.approx(100 * DAY / (END - START), abs=0.1)
    assert env["tables"]["waste"] == [{"category": "metal scrap", "kg": 3600.0,
                                       "recycled": 3600.0}]
    assert env["figures"]["recycling_share_pct"] == 100.0
    assert social["figures"] == {"estops": 1, "hazard_alarms": 2, "safety_andon": 1,
                                 "health_alerts": 1, "ack_median_s": 45.0}
    assert gov["tables"]["exceedance_journal"][0]["cause"] == "solvent valve open"
    assert gov["figures"]["setpoint_changes"] == 1
    text = json.dumps(doc)
    assert "W-3F7A" not in text and "anna" in text  # workers are never named; notes are
    files = rep.write_csv(tmp_path / "csv")
    assert {f.stem for f in files} >= {"energy", "emissions", "waste", "safety",
                                        "health_alerts", "exceedance_journal", "audit"}
    with (tmp_path / "csv" / "emissions.csv").open(encoding="utf-8-sig") as fh:
        assert next(csv.reader(fh))[0] == "parameter"


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="pdftotext (poppler-utils) is not installed")


@needs_poppler
@pytest.mark.parametrize("language, font", [("en", "DejaVu"), ("zh_CN", "Noto")])
def test_the_pdf_has_every_section_and_embeds_its_fonts(qapp, store, tmp_path, language,
                                                        font) -> None:
    from widgets import esg_pdf

    pdf = esg_pdf.render(report(store), tmp_path / "esg.pdf", language)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for heading in ("Environment", "Emissions against permit limits", "Waste by category",
                    "Social", "Safety (no personal data)", "Health alerts per shift",
                    "Governance", "Exceedances and early warnings", "Audit summary"):
        if language == "en":
            assert heading in text, heading
    assert "solvent valve open" in text and "Paint booth VOC" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(" yes " in r for r in rows)  # every font embedded
    assert any(font in r for r in rows)


@needs_poppler
def test_the_command_writes_pdf_csv_and_json(store, tmp_path, capsys) -> None:
    store.flush()
    args = ["report", "esg", "--store", str(store.path), "--site", str(paths.DEMO_SITE),
            "--from", time.strftime("%Y-%m-%dT%H:%M", time.localtime(START)),
            "--to", time.strftime("%Y-%m-%dT%H:%M", time.localtime(END)),
            "--out", str(tmp_path / "r.pdf"), "--csv", str(tmp_path / "csv"),
            "--json", str(tmp_path / "r.json")]
    assert cli.main(args) == 0
    assert (tmp_path / "r.pdf").stat().st_size > 10_000
    assert json.loads((tmp_path / "r.json").read_text())["report"] == "esg"
    assert cli.main(["report", "esg", "--store", str(store.path), "--period", "2026-13",
                     "--json", str(tmp_path / "x.json")]) == 2
    assert "expected YYYY-MM" in capsys.readouterr().err
