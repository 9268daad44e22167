"""The facade: open creates folders, submit runs on the writer, reads see commits."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from app.store import Store, StoreError


def test_open_creates_wal_file_in_new_folder(store: Store, store_path: Path) -> None:
    assert store_path.exists()
    with store.read() as c:
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_submit_runs_on_writer_thread_and_commits(store: Store) -> None:
    def job(c: sqlite3.Connection) -> str:
        c.execute("CREATE TABLE IF NOT EXISTS t(x)")
        c.execute("INSERT INTO t VALUES (1)")
        return threading.current_thread().name

    assert store.submit(job).result(5) == "lineside-store-writer"
    with store.read() as c:
        assert c.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 1


def test_failing_job_rolls_back_only_itself(store: Store) -> None:
    store.submit(lambda c: c.execute("CREATE TABLE t(x UNIQUE)")).result(5)

    def bad(c: sqlite3.Connection) -> None:
        c.execute("INSERT INTO t VALUES (2)")
        raise KeyError("boom")

    f1 = store.submit(lambda c: c.execute("INSERT INTO t VALUES (1)"))
    f2 = store.submit(bad)
    f3 = store.submit(lambda c: c.execute("INSERT INTO t VALUES (1)"))  # constraint error
    f4 = store.submit(lambda c: c.execute("INSERT INTO t VALUES (3)"))
    f1.result(5)
    with pytest.raises(KeyError):
        f2.result(5)
    with pytest.raises(sqlite3.IntegrityError):
        f3.result(5)
    f4.result(5)
    with store.read() as c:
        assert [r[0] for r in c.execute("SELECT x FROM t ORDER BY x")] == [1, 3]


def test_reads_work_from_other_threads(store: Store) -> None:
    store.outbox.enqueue("t", {}).result(5)
    counts: list[int] = []
    t = threading.Thread(target=lambda: counts.append(store.outbox.count()))
    t.start()
    t.join()
    assert counts == [1]


def test_unusable_file_is_moved_aside_and_replaced(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is no sqlite file" * 100)
    st = Store(bad, terminal_id="T1").open()  # a terminal that keeps running
    try:
        assert st.recovery is not None
        assert st.recovery.moved_to.read_bytes().startswith(b"this is no sqlite file")
        assert "not-a-db.db.corrupt-" in st.recovery.summary()
    finally:
        st.close()


def test_folder_that_cannot_be_created_gives_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="folder"):
        Store(blocker / "sub" / "s.db", terminal_id="T1").open()


def test_pending_samples_is_safe_to_read_after_close(tmp_path) -> None:
    from app.store import Store

    s = Store(tmp_path / "p.db", terminal_id="t").open()
    assert s.pending_samples == 0
    s.close()
    assert s.pending_samples == 0  # a view outliving the store must not crash
