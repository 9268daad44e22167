"""The Store facade: one SQLite file (WAL), one writer thread, read connections per thread."""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from app.observers import Observers
from app.paths import secure_dir, secure_file
from app.store import recovery, schema
from app.store.audit import AuditLog
from app.store.errors import StoreError, StoreHealth
from app.store.historian import Historian
from app.store.outbox import Outbox
from app.store.writer import Writer

log = logging.getLogger(__name__)
T = TypeVar("T")


WAL_LIMIT_BYTES = 16 * 2**20  # the write-ahead log is cut back to this after a checkpoint


class Store:
    """The terminal's local store: historian, outbox and audit log in one file.

    Write APIs return at once (a Future or nothing); the writer thread commits.
    Health callbacks run on the writer thread: hand over to the GUI with a queued signal.
    """

    def __init__(self, path: Path | str, *, terminal_id: str, retention_s: float = 7 * 86400,
                 max_bytes: int = 2 * 1024**3) -> None:
        if not terminal_id:
            raise ValueError("Store: terminal_id must not be empty")
        self.path = Path(path)
        self.terminal_id = terminal_id
        self.retention_s = retention_s
        self.max_bytes = max_bytes
        self.historian = Historian(self)
        self.outbox = Outbox(self)
        self.audit = AuditLog(self)
        self._health = StoreHealth(True)
        self._health_cbs: Observers = Observers("store health")
        self._health_lock = threading.Lock()
        self._writer: Writer | None = None
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        # Set when open() found the file damaged and replaced it (shown on screen).
        self.recovery: recovery.Recovery | None = None

    # --- lifecycle -----------------------------------------------------------------

    def open(self) -> Store:
        """Create the folder and file, migrate every registered component, start writing.

        A damaged file (quick integrity check) is moved aside and replaced by a new
        store holding what could be read from it (`self.recovery` says what happened)."""
        if self._writer is not None:
            return self
        try:
            if not self.path.parent.exists():  # ours: private (app/paths.py)
                secure_dir(self.path.parent)
            # PIN and badge hashes, vitals, the audit log: 0600 whatever the umask, and
            # an existing looser file is tightened (logged). SQLite's -wal and -shm
            # files take the database file's mode.
            for p in (self.path, *(self.path.with_name(self.path.name + x)
                                   for x in ("-wal", "-shm"))):
                if p == self.path or p.exists():
                    secure_file(p)
        except OSError as e:
            raise StoreError(f"cannot create the folder of the local store {self.path}: "
                             f"{e.strerror or e}") from e
        if self.path.exists() and self.path.stat().st_size > 0:
            problem = recovery.check(self.path)
            if problem is not None:
                self._replace_damaged(problem)
        try:
            conn = self._open_connection()
        except StoreError as e:
            # Damage the quick check did not see, found by the first real reads.
            if self.recovery is not None or not _is_corrupt(e.__cause__):
                raise
            self._replace_damaged(str(e.__cause__))
            conn = self._open_connection()
        if self.recovery is not None:
            recovery.salvage(self.recovery.moved_to, conn, self.recovery)
            log.error("store %s: %s", self.path, self.recovery.summary())
        self._writer = Writer(conn, self.path, self.historian._write, self._set_health,
                              periodic=self.historian._retention, periodic_s=60.0,
                              on_rollback=self.historian._forget_ids)
        self._writer.start()
        schema.add_late_hook(self._late_schema)
        return self

    def _replace_damaged(self, problem: str) -> None:
        try:
            self.recovery = recovery.move_aside(self.path, problem)
            secure_file(self.path)  # the new store is as private as the old one
        except OSError as e:
            raise StoreError(f"the local store {self.path} is damaged ({problem}) and cannot "
                             f"be moved aside: {e.strerror or e}") from e

    def _open_connection(self) -> sqlite3.Connection:
        conn = self._connect()
        try:
            # Must precede the first table so size retention can give pages back to the disk.
            conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"local store {self.path}: cannot use WAL mode (got {mode}); "
                                 "is it on a network drive?")
            schema.migrate(conn, self.path)
        except sqlite3.Error as e:
            conn.close()
            raise StoreError(f"cannot open the local store {self.path}: {e}") from e
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=10.0)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            # A large transaction (retention deleting a tenth of the store) grows the WAL
            # file; without a limit it keeps that size on disk beside the capped store.
            conn.execute(f"PRAGMA journal_size_limit={WAL_LIMIT_BYTES}")
            return conn
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the local store {self.path}: {e}") from e

    def close(self, timeout: float = 2.0) -> None:
        """Write what is queued, stop the writer, close every connection."""
        schema.remove_late_hook(self._late_schema)
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.stop(timeout)
        with self._readers_lock:
            readers, self._readers = self._readers, []
        for c in readers:
            c.close()
        self._local = threading.local()

    def __enter__(self) -> Store:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _late_schema(self, component: str) -> None:
        """A module registered its tables after this store opened: create them now."""
        writer = self._writer
        if writer is not None and writer.is_current_thread():  # inside a job: no deadlock
            schema.migrate(writer.conn, self.path, [component])
            return
        fut = self.submit(lambda c: schema.migrate(c, self.path, [component]))
        try:
            fut.result(10.0)
        except Exception:
            log.exception("store %s: late migration of %s failed", self.path, component)
            raise

    # --- health --------------------------------------------------------------------------

    @property
    def health(self) -> StoreHealth:
        return self._health

    def on_health(self, callback: Callable[[StoreHealth], None]) -> Callable[[], None]:
        """Call `callback(health)` (on the writer thread) whenever health changes;
        returns the function that stops it."""
        return self._health_cbs.add(callback)

    def _set_health(self, health: StoreHealth) -> None:
        with self._health_lock:
            if health == self._health:
                return
            self._health = health
        if health.ok:
            log.info("store %s: healthy again", self.path)
        else:
            log.error("store %s: %s", self.path, health.message)
        self._health_cbs.notify(health)

    # --- writing and reading ----------------------------------------------------------------

    def _require_writer(self) -> Writer:
        if self._writer is None:
            raise StoreError(f"local store {self.path} is not open")
        return self._writer

    def submit(self, fn: Callable[[sqlite3.Connection], T]) -> concurrent.futures.Future[T]:
        """Run `fn(conn)` on the writer thread; the future resolves after COMMIT."""
        writer = self._writer
        if writer is None:
            fut: concurrent.futures.Future[T] = concurrent.futures.Future()
            fut.set_exception(StoreError(f"local store {self.path} is not open"))
            return fut
        return writer.submit(fn)

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """This thread's read connection (autocommit; each statement sees what is committed).

        One connection per thread, kept until `close()`; it is read-only (query_only).
        """
        conn = getattr(self._local, "conn", None)
        if conn is None:
            self._require_writer()
            conn = self._connect()
            conn.execute("PRAGMA query_only=ON")
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        yield conn

    def flush(self, timeout: float = 5.0) -> None:
        """Block until everything queued before this call is committed.

        Raises StoreError (with the health message) if the store cannot write, e.g. the
        disk is full, and TimeoutError if the writer is merely slow.
        """
        self._require_writer().flush(timeout)

    @property
    def pending_samples(self) -> int:
        """Samples waiting for the writer (0 when closed): safe to read from any thread."""
        writer = self._writer
        return writer.queued if writer is not None else 0

    @property
    def writer(self) -> Writer:
        return self._require_writer()


def _is_corrupt(exc: BaseException | None) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB: the file is damaged, not busy or missing."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    return code in (11, 26) or "malformed" in str(exc) or "not a database" in str(exc)
