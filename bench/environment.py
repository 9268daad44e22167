"""Environment: a monthly ESG report from a month of rollups, and anomaly scoring.

Monthly report: 30 days of minute rollups for 5 parameters (216,000 rows) plus a
month's alarm journal and exceedance journal; `esg.build` (every section, JSON-ready)
against one bare `SELECT param, SUM(weighted)/SUM(covered_s) ... GROUP BY param` over the
same rows: the least a report must read. The PDF is timed separately (Qt offscreen).

Anomaly scoring: the four checks (stuck, step, CUSUM drift over 2 h, seasonal against
14 days) over a parameter's minute rows, per parameter per second, against a bare
NumPy median/MAD of the same windows.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import Result, Scale, log

PARAMS = ("voc", "hall_co2", "ph", "cod", "scrap")


def _store(folder: Path, days: int):  # type: ignore[no-untyped-def]
    from app.environment.rollups import MINUTE
    from app.store import Store

    store = Store(folder / "env.db", terminal_id="bench").open()
    end = (time.time() // 86400) * 86400
    start = end - days * 86400
    rnd = random.Random(2)

    def seed(c) -> None:  # type: ignore[no-untyped-def]
        rows = []
        for p in PARAMS:
            for i in range(days * 1440):
                v = 30 + 5 * rnd.random()
                rows.append((p, int(start + i * MINUTE), v * 60, 60.0, v, v, v,
                             2.5 if p == "scrap" else 0.0))
        c.executemany("INSERT INTO env_minute (param, minute, weighted, covered_s, vmin, vmax,"
                      " last, delta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        c.executemany("INSERT INTO alarm_journal (ts, alarm_id, event, priority, origin) "
                      "VALUES (?, ?, ?, ?, 'local')",
                      [(start + 600 * k, f"a{k % 40}", "activated" if k % 2 == 0
                        else "acknowledged", 1 + k % 4) for k in range(days * 144)])
        c.executemany("INSERT INTO env_events (param, kind, start, end, value, limit_value, "
                      "rule) VALUES ('voc', 'exceedance', ?, ?, 80, 50, 'block_mean')",
                      [(start + 86400 * d, start + 86400 * d + 1800) for d in range(days)])

    store.submit(seed).result(600)
    return store, start, end


def run(scale: Scale) -> list[Result]:
    import app.alarms.journal  # noqa: F401 (its table)
    from app import config, paths
    from app.environment import anomaly as an
    from app.environment import esg
    from app.environment.rollups import read_rows

    days = scale.pick(30, 2)
    out: list[Result] = []
    cfg = config.load(paths.DEMO_SITE)
    with tempfile.TemporaryDirectory() as tmp:
        store, start, end = _store(Path(tmp), days)
        try:
            times, base = [], []
            for _ in range(scale.pick(3, 1)):
                t = time.perf_counter()
                rep = esg.build(cfg, store, start, end, label="bench",
                                environment=cfg.sections["environment"],
                                energy=cfg.sections.get("energy"),
                                hazards=cfg.sections.get("hazards"), now=end)
                times.append(time.perf_counter() - t)
                t = time.perf_counter()
                with store.read() as conn:
                    conn.execute("SELECT param, SUM(weighted) / SUM(covered_s) FROM env_minute"
                                 " WHERE minute >= ? AND minute < ? GROUP BY param",
                                 (start, end)).fetchall()
                base.append(time.perf_counter() - t)
            ms, bms = statistics.median(times) * 1000, statistics.median(base) * 1000
            log.info("monthly ESG report %.0f ms, bare aggregate %.0f ms", ms, bms)
            out.append(Result(f"ESG report, {days} days of rollups (5 parameters)", ms, bms,
                              "ms", higher_is_better=False,
                              notes="every section; baseline: one GROUP BY over the rows"))
            try:
                from widgets import esg_pdf

                t = time.perf_counter()
                esg_pdf.render_offscreen(rep, Path(tmp) / "r.pdf")
                pdf_ms = (time.perf_counter() - t) * 1000
                out.append(Result("ESG report PDF (Qt offscreen, A4)", pdf_ms, None, "ms",
                                  higher_is_better=False, notes="no baseline: PDF alone"))
            except Exception as e:  # no Qt libraries on this machine
                log.warning("PDF not timed: %s", e)
            with store.read() as conn:
                rows = read_rows(conn, "voc", end - 27 * 3600, end)
            recent, history = rows[-180:], rows[:-180]
            n = scale.pick(200, 10)
            same = [30 + 5 * random.random() for _ in range(14)]
            t = time.perf_counter()
            for _ in range(n):
                an.stuck(recent, history + recent)
                an.step(recent)
                an.drift(recent[-120:], history)
                an.seasonal(31.0, end, same)
            ls = n / (time.perf_counter() - t)
            arr = np.array([r.mean for r in history])
            t = time.perf_counter()
            for _ in range(n):
                med = np.median(arr)
                np.median(np.abs(arr - med))
                np.median(arr[-30:])
            bare = n / (time.perf_counter() - t)
            out.append(Result("anomaly checks per parameter (4 kinds, 27 h of minutes)", ls,
                              bare, "checks/s",
                              notes="baseline: NumPy median and MAD of the same history"))
        finally:
            store.close()
    return out
