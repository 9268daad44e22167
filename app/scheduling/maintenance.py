"""Predictive maintenance as a service: indicators -> RUL -> a window in the plan + a work order.

    [maintenance]
    evaluate_s = 10          # how often the indicators are fitted
    horizon_min = 60         # plan a window when the limit is predicted within this

    [[maintenance.indicators]]   # see app/scheduling/health.py for every key
    id = "robot2_tips"
    name = "Electrode tip wear"
    station = "robot2"
    tag = "demo/body/line1/weld/robot2/tip_wear"
    limit = 95
    unit = "%"
    reset_drop = 30          # a tip dress: a new life starts
    task = "Dress the electrode tips"
    duration_min = 3

History comes from the historian at start and from the runtime's change stream after
(kept per tag in memory for `fit_s`), so a fit never reads the disk on the runtime
thread. When a limit is predicted within the horizon, the window is placed by
`health.choose_window` before the conservative (90 %) end of the band, handed to the
scheduler (which re-plans around it), and a work order is raised for maintenance; a
new prediction moves both. An indicator that resets (the tips were dressed) closes its
open, untaken work order and removes the window.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.auth.permissions import Role
from app.config import SiteConfig, Table
from app.observers import Observers
from app.scheduling.health import Estimate, IndicatorSpec, choose_window, estimate, parse_indicators
from app.scheduling.line import Window
from app.scheduling.service import SchedulingService
from app.scheduling.workorders import WorkOrders, WorkStatus
from app.services import ConfigSection, ServiceContext, ServiceSpec, Unsubscribe, stop_all

log = logging.getLogger(__name__)

# The system closes a prediction's order when it sees the work done; it acts as a lead.
_SYSTEM = Role.SUPERVISOR


@dataclass(frozen=True)
class MaintenanceConfig:
    indicators: tuple[IndicatorSpec, ...]
    evaluate_s: float = 10.0
    horizon_min: float = 60.0


def parse_section(t: Table, site: SiteConfig) -> MaintenanceConfig:
    m = t.table("maintenance", required=True)
    cfg = MaintenanceConfig(tuple(parse_indicators(m, site)),
                            m.float("evaluate_s", 10.0, min=0.5, max=3600),
                            m.float("horizon_min", 60.0, min=1, max=60 * 24 * 30))
    m.done()
    return cfg


@dataclass(frozen=True)
class Forecast:
    spec: IndicatorSpec
    estimate: Estimate | None
    window: Window | None
    why: str = ""  # why the window is where it is


class PredictiveMaintenance:
    """Thread-safe; observers are called (no arguments) after each evaluation."""

    def __init__(self, cfg: MaintenanceConfig, store: Any, runtime: Any, *,
                 scheduling: SchedulingService | None, workorders: WorkOrders | None,
                 clock: Callable[[], float] = time.time) -> None:
        self.cfg, self._store, self._runtime = cfg, store, runtime
        self._scheduling, self._workorders = scheduling, workorders
        self._clock = clock
        self._lock = threading.Lock()
        tags = {s.tag for s in cfg.indicators} | {s.load_tag for s in cfg.indicators
                                                  if s.load_tag}
        self._keep = max((s.fit_s for s in cfg.indicators), default=600.0)
        self._series: dict[str, deque[tuple[float, float]]] = {t: deque() for t in tags}
        self._forecasts: dict[str, Forecast] = {}
        self._observers: Observers = Observers("maintenance")
        self._removers: list[Unsubscribe] = []

    def start(self) -> None:
        now = self._clock()
        hist = getattr(self._store, "historian", None)
        if hist is not None:
            for tag in self._series:
                for s in hist.samples(tag, now - self._keep, now):
                    if isinstance(s.value, int | float):
                        self._series[tag].append((s.ts, float(s.value)))
        if self._runtime is not None:
            self._removers.append(self._runtime.subscribe(self.feed))
            self._removers.append(self._runtime.every(self.cfg.evaluate_s, self.evaluate,
                                                      "predictive maintenance"))

    def stop(self) -> None:
        stop_all(self._removers)

    def subscribe(self, observer: Callable[[], None]) -> Callable[[], None]:
        return self._observers.add(observer)

    def forecasts(self) -> list[Forecast]:
        with self._lock:
            out = list(self._forecasts.values())
        return sorted(out, key=lambda f: (f.estimate is None or f.estimate.rul_s is None,
                                          f.estimate.rul_s if f.estimate and
                                          f.estimate.rul_s is not None else 0.0))

    def feed(self, samples: list[Any]) -> None:
        """Runtime listener: keep the recent numbers of the indicators' tags."""
        with self._lock:
            for s in samples:
                q = self._series.get(s.tag)
                if q is not None and isinstance(s.value, int | float) and not isinstance(
                        s.value, bool) and getattr(s.quality, "value", "good") != "bad":
                    q.append((s.ts, float(s.value)))
                    while q and q[0][0] < s.ts - self._keep:
                        q.popleft()

    def evaluate(self) -> list[Forecast]:
        now = self._clock()
        out = []
        for spec in self.cfg.indicators:
            with self._lock:
                pts = list(self._series.get(spec.tag, ()))
                load = list(self._series.get(spec.load_tag, ())) if spec.load_tag else []
            est = estimate(spec, pts, now, load)
            prev = self._forecasts.get(spec.id)
            # A reset (tips dressed) shows in the raw value at once, before the new life
            # is long enough to fit.
            valid = [v for _, v in pts if spec.min_value is None or v >= spec.min_value]
            last = valid[-1] if valid else None
            reset = (prev is not None and prev.estimate is not None and last is not None
                     and spec.reset_drop > 0 and prev.estimate.value - last > spec.reset_drop)
            window, why = None, ""
            if est is not None and est.rul_s is not None and not reset and \
                    est.rul_s <= self.cfg.horizon_min * 60.0:
                window, why = self._place(spec, est, now, prev)
            f = Forecast(spec, est, window, why)
            with self._lock:
                self._forecasts[spec.id] = f
            self._hand_over(spec, f, prev, reset)
            out.append(f)
        self._observers.notify()
        return out

    def _place(self, spec: IndicatorSpec, est: Estimate, now: float,
               prev: Forecast | None) -> tuple[Window, str]:
        dur = spec.duration_min * 60.0
        low = est.rul_low_s if est.rul_low_s is not None else est.rul_s or 0.0
        deadline = now + low
        # Keep a planned window that still ends before the deadline: plans move little.
        if prev is not None and prev.window is not None and prev.window.end <= deadline \
                and prev.window.start >= now - 1:
            return prev.window, prev.why
        breaks: list[tuple[float, float]] = []
        busy: list[tuple[float, float, int]] = []
        sched = self._scheduling
        if sched is not None:
            breaks = [(w.start, w.end) for w in sched.line.calendar(now, deadline)
                      if w.kind == "break" and w.station == spec.station]
            plan = sched.plan
            if plan is not None:
                prio = {o.id: o.priority for o in sched.orders()}
                busy = [(o.start, o.end, prio.get(o.order, 1)) for o in plan.ops_of(spec.station)
                        if o.end > now and o.start < deadline]
        start, why = choose_window(deadline, dur, now, breaks, busy)
        return Window(spec.station, start, start + dur, f"{spec.task} (predicted)",
                      "predicted"), why

    def _hand_over(self, spec: IndicatorSpec, f: Forecast, prev: Forecast | None,
                   reset: bool) -> None:
        key = f"pdm:{spec.id}"
        if self._scheduling is not None:
            if f.window is not None and (prev is None or prev.window != f.window):
                self._scheduling.set_window(key, f.window, f"predicted: {spec.name}")
            elif f.window is None and prev is not None and prev.window is not None:
                self._scheduling.set_window(key, None, f"{spec.name}: no longer due")
        wo = self._workorders
        if wo is None:
            return
        source = f"prediction:{spec.id}"
        open_wo = wo.open_for(source)
        if reset and open_wo is not None and open_wo.status is WorkStatus.OPEN:
            wo.close(open_wo.id, "system", _SYSTEM,
                     resolution="done at the line (the indicator reset)")
            return
        if f.window is None or f.estimate is None or f.estimate.limit_at is None:
            return
        window = (f.window.start, f.window.end)
        if open_wo is None:
            wo.create(spec.station, spec.task, actor="prediction", source=source,
                      note=f.estimate.explanation, due=f.estimate.limit_at, window=window)
        elif (open_wo.window_start, open_wo.window_end) != window:
            wo.update_plan(open_wo.id, f.estimate.limit_at, window)


def build(ctx: ServiceContext) -> PredictiveMaintenance | None:
    cfg: MaintenanceConfig | None = ctx.config.sections.get("maintenance")
    if cfg is None:
        return None
    return PredictiveMaintenance(cfg, ctx.store, ctx.runtime,
                                 scheduling=ctx.find(SchedulingService),
                                 workorders=ctx.find(WorkOrders), clock=ctx.clock)


def build_workorders(ctx: ServiceContext) -> WorkOrders:
    return WorkOrders(ctx.store, ctx.runtime if ctx.shared else None,
                      terminal_id=ctx.terminal_id, topic_root=ctx.config.site.topic_root,
                      clock=ctx.clock)


WORKORDERS = ServiceSpec(name="work orders", provides=WorkOrders, build=build_workorders)
SPEC = ServiceSpec(name="predictive maintenance", provides=PredictiveMaintenance,
                   build=build, sections=(ConfigSection("maintenance", parse_section),))
