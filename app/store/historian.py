"""The sample history of every tag: batched writes, bucketed reads for trends, retention.

Samples arrive from the runtime thread (`append` is a Runtime listener) and are written
by the store's writer with raw `executemany`. Trend reads ask for N buckets between two
times and get min/max/avg per bucket computed in SQL; a bucket without a good or
uncertain numeric sample is NaN, so a trend shows a gap, never a flat line.
Booleans are stored as 0/1 and strings in `text`; `samples()` gives numbers back as
float. Retention deletes by age and, past `max_bytes`, the oldest samples (by insertion).
A sample at an impossible time (more than `max_future_s` ahead of this clock, or before
`min_ts`, whatever its source) is refused, counted in `refused` and logged once a minute.
Sources refuse times before 2000 themselves (`app.sources.payload`); here the floor is
the epoch, so tests and replays on a synthetic clock still store.
"""

from __future__ import annotations

import concurrent.futures
import json
import logging
import math
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from app.model import Quality, Sample, Value

if TYPE_CHECKING:
    from app.store.store import Store

from app.store.schema import register_schema

log = logging.getLogger(__name__)

register_schema("historian", [
    """
    CREATE TABLE tags(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
    CREATE TABLE samples(
        tag_id INTEGER NOT NULL,
        ts REAL NOT NULL,
        value REAL,
        text TEXT,
        quality INTEGER NOT NULL
    );
    CREATE INDEX samples_tag_ts ON samples(tag_id, ts);
    """,
])

_Q_TO_INT = {Quality.GOOD: 0, Quality.UNCERTAIN: 1, Quality.BAD: 2}
_INT_TO_Q = {v: k for k, v in _Q_TO_INT.items()}
_BAD = _Q_TO_INT[Quality.BAD]


@dataclass(frozen=True)
class Buckets:
    """Per-bucket statistics; `t` is each bucket's centre, all float64 of equal length."""

    t: np.ndarray
    vmin: np.ndarray
    vmax: np.ndarray
    vavg: np.ndarray
    count: np.ndarray


REFUSED_LOG_EVERY_S = 60.0


class Historian:
    max_future_s = 300.0  # how far ahead of this clock a sample's time may be
    min_ts = 0.0

    def __init__(self, store: Store) -> None:
        self._store = store
        self._ids: dict[str, int] = {}  # writer thread only
        self._warned_closed = False
        self.refused = 0  # samples not stored: no tag, or an impossible time
        self._refused_logged = 0.0
        self._refused_since_log = 0

    # --- writing (any thread -> writer thread) --------------------------------------------

    def append(self, samples: list[Sample]) -> None:
        """Queue samples for writing; returns at once (safe as a Runtime listener)."""
        if not samples:
            return
        writer = self._store._writer
        if (writer is None or not writer.append(samples)) and not self._warned_closed:
            self._warned_closed = True
            log.error("store %s is not open: %d samples not kept", self._store.path,
                          len(samples))

    def _forget_ids(self) -> None:
        """The writer rolled back: tag ids created in that transaction no longer exist."""
        self._ids.clear()

    def _tag_id(self, conn: sqlite3.Connection, path: str) -> int:
        tid = self._ids.get(path)
        if tid is None:
            if not self._ids:  # (re)load all known tags in one go
                self._ids.update(conn.execute("SELECT path, id FROM tags"))
                tid = self._ids.get(path)
            if tid is None:
                conn.execute("INSERT OR IGNORE INTO tags(path) VALUES (?)", (path,))
                tid = int(conn.execute("SELECT id FROM tags WHERE path=?", (path,)).fetchone()[0])
                self._ids[path] = tid
        return tid

    def _write(self, conn: sqlite3.Connection, samples: list[Sample]) -> None:
        rows = []
        bad = 0
        first_bad: Sample | None = None
        latest = time.time() + self.max_future_s
        for s in samples:
            try:
                ts = float(s.ts)
                if (not math.isfinite(ts) or not self.min_ts <= ts <= latest
                        or not isinstance(s.tag, str) or not s.tag):
                    raise ValueError
                value, text = _encode(s.value)
                q = _Q_TO_INT.get(s.quality, _BAD)  # type: ignore[call-overload]
            except (TypeError, ValueError, AttributeError):
                bad += 1
                first_bad = first_bad or s
                continue
            rows.append((self._tag_id(conn, s.tag), ts, value, text, q))
        if bad:
            self._refuse(bad, first_bad)
        # One statement for the whole batch: executemany gives up and takes back the
        # interpreter lock for every row, and while the runtime thread is busy each take
        # waits its turn (measured: 3k rows/s against 60k this way, with one busy thread).
        conn.execute(_INSERT_JSON, (json.dumps(rows),))

    def _refuse(self, n: int, example: Sample | None) -> None:
        self.refused += n
        self._refused_since_log += n
        t = time.monotonic()
        if self._refused_logged and t - self._refused_logged < REFUSED_LOG_EVERY_S:
            return
        self._refused_logged = t
        log.warning("store %s: %d samples with no tag or an impossible time (more than "
                    "%g s ahead of this clock) not stored, %d in all (e.g. %r)",
                    self._store.path, self._refused_since_log, self.max_future_s,
                    self.refused, example)
        self._refused_since_log = 0

    # --- reading (any thread) ---------------------------------------------------------------

    def query(self, tags: Sequence[str], t0: float, t1: float,
              buckets: int) -> dict[str, Buckets]:
        """Min/max/avg/count of good and uncertain numeric samples per time bucket.

        Bucket i covers [t0 + i*w, t0 + (i+1)*w) with w = (t1 - t0) / buckets; the last
        one also holds t1. Unknown tags and empty buckets give NaN (count 0).
        """
        if buckets < 1:
            raise ValueError(f"historian.query: buckets must be >= 1, got {buckets}")
        if not t1 > t0:
            raise ValueError(f"historian.query: t1 ({t1}) must be after t0 ({t0})")
        w = (t1 - t0) / buckets
        centres = t0 + (np.arange(buckets, dtype=np.float64) + 0.5) * w
        out: dict[str, Buckets] = {}
        with self._store.read() as conn:
            for tag in tags:
                vmin = np.full(buckets, np.nan)
                vmax = np.full(buckets, np.nan)
                vavg = np.full(buckets, np.nan)
                count = np.zeros(buckets)
                row = conn.execute("SELECT id FROM tags WHERE path=?", (tag,)).fetchone()
                if row is not None:
                    res = conn.execute(
                        "SELECT MIN(CAST((ts - :t0) / :w AS INTEGER), :last) AS b, "
                        "MIN(value), MAX(value), AVG(value), COUNT(value) FROM samples "
                        "WHERE tag_id = :id AND ts >= :t0 AND ts <= :t1 "
                        "AND quality < :bad AND value IS NOT NULL GROUP BY b",
                        {"t0": t0, "t1": t1, "w": w, "last": buckets - 1, "id": row[0],
                         "bad": _BAD}).fetchall()
                    if res:
                        a = np.array(res, dtype=np.float64)
                        idx = a[:, 0].astype(np.int64)
                        vmin[idx], vmax[idx], vavg[idx], count[idx] = a[:, 1], a[:, 2], \
                            a[:, 3], a[:, 4]
                out[tag] = Buckets(centres.copy(), vmin, vmax, vavg, count)
        return out

    def bad_buckets(self, tags: Sequence[str], t0: float, t1: float,
                    buckets: int) -> dict[str, np.ndarray]:
        """Which buckets (laid out as in `query`) hold a BAD sample, per tag. Values arrive
        by exception, so an empty bucket in `query` means "unchanged", unless the last
        thing before it was BAD: a trend needs both to hold a value or show a gap."""
        if buckets < 1 or not t1 > t0:
            raise ValueError(f"historian.bad_buckets: need buckets >= 1 and t1 > t0, got "
                             f"{buckets}, {t0}..{t1}")
        w = (t1 - t0) / buckets
        out: dict[str, np.ndarray] = {}
        with self._store.read() as conn:
            for tag in tags:
                bad = np.zeros(buckets, dtype=bool)
                rows = conn.execute(
                    "SELECT DISTINCT MIN(CAST((s.ts - :t0) / :w AS INTEGER), :last) "
                    "FROM samples s JOIN tags t ON t.id = s.tag_id WHERE t.path = :tag "
                    "AND s.ts >= :t0 AND s.ts <= :t1 AND s.quality >= :bad",
                    {"t0": t0, "t1": t1, "w": w, "last": buckets - 1, "tag": tag,
                     "bad": _BAD}).fetchall()
                if rows:
                    bad[np.array([r[0] for r in rows], dtype=np.int64)] = True
                out[tag] = bad
        return out

    def last_before(self, tags: Sequence[str], t: float) -> dict[str, Sample]:
        """Each tag's last sample before `t` (tags with none are left out): the value a
        window that starts at `t` holds until its first change."""
        out: dict[str, Sample] = {}
        with self._store.read() as conn:
            for tag in tags:
                row = conn.execute(
                    "SELECT s.ts, s.value, s.text, s.quality FROM samples s "
                    "JOIN tags t ON t.id = s.tag_id WHERE t.path = ? AND s.ts < ? "
                    "ORDER BY s.ts DESC LIMIT 1", (tag, t)).fetchone()
                if row is not None:
                    ts, value, text, q = row
                    out[tag] = Sample(tag, ts, text if text is not None else value,
                                      _INT_TO_Q.get(q, Quality.BAD))
        return out

    def samples(self, tag: str, t0: float, t1: float, limit: int | None = None) -> list[Sample]:
        """The raw samples of one tag with t0 <= ts <= t1, oldest first."""
        with self._store.read() as conn:
            rows = conn.execute(
                "SELECT s.ts, s.value, s.text, s.quality FROM samples s "
                "JOIN tags t ON t.id = s.tag_id WHERE t.path = ? AND s.ts >= ? AND s.ts <= ? "
                "ORDER BY s.ts LIMIT ?", (tag, t0, t1, -1 if limit is None else limit)
            ).fetchall()
        return [Sample(tag, ts, text if text is not None else value,
                       _INT_TO_Q.get(q, Quality.BAD)) for ts, value, text, q in rows]

    def tags(self) -> list[str]:
        with self._store.read() as conn:
            return [r[0] for r in conn.execute("SELECT path FROM tags ORDER BY path")]

    # --- retention (writer thread) ------------------------------------------------------------

    def enforce_retention(self) -> concurrent.futures.Future[int]:
        """Run retention now on the writer; the future holds the number of samples deleted."""
        return self._store.submit(self._retention)

    def _retention(self, conn: sqlite3.Connection) -> int:
        deleted = 0
        cutoff = time.time() - self._store.retention_s
        for (tid,) in conn.execute("SELECT id FROM tags").fetchall():
            deleted += conn.execute("DELETE FROM samples WHERE tag_id=? AND ts<?",
                                    (tid, cutoff)).rowcount
        deleted += self._trim_to_size(conn)
        if deleted:
            _give_back_pages(conn)
            log.info("store %s: retention deleted %d samples", self._store.path, deleted)
        return deleted

    def _trim_to_size(self, conn: sqlite3.Connection) -> int:
        """Delete the oldest samples until the used size is under 90% of max_bytes."""
        limit = self._store.max_bytes
        target = 0.9 * limit
        deleted = 0
        for _ in range(20):
            used = _used_bytes(conn)
            if used <= (limit if deleted == 0 else target):
                break
            lo, hi = conn.execute("SELECT MIN(rowid), MAX(rowid) FROM samples").fetchone()
            if lo is None:
                log.warning("store %s: over its size limit (%d bytes) with no samples left "
                            "to delete (outbox/audit are kept)", self._store.path, limit)
                break
            frac = min(1.0, (used - target) / used + 0.02)
            cut = lo + max(1, int((hi - lo + 1) * frac))
            deleted += conn.execute("DELETE FROM samples WHERE rowid < ?", (cut,)).rowcount
        return deleted


def _used_bytes(conn: sqlite3.Connection) -> int:
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    return int(page_size * (pages - free))


def _give_back_pages(conn: sqlite3.Connection, max_pages: int = 200_000) -> None:
    """Shrink the file by the pages retention freed (auto_vacuum=INCREMENTAL).

    Through Python's sqlite3 each `PRAGMA incremental_vacuum` execution frees only one
    page (measured here), so it runs in a loop.
    """
    free = min(max_pages, conn.execute("PRAGMA freelist_count").fetchone()[0])
    for _ in range(free):
        conn.execute("PRAGMA incremental_vacuum")


_INSERT_JSON = (
    "INSERT INTO samples(tag_id, ts, value, text, quality) "
    "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
    "json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]') "
    "FROM json_each(?)"
)


def _encode(value: Value | Any) -> tuple[float | None, str | None]:
    if value is None:
        return None, None
    if isinstance(value, bool):
        return (1.0 if value else 0.0), None
    if isinstance(value, int | float):
        f = float(value)
        return (f if math.isfinite(f) else None), None
    return None, str(value)
