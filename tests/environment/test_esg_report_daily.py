"""Each permitted parameter per day against its limit in the ESG report: the same per-day
figures in JSON and CSV, a chart per parameter in the PDF's environment section with the
day over the limit named beneath it (read back with pdftotext)."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app import config, paths
from app.environment import esg
from app.store import Store

START = dt.datetime(2025, 6, 10).timestamp()  # local midnight; three days, no DST change
END = dt.datetime(2025, 6, 13).timestamp()
DAYS = ["2025-06-10", "2025-06-11", "2025-06-12"]


def minutes(param: str, t0: float, n: int, mean: float, *, lo: float | None = None,
            hi: float | None = None, delta: float = 0.0) -> list[tuple]:
    t0 = t0 // 60 * 60
    return [(param, int(t0 + 60 * i), 60 * mean, 60.0, mean if lo is None else lo,
             mean if hi is None else hi, mean, delta) for i in range(n)]


@pytest.fixture
def store(tmp_path: Path):
    day = [START + i * 86400 for i in range(3)]
    rows = []
    for d, cod in zip(day, (300.0, 452.0, 350.0), strict=True):
        rows += minutes("cod", d + 8 * 3600, 120, cod)  # wastewater COD, daily mean <= 400
        rows += minutes("scrap", d + 8 * 3600, 120, 0.0, delta=50.0)  # 6000 kg a day
    block = (day[2] + 10 * 3600) // 1800 * 1800  # VOC: one half-hour block at 80 on day 3
    rows += minutes("voc", day[2] + 6 * 3600, 240, 30.0) + minutes("voc", block, 30, 80.0)
    rows += minutes("ph", day[0] + 9 * 3600, 60, 7.5, lo=7.2, hi=9.8)  # one reading past 9.5
    rows += minutes("ph", day[1] + 9 * 3600, 60, 7.5, lo=7.1, hi=7.9)  # day 3: no data
    rows += minutes("hall_co2", day[1] + 7 * 3600, 240, 600.0)
    rows += minutes("hall_co2", day[1] + 11 * 3600, 90, 1150.0)  # an hour's mean of 1150

    with Store(tmp_path / "t.db", terminal_id="t1") as s:
        def seed(c):
            # INSERT OR REPLACE: the VOC block overwrites those minutes of the 30 mg/m³
            c.executemany("INSERT OR REPLACE INTO env_minute (param, minute, weighted, "
                          "covered_s, vmin, vmax, last, delta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          rows)
        s.submit(seed).result(10)
        yield s


def report(store: Store) -> esg.EsgReport:
    cfg = config.load(paths.DEMO_SITE)
    return esg.build(cfg, store, START, END, label="2025-06-10 to 2025-06-12",
                     environment=cfg.sections["environment"], energy=None,
                     hazards=cfg.sections["hazards"], now=END)


def daily(rows: list[dict], name: str, figure: str) -> list[tuple]:
    return [(r["day"], r["value"], r["over limit"]) for r in rows
            if r["parameter"] == name and r["figure"] == figure]


def test_json_and_csv_carry_each_parameter_per_day_with_the_day_over_its_limit(
        store, tmp_path) -> None:
    rep = report(store)
    rows = rep.to_json()["sections"]["environment"]["tables"]["emissions_daily"]
    assert daily(rows, "Wastewater COD", "daily mean") == [
        ("2025-06-10", 300.0, False), ("2025-06-11", 452.0, True),
        ("2025-06-12", 350.0, False)]
    cod = next(r for r in rows if r["parameter"] == "Wastewater COD")
    assert (cod["unit"], cod["low limit"], cod["high limit"]) == ("mg/l", None, 400.0)
    assert daily(rows, "Paint booth VOC", "highest block mean") == [
        ("2025-06-10", None, False), ("2025-06-11", None, False), ("2025-06-12", 80.0, True)]
    assert daily(rows, "Hall CO2", "highest rolling mean") == [
        ("2025-06-10", None, False), ("2025-06-11", 1150.0, True), ("2025-06-12", None, False)]
    assert daily(rows, "Blanking scrap", "daily total") == [
        (d, 6000.0, False) for d in DAYS]
    # pH has a range: the day's highest and lowest reading, each against its side
    assert daily(rows, "Wastewater pH", "highest value") == [
        ("2025-06-10", 9.8, True), ("2025-06-11", 7.9, False), ("2025-06-12", None, False)]
    assert daily(rows, "Wastewater pH", "lowest value") == [
        ("2025-06-10", 7.2, False), ("2025-06-11", 7.1, False), ("2025-06-12", None, False)]

    rep.write_csv(tmp_path / "csv")
    with (tmp_path / "csv" / "emissions_daily.csv").open(encoding="utf-8-sig") as fh:
        got = list(csv.DictReader(fh))
    assert [(r["day"], r["value"], r["high limit"], r["over limit"]) for r in got
            if r["parameter"] == "Wastewater COD"] == [
        ("2025-06-10", "300.0", "400.0", "False"), ("2025-06-11", "452.0", "400.0", "True"),
        ("2025-06-12", "350.0", "400.0", "False")]


@pytest.mark.skipif(shutil.which("pdftotext") is None,
                    reason="pdftotext (poppler-utils) is not installed")
def test_the_pdf_charts_each_parameter_per_day_and_names_the_day_over_the_limit(
        qapp, store, tmp_path) -> None:
    from widgets import esg_pdf

    pdf = esg_pdf.render(report(store), tmp_path / "esg.pdf", "en")
    text = re.sub(r"\s+", " ", subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    environment, social = text.index("Environment"), text.index("Social")
    cod = text.index("Wastewater COD per day against its limit")
    assert environment < cod < social  # in the environment section
    assert "daily mean · limit ≤ 400 mg/l · over the limit on: 2025-06-11 (452)" in text
    assert "over the limit on: 2025-06-12 (80)" in text  # VOC's half-hour block
    assert "over the limit on: 2025-06-10 (9.8)" in text  # pH's high reading
    assert "Blanking scrap per day against its limit" in text
    # the chart replaces the per-day table: no table headed "Emissions per day" in the PDF
    assert "Emissions per day against permit limits" not in text
