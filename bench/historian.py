"""Historian: rows/s through Store.historian.append (+ flush) against bare sqlite3
executemany into the same schema; and the 24-hour trend query (per-pixel min/max for
1,000 pixels) against fetching the rows and bucketing them with NumPy.

The query store is a terminal's full day: 500 tags at 1 Hz for 24 h (43.2 M rows, about
2.2 GB), written in time order as the runtime writes it, so one tag's 86,400 rows lie
spread over the whole file. (A store of a few tags written tag by tag, as this benchmark
once used, answered 1.6x faster than the real layout: its rows sat together.)
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import Result, Scale, log

SCHEMA = """
CREATE TABLE tags(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
CREATE TABLE samples(tag_id INTEGER NOT NULL, ts REAL NOT NULL, value REAL, text TEXT,
                     quality INTEGER NOT NULL);
CREATE INDEX samples_tag_ts ON samples(tag_id, ts);
"""
BATCH = 1_000  # samples per runtime batch (what a source delivers per wake-up)


def _samples(n: int, tags: int) -> list:
    from app.model import Sample

    t0 = time.time() - n / 1000
    rnd = random.Random(1)
    return [Sample(f"bench/line/cell/eq/t{i % tags}", t0 + i / 1000, rnd.random() * 100)
            for i in range(n)]


def write_lineside(path: Path, samples: list) -> float:
    from app.store import Store

    store = Store(path, terminal_id="bench").open()
    try:
        t = time.perf_counter()
        for i in range(0, len(samples), BATCH):
            store.historian.append(samples[i:i + BATCH])
        store.flush(300)
        return len(samples) / (time.perf_counter() - t)
    finally:
        store.close()


def _bare_conn(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(SCHEMA)
    return conn


def write_bare(path: Path, samples: list, tags: int) -> float:
    conn = _bare_conn(path)
    ids = {}
    for i in range(tags):
        p = f"bench/line/cell/eq/t{i}"
        ids[p] = conn.execute("INSERT INTO tags(path) VALUES (?)", (p,)).lastrowid
    # The rows as a caller that already holds tuples would hand them over.
    rows = [(ids[s.tag], s.ts, s.value, None, 0) for s in samples]
    try:
        t = time.perf_counter()
        for i in range(0, len(rows), 10_000):
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO samples VALUES (?,?,?,?,?)", rows[i:i + 10_000])
            conn.execute("COMMIT")
        return len(rows) / (time.perf_counter() - t)
    finally:
        conn.close()


def build_day(path: Path, tags: int, hours: float = 24.0, end: float | None = None) -> tuple:
    """A store file with `tags` tags at 1 Hz for `hours` up to `end`, rows in time order
    with every tag's second side by side, as a terminal writes them (so one tag's rows are
    spread over the whole file, not packed together). Bulk-loaded in SQL with the index
    built afterwards; the Store opens it afterwards like any file it wrote itself."""
    from app.store import Store

    Store(path, terminal_id="bench").open().close()  # the real schema, migrations recorded
    end = end or time.time()
    n = int(hours * 3600)
    t0 = end - n
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    index = conn.execute("SELECT sql FROM sqlite_master WHERE type='index' "
                         "AND name='samples_tag_ts'").fetchone()[0]
    paths = [f"bench/line/cell/eq/day{k}" for k in range(tags)]
    conn.execute("BEGIN")
    conn.execute("DROP INDEX samples_tag_ts")
    conn.executemany("INSERT INTO tags(path) VALUES (?)", [(p,) for p in paths])
    lo, hi = conn.execute("SELECT MIN(id), MAX(id) FROM tags WHERE path LIKE "
                          "'bench/line/cell/eq/day%'").fetchone()
    # A slow wave per tag plus a little deterministic noise.
    conn.execute(
        "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < :last) "
        "INSERT INTO samples(tag_id, ts, value, text, quality) "
        "SELECT t.id, :t0 + s.i, 50 + 20 * sin(s.i / (600.0 + 37 * t.id)) "
        "+ ((s.i * 7919 + t.id * 104729) % 200) / 100.0 - 1, NULL, 0 "
        "FROM s CROSS JOIN tags t WHERE t.id BETWEEN :lo AND :hi",
        {"last": n - 1, "t0": t0, "lo": lo, "hi": hi})
    conn.execute(index)
    conn.execute("COMMIT")
    conn.close()
    return paths, t0, end


def query_bare(path: Path, tags: list[str], t0: float, t1: float, buckets: int) -> dict:
    """The obvious alternative: fetch the rows, bucket with NumPy."""
    conn = sqlite3.connect(path)
    out = {}
    try:
        for tag in tags:
            rows = conn.execute(
                "SELECT s.ts, s.value FROM samples s JOIN tags t ON t.id = s.tag_id "
                "WHERE t.path = ? AND s.ts >= ? AND s.ts <= ? AND s.quality < 2 "
                "AND s.value IS NOT NULL ORDER BY s.ts", (tag, t0, t1)).fetchall()
            a = np.array(rows, dtype=np.float64).reshape(-1, 2)
            idx = np.minimum(((a[:, 0] - t0) / ((t1 - t0) / buckets)).astype(np.int64),
                             buckets - 1)
            starts = np.flatnonzero(np.r_[True, idx[1:] != idx[:-1]])
            vmin = np.full(buckets, np.nan)
            vmax = np.full(buckets, np.nan)
            vmin[idx[starts]] = np.minimum.reduceat(a[:, 1], starts)
            vmax[idx[starts]] = np.maximum.reduceat(a[:, 1], starts)
            out[tag] = (vmin, vmax)
    finally:
        conn.close()
    return out


def _best_ms(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def run(scale: Scale) -> list[Result]:
    from app.store import Store

    n = scale.pick(300_000, 5_000)
    tags = 500
    day_tags = scale.pick(500, 20)
    hours = scale.pick(24.0, 0.5)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-hist-") as tmp:
        d = Path(tmp)
        samples = _samples(n, tags)
        ls_rates, bare_rates = [], []
        for r in range(scale.pick(2, 1)):
            bare_rates.append(write_bare(d / f"bare{r}.db", samples, tags))
            ls_rates.append(write_lineside(d / f"ls{r}.db", samples))
        log.info("historian writes: lineside %s bare %s", ls_rates, bare_rates)
        results.append(Result(
            "Historian writes", max(ls_rates), max(bare_rates), "rows/s",
            notes=f"{n:,} samples of {tags} tags in runtime batches of {BATCH:,} -> "
                  "append + flush (WAL, synchronous=NORMAL, indexed); baseline: prepared "
                  "tuples, executemany in 10k-row transactions; best of runs",
            extra={"lineside_runs": ls_rates, "bare_runs": bare_rates}))

        t = time.perf_counter()
        paths, t0, t1 = build_day(d / "day.db", day_tags, hours)
        built_s = time.perf_counter() - t
        rows = day_tags * int(hours * 3600)
        store = Store(d / "day.db", terminal_id="bench").open()
        try:
            repeats = scale.pick(3, 1)
            for label, q in (("1 tag", paths[:1]), ("10 tags", paths[:10])):
                ls_ms = _best_ms(lambda q=q: store.historian.query(q, t0, t1, 1000), repeats)
                bare_ms = _best_ms(lambda q=q: query_bare(d / "day.db", q, t0, t1, 1000),
                                   repeats)
                # Same answer, or the comparison means nothing.
                got = store.historian.query(q[:1], t0, t1, 1000)[q[0]]
                ref = query_bare(d / "day.db", q[:1], t0, t1, 1000)[q[0]]
                same = bool(np.allclose(got.vmin, ref[0], equal_nan=True)
                            and np.allclose(got.vmax, ref[1], equal_nan=True))
                results.append(Result(
                    f"Trend query {hours:g} h, {label}, 1,000 px", ls_ms, bare_ms, "ms",
                    higher_is_better=False,
                    notes=f"min/max/avg per pixel in SQL (GROUP BY bucket) vs fetch rows + "
                          f"NumPy reduceat; store of {day_tags} tags x {hours:g} h at 1 Hz "
                          "in time order"
                          f"({rows:,} rows, built in {built_s:.0f} s), "
                          f"{int(hours * 3600):,} rows per tag; same result: {same}; "
                          f"best of {repeats}",
                    extra={"rows": rows, "same_result": same}))
        finally:
            store.close()
    return results
