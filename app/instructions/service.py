"""Job assistance as a terminal service (built where `[instructions]` is set).

    [instructions]
    folder = "instructions"          # beside the site file: one folder per station
    [[instructions.stations]]        # in line order: upstream cars are "next"
    station = "robot3"
    vehicle_tag = "demo/body/line1/vehicles/robot3/current"

What it does:
- instruction sets: the files are read at start; a newer revision than the store holds is
  stored and shared retained on `<root>/instructions/<station>` (images inline), so every
  terminal of the station shows the same revision, offline too;
- the vehicle at each station comes from its vehicle tag; the steps are those that apply
  to its variant and options;
- a step is confirmed by touch, a measured value typed or read from its tool's tag and
  checked against its limits; out of limits the step stays open for a rework, or a team
  lead releases it; every entry goes into the vehicle's build record (stored, published);
- the skills matrix answers who may work where; qualifications and certificates about to
  lapse are alarms for the team lead (area "skills").
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmDefinition, AlarmKind, Priority
from app.auth.permissions import Action, Role, allowed, require
from app.auth.pin import verify_pin
from app.auth.users import UserRepo
from app.config import ConfigError, SiteConfig, Table
from app.instructions.model import InstructionSet, Step, Vehicle, load_station
from app.instructions.skills import EXPIRY_WARN_DAYS, Check, SkillsMatrix
from app.model import Quality, Sample
from app.observers import Observers
from app.registers.service import Registers
from app.scheduling.oee import OEEService
from app.services import ConfigSection, ServiceContext, ServiceSpec, stop_all
from app.store.schema import register_schema

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 512 * 1024
NEXT_SHOWN = 3

register_schema("instructions", ["""
CREATE TABLE instruction_sets (station TEXT PRIMARY KEY, revision INTEGER NOT NULL,
                               body TEXT NOT NULL);
CREATE TABLE build_records (
    id INTEGER PRIMARY KEY, vehicle TEXT NOT NULL, station TEXT NOT NULL,
    step TEXT NOT NULL, revision INTEGER NOT NULL, status TEXT NOT NULL, value REAL,
    actor TEXT NOT NULL, ts REAL NOT NULL, terminal TEXT NOT NULL,
    released_by TEXT NOT NULL DEFAULT '');
CREATE INDEX build_records_vehicle ON build_records(vehicle, ts);
CREATE TABLE supervised_sessions (id INTEGER PRIMARY KEY, worker TEXT NOT NULL,
    station TEXT NOT NULL, lead TEXT NOT NULL, ts REAL NOT NULL);
"""])


@dataclass(frozen=True)
class StationBinding:
    station: str
    vehicle_tag: str | None


@dataclass(frozen=True)
class InstructionsConfig:
    folder: Path
    stations: tuple[StationBinding, ...]


def parse(table: Table, cfg: SiteConfig) -> InstructionsConfig:
    t = table.table("instructions")
    folder = cfg.file.parent / t.str("folder", "instructions")
    stations = []
    for s in t.tables("stations"):
        sid = s.str("station", required=True)
        if sid not in cfg.stations:
            raise s.error("station", f"unknown station {sid!r}")
        tag = s.str("vehicle_tag")
        if tag is not None and tag not in cfg.tags:
            raise s.error("vehicle_tag", f"unknown tag {tag!r}")
        stations.append(StationBinding(sid, tag))
        s.done()
    t.done()
    # No folder here is fine: this terminal then takes the instructions from the broker.
    if folder.exists() and not folder.is_dir():
        raise ConfigError(table.file, "instructions.folder", f"{folder} is not a folder")
    for b in stations:  # every file is checked at load: a broken one names itself
        if (folder / b.station).is_dir():
            load_station(folder, b.station)
    return InstructionsConfig(folder, tuple(stations))


@dataclass(frozen=True)
class Entry:
    """One line of a vehicle's build record."""

    vehicle: str
    station: str
    step: str
    revision: int
    status: str  # done | ok | out_of_limits | released
    value: float | None
    actor: str
    ts: float
    released_by: str = ""

    @property
    def closes(self) -> bool:
        return self.status in ("done", "ok", "released")


class JobError(ValueError):
    """A step that cannot be confirmed now; the message says why in plain words."""


class JobAssist:
    def __init__(self, config: InstructionsConfig, store: Any, runtime: Any,
                 skills: SkillsMatrix, alarms: AlarmEngine, users: Any, *,
                 terminal_id: str, topic_root: str, shared: bool,
                 clock: Callable[[], float] = time.time) -> None:
        self.config, self._store, self._runtime = config, store, runtime
        self.skills, self._alarms, self._users = skills, alarms, users
        self.terminal_id, self.topic_root, self._shared = terminal_id, topic_root, shared
        self._clock = clock
        self._lock = threading.Lock()
        self.sets: dict[str, InstructionSet] = {}
        self.current: dict[str, Vehicle] = {}
        self._entries: dict[tuple[str, str], list[Entry]] = {}  # (vehicle, station)
        self._observers: Observers = Observers("job assistance")
        self._removers: list[Callable[[], None]] = []
        self._tags = {b.vehicle_tag: b.station for b in config.stations if b.vehicle_tag}
        self._expiring: set[str] = set()
        # Pictures of sets received from other terminals, beside the store; not named
        # "instructions", the name of a site's own folder of sets (a store kept beside
        # the site file wrote its cache into the site's instructions).
        self.image_cache = Path(store.path).parent / "instruction-images"
        # OEE's add_reject_source, where OEE runs: the quality checks become its rejects
        self.reject_sink: Callable[[Callable[[str, float, float], float]],
                                   Callable[[], None]] | None = None

    # --- life cycle ------------------------------------------------------------------------

    def start(self) -> None:
        with self._store.read() as conn:
            for station, body in conn.execute("SELECT station, body FROM instruction_sets"):
                try:
                    self.sets[station] = self._with_cached_images(
                        InstructionSet.from_json(json.loads(body)))
                except (ValueError, KeyError) as e:
                    log.error("stored instructions of %s cannot be read: %s", station, e)
        for b in self.config.stations:
            if (self.config.folder / b.station).is_dir():
                self._offer(load_station(self.config.folder, b.station), local=True)
        for tag in self._tags:
            s = self._runtime.latest.get(tag)
            if s is not None:
                self.on_samples([s])
        self._removers.append(self._runtime.subscribe(self.on_samples))
        if self._shared:
            self._removers.append(self._runtime.subscribe_topic(
                f"{self.topic_root}/instructions/+", self._on_message))
        self._removers.append(self._runtime.every(600.0, self.check_expiry, "skills expiry"))
        if self.reject_sink is not None:
            self._removers.append(self.reject_sink(self.rejects))

    def stop(self) -> None:
        stop_all(self._removers)

    def subscribe(self, observer: Callable[[], None]) -> Callable[[], None]:
        return self._observers.add(observer)

    # --- instruction sets --------------------------------------------------------------------

    def _offer(self, new: InstructionSet, *, local: bool) -> bool:
        """Keep `new` if it is a newer revision; share it if it came from our files."""
        with self._lock:
            old = self.sets.get(new.station)
            if old is not None and old.revision >= new.revision:
                if local and old.revision == new.revision and not old.folder:
                    self.sets[new.station] = replace(old, folder=new.folder)
                return False
            self.sets[new.station] = new
        shared = new if not local else replace(new, images=_images_of(new))
        body = json.dumps(replace(shared, folder="").to_json(), ensure_ascii=False)
        self._store.submit(lambda c: c.execute(
            "INSERT OR REPLACE INTO instruction_sets (station, revision, body) "
            "VALUES (?, ?, ?)", (new.station, new.revision, body)))
        log.info("instructions for %s: revision %d (approved by %s)%s", new.station,
                 new.revision, new.approved_by, " from the broker" if not local else "")
        if local and self._shared:
            fut = self._runtime.publish(f"{self.topic_root}/instructions/{new.station}",
                                        json.loads(body), retain=True)
            fut.add_done_callback(_log_failure)
        self._observers.notify()
        return True

    def _on_message(self, topic: str, payload: bytes) -> None:
        if not payload:
            return
        try:
            got = InstructionSet.from_json(json.loads(payload))
            if topic.rsplit("/", 1)[-1] != got.station:
                raise ValueError("topic and station differ")
        except (ValueError, KeyError, TypeError, RecursionError) as e:
            log.warning("ignoring instructions on %s: %s", topic, e)
            return
        self._offer(self._with_cached_images(got), local=False)

    def _with_cached_images(self, s: InstructionSet) -> InstructionSet:
        """Images that came inline are written to the data folder and read from there."""
        if s.folder or not s.images:
            return s
        folder = self.image_cache / s.station / str(s.revision)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name, data in s.images.items():
                target = folder / Path(name).name
                if not target.exists():
                    target.write_bytes(base64.b64decode(data))
        except (OSError, ValueError) as e:
            log.warning("instruction images of %s not written: %s", s.station, e)
            return s
        return replace(s, folder=str(folder))

    def image_path(self, station: str, step: Step) -> Path | None:
        s = self.sets.get(station)
        if s is None or not step.image or not s.folder:
            return None
        p = Path(s.folder) / Path(step.image).name
        return p if p.is_file() else None

    # --- the car at the station --------------------------------------------------------------

    def on_samples(self, samples: list[Sample]) -> None:
        changed = False
        for s in samples:
            station = self._tags.get(s.tag)
            if station is None or s.quality is Quality.BAD or not isinstance(s.value, str):
                continue
            v = Vehicle.parse(s.value)
            if v is not None and self.current.get(station) != v:
                self.current[station] = v
                changed = True
        if changed:
            self._observers.notify()

    def next_vehicles(self, station: str) -> list[Vehicle]:
        """The cars upstream, nearest first (they come to this station next)."""
        order = [b.station for b in self.config.stations]
        if station not in order:
            return []
        up = order[:order.index(station)]
        return [self.current[s] for s in reversed(up) if s in self.current][:NEXT_SHOWN]

    def steps(self, station: str, vehicle: Vehicle | None = None) -> list[Step]:
        vehicle = vehicle or self.current.get(station)
        s = self.sets.get(station)
        if s is None or vehicle is None:
            return []
        return s.steps_for(vehicle)

    # --- confirming ---------------------------------------------------------------------------

    def entries(self, vehicle: str, station: str | None = None) -> list[Entry]:
        """The vehicle's build record (this terminal's view), oldest first."""
        with self._store.read() as conn:
            sql = ("SELECT vehicle, station, step, revision, status, value, actor, ts, "
                   "released_by FROM build_records WHERE vehicle = ?")
            args: list[Any] = [vehicle]
            if station is not None:
                sql += " AND station = ?"
                args.append(station)
            rows = conn.execute(sql + " ORDER BY ts, id", args).fetchall()
        return [Entry(*r) for r in rows]

    def open_step(self, station: str) -> Step | None:
        """The first step of the car at the station that is not closed yet."""
        v = self.current.get(station)
        if v is None:
            return None
        closed = {e.step for e in self.record_of(v.id, station) if e.closes}
        return next((s for s in self.steps(station) if s.id not in closed), None)

    def record_of(self, vehicle: str, station: str) -> list[Entry]:
        """The car's entries at the station, kept in memory (read once from the store)."""
        key = (vehicle, station)
        with self._lock:
            known = self._entries.get(key)
        if known is None:
            known = self.entries(vehicle, station)
            with self._lock:
                known = self._entries.setdefault(key, known)
        return known

    def confirm(self, station: str, step_id: str, *, actor: str,
                value: float | None = None) -> Entry:
        v = self.current.get(station)
        s = self.sets.get(station)
        if v is None or s is None:
            raise JobError("no car at this station right now")
        step = next((x for x in self.steps(station) if x.id == step_id), None)
        if step is None:
            raise JobError(f"step {step_id} does not apply to {v.id}")
        if not actor:
            raise JobError("sign in to confirm steps")
        status = "done"
        if step.measure is not None:
            m = step.measure
            if value is None and m.tag:
                sample = self._runtime.latest.get(m.tag)
                if sample is not None and sample.quality is not Quality.BAD \
                        and isinstance(sample.value, int | float):
                    value = float(sample.value)
            if value is None:
                raise JobError(f"enter the measured {m.name} ({m.limits()})")
            status = "ok" if m.within(value) else "out_of_limits"
        return self._record(Entry(v.id, station, step.id, s.revision, status, value, actor,
                                  self._clock()))

    def release(self, station: str, step_id: str, *, lead: str, role: Role | None) -> Entry:
        """A team lead accepts a value out of limits (recorded as released)."""
        require(role, Action.STEP_RELEASE)
        v = self.current.get(station)
        if v is None:
            raise JobError("no car at this station right now")
        last = [e for e in self.record_of(v.id, station) if e.step == step_id]
        if not last or last[-1].status != "out_of_limits":
            raise JobError("only a step out of limits is released")
        e = last[-1]
        return self._record(replace(e, status="released", released_by=lead, ts=self._clock()))

    def _record(self, e: Entry) -> Entry:
        entries = self.record_of(e.vehicle, e.station)
        with self._lock:
            entries.append(e)
        self._store.submit(lambda c: c.execute(
            "INSERT INTO build_records (vehicle, station, step, revision, status, value, "
            "actor, ts, terminal, released_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (e.vehicle, e.station, e.step, e.revision, e.status, e.value, e.actor, e.ts,
             self.terminal_id, e.released_by)))
        if self._shared:
            fut = self._runtime.publish(
                f"{self.topic_root}/build/{e.vehicle}/{e.station}",
                {"vehicle": e.vehicle, "station": e.station, "step": e.step,
                 "revision": e.revision, "status": e.status, "value": e.value,
                 "actor": e.actor, "ts": e.ts, "released_by": e.released_by,
                 "terminal": self.terminal_id})
            fut.add_done_callback(_log_failure)
        self._observers.notify()
        return e

    def rejects(self, station: str, t0: float, t1: float) -> float:
        """Cars whose check at `station` was out of limits in [t0, t1): OEE's rejects
        (reworked, so not good first time)."""
        with self._store.read() as conn:
            row = conn.execute("SELECT COUNT(DISTINCT vehicle) FROM build_records WHERE "
                               "station = ? AND status = 'out_of_limits' AND ts >= ? "
                               "AND ts < ?", (station, t0, t1)).fetchone()
        return float(row[0] or 0)

    def quality_counts(self, since: float) -> dict[str, int]:
        """Reworks (a step measured again after out of limits) and released deviations."""
        with self._store.read() as conn:
            rows = conn.execute("SELECT status, COUNT(*) FROM build_records WHERE ts >= ? "
                                "GROUP BY status", (since,)).fetchall()
        d = dict(rows)
        return {"out_of_limits": d.get("out_of_limits", 0), "released": d.get("released", 0)}

    # --- who may work here --------------------------------------------------------------------

    def check_worker(self, user_id: str, station: str) -> Check:
        return self.skills.check(user_id, station)

    def confirm_supervised(self, worker: str, station: str, lead_id: str, pin: str) -> None:
        """A team lead confirms with their PIN that an unqualified worker works supervised."""
        lead = self._users.get(lead_id)
        if lead is None or lead.disabled or not verify_pin(pin, lead.pin_hash):
            raise JobError("team lead or PIN not recognised")
        if not allowed(lead.role, Action.SUPERVISE_WORK):
            raise JobError(f"{lead.name} is not a team lead")
        t = self._clock()
        self._store.submit(lambda c: c.execute(
            "INSERT INTO supervised_sessions (worker, station, lead, ts) VALUES (?, ?, ?, ?)",
            (worker, station, lead_id, t)))
        self._store.audit.record(lead_id, "job.supervised_session", worker,
                                 {"station": station})

    def check_expiry(self) -> None:
        """Qualifications and certificates lapsing within 30 days: alarms to team leads."""
        now = set()
        for e in self.skills.expiring(EXPIRY_WARN_DAYS):
            aid = f"skills.{e.worker}.{e.what}"
            now.add(aid)
            lapsed = e.days_left < 0
            text = (f"{e.name}: {e.what} lapsed {-e.days_left} days ago" if lapsed else
                    f"{e.name}: {e.what} lapses in {e.days_left} days "
                    f"({e.expires.isoformat()})")
            if aid not in self._expiring:
                self._alarms.define(AlarmDefinition(
                    id=aid, kind=AlarmKind.EXTERNAL,
                    priority=Priority.MEDIUM if lapsed else Priority.LOW, message=text,
                    area="skills"))
            self._alarms.set_condition(aid, True, message=text)
        for aid in self._expiring - now:
            self._alarms.set_condition(aid, False)
        self._expiring = now


def _images_of(s: InstructionSet) -> dict[str, str]:
    out = {}
    for step in s.steps:
        if step.image and step.image not in out:
            p = Path(s.folder) / step.image
            try:
                data = p.read_bytes()
            except OSError:
                continue
            if len(data) <= MAX_IMAGE_BYTES:
                out[step.image] = base64.b64encode(data).decode("ascii")
            else:
                log.warning("instruction image %s is over %d kB: not shared", p,
                            MAX_IMAGE_BYTES // 1024)
    return out


def _log_failure(fut: Any) -> None:
    if fut.exception() is not None:
        log.error("job assistance message not stored for sending: %s", fut.exception())


def build(ctx: ServiceContext) -> JobAssist | None:
    cfg: InstructionsConfig | None = ctx.config.sections.get("instructions")
    if cfg is None:
        return None
    job = JobAssist(cfg, ctx.store, ctx.runtime, ctx.get(Registers).skills,
                    ctx.get(AlarmEngine), ctx.get(UserRepo), terminal_id=ctx.terminal_id,
                    topic_root=ctx.config.site.topic_root, shared=ctx.shared,
                    clock=ctx.clock)
    oee = ctx.find(OEEService)
    if oee is not None:  # quality checks feed OEE's quality factor
        job.reject_sink = oee.add_reject_source
    return job


SPEC = ServiceSpec(name="instructions", provides=JobAssist, build=build,
                   sections=(ConfigSection("instructions", parse),),
                   needs=(AlarmEngine, Registers, UserRepo))
