"""Energy: the ledger's folding rate against a bare NumPy integration of the same
samples, and a 30-day KPI report from the hourly rollups against a bare SQL aggregate.

Folding: 10 power-only meters at 1 Hz with their stations changing state every few
minutes, delivered in runtime batches of 1,000 to `EnergyLedger.on_samples` (the
trapezoid split by hour and by producing/idle, gap checks, the live line peak), then
one flush to the store. The baseline integrates the same samples per meter and hour
with `np.trapezoid` on arrays built beforehand (no states, no gaps, no store): the
least work that gives the same kWh; both totals are checked to agree.

KPI query: 30 days of ledger rows (10 meters and the line, 7,920 rows) read and turned
into the full report (KPIs, tariff, Pareto, EnPI) against one `SELECT meter,
SUM(kwh) ... GROUP BY meter` over the same rows.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import Result, Scale, log

METERS = 10
BATCH = 1_000


def _config():  # type: ignore[no-untyped-def]
    from app.energy.config import EnergyConfig, Meter, MeterKind, TariffBand

    meters = tuple(Meter(f"m{i}", MeterKind.CONSUMER, f"Meter {i}", f"s{i}",
                         power=f"bench/m{i}/kw") for i in range(METERS))
    return EnergyConfig(production_counter="bench/line/count", meters=meters,
                        grid_co2e_kg_per_kwh=0.363, market_co2e_kg_per_kwh=0.12,
                        tariff=(TariffBand(6, 22, 0.24), TariffBand(22, 6, 0.16)),
                        timezone="UTC", baseline_kwh_per_vehicle=4.6,
                        station_state_tags={f"s{i}": f"bench/s{i}/state"
                                            for i in range(METERS)})


def _samples(seconds: int) -> tuple[list, dict[str, tuple[np.ndarray, np.ndarray]]]:
    from app.model import Sample

    rnd = random.Random(1)
    t0 = 1_790_000_000.0
    out: list = []
    arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    ts = t0 + np.arange(seconds, dtype=float)
    for i in range(METERS):
        kw = 20.0 + 80.0 * np.abs(np.sin(ts / (300.0 + 37 * i))) + np.array(
            [rnd.random() for _ in range(seconds)])
        arrays[f"m{i}"] = (ts, kw)
    for k in range(seconds):
        t = t0 + k
        if k % 240 == 0:
            for i in range(METERS):
                out.append(Sample(f"bench/s{i}/state", t, "running" if (k // 240 + i) % 3
                                  else "idle"))
        for i in range(METERS):
            out.append(Sample(f"bench/m{i}/kw", t, float(arrays[f"m{i}"][1][k])))
    return out, arrays


def _numpy_kwh(arrays: dict[str, tuple[np.ndarray, np.ndarray]]) -> tuple[float, float]:
    """Per meter and hour, trapezoid integral in kWh; returns (seconds taken, total)."""
    t = time.perf_counter()
    total = 0.0
    for ts, kw in arrays.values():
        hours = np.floor(ts / 3600.0) * 3600.0
        # split the series at hour starts (add the interpolated point at each boundary)
        edges = np.unique(hours)[1:]
        x = np.concatenate([ts, edges])
        y = np.concatenate([kw, np.interp(edges, ts, kw)])
        order = np.argsort(x, kind="stable")
        x, y = x[order], y[order]
        idx = np.searchsorted(x, edges)
        for a, b in zip(np.concatenate([[0], idx]), np.concatenate([idx + 1, [len(x)]]),
                        strict=True):
            total += float(np.trapezoid(y[a:b], x[a:b])) / 3600.0
    return time.perf_counter() - t, total


def fold(scale: Scale) -> Result:
    from app.energy.ledger import EnergyLedger, read_rows
    from app.store import Store

    seconds = scale.pick(3 * 3600, 300)
    samples, arrays = _samples(seconds)
    n_power = seconds * METERS
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "e.db", terminal_id="bench").open()
        try:
            led = EnergyLedger(_config(), store)
            t = time.perf_counter()
            for i in range(0, len(samples), BATCH):
                led.on_samples(samples[i:i + BATCH])
            led.flush()
            store.flush(60)
            took = time.perf_counter() - t
            rows = read_rows(store, 0, 4e9)
        finally:
            store.close()
    ours = sum(r.kwh for r in rows if r.meter != "_line")
    base_s, base_total = _numpy_kwh(arrays)
    agree = abs(ours - base_total) <= 1e-6 * max(1.0, base_total)
    log.info("energy fold: %d samples in %.2f s; kWh %.4f vs numpy %.4f", len(samples),
             took, ours, base_total)
    return Result("energy: ledger folding", round(n_power / took), round(n_power / base_s),
                  "power samples/s",
                  notes=f"{METERS} meters x {seconds} s at 1 Hz, states every 4 min, "
                        f"batches of {BATCH}, one store flush; NumPy: np.trapezoid per "
                        f"meter and hour on prebuilt arrays, no states or store; totals "
                        f"{'agree' if agree else 'DIFFER'} ({ours:.3f} vs {base_total:.3f} kWh)",
                  extra={"kwh": ours, "numpy_kwh": base_total, "agree": agree})


def kpi_query(scale: Scale) -> Result:
    from app.energy.kpis import report
    from app.energy.ledger import LINE
    from app.store import Store

    days = scale.pick(30, 2)
    cfg = _config()
    h0 = 1_790_000_000 // 3600 * 3600
    rnd = random.Random(2)
    rows = []
    for h in range(days * 24):
        hour = h0 + h * 3600
        for i in range(METERS):
            kwh = 40 + rnd.random() * 40
            idle = kwh * rnd.random() * 0.2
            rows.append((f"m{i}", hour, kwh, kwh - idle, idle, 90.0, 0.0, idle / 2, 600.0,
                         0))
        rows.append((LINE, hour, 0, 0, 0, 600.0, 0, 0, 0, 50))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "e.db", terminal_id="bench").open()
        try:
            store.submit(lambda c: c.executemany(
                "INSERT INTO energy_ledger (meter, hour, kwh, producing_kwh, idle_kwh, peak_kw,"
                " gap_s, sleepable_kwh, sleepable_s, vehicles) VALUES (?,?,?,?,?,?,?,?,?,?)",
                rows)).result(60)
            start, end = h0, h0 + days * 86400
            report(cfg, store, start, end)  # warm the read connection and the cache
            ours = []
            for _ in range(scale.pick(20, 3)):
                t = time.perf_counter()
                rep = report(cfg, store, start, end)
                ours.append(time.perf_counter() - t)
            conn = sqlite3.connect(Path(tmp) / "e.db")
            base = []
            for _ in range(scale.pick(20, 3)):
                t = time.perf_counter()
                conn.execute("SELECT meter, SUM(kwh), SUM(idle_kwh), MAX(peak_kw) FROM "
                             "energy_ledger WHERE hour >= ? AND hour < ? GROUP BY meter",
                             (start, end)).fetchall()
                base.append(time.perf_counter() - t)
            conn.close()
        finally:
            store.close()
    ms, base_ms = statistics.median(ours) * 1000, statistics.median(base) * 1000
    return Result("energy: 30-day KPI report", round(ms, 2), round(base_ms, 2), "ms",
                  higher_is_better=False,
                  notes=f"{days} days x {METERS} meters from the hourly rollups "
                        f"({len(rows)} rows), median of runs; the full report (tariff per "
                        f"hour, PV, CO2e, Pareto, EnPI) vs one bare SQL GROUP BY; "
                        f"{rep.kwh:,.0f} kWh",
                  extra={"rows": len(rows)})


def run(scale: Scale) -> list[Result]:
    return [fold(scale), kpi_query(scale)]
