"""The camera hub: the site's `[[cameras]]`, their live streams, and the snapshots that
safety alarms carry.

    [[cameras]]
    id = "cell3"
    name = "Robot cell 3"
    url = "http://127.0.0.1:8190/robot3.mjpg"   # MJPEG over HTTP, or rtsp://...
    zone = "robot3"                              # its danger zone: intrusions carry a snapshot
    alarms = ["hall_*"]                          # other alarms (globs) that carry one too

When one of those alarms activates, the hub encodes the camera's latest fresh frame as
JPEG, keeps it in the store (`camera_snapshots`) and writes a journal entry
"snapshot" for the alarm with the snapshot's id in its detail, so the alarm's detail
and the journal show what the camera saw. A camera without signal at that moment is
journaled too ("no snapshot: no signal"): a missing picture is never silent.
Streams run only while a panel shows them (`acquire`/`release`); for an alarm's
snapshot the hub takes the shown stream's latest frame, or opens the camera for one
picture (so a terminal decodes no video nobody watches).
"""

from __future__ import annotations

import concurrent.futures
import fnmatch
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.alarms.engine import AlarmEngine
from app.alarms.journal import AlarmJournal
from app.alarms.model import AlarmEvent, EventKind
from app.cameras.stream import CameraConfig, CameraStream, grab_jpeg
from app.config import SiteConfig, Table
from app.services import ConfigSection, ServiceContext, ServiceSpec
from app.store.schema import register_schema

log = logging.getLogger(__name__)

register_schema("camera_snapshots", ["""
CREATE TABLE camera_snapshots (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,
    alarm_id TEXT NOT NULL,
    camera TEXT NOT NULL,
    jpeg BLOB NOT NULL
);
CREATE INDEX camera_snapshots_alarm_ts ON camera_snapshots(alarm_id, ts);
"""])

SNAPSHOT_EVENT = "snapshot"  # the journal's event name for a camera snapshot


@dataclass(frozen=True)
class CameraSite:
    """A camera of the site and which alarms take a snapshot from it."""

    camera: CameraConfig
    alarms: tuple[str, ...] = ()  # alarm id globs, besides its zone's intrusion alarm

    def watches(self, alarm_id: str) -> bool:
        zone = self.camera.zone
        if zone is not None and alarm_id == f"zone.{zone}.intrusion":
            return True
        return any(fnmatch.fnmatchcase(alarm_id, g) for g in self.alarms)


@dataclass(frozen=True)
class Snapshot:
    id: int
    ts: float
    alarm_id: str
    camera: str
    jpeg: bytes


def parse_cameras(root: Table, cfg: SiteConfig) -> tuple[CameraSite, ...]:
    out: list[CameraSite] = []
    seen: set[str] = set()
    zones = {z.id for z in cfg.sections.get("zones") or () if hasattr(z, "id")}
    for t in root.tables("cameras"):
        cid = t.str("id", required=True, pattern=r"[A-Za-z0-9_\-]+")
        if cid in seen:
            raise t.error("id", f"camera {cid!r} is defined twice")
        seen.add(cid)
        url = t.str("url", required=True)
        if "://" not in url:
            raise t.error("url", f"expected a stream URL (http://..., rtsp://...), got {url!r}")
        zone = t.str("zone")
        if zone is not None and zones and zone not in zones:
            raise t.error("zone", f"unknown zone {zone!r} (zones: {', '.join(sorted(zones))})")
        cam = CameraConfig(cid, t.str("name", cid), url, zone, t.str("format"),
                           t.float("stale_after_s", 3.0, min=0.2, max=60.0))
        out.append(CameraSite(cam, tuple(t.list("alarms", [], of=str))))
        t.done()
    return tuple(out)


class CameraHub:
    """Every camera's stream, shared by all views, and the alarm snapshots."""

    def __init__(self, cameras: tuple[CameraSite, ...], *, store: Any = None,
                 engine: AlarmEngine | None = None, journal: AlarmJournal | None = None,
                 clock: Callable[[], float] | None = None,
                 stream_factory: Callable[[CameraConfig], CameraStream] = CameraStream,
                 grab: Callable[[CameraConfig], tuple[bytes | None, str]] = grab_jpeg) -> None:
        self.sites = {c.camera.id: c for c in cameras}
        self._store, self._engine, self._journal = store, engine, journal
        self._clock = clock
        self._factory = stream_factory
        self._grab = grab
        self._lock = threading.Lock()
        self._streams: dict[str, CameraStream] = {}
        self._users: dict[str, int] = {}
        self._detach: Callable[[], None] | None = None
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self.latest_snapshot: dict[str, Snapshot] = {}  # alarm id -> its newest snapshot

    # --- life ----------------------------------------------------------------------------

    def start(self) -> None:
        self._pool = concurrent.futures.ThreadPoolExecutor(1, "camera-snapshots")
        if self._engine is not None:
            self._detach = self._engine.subscribe(self._on_events)

    def stop(self) -> None:
        if self._detach is not None:
            self._detach()
            self._detach = None
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        with self._lock:
            streams = list(self._streams.values())
            self._streams.clear()
            self._users.clear()
        for s in streams:
            s.stop()

    # --- streams -------------------------------------------------------------------------

    def acquire(self, camera_id: str) -> CameraStream:
        """The camera's running stream (started on first use); `release` when done."""
        with self._lock:
            site = self.sites.get(camera_id)
            if site is None:
                known = ", ".join(sorted(self.sites)) or "none configured"
                raise KeyError(f"unknown camera {camera_id!r} (cameras: {known})")
            stream = self._streams.get(camera_id)
            if stream is None:
                stream = self._streams[camera_id] = self._factory(site.camera).start()
            self._users[camera_id] = self._users.get(camera_id, 0) + 1
            return stream

    def release(self, camera_id: str) -> None:
        with self._lock:
            n = self._users.get(camera_id, 0) - 1
            if n > 0:
                self._users[camera_id] = n
                return
            self._users.pop(camera_id, None)
            stream = self._streams.pop(camera_id, None)
        if stream is not None:
            stream.stop(timeout=0)

    def for_alarm(self, alarm_id: str) -> CameraSite | None:
        return next((s for s in self.sites.values() if s.watches(alarm_id)), None)

    # --- snapshots -----------------------------------------------------------------------

    def _on_events(self, events: list[AlarmEvent]) -> None:
        for ev in events:
            if ev.kind is EventKind.ACTIVATED and self._pool is not None:
                site = self.for_alarm(ev.alarm_id)
                if site is not None:
                    # encoding and the store write stay off the engine's (runtime) thread
                    self._pool.submit(self.capture, ev.alarm_id, site.camera.id, ev.ts)

    def capture(self, alarm_id: str, camera_id: str, ts: float) -> Snapshot | None:
        """Take the camera's snapshot for an alarm, store it and journal it."""
        with self._lock:
            stream = self._streams.get(camera_id)
        camera = self.sites[camera_id].camera
        # a panel that shows the camera has the latest frame; else take one picture
        jpeg = stream.snapshot_jpeg() if stream is not None else None
        why = ""
        if jpeg is None:
            jpeg, why = self._grab(camera)
        if jpeg is None:
            self._note(ts, alarm_id, f"no snapshot from {camera.name}: {why or 'no signal'}",
                       {"camera": camera_id, "snapshot": None})
            return None
        name = camera.name
        snap_id = self._save(ts, alarm_id, camera_id, jpeg)
        snap = Snapshot(snap_id, ts, alarm_id, camera_id, jpeg)
        self.latest_snapshot[alarm_id] = snap
        self._note(ts, alarm_id, f"snapshot from {name}",
                   {"camera": camera_id, "snapshot": snap_id, "bytes": len(jpeg)})
        return snap

    def _save(self, ts: float, alarm_id: str, camera_id: str, jpeg: bytes) -> int:
        if self._store is None:
            return 0
        fut = self._store.submit(lambda conn: conn.execute(
            "INSERT INTO camera_snapshots(ts, alarm_id, camera, jpeg) VALUES (?, ?, ?, ?)",
            (ts, alarm_id, camera_id, jpeg)).lastrowid)
        return int(fut.result(10))

    def _note(self, ts: float, alarm_id: str, message: str, detail: dict[str, Any]) -> None:
        if self._journal is not None:
            self._journal.note(ts, alarm_id, SNAPSHOT_EVENT, message, detail)

    def snapshot(self, snapshot_id: int) -> Snapshot | None:
        """A stored snapshot by id (reads the store: call it off the GUI thread)."""
        for snap in self.latest_snapshot.values():
            if snap.id == snapshot_id:
                return snap
        if self._store is None:
            return None
        with self._store.read() as conn:
            row = conn.execute("SELECT id, ts, alarm_id, camera, jpeg FROM camera_snapshots "
                               "WHERE id = ?", (int(snapshot_id),)).fetchone()
        return None if row is None else Snapshot(int(row[0]), float(row[1]), str(row[2]),
                                                 str(row[3]), bytes(row[4]))

    def snapshots_of(self, alarm_id: str, limit: int = 10) -> list[Snapshot]:
        """An alarm's snapshots, newest first (reads the store: off the GUI thread)."""
        if self._store is None:
            snap = self.latest_snapshot.get(alarm_id)
            return [snap] if snap else []
        with self._store.read() as conn:
            rows = conn.execute("SELECT id, ts, alarm_id, camera, jpeg FROM camera_snapshots "
                                "WHERE alarm_id = ? ORDER BY ts DESC, id DESC LIMIT ?",
                                (alarm_id, int(limit))).fetchall()
        return [Snapshot(int(r[0]), float(r[1]), str(r[2]), str(r[3]), bytes(r[4]))
                for r in rows]


def _build(ctx: ServiceContext) -> CameraHub | None:
    cameras = ctx.config.sections.get("cameras")
    if not cameras:
        return None
    return CameraHub(cameras, store=ctx.store, engine=ctx.find(AlarmEngine),
                     journal=ctx.find(AlarmJournal), clock=ctx.clock)


SPEC = ServiceSpec(name="cameras", provides=CameraHub, build=_build,
                   sections=(ConfigSection("cameras", parse_cameras),),
                   needs=(AlarmEngine, AlarmJournal))


def on_local_port(cameras: tuple[CameraSite, ...], port: int) -> tuple[CameraSite, ...]:
    """The cameras with their local (127.0.0.1/localhost) URLs moved to `port`: the demo
    and the screenshots serve the simulator's cameras on a free port of their own."""
    from dataclasses import replace
    from urllib.parse import urlsplit, urlunsplit

    out = []
    for site in cameras:
        u = urlsplit(site.camera.url)
        if u.hostname in ("127.0.0.1", "localhost"):
            url = urlunsplit(u._replace(netloc=f"{u.hostname}:{port}"))
            site = replace(site, camera=replace(site.camera, url=url))
        out.append(site)
    return tuple(out)
