"""Store-and-forward of everything the terminal publishes: stored first, sent, then acked.

Each message gets a sequence number (never reused, even after deletes or restarts:
AUTOINCREMENT) and the id ``"{terminal_id}-{seq}"``, which is also put into its JSON
payload as ``"msg_id"`` (never ``"id"``, which domain messages use for their own
objects) so that receivers can drop duplicates after a resend.
Retention never drops outbox messages; only `ack` deletes them.
"""

from __future__ import annotations

import concurrent.futures
import json
import sqlite3
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.store.schema import register_schema

if TYPE_CHECKING:
    from app.store.store import Store

register_schema("outbox", [
    """
    CREATE TABLE outbox(
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        msg_id TEXT UNIQUE,
        topic TEXT NOT NULL,
        payload BLOB NOT NULL,
        qos INTEGER NOT NULL,
        retain INTEGER NOT NULL,
        created REAL NOT NULL
    );
    """,
])


@dataclass(frozen=True)
class OutboxMessage:
    seq: int
    msg_id: str
    topic: str
    payload: bytes
    qos: int
    retain: bool
    created: float


class Outbox:
    def __init__(self, store: Store) -> None:
        self._store = store

    def enqueue(self, topic: str, payload: dict[str, Any], *, qos: int = 1,
                retain: bool = False) -> concurrent.futures.Future[OutboxMessage]:
        """Store a message for sending; the future resolves after COMMIT.

        Fails with StoreFullError if the disk or size limit is full, with TypeError or
        ValueError if the payload is not JSON-serializable or the topic/qos is invalid.
        """
        fut: concurrent.futures.Future[OutboxMessage]
        problem = _check(topic, payload, qos)
        if problem is not None:
            fut = concurrent.futures.Future()
            fut.set_exception(problem)
            return fut
        body = dict(payload)  # the caller may change its dict after we return
        created = time.time()
        body.setdefault("ts", created)
        terminal = self._store.terminal_id

        def write(conn: sqlite3.Connection) -> OutboxMessage:
            cur = conn.execute(
                "INSERT INTO outbox(topic, payload, qos, retain, created) VALUES (?,?,?,?,?)",
                (topic, b"", qos, int(retain), created))
            seq = int(cur.lastrowid or 0)
            msg_id = f"{terminal}-{seq}"
            data = json.dumps({**body, "msg_id": msg_id}, separators=(",", ":"),
                              ensure_ascii=False, allow_nan=False).encode()
            conn.execute("UPDATE outbox SET msg_id=?, payload=? WHERE seq=?",
                         (msg_id, data, seq))
            return OutboxMessage(seq, msg_id, topic, data, qos, retain, created)

        return self._store.submit(write)

    def pending(self, limit: int = 1000, after_seq: int = 0) -> list[OutboxMessage]:
        """Messages not yet acked, oldest first (by seq)."""
        with self._store.read() as conn:
            rows = conn.execute(
                "SELECT seq, msg_id, topic, payload, qos, retain, created FROM outbox "
                "WHERE seq > ? ORDER BY seq LIMIT ?", (after_seq, limit)).fetchall()
        return [OutboxMessage(seq, msg_id, topic, bytes(payload), qos, bool(retain), created)
                for seq, msg_id, topic, payload, qos, retain, created in rows]

    def ack(self, msg_id: str) -> concurrent.futures.Future[None]:
        """Delete a message once the broker confirmed it (PUBACK); unknown ids are ignored."""
        def delete(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM outbox WHERE msg_id=?", (msg_id,))

        return self._store.submit(delete)

    def count(self) -> int:
        with self._store.read() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])


def _check(topic: str, payload: dict[str, Any], qos: int) -> Exception | None:
    if not isinstance(topic, str) or not topic or any(c in topic for c in "+#\0"):
        return ValueError(f"outbox: invalid MQTT topic {topic!r} (empty or has + # NUL)")
    if qos not in (0, 1, 2):
        return ValueError(f"outbox: qos must be 0, 1 or 2, got {qos!r}")
    if not isinstance(payload, dict):
        return TypeError(f"outbox: payload must be a dict, got {type(payload).__name__}")
    try:
        json.dumps(payload, allow_nan=False)
    except (TypeError, ValueError) as e:
        return type(e)(f"outbox: payload for {topic} is not valid JSON: {e}")
    return None
