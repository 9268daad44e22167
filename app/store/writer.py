"""The one writer thread: owns the write connection, commits samples and jobs in batches.

Callers on any thread hand over work and return at once: samples go into a queue
(written every `batch_s` or every `batch_rows`, whichever first); jobs (`fn(conn)`) run
in order, many per transaction, and their futures resolve only after COMMIT.

A full disk never stops the thread, and space freed is used at once:
- samples are committed in chunks of `chunk_rows`, each its own transaction, so a
  backlog never needs one transaction bigger than the room there is, and at most
  `round_rows` are taken per round, so jobs never wait behind a backlog;
- the queue is bounded by memory (`max_queued_bytes`): past it the oldest samples are
  dropped and counted (`dropped`); jobs (outbox, journal, audit) are never dropped;
- a reserve file (`<store>.reserve`, `reserve_bytes`) keeps room for jobs: when samples
  fill the disk it is deleted, so outbox and journal writes still fit; samples wait
  until the disk has room again, then the reserve is made anew and they resume;
- every refused write is logged (once a minute per kind, with counts) and the store's
  health says so on screen; jobs that cannot be written fail with StoreFullError.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import logging
import os
import shutil
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.model import Sample
from app.store.errors import StoreError, StoreHealth, full_error, full_message, is_full

log = logging.getLogger(__name__)

Job = tuple[Callable[[sqlite3.Connection], Any], concurrent.futures.Future]
SampleWriter = Callable[[sqlite3.Connection, list[Sample]], None]

SAMPLE_BYTES = 160  # memory of one queued sample (measured ~120 B for a float sample)
REFUSED_LOG_EVERY_S = 60.0


class Writer:
    batch_rows = 10_000
    chunk_rows = 2_000             # samples per transaction
    round_rows = 50_000            # samples taken per round of the writer loop
    batch_s = 0.1
    retry_s = 0.25                 # pause before retrying samples after a failed write
    max_queued_bytes = 64 * 2**20  # memory for queued samples; beyond, the oldest go
    max_queued_samples = max_queued_bytes // SAMPLE_BYTES
    reserve_bytes = 1 * 2**20      # disk kept for jobs while samples fill it

    def __init__(self, conn: sqlite3.Connection, path: Path, write_samples: SampleWriter,
                 set_health: Callable[[StoreHealth], None],
                 periodic: Callable[[sqlite3.Connection], object] | None = None,
                 periodic_s: float = 60.0,
                 on_rollback: Callable[[], None] | None = None) -> None:
        self.conn = conn
        self.path = path
        self._write_samples = write_samples
        self._set_health = set_health
        self._periodic = periodic
        self.periodic_s = periodic_s
        self._on_rollback = on_rollback
        self._cond = threading.Condition()
        self._samples: deque[Sample] = deque()
        self._jobs: list[Job] = []
        self._stopping = False
        self._blocked_until = 0.0       # monotonic time before which samples are not retried
        self._failing = False           # the last sample write failed
        self.appended = 0               # samples accepted so far (for flush)
        self.done = 0                   # samples committed or dropped so far
        self.dropped = 0
        self.refused_jobs = 0           # jobs that failed because the store was full
        self._drop_shown = 0.0
        self.reserve = path.with_name(path.name + ".reserve")
        self._reserve_released = False  # deleted on full: samples wait for room
        self._logged: dict[str, float] = {}
        self._unlogged: collections.Counter[str] = collections.Counter()
        self._thread = threading.Thread(target=self._run, name="lineside-store-writer",
                                        daemon=True)

    # --- any thread ------------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def is_current_thread(self) -> bool:
        return threading.current_thread() is self._thread

    @property
    def alive(self) -> bool:
        return self._thread.is_alive() and not self._stopping

    def append(self, samples: list[Sample]) -> bool:
        with self._cond:
            if self._stopping:
                return False
            self._samples.extend(samples)
            self.appended += len(samples)
            over = len(self._samples) - self.max_queued_samples
            if over > 0:
                for _ in range(over):
                    self._samples.popleft()
                self.dropped += over
                self.done += over
            if len(self._samples) >= self.batch_rows:
                self._cond.notify()
        if over > 0:
            self._log_refused("samples-dropped", over,
                              "store %s: %d oldest queued samples dropped (%d in all): the "
                              "queue holds at most %d (%d MB) while the store cannot write",
                              self.path, over, self.dropped, self.max_queued_samples,
                              self.max_queued_samples * SAMPLE_BYTES // 2**20)
            t = time.monotonic()
            if self._failing and t - self._drop_shown >= 1.0:  # on screen, once a second
                self._drop_shown = t
                self._set_health(StoreHealth(False, self._health_text()))
        return True

    def submit(self, fn: Callable[[sqlite3.Connection], Any]) -> concurrent.futures.Future:
        fut: concurrent.futures.Future = concurrent.futures.Future()
        with self._cond:
            if self._stopping:
                fut.set_exception(StoreError(f"store {self.path} is closed"))
                return fut
            self._jobs.append((fn, fut))
            self._cond.notify()
        return fut

    def flush(self, timeout: float) -> None:
        """Wait until everything queued before this call is committed."""
        deadline = time.monotonic() + timeout
        with self._cond:
            target = self.appended
        self.submit(lambda _c: None).result(timeout)
        with self._cond:
            while self.done < target:
                left = deadline - time.monotonic()
                if left <= 0:
                    msg = f"store {self.path}: {target - self.done} samples not yet written"
                    if self._failing:
                        raise StoreError(msg + " (" + self._last_error + ")")
                    raise TimeoutError(msg)
                self._cond.wait(min(left, 0.05))

    def stop(self, timeout: float) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("store %s: writer did not finish within %.1f s", self.path, timeout)

    @property
    def queued(self) -> int:
        with self._cond:
            return len(self._samples)

    # --- writer thread ----------------------------------------------------------------

    _last_error = ""

    def _run(self) -> None:
        last_periodic = time.monotonic()
        self._make_reserve()
        try:
            while True:
                with self._cond:
                    if not self._stopping and not self._jobs and (
                            len(self._samples) < self.batch_rows
                            or time.monotonic() < self._blocked_until):
                        wait = self.batch_s
                        if self._blocked_until:
                            wait = max(0.01, min(self.retry_s,
                                                 self._blocked_until - time.monotonic()))
                        self._cond.wait(wait)
                    stopping = self._stopping
                    jobs, self._jobs = self._jobs, []
                due = stopping or time.monotonic() >= self._blocked_until
                if due and not stopping and self._reserve_released and not self._room():
                    due = False  # the disk is still full: the room left is for jobs
                    self._blocked_until = time.monotonic() + self.retry_s
                samples: list[Sample] = []
                if due:
                    with self._cond:
                        take = len(self._samples) if stopping else min(len(self._samples),
                                                                      self.round_rows)
                        samples = [self._samples.popleft() for _ in range(take)]
                if samples:
                    self._commit_samples(samples)
                if jobs:
                    self._run_jobs(jobs)
                if (self._periodic is not None
                        and time.monotonic() - last_periodic >= self.periodic_s):
                    last_periodic = time.monotonic()
                    self._run_periodic()
                if stopping:
                    with self._cond:
                        if not self._jobs:
                            break
        except BaseException as e:
            log.exception("store %s: writer thread crashed", self.path)
            self._set_health(StoreHealth(False, f"local store stopped writing: {self.path}: "
                                                f"{e!r} (restart LineSide)"))
            raise
        finally:
            self._shutdown()

    def _shutdown(self) -> None:
        with self._cond:
            self._stopping = True
            lost, jobs = len(self._samples), self._jobs
            self._jobs = []
            self._cond.notify_all()
        if lost:
            log.error("store %s: %d samples could not be written before close (%s)",
                      self.path, lost, self._last_error or "writer stopped")
        for _fn, fut in jobs:
            if fut.set_running_or_notify_cancel():
                fut.set_exception(StoreError(f"store {self.path} is closed"))
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no WAL left behind
        except sqlite3.Error as e:
            log.warning("store %s: checkpoint at close failed: %s", self.path, e)
        self.conn.close()

    def _commit_samples(self, samples: list[Sample]) -> None:
        conn = self.conn
        for i in range(0, len(samples), self.chunk_rows):
            chunk = samples[i:i + self.chunk_rows]
            try:
                conn.execute("BEGIN")
                self._write_samples(conn, chunk)
                conn.execute("COMMIT")
            except Exception as e:
                self._rollback()
                rest = samples[i:]
                with self._cond:
                    # Keep them, in order, ahead of anything queued meanwhile.
                    self._samples.extendleft(reversed(rest))
                    self._blocked_until = time.monotonic() + self.retry_s
                    self._failing = True
                if is_full(e):
                    self._on_full()
                    self._last_error = full_message(self.path)
                    self._log_refused("samples-full", len(rest),
                                      "store %s is full: %d samples wait in memory "
                                      "(written when there is room)", self.path,
                                      len(self._samples))
                elif _is_corrupt(e):
                    # Found while running (the quick check at open could not see it yet):
                    # a restart moves the file aside and salvages it (store.recovery).
                    self._last_error = (f"local store damaged: {self.path}: {e} (restart "
                                        "LineSide to replace it; what can be read is kept)")
                    self._log_refused("corrupt", len(rest), "store %s: %s", self.path,
                                      self._last_error)
                else:
                    self._last_error = f"local store cannot write: {self.path}: {e}"
                    log.exception("store %s: writing %d samples failed; retrying", self.path,
                                  len(rest))
                self._set_health(StoreHealth(False, self._health_text()))
                return
            with self._cond:
                self.done += len(chunk)
                self._blocked_until = 0.0
                self._failing = False
                self._cond.notify_all()
        self._set_health(StoreHealth(True))

    def _health_text(self) -> str:
        if self.dropped:
            return f"{self._last_error}; {self.dropped} oldest samples dropped"
        return self._last_error

    # --- the reserve: room for jobs on a full disk ---------------------------------------

    def _make_reserve(self) -> None:
        """(Re)create the reserve file; without room for it, go on without one."""
        if self.reserve_bytes <= 0:
            return
        try:
            # Private like the store (0600): nothing in it, but nothing to share either.
            with os.fdopen(os.open(self.reserve, os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
                                   0o600), "wb") as f:
                block = b"\0" * 65536
                left = self.reserve_bytes
                while left > 0:
                    n = f.write(block[:left])
                    left -= n
                f.flush()
                os.fsync(f.fileno())
            self._reserve_released = False
        except OSError as e:
            with contextlib.suppress(OSError):
                self.reserve.unlink()
            log.warning("store %s: no room for the %d kB reserve (%s)", self.path,
                        self.reserve_bytes // 1024, e.strerror or e)
            self._reserve_released = True

    def _on_full(self) -> None:
        """Samples filled the disk: give the reserve to jobs (outbox, journal, audit)."""
        if self._reserve_released or not self.reserve.exists():
            self._reserve_released = True
            return
        if self._room(self.reserve_bytes):  # a size limit, not the disk: keep it
            return
        with contextlib.suppress(OSError):
            self.reserve.unlink()
        self._reserve_released = True
        log.error("store %s: disk full; the reserve is released so messages, the alarm "
                  "journal and the audit log can still be written; samples wait in memory "
                  "until there is room", self.path)

    def _room(self, extra: int = 0) -> bool:
        """Room on the disk for the reserve and then some: samples may go on. Makes the
        reserve anew when they may."""
        try:
            free = shutil.disk_usage(self.path.parent).free
        except OSError:
            return True
        if free < 2 * self.reserve_bytes + extra:
            return False
        if self._reserve_released and not extra:
            self._make_reserve()
            log.info("store %s: room on the disk again; samples are written", self.path)
        return True

    def _log_refused(self, kind: str, n: int, msg: str, *args: Any) -> None:
        """A refused write, logged once a minute per kind with what was held back."""
        t = time.monotonic()
        last = self._logged.get(kind)
        if last is not None and t - last < REFUSED_LOG_EVERY_S:
            self._unlogged[kind] += n
            return
        self._logged[kind] = t
        held = self._unlogged.pop(kind, 0)
        log.error(msg + (f" ({held} more since the last report)" if held else ""), *args)

    def _run_jobs(self, jobs: list[Job]) -> None:
        jobs = [(fn, fut) for fn, fut in jobs if fut.set_running_or_notify_cancel()]
        if not jobs:
            return
        if not self._group(jobs):
            for job in jobs:  # something broke the shared transaction: one by one
                self._group([job], single=True)

    def _group(self, jobs: list[Job], single: bool = False) -> bool:
        """Run jobs in one transaction, each in a savepoint; resolve after COMMIT.

        Returns False (nothing resolved) if the transaction itself failed and the jobs
        must be retried one by one; with `single`, failures go into the future.
        """
        conn = self.conn
        results: list[tuple[concurrent.futures.Future, Any, BaseException | None]] = []
        try:
            conn.execute("BEGIN")
            for fn, fut in jobs:
                conn.execute("SAVEPOINT job")
                try:
                    value = fn(conn)
                except Exception as e:
                    if not conn.in_transaction:
                        raise  # SQLite rolled the whole transaction back
                    conn.execute("ROLLBACK TO job")
                    conn.execute("RELEASE job")
                    if is_full(e) and not single:
                        raise
                    results.append((fut, None, self._wrap(e)))
                else:
                    conn.execute("RELEASE job")
                    results.append((fut, value, None))
            conn.execute("COMMIT")
        except Exception as e:
            self._rollback()
            if not single:
                return False
            fut = jobs[0][1]
            fut.set_exception(self._wrap(e))
            if _is_corrupt(e):
                self._set_health(StoreHealth(False, f"local store damaged: {self.path}: {e} "
                                             "(restart LineSide to replace it)"))
            if is_full(e):
                self._refused(jobs[0][0])
                self._set_health(StoreHealth(False, full_message(self.path)))
            return True
        for (fn, _f), (fut, value, exc) in zip(jobs, results, strict=True):
            if exc is None:
                fut.set_result(value)
            else:
                if is_full(exc.__cause__ or exc):
                    self._refused(fn)
                    self._set_health(StoreHealth(False, full_message(self.path)))
                fut.set_exception(exc)
        if not self._failing and all(exc is None or not is_full(exc.__cause__ or exc)
                                     for _f, _v, exc in results):
            self._set_health(StoreHealth(True))
        return True

    def _refused(self, fn: Callable[..., Any]) -> None:
        self.refused_jobs += 1
        what = getattr(fn, "__qualname__", repr(fn)).replace(".<locals>", "")
        self._log_refused(f"job {what}", 1, "store %s is full: %s refused (%d writes refused "
                          "in all; free disk space)", self.path, what, self.refused_jobs)

    def _wrap(self, e: BaseException) -> BaseException:
        return full_error(self.path, e) if is_full(e) else e

    def _rollback(self) -> None:
        if self._on_rollback is not None:
            self._on_rollback()
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                log.exception("store %s: rollback failed", self.path)

    def _run_periodic(self) -> None:
        assert self._periodic is not None
        try:
            self.conn.execute("BEGIN")
            self._periodic(self.conn)
            self.conn.execute("COMMIT")
        except Exception:
            self._rollback()
            log.exception("store %s: periodic maintenance failed", self.path)


def _is_corrupt(exc: BaseException) -> bool:
    """SQLITE_CORRUPT / SQLITE_NOTADB: the file is damaged (see app.store.recovery)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in str(exc)
