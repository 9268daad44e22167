"""Historian: batched append, per-bucket min/max/avg from SQL, gaps, retention."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from app.model import Quality, Sample
from app.store import Store


def test_bucket_stats_match_numpy_and_empty_or_bad_buckets_are_gaps(store: Store) -> None:
    rng = np.random.default_rng(7)
    t0, t1, n_buckets = 1000.0, 1100.0, 20
    ts = np.sort(rng.uniform(t0, t1, 5000))
    vals = rng.normal(50, 10, ts.size)
    quality = np.where(rng.random(ts.size) < 0.1, 2, np.where(rng.random(ts.size) < 0.2, 1, 0))
    # Bucket 5 has no sample at all; bucket 9 has only BAD samples.
    w = (t1 - t0) / n_buckets
    idx = np.minimum(((ts - t0) / w).astype(int), n_buckets - 1)
    keep = idx != 5
    ts, vals, quality, idx = ts[keep], vals[keep], quality[keep], idx[keep]
    quality[idx == 9] = 2
    qmap = {0: Quality.GOOD, 1: Quality.UNCERTAIN, 2: Quality.BAD}
    samples = [Sample("line1/press/force", float(t), float(v), qmap[int(q)])
               for t, v, q in zip(ts, vals, quality, strict=True)]
    samples.append(Sample("line1/press/force", t1 + 5, 1e9))  # outside the range
    for i in range(0, len(samples), 700):  # several appends, as the runtime delivers them
        store.historian.append(samples[i:i + 700])
    store.flush()

    b = store.historian.query(["line1/press/force", "no/such/tag"], t0, t1, n_buckets)
    got = b["line1/press/force"]
    np.testing.assert_allclose(got.t, t0 + (np.arange(n_buckets) + 0.5) * w)
    for k in range(n_buckets):
        sel = (idx == k) & (quality < 2)
        if k in (5, 9):
            assert not sel.any()
            assert np.isnan([got.vmin[k], got.vmax[k], got.vavg[k]]).all()
            assert got.count[k] == 0
        else:
            assert got.vmin[k] == pytest.approx(vals[sel].min())
            assert got.vmax[k] == pytest.approx(vals[sel].max())
            assert got.vavg[k] == pytest.approx(vals[sel].mean())
            assert got.count[k] == sel.sum()
    missing = b["no/such/tag"]
    assert np.isnan(missing.vavg).all() and len(missing.t) == n_buckets


def test_values_round_trip_bools_strings_none(store: Store) -> None:
    store.historian.append([
        Sample("cell/robot/running", 1.0, True),
        Sample("cell/robot/running", 2.0, False),
        Sample("cell/robot/program", 1.0, "P-17"),
        Sample("cell/robot/speed", 1.0, None, Quality.BAD),
        Sample("cell/robot/speed", 2.0, 3, Quality.UNCERTAIN),
    ])
    store.flush()
    h = store.historian
    assert [s.value for s in h.samples("cell/robot/running", 0, 10)] == [1.0, 0.0]
    assert h.samples("cell/robot/program", 0, 10) == [Sample("cell/robot/program", 1.0, "P-17")]
    assert h.samples("cell/robot/speed", 0, 10) == [
        Sample("cell/robot/speed", 1.0, None, Quality.BAD),
        Sample("cell/robot/speed", 2.0, 3.0, Quality.UNCERTAIN)]
    assert len(h.samples("cell/robot/speed", 0, 10, limit=1)) == 1
    strings = h.query(["cell/robot/program"], 0, 10, 2)["cell/robot/program"]
    assert np.isnan(strings.vavg).all()  # strings never plot as numbers


def test_invalid_samples_are_skipped_not_blocking_the_rest(store: Store) -> None:
    store.historian.append([Sample("a/b", float("nan"), 1.0), Sample("", 1.0, 1.0),
                            Sample("a/b", 5.0, 2.0)])
    store.flush()
    assert [s.value for s in store.historian.samples("a/b", 0, 10)] == [2.0]


def test_append_returns_at_once_and_writes_within_a_batch_period(
        store: Store, wait_for: Callable[..., None]) -> None:
    # Hold the writer busy: append must still return (the GUI thread never waits on disk).
    gate = threading.Event()
    store.submit(lambda _conn: gate.wait(10))
    samples = [Sample("x/y", float(i), float(i)) for i in range(20_000)]
    caller = threading.Thread(target=store.historian.append, args=(samples,))
    caller.start()
    caller.join(5)
    assert not caller.is_alive(), "append waited for the busy writer"
    gate.set()
    wait_for(lambda: len(store.historian.samples("x/y", 0, 1e9)) == 20_000,
             what="20k samples written without flush")


def test_retention_by_age_keeps_outbox_and_audit(store_path: Path) -> None:
    now = time.time()
    with Store(store_path, terminal_id="T1", retention_s=3600) as s:
        s.historian.append([Sample("a/b", now - 7200, 1.0), Sample("a/b", now - 60, 2.0),
                            Sample("c/d", now - 4000, 3.0)])
        s.outbox.enqueue("t", {}).result(5)
        s.audit.record("op1", "login").result(5)
        s.flush()
        assert s.historian.enforce_retention().result(5) == 2
        assert [x.value for x in s.historian.samples("a/b", 0, now)] == [2.0]
        assert s.historian.samples("c/d", 0, now) == []
        assert s.outbox.count() == 1 and len(s.audit.query()) == 1


def test_retention_by_size_deletes_oldest_first(store_path: Path) -> None:
    limit = 2 * 1024**2
    with Store(store_path, terminal_id="T1", max_bytes=limit, retention_s=1e12) as s:
        rows = [Sample(f"line/tag{i % 10}", float(i), float(i)) for i in range(150_000)]
        s.historian.append(rows)
        s.outbox.enqueue("t", {"big": "x" * 1000}).result(5)
        s.flush(30)
        with s.read() as c:
            before = c.execute("PRAGMA page_count").fetchone()[0] * 4096
        assert before > limit  # the test really overflows the limit
        deleted = s.historian.enforce_retention().result(30)
        assert deleted > 0
        with s.read() as c:
            pages, free, size = (c.execute(f"PRAGMA {p}").fetchone()[0]
                                 for p in ("page_count", "freelist_count", "page_size"))
            oldest, newest, n = c.execute("SELECT MIN(ts), MAX(ts), COUNT(*) FROM samples"
                                          ).fetchone()
        assert (pages - free) * size <= limit
        assert n == 150_000 - deleted and newest == 149_999.0
        assert oldest >= deleted - 1  # what is gone is the oldest
        assert s.outbox.count() == 1
        s.close()
        assert os.path.getsize(store_path) <= limit  # pages given back to the disk


def test_writer_runs_retention_on_its_own(store_path: Path,
                                          wait_for: Callable[..., None]) -> None:
    with Store(store_path, terminal_id="T1", retention_s=60) as s:
        s.writer.periodic_s = 0.05
        s.historian.append([Sample("a/b", time.time() - 3600, 1.0)])
        s.flush()
        s.historian.append([Sample("a/b", time.time(), 2.0)])
        wait_for(lambda: [x.value for x in s.historian.samples("a/b", 0, 1e12)] == [2.0],
                 what="the hour-old sample to be deleted by periodic retention")


def test_the_write_ahead_log_does_not_keep_the_size_of_a_big_retention(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deleting a tenth of a full store is one large transaction; its log is given back to
    the disk after the checkpoint, so the store stays near its cap on disk."""
    WAL_LIMIT_BYTES = 1024**2  # scaled down with the store
    monkeypatch.setattr("app.store.store.WAL_LIMIT_BYTES", WAL_LIMIT_BYTES)
    wal = Path(str(store_path) + "-wal")
    limit = 8 * 1024**2
    with Store(store_path, terminal_id="T1", max_bytes=limit, retention_s=1e12) as s:
        for k in range(3):
            s.historian.append([Sample(f"line/tag{i % 10}", float(k * 100_000 + i), float(i))
                                for i in range(100_000)])
            s.flush(30)
        assert s.historian.enforce_retention().result(60) > 0
        grown = wal.stat().st_size
        for k in range(3):  # the writer goes on; its checkpoints reset the log
            s.historian.append([Sample("line/tag0", 1e7 + k * 10 + i, 1.0) for i in range(10)])
            s.flush(30)
        assert grown > WAL_LIMIT_BYTES  # the test really made a big log
        assert wal.stat().st_size <= WAL_LIMIT_BYTES
