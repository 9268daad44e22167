"""Workers' layouts: kept in the local store and roaming through the broker.

A saved layout is written to the local SQLite table first, then published retained
on ``{topic_root}/layouts/{user_id}`` through the runtime's store-and-forward outbox.
Every terminal subscribes to ``{topic_root}/layouts/+`` and caches what it receives,
so a worker gets their layout at any terminal, and offline the local copy serves.

Conflicts: the higher ``revision`` wins; on a tie the later ``updated`` wins; an equal
or older document never replaces the local one. A document from the broker that is
broken, from a newer LineSide, or owned by someone else than its topic says is
rejected with a logged message and never overwrites the good local copy.

Threads: `save` and reads may be called from any thread; messages arrive on the
runtime thread; listeners are called on the store's writer thread (hand over to the
GUI with a queued signal).
"""

from __future__ import annotations

import concurrent.futures
import copy
import json
import logging
import sqlite3
import time
from collections.abc import Callable
from typing import Any

from app.auth.permissions import Role
from app.observers import Observers
from app.services import ServiceContext, ServiceSpec
from app.store.schema import register_schema
from layouts import model
from layouts.model import Fallback, LayoutError, Loaded

log = logging.getLogger(__name__)

register_schema("layouts", ["""
CREATE TABLE layouts (
    user_id TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated REAL NOT NULL,
    origin TEXT NOT NULL
);
"""])

Listener = Callable[[str, dict[str, Any]], None]
# Fields the store-and-forward outbox adds to every payload (message id for de-duplication,
# enqueue time); not part of the layout, dropped on receipt.
OUTBOX_ENVELOPE = ("msg_id", "ts")


def newer(a: dict[str, Any], b: dict[str, Any] | None) -> bool:
    """True when layout `a` should replace `b`."""
    return b is None or (a["revision"], a["updated"]) > (b["revision"], b["updated"])


class LayoutStore:
    def __init__(self, store: Any, runtime: Any = None, *, topic_root: str,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.runtime = runtime
        self.topic_root = topic_root.rstrip("/")
        self.clock = clock
        self._listeners: Observers = Observers("layout store")
        self.rejected: list[str] = []  # why broker documents were refused (latest last)
        self._unsubscribe: Callable[[], None] | None = None

    def topic(self, user_id: str) -> str:
        return f"{self.topic_root}/layouts/{user_id}"

    def start(self) -> None:
        """Subscribe to every worker's layout on the broker (retained: late joiners
        get them at once)."""
        if self.runtime is None:
            log.info("layouts: no runtime; layouts stay local to this terminal")
            return
        self._unsubscribe = self.runtime.subscribe_topic(f"{self.topic_root}/layouts/+",
                                                         self._on_message)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """`listener(user_id, doc)` whenever a newer layout of a worker is stored."""
        return self._listeners.add(listener)

    # --- reading -------------------------------------------------------------------------

    def get(self, user_id: str) -> dict[str, Any] | None:
        """The worker's stored layout (validated), or None if none or unusable."""
        with self.store.read() as conn:
            row = conn.execute("SELECT doc FROM layouts WHERE user_id = ?",
                               (user_id,)).fetchone()
        if row is None:
            return None
        try:
            return model.check(row[0], f"local layout of {user_id}")
        except LayoutError as e:
            log.error("%s", e)
            return None

    def load_for(self, user_id: str, role: Role | str) -> Loaded:
        """What to show when `user_id` signs in: their layout, else the role default
        (with a notice if their stored layout could not be used)."""
        with self.store.read() as conn:
            row = conn.execute("SELECT doc FROM layouts WHERE user_id = ?",
                               (user_id,)).fetchone()
        if row is None:
            return Loaded(model.default_layout(role), Fallback.MISSING)
        return model.load(row[0], role, f"local layout of {user_id}")

    # --- writing -------------------------------------------------------------------------

    def save(self, user_id: str, doc: dict[str, Any]) -> concurrent.futures.Future[dict]:
        """Validate, bump the revision, store locally, publish retained. The future
        holds the saved document once it is committed locally (publishing goes on in
        the background, through the outbox when the broker is away)."""
        doc = copy.deepcopy(doc)
        doc["owner"] = user_id
        model.validate(doc, f"layout of {user_id}")  # raises LayoutError for the editor
        done: concurrent.futures.Future[dict] = concurrent.futures.Future()

        def job(conn: sqlite3.Connection) -> dict[str, Any]:
            row = conn.execute("SELECT revision FROM layouts WHERE user_id = ?",
                               (user_id,)).fetchone()
            doc["revision"] = max(doc["revision"], row[0] if row else 0) + 1
            doc["updated"] = max(self.clock(), float(doc["updated"]))
            self._write(conn, user_id, doc, "local")
            return doc

        def after(fut: concurrent.futures.Future[dict]) -> None:
            if fut.exception() is not None:
                done.set_exception(fut.exception())  # type: ignore[arg-type]
                return
            saved = fut.result()
            self._publish(user_id, saved)
            self._notify(user_id, saved)
            done.set_result(saved)

        self.store.submit(job).add_done_callback(after)
        return done

    def _write(self, conn: sqlite3.Connection, user_id: str, doc: dict[str, Any],
               origin: str) -> None:
        conn.execute(
            "INSERT INTO layouts (user_id, doc, revision, updated, origin) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET doc = excluded.doc, "
            "revision = excluded.revision, updated = excluded.updated, "
            "origin = excluded.origin",
            (user_id, json.dumps(doc, sort_keys=True), doc["revision"], doc["updated"],
             origin))

    def _publish(self, user_id: str, doc: dict[str, Any]) -> None:
        if self.runtime is None:
            return
        try:
            fut = self.runtime.publish(self.topic(user_id), doc, qos=1, retain=True)
        except Exception:
            log.exception("layout of %s saved locally but not queued for the broker",
                          user_id)
            return
        def failed(f: concurrent.futures.Future[Any]) -> None:
            if f.exception() is not None:
                log.error("layout of %s saved locally but not queued for the broker: %s",
                          user_id, f.exception())

        fut.add_done_callback(failed)

    def _notify(self, user_id: str, doc: dict[str, Any]) -> None:
        self._listeners.notify(user_id, copy.deepcopy(doc))

    # --- receiving -----------------------------------------------------------------------

    def _reject(self, why: str) -> None:
        log.warning("layout from the broker rejected: %s", why)
        self.rejected = [*self.rejected[-49:], why]

    def _on_message(self, topic: str, payload: bytes) -> None:
        user_id = topic.rsplit("/", 1)[-1]
        if not payload:
            return  # a cleared retained message: keep the local copy
        try:
            raw = model.parse(payload, topic)
            for key in OUTBOX_ENVELOPE:
                raw.pop(key, None)
            doc = model.check(raw, topic)
        except LayoutError as e:
            self._reject(str(e))
            return
        if doc["owner"] != user_id:
            self._reject(f"{topic}: owner {doc['owner']!r} does not match the topic")
            return
        self.receive(user_id, doc, origin="broker")

    def receive(self, user_id: str, doc: dict[str, Any], origin: str = "broker"
                ) -> concurrent.futures.Future[bool]:
        """Store a valid document if it is newer than the local one; the future holds
        whether it was stored."""

        def job(conn: sqlite3.Connection) -> bool:
            row = conn.execute("SELECT revision, updated FROM layouts WHERE user_id = ?",
                               (user_id,)).fetchone()
            mine = {"revision": row[0], "updated": row[1]} if row else None
            if not newer(doc, mine):
                return False
            self._write(conn, user_id, doc, origin)
            return True

        fut = self.store.submit(job)

        def after(f: concurrent.futures.Future[bool]) -> None:
            if f.exception() is not None:
                log.error("layout of %s from %s not stored: %s", user_id, origin,
                          f.exception())
            elif f.result():
                log.info("layout of %s revision %s from %s stored", user_id,
                         doc["revision"], origin)
                self._notify(user_id, doc)

        fut.add_done_callback(after)
        return fut


def _build(ctx: ServiceContext) -> LayoutStore:
    """Layouts follow a worker to any terminal when there is a broker; else local."""
    return LayoutStore(ctx.store, ctx.runtime if ctx.shared else None,
                       topic_root=ctx.config.site.topic_root, clock=ctx.clock)


SPEC = ServiceSpec(name="layouts", provides=LayoutStore, build=_build)
