"""Scheduled ESG reports: daily after the production day, monthly on the first, made
again after downtime (a report missed while the terminal was off is made at the next
start; none for a time before the store had data), each stored once and announced once
through the outbox.

Files go to `<folder>/<label>/`: `esg.json`, one CSV per table, and `esg.pdf` where a
PDF renderer is registered (the GUI registers Qt's; a headless gateway writes JSON and
CSV, and `lineside report esg` makes the PDF of any period).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.environment import esg
from app.store.schema import register_schema
from app.worker import Worker

log = logging.getLogger(__name__)

register_schema("esg_reports", ["""
CREATE TABLE esg_reports (
    label TEXT PRIMARY KEY, kind TEXT NOT NULL, start REAL NOT NULL, end REAL NOT NULL,
    created REAL NOT NULL, folder TEXT NOT NULL, pdf TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '', published INTEGER NOT NULL DEFAULT 0);
"""])

PdfRenderer = Callable[[esg.EsgReport, Path, str], Path]
_RENDERERS: list[PdfRenderer] = []
CATCH_UP_DAYS = 7
CHECK_S = 300.0


def register_pdf_renderer(render: PdfRenderer) -> None:
    """The GUI's Qt renderer registers here (widgets.esg_pdf)."""
    if render not in _RENDERERS:
        _RENDERERS.append(render)


@dataclass(frozen=True)
class Made:
    label: str
    kind: str
    start: float
    end: float
    created: float
    folder: str
    pdf: str
    sha256: str
    published: bool


def day_start_hour(energy: Any) -> int:
    """The production day starts with the first shift (06:00), else at midnight."""
    shifts = getattr(energy, "shifts", ()) or ()
    return min((s.start_h for s in shifts), default=0) if shifts else 0


def due(now: float, made: set[str], *, first_hour: int = 0,
        days: int = CATCH_UP_DAYS) -> list[tuple[str, str, float, float]]:
    """(label, kind, start, end) of every report that should exist by `now` and does
    not: the production days of the last `days`, and the last month (local time)."""
    out = []
    local = dt.datetime.fromtimestamp(now)
    day0 = local.replace(hour=first_hour, minute=0, second=0, microsecond=0)
    if day0 > local:
        day0 -= dt.timedelta(days=1)
    for n in range(days, 0, -1):
        a = day0 - dt.timedelta(days=n)
        b = a + dt.timedelta(days=1)
        label = a.strftime("%Y-%m-%d")
        if label not in made and b.timestamp() <= now:
            out.append((label, "daily", a.timestamp(), b.timestamp()))
    first = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    prev = (first - dt.timedelta(days=1)).replace(day=1)
    label = prev.strftime("%Y-%m")
    if label not in made:
        out.append((label, "monthly", prev.timestamp(), first.timestamp()))
    return out


class ReportScheduler:
    def __init__(self, site: Any, store: Any, publish: Callable[[str, dict[str, Any]], Any],
                 folder: Path, *, language: str = "en", days: int = CATCH_UP_DAYS,
                 pdf: bool = True, clock: Callable[[], float] = time.time) -> None:
        self.site, self._store, self._publish = site, store, publish
        self.folder = folder
        self.language = language
        self.days = days  # how far back a missed daily report is still made
        self.pdf = pdf
        self._clock = clock
        self._worker = Worker("lineside-reports", self.catch_up, CHECK_S,
                              what="scheduled ESG report")
        self._lock = threading.Lock()  # one report at a time (on demand and scheduled)

    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop(10)

    def made(self) -> list[Made]:
        with self._store.read() as conn:
            rows = conn.execute("SELECT label, kind, start, end, created, folder, pdf, "
                                "sha256, published FROM esg_reports ORDER BY start DESC")
            return [Made(str(r[0]), str(r[1]), float(r[2]), float(r[3]), float(r[4]),
                         str(r[5]), str(r[6]), str(r[7]), bool(r[8])) for r in rows.fetchall()]

    def catch_up(self) -> list[Made]:
        """Make every report that is due; returns what was made."""
        done = {m.label for m in self.made()}
        energy = self.site.sections.get("energy")
        with self._store.read() as conn:  # no report of a time before this store had data
            (first,) = conn.execute("SELECT MIN(minute) FROM env_minute").fetchone()
        out = []
        for label, kind, start, end in due(self._clock(), done, days=self.days,
                                           first_hour=day_start_hour(energy)):
            if self._worker.stopping:
                break
            if first is None or end <= first:
                continue
            out.append(self.make(label, kind, start, end))
        return out

    def make(self, label: str, kind: str, start: float, end: float) -> Made:
        """Build, write, store and announce one report (also on demand from the GUI)."""
        with self._lock:
            cfg = self.site
            rep = esg.build(cfg, self._store, start, end, label=label,
                            environment=cfg.sections.get("environment"),
                            energy=cfg.sections.get("energy"),
                            hazards=cfg.sections.get("hazards"), now=self._clock())
            folder = self.folder / label
            folder.mkdir(parents=True, exist_ok=True)
            rep.write_json(folder / "esg.json")
            rep.write_csv(folder / "csv")
            pdf = ""
            digest_of = folder / "esg.json"
            for render in _RENDERERS[:1] if self.pdf else []:
                try:
                    pdf = str(render(rep, folder / "esg.pdf", self.language))
                    digest_of = Path(pdf)
                except Exception:
                    log.exception("ESG report %s: the PDF could not be made", label)
            sha = hashlib.sha256(digest_of.read_bytes()).hexdigest()
            created = self._clock()
            self._store.submit(lambda c: c.execute(
                "INSERT OR REPLACE INTO esg_reports (label, kind, start, end, created, folder,"
                " pdf, sha256, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                "COALESCE((SELECT published FROM esg_reports WHERE label = ?), 0))",
                (label, kind, start, end, created, str(folder), pdf, sha, label))).result(10)
            published = self._announce(label, kind, rep, sha)
            log.info("ESG report %s (%s) written to %s", label, kind, folder)
            return Made(label, kind, start, end, created, str(folder), pdf, sha, published)

    def _announce(self, label: str, kind: str, rep: esg.EsgReport, sha: str) -> bool:
        with self._store.read() as conn:
            row = conn.execute("SELECT published FROM esg_reports WHERE label = ?",
                               (label,)).fetchone()
        if row and row[0]:
            return True  # once: a report made again is not announced again
        summary = {"report": "esg", "kind": kind, "period": label, "sha256": sha,
                   "figures": {s.key: s.figures for s in rep.sections}}
        try:
            self._publish(label, summary)
        except Exception as e:  # no broker: stays unannounced, the files are there
            log.info("ESG report %s not announced: %s", label, e)
            return False
        self._store.submit(lambda c: c.execute(
            "UPDATE esg_reports SET published = 1 WHERE label = ?", (label,))).result(10)
        return True
