"""Outbox: stored before it resolves, ordered by seq, ids unique across restarts."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from app.store import OutboxMessage, Store, StoreError


def test_enqueue_pending_ack_in_order(store: Store) -> None:
    futs = [store.outbox.enqueue(f"site/line1/andon/{i}", {"n": i}) for i in range(5)]
    msgs = [f.result(5) for f in futs]
    assert [m.seq for m in msgs] == sorted(m.seq for m in msgs)
    assert [m.msg_id for m in msgs] == [f"T1-{m.seq}" for m in msgs]
    body = json.loads(msgs[2].payload)
    assert body["msg_id"] == msgs[2].msg_id and body["n"] == 2 and isinstance(body["ts"], float)

    pending = store.outbox.pending()
    assert [m.msg_id for m in pending] == [m.msg_id for m in msgs]
    assert pending[0] == msgs[0]
    assert [m.msg_id for m in store.outbox.pending(limit=2, after_seq=msgs[1].seq)] == \
        [msgs[2].msg_id, msgs[3].msg_id]

    store.outbox.ack(msgs[1].msg_id).result(5)
    store.outbox.ack("T1-unknown").result(5)
    assert [m.msg_id for m in store.outbox.pending()] == \
        [msgs[i].msg_id for i in (0, 2, 3, 4)]
    assert store.outbox.count() == 4


def test_payload_ts_kept_qos_retain_stored(store: Store) -> None:
    m = store.outbox.enqueue("a/b", {"ts": 12.5, "x": "ü"}, qos=0, retain=True).result(5)
    got = store.outbox.pending()[0]
    assert (got.qos, got.retain) == (0, True)
    assert json.loads(got.payload) == {"ts": 12.5, "x": "ü", "msg_id": m.msg_id}


def test_caller_changing_its_dict_later_changes_nothing(store: Store) -> None:
    payload = {"v": 1}
    fut = store.outbox.enqueue("a/b", payload)
    payload["v"] = 2
    assert json.loads(fut.result(5).payload)["v"] == 1


@pytest.mark.parametrize("topic, payload, qos, exc", [
    ("", {}, 1, ValueError),
    ("a/+/b", {}, 1, ValueError),
    ("a/b", {}, 3, ValueError),
    ("a/b", {"x": object()}, 1, TypeError),
    ("a/b", {"x": float("nan")}, 1, ValueError),
])
def test_bad_message_fails_its_future_only(store: Store, topic, payload, qos, exc) -> None:
    with pytest.raises(exc, match="outbox"):
        store.outbox.enqueue(topic, payload, qos=qos).result(5)
    assert store.outbox.enqueue("ok/topic", {}).result(5).topic == "ok/topic"
    assert store.outbox.count() == 1


def test_ids_unique_across_reopen_even_after_ack(store_path: Path) -> None:
    with Store(store_path, terminal_id="T7") as s:
        first = [s.outbox.enqueue("t", {"i": i}).result(5) for i in range(3)]
        for m in first:
            s.outbox.ack(m.msg_id).result(5)
        assert s.outbox.count() == 0
    with Store(store_path, terminal_id="T7") as s:
        again = s.outbox.enqueue("t", {}).result(5)
        assert s.outbox.count() == 1
    assert again.msg_id not in {m.msg_id for m in first}
    assert again.seq > max(m.seq for m in first)


def test_enqueue_from_many_threads_all_stored_once(store: Store) -> None:
    results: list[OutboxMessage] = []
    lock = threading.Lock()

    def worker(k: int) -> None:
        futs = [store.outbox.enqueue("t", {"k": k, "i": i}) for i in range(50)]
        got = [f.result(10) for f in futs]
        with lock:
            results.extend(got)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = [m.msg_id for m in results]
    assert len(set(ids)) == 200
    assert [m.msg_id for m in store.outbox.pending()] == \
        [m.msg_id for m in sorted(results, key=lambda m: m.seq)]


def test_closed_store_fails_futures_not_callers(store_path: Path) -> None:
    s = Store(store_path, terminal_id="T1").open()
    s.close()
    with pytest.raises(StoreError, match="not open"):
        s.outbox.enqueue("t", {}).result(1)
