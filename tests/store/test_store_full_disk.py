"""A full disk (PRAGMA max_page_count on a small file): health says so, outbox callers
are told, queued samples are kept and written once there is room again."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from app.model import Sample
from app.store import Store, StoreError, StoreFullError, StoreHealth


def _limit_pages(extra: int) -> Callable[[sqlite3.Connection], int]:
    def job(c: sqlite3.Connection) -> int:
        pages = c.execute("PRAGMA page_count").fetchone()[0]
        return c.execute(f"PRAGMA max_page_count={pages + extra}").fetchone()[0]
    return job


def test_full_disk_then_room_again_loses_nothing(store: Store,
                                                 wait_for: Callable[..., None]) -> None:
    seen: list[StoreHealth] = []
    store.on_health(seen.append)
    store.writer.retry_s = 0.05
    store.historian.append([Sample("line1/press/force", 0.0, 0.0)])
    store.outbox.enqueue("t", {"before": True}).result(5)
    store.flush()

    store.submit(_limit_pages(0)).result(5)
    samples = [Sample(f"line1/press/s{i % 5}", float(i + 1), float(i)) for i in range(30_000)]
    store.historian.append(samples[:15_000])
    wait_for(lambda: not store.health.ok, what="health to report the full store")
    assert store.health.message.startswith(f"local store full: {store.path}")
    assert seen and seen[-1] == store.health

    with pytest.raises(StoreFullError, match=f"local store full: {store.path}"):
        store.outbox.enqueue("t", {"blob": "x" * 50_000}).result(5)
    with pytest.raises(StoreError, match="full"):
        store.flush(timeout=0.3)
    store.historian.append(samples[15_000:])  # still accepted, kept in memory

    store.submit(_limit_pages(100_000)).result(5)  # the operator freed space
    wait_for(lambda: store.health.ok, what="health to recover")
    store.flush()
    assert seen[-1] == StoreHealth(True)
    after = store.outbox.enqueue("t", {"blob": "x" * 50_000}).result(5)
    assert [m.msg_id for m in store.outbox.pending()][-1] == after.msg_id
    with store.read() as c:
        assert c.execute("SELECT COUNT(*) FROM samples").fetchone()[0] == 30_001
    for k in range(5):
        got = [s.ts for s in store.historian.samples(f"line1/press/s{k}", 0, 1e9)]
        assert got == [s.ts for s in samples if s.tag == f"line1/press/s{k}"]


def test_queue_is_bounded_while_full(store: Store, wait_for: Callable[..., None]) -> None:
    store.writer.retry_s = 0.05
    store.writer.max_queued_samples = 1000
    store.historian.append([Sample("a/b", 0.0, 0.0)])
    store.flush()
    store.submit(_limit_pages(0)).result(5)
    store.historian.append([Sample("a/b", float(i), 1.0) for i in range(1, 5001)])
    wait_for(lambda: not store.health.ok, what="full")
    assert store.writer.queued <= 1000 and store.writer.dropped == 4000
    store.submit(_limit_pages(100_000)).result(5)
    store.flush()
    kept = [s.ts for s in store.historian.samples("a/b", 0, 1e9)]
    assert kept == [0.0, *[float(i) for i in range(4001, 5001)]]  # the newest are kept
