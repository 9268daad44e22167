"""Alarm system performance (ISA-18.2 / EEMUA 191), computed from the alarm journal.

`compute(entries, start, end)` reads journal entries (any order) and returns an
`AlarmKpis`: the annunciated alarm rate per operator per 10 minutes and per hour
against the targets, the share of 10-minute periods in flood, chattering and stale
alarms, the ten most frequent alarms, the priority mix against 80/15/5, and how many
alarms are shelved or out of service at the end of the window.

Definitions used (and why):
- An *alarm* is an `activated` event that was annunciated: activations while the alarm
  was shelved, suppressed or out of service reach no operator and are not counted.
- Rates are per operator: `operators` is how many operator positions share the alarms
  (ISA-18.2 targets are per operator console).
- Targets (ISA-18.2 table 5, EEMUA 191): about 1 alarm per 10 minutes (6 per hour) is
  very likely acceptable, 2 per 10 minutes (12 per hour) is the most manageable.
- Flood: a 10-minute period (fixed periods from `start`) with more than 10 alarms per
  operator; "time in flood" is the time of those periods, clipped to the window.
- Chattering: an alarm activated 3 or more times within any 60 seconds.
- Stale: active (activated, not cleared since) for more than 24 hours at `end`; this
  needs the journal from at least 24 h before `end`, which `from_journal` reads.
- Priority mix: ISA-18.2's high/medium/low of about 5/15/80 % of alarms; priorities 1
  and 2 count as high, 3 as medium, 4 as low.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Protocol

PERIOD_S = 600.0  # the 10-minute period of ISA-18.2's rate and flood measures
ACCEPTABLE_PER_10MIN = 1.0
MANAGEABLE_PER_10MIN = 2.0
FLOOD_MORE_THAN = 10  # alarms per 10 minutes per operator
CHATTER_COUNT = 3
CHATTER_WINDOW_S = 60.0
STALE_AFTER_S = 24 * 3600.0
PRIORITY_TARGET = {"high": 5.0, "medium": 15.0, "low": 80.0}  # % of alarms
NOT_ANNUNCIATED = frozenset({"shelved", "suppressed", "out_of_service"})


class Load(StrEnum):
    """How an alarm rate compares with the ISA-18.2 targets."""

    ACCEPTABLE = "acceptable"  # at most about 1 per 10 minutes
    MANAGEABLE = "manageable"  # at most 2 per 10 minutes
    OVERLOADED = "overloaded"  # more than 2 per 10 minutes


class Entry(Protocol):
    """What a journal row offers (app.alarms.journal.JournalEntry)."""

    ts: float
    alarm_id: str
    event: str
    state: str | None
    priority: int | None
    message: str


@dataclass(frozen=True)
class FrequentAlarm:
    alarm_id: str
    count: int
    priority: int | None
    message: str
    share: float  # % of all alarms in the window


@dataclass(frozen=True)
class AlarmKpis:
    start: float
    end: float
    operators: int
    alarms: int  # annunciated activations in the window (all operators)
    per_10min: float  # average per operator
    per_hour: float
    peak_10min: float  # alarms in the busiest 10-minute period, per operator
    load: Load
    periods: int  # 10-minute periods in the window (a partial last one counts)
    flood_periods: int
    flood_s: float  # time in flood, seconds
    flood_share: float  # % of the window's time in flood
    chattering: tuple[str, ...]  # alarm ids, most activations in a minute first
    stale: tuple[str, ...]  # alarm ids, oldest activation first
    top: tuple[FrequentAlarm, ...]  # the 10 most frequent
    top_share: float  # % of alarms that the top 10 produced
    priority_mix: dict[str, float] = field(default_factory=dict)  # "high"/"medium"/"low" -> %
    priority_counts: dict[int, int] = field(default_factory=dict)
    shelved: int = 0  # alarms shelved at `end`
    out_of_service: int = 0  # alarms out of service at `end`
    shelve_actions: int = 0  # shelve actions in the window

    @property
    def duration_s(self) -> float:
        return self.end - self.start

    def mix_ok(self, band: str, tolerance: float = 5.0) -> bool:
        """Whether a band's share is near its target (high may be lower, low higher)."""
        share, target = self.priority_mix.get(band, 0.0), PRIORITY_TARGET[band]
        if band == "low":
            return share >= target - tolerance
        return share <= target + tolerance


def load_of(per_10min: float) -> Load:
    if per_10min <= ACCEPTABLE_PER_10MIN:
        return Load.ACCEPTABLE
    if per_10min <= MANAGEABLE_PER_10MIN:
        return Load.MANAGEABLE
    return Load.OVERLOADED


def band_of(priority: int | None) -> str:
    if priority is None or priority <= 2:
        return "high"
    return "medium" if priority == 3 else "low"


def compute(entries: Iterable[Entry], start: float, end: float, *,
            operators: int = 1) -> AlarmKpis:
    """The KPIs of the window [start, end) from journal entries (entries before
    `start` are used only for stale, shelved and out-of-service states)."""
    if end <= start:
        raise ValueError(f"the KPI window must end after it starts ({start} .. {end})")
    if operators < 1:
        raise ValueError(f"operators must be at least 1, got {operators}")
    rows = sorted(entries, key=lambda e: e.ts)
    activations: list[Entry] = []
    active_since: dict[str, float] = {}  # alarm -> activation ts while active
    shelved: set[str] = set()
    oos: set[str] = set()
    shelve_actions = 0
    for e in rows:
        if e.ts >= end:
            break
        ev = e.event
        if ev == "activated":
            active_since.setdefault(e.alarm_id, e.ts)
            if e.ts >= start and (e.state or "") not in NOT_ANNUNCIATED:
                activations.append(e)
        elif ev == "cleared":
            active_since.pop(e.alarm_id, None)
        elif ev == "shelved":
            shelved.add(e.alarm_id)
            shelve_actions += e.ts >= start
        elif ev in ("unshelved", "shelve_expired"):
            shelved.discard(e.alarm_id)
        elif ev == "out_of_service":
            oos.add(e.alarm_id)
        elif ev == "in_service":
            oos.discard(e.alarm_id)

    duration = end - start
    n = len(activations)
    per_10min = n / operators / (duration / PERIOD_S)
    periods = max(1, math.ceil(duration / PERIOD_S - 1e-9))
    in_period = Counter(min(periods - 1, int((e.ts - start) // PERIOD_S)) for e in activations)
    flood_idx = [i for i, c in in_period.items() if c / operators > FLOOD_MORE_THAN]
    flood_s = sum(min(PERIOD_S, duration - i * PERIOD_S) for i in flood_idx)

    times: dict[str, list[float]] = defaultdict(list)
    for e in activations:
        times[e.alarm_id].append(e.ts)
    chatter: dict[str, int] = {}
    for alarm, ts in times.items():
        best, lo = 0, 0
        for hi in range(len(ts)):
            while ts[hi] - ts[lo] > CHATTER_WINDOW_S:
                lo += 1
            best = max(best, hi - lo + 1)
        if best >= CHATTER_COUNT:
            chatter[alarm] = best

    counts = Counter(e.alarm_id for e in activations)
    last: dict[str, Entry] = {}
    for e in activations:
        last[e.alarm_id] = e
    top = tuple(FrequentAlarm(a, c, last[a].priority, last[a].message, 100.0 * c / n)
                for a, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10])
    bands = Counter(band_of(e.priority) for e in activations)
    mix = {b: (100.0 * bands[b] / n if n else 0.0) for b in PRIORITY_TARGET}
    stale = tuple(a for a, t in sorted(active_since.items(), key=lambda kv: kv[1])
                  if end - t > STALE_AFTER_S)
    return AlarmKpis(
        start=start, end=end, operators=operators, alarms=n,
        per_10min=per_10min, per_hour=per_10min * 6,
        peak_10min=max(in_period.values(), default=0) / operators,
        load=load_of(per_10min), periods=periods, flood_periods=len(flood_idx),
        flood_s=flood_s, flood_share=100.0 * flood_s / duration,
        chattering=tuple(sorted(chatter, key=lambda a: (-chatter[a], a))),
        stale=stale, top=top, top_share=sum(f.share for f in top),
        priority_mix=mix,
        priority_counts={int(p): c for p, c in sorted(
            Counter(e.priority for e in activations if e.priority is not None).items())},
        shelved=len(shelved), out_of_service=len(oos), shelve_actions=shelve_actions)


def from_journal(journal: Any, end: float, window_s: float = 24 * 3600.0, *,
                 operators: int = 1, summary: Any = None, limit: int = 200_000) -> AlarmKpis:
    """Read the journal (it must cover 24 h before `end` for stale alarms) and compute.
    Runs SQL on the calling thread's read connection: call it off the GUI thread.

    `summary` (the engine's AlarmSummary) gives the shelved and out-of-service counts
    of now, which also holds alarms shelved before the journal's look-back."""
    start = end - window_s
    since = min(start, end - STALE_AFTER_S - PERIOD_S)
    entries = journal.query(since=since, until=end, limit=limit)
    kpis = compute(entries, start, end, operators=operators)
    if summary is not None:
        kpis = replace(kpis, shelved=int(summary.shelved),
                       out_of_service=int(summary.out_of_service))
    return kpis
