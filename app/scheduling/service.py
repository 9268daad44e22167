"""The line's schedule as a service: orders, live events, re-plans, proposals, sharing.

What triggers a re-plan: a station's state tag going to fault or maintenance (and
back), a predicted maintenance window, a material shortage flagged by a user, orders
imported, arriving from the MES topic or cancelled. Triggers that come while a search
runs are folded into the next one. The search runs on a worker thread of its own (the
CP-SAT solve releases the GIL), never on the GUI thread or the runtime loop.

A finished re-plan becomes a `Proposal` with what it changes (`planner.Changes`); the
team lead accepts or rejects it, or the site's rule accepts it (`auto_accept`). An
accepted plan is journaled in the store first, then published retained on
`<topic_root>/schedule/plan` through the outbox; every terminal adopts the newest
accepted plan it sees, so the Gantt and the station panels agree across terminals.
Orders are kept in the store as well: a restart loses none.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from app.auth.permissions import Action, Role, require
from app.observers import Observers
from app.scheduling import cpsat, planner
from app.scheduling.line import AutoAccept, LineModel, Window
from app.scheduling.orders import Order, OrderError, parse_order
from app.scheduling.planner import Changes, Plan, Shortage
from app.services import Unsubscribe, stop_all
from app.store.schema import register_schema

log = logging.getLogger(__name__)

register_schema("scheduling", ["""
CREATE TABLE schedule_orders (id TEXT PRIMARY KEY, updated REAL NOT NULL,
                              cancelled INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL);
CREATE TABLE schedule_plans (id TEXT PRIMARY KEY, accepted_at REAL NOT NULL,
                             accepted_by TEXT NOT NULL, reason TEXT NOT NULL,
                             changes TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE schedule_events (ts REAL NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL);
"""])

DOWN_STATES = {"fault": "fault", "maintenance": "maintenance"}
STOP_WAIT_S = 1.0  # a stop waits this long for a re-plan in progress (SIGTERM: 2 s in all)


class ProposalStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    STALE = "stale"  # another plan was accepted meanwhile


@dataclass(frozen=True)
class Proposal:
    plan: Plan
    changes: Changes
    before: Plan | None
    status: ProposalStatus = ProposalStatus.PENDING
    decided_by: str = ""


class ScheduleError(ValueError):
    """An action on the schedule that cannot be done; the message says why."""


class SchedulingService:
    """Thread-safe. Observers get an event name: "orders", "proposal", "plan", "busy"."""

    def __init__(self, line: LineModel, store: Any, runtime: Any, *, terminal_id: str,
                 topic_root: str, state_tags: dict[str, str] | None = None,
                 clock: Callable[[], float] = time.time, workers: int | None = None,
                 plans: bool | None = None) -> None:
        self.line, self._store, self._runtime = line, store, runtime
        self.terminal_id, self.topic_root = terminal_id, topic_root
        self._clock = clock
        self._workers = workers if workers is not None else line.workers
        # Which terminals search (the others follow the accepted plan on the broker).
        self.plans = plans if plans is not None else (
            not line.planner_terminals or terminal_id in line.planner_terminals)
        self._state_tags = {tag: st for st, tag in (state_tags or {}).items()
                            if st in line.stations}
        self._lock = threading.RLock()
        self._orders: dict[str, Order] = {}
        self._windows: dict[str, Window] = {}  # key -> extra blocked time (faults, predicted)
        self._shortages: dict[str, Shortage] = {}
        self._station_state: dict[str, str] = {}
        self._plan: Plan | None = None
        self._proposal: Proposal | None = None
        self._observers: Observers = Observers("scheduling")
        # One re-plan at a time, on a daemon thread: a stop interrupts its solve and waits
        # STOP_WAIT_S at most (the first plan may still be importing OR-Tools, ~3 s).
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._interrupt = cpsat.Interrupt()
        self._running = False
        self._again: list[str] = []
        self._removers: list[Unsubscribe] = []
        self.last_replan_s = 0.0

    @property
    def topic(self) -> str:
        return f"{self.topic_root}/schedule/plan"

    # --- life cycle -----------------------------------------------------------------------

    def start(self) -> None:
        with self._store.read() as conn:
            rows = conn.execute("SELECT body FROM schedule_orders WHERE cancelled = 0")
            for (body,) in rows.fetchall():
                o = parse_order(json.loads(body), "stored order")
                self._orders[o.id] = o
            row = conn.execute("SELECT body FROM schedule_plans ORDER BY accepted_at DESC "
                               "LIMIT 1").fetchone()
        if row is not None:
            self._plan = Plan.from_json(json.loads(row[0]))
        rt = self._runtime
        if rt is not None:
            if self._state_tags:
                self._removers.append(rt.subscribe(self._on_samples))
            if rt.config.site.broker:
                self._removers.append(rt.subscribe_topic(self.topic, self._on_plan_message))
                if self.line.orders_topic:
                    self._removers.append(rt.subscribe_topic(self.line.orders_topic,
                                                             self._on_orders_message))

    def stop(self) -> None:
        stop_all(self._removers)
        with self._lock:
            self._stopped = True
            thread = self._thread
        self._interrupt.set()
        if thread is not None:
            thread.join(STOP_WAIT_S)
            if thread.is_alive():
                log.warning("scheduling: the re-plan in progress ends with the process")

    def subscribe(self, observer: Callable[[str], None]) -> Callable[[], None]:
        return self._observers.add(observer)

    # --- what a view reads ------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        with self._lock:
            return self._plan

    @property
    def proposal(self) -> Proposal | None:
        with self._lock:
            p = self._proposal
        return p if p is not None and p.status is ProposalStatus.PENDING else None

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._running

    def orders(self) -> list[Order]:
        with self._lock:
            return sorted(self._orders.values(), key=lambda o: (o.due, o.id))

    def windows(self) -> list[Window]:
        with self._lock:
            return list(self._windows.values())

    def shortages(self) -> list[Shortage]:
        with self._lock:
            return list(self._shortages.values())

    def station_state(self, station: str) -> str:
        with self._lock:
            return self._station_state.get(station, "")

    # --- events -------------------------------------------------------------------------

    def import_orders(self, orders: Iterable[Order], actor: str = "",
                      reason: str = "orders imported") -> int:
        """Add or replace orders (already validated: `orders.read_*` is all or nothing)."""
        orders = list(orders)
        if not orders:
            return 0
        t = self._clock()
        with self._lock:
            for o in orders:
                self._orders[o.id] = o
        rows = [(o.id, t, json.dumps(o.to_json())) for o in orders]
        self._store.submit(lambda c: c.executemany(
            "INSERT OR REPLACE INTO schedule_orders (id, updated, cancelled, body) "
            "VALUES (?, ?, 0, ?)", rows))
        self._journal("orders", {"ids": [o.id for o in orders], "actor": actor})
        self._observers.notify("orders")
        self.request_replan(f"{reason}: {len(orders)}")
        return len(orders)

    def cancel_order(self, order_id: str, actor: str = "") -> None:
        with self._lock:
            if self._orders.pop(order_id, None) is None:
                raise ScheduleError(f"no order {order_id!r}")
        t = self._clock()
        self._store.submit(lambda c: c.execute(
            "UPDATE schedule_orders SET cancelled = 1, updated = ? WHERE id = ?",
            (t, order_id)))
        self._journal("cancel", {"id": order_id, "actor": actor})
        self._observers.notify("orders")
        self.request_replan(f"order {order_id} cancelled")

    def flag_shortage(self, part: str, until: float, actor: str, note: str = "") -> Shortage:
        """A user flags missing material: cars that need `part` wait until `until`."""
        part = part.strip()
        if not part:
            raise ScheduleError("say which part is short (an option or a variant)")
        if until <= self._clock():
            raise ScheduleError("the shortage must last until a time in the future")
        s = Shortage(part, until, note.strip(), actor)
        with self._lock:
            self._shortages[part] = s
        self._journal("shortage", {"part": part, "until": until, "actor": actor, "note": note})
        self.request_replan(f"material short: {part}")
        return s

    def clear_shortage(self, part: str, actor: str = "") -> None:
        with self._lock:
            if self._shortages.pop(part, None) is None:
                return
        self._journal("shortage_cleared", {"part": part, "actor": actor})
        self.request_replan(f"material back: {part}")

    def set_window(self, key: str, window: Window | None, reason: str) -> None:
        """Add, move or (None) remove blocked time, e.g. a predicted maintenance window."""
        with self._lock:
            old = self._windows.get(key)
            if window is None:
                if old is None:
                    return
                del self._windows[key]
            else:
                if old == window:
                    return
                self._windows[key] = window
        self.request_replan(reason)

    def station_changed(self, station: str, state: str) -> None:
        """A station's state: fault and maintenance block it for the expected repair."""
        now = self._clock()
        with self._lock:
            before = self._station_state.get(station)
            self._station_state[station] = state
        if before == state or station not in self.line.stations:
            return
        key = f"state:{station}"
        if state in DOWN_STATES:
            minutes = (self.line.fault_repair_min if state == "fault"
                       else self.line.maintenance_min)
            name = self.line.station_names.get(station, station)
            self.set_window(key, Window(station, now, now + minutes * 60.0,
                                        f"{name} {state}", DOWN_STATES[state]),
                            f"{name}: {state}")
        elif before in DOWN_STATES:
            self.set_window(key, None,
                            f"{self.line.station_names.get(station, station)}: back ({state})")

    def _on_samples(self, samples: list[Any]) -> None:
        for s in samples:
            st = self._state_tags.get(s.tag)
            if st is not None and isinstance(s.value, str):
                self.station_changed(st, s.value)

    def _on_orders_message(self, topic: str, payload: bytes) -> None:
        """MES message: one order, a list, {"orders": [...]}, or {"cancel": "ID"}."""
        try:
            data = json.loads(payload)
            if isinstance(data, dict) and "cancel" in data:
                self.cancel_order(str(data["cancel"]), actor="mes")
                return
            items = data.get("orders", [data]) if isinstance(data, dict) else data
            if not isinstance(items, list):
                raise OrderError("MES message", "", "expected an order or a list of them")
            orders = [parse_order(d, f"MES message item {i + 1}") for i, d in enumerate(items)]
        except (ValueError, ScheduleError) as e:
            log.warning("refusing an order message on %s: %s", topic, e)
            self._journal("refused", {"topic": topic, "error": str(e)})
            return
        self.import_orders(orders, actor="mes", reason="orders from the MES")

    # --- planning -----------------------------------------------------------------------

    def request_replan(self, reason: str) -> None:
        """Re-plan off this thread; a request during a search runs right after it."""
        if not self.plans:
            return
        with self._lock:
            if self._stopped:
                return
            if self._running:
                self._again.append(reason)
                return
            self._running = True
            self._thread = threading.Thread(target=self._replan, args=(reason,),
                                            name="lineside-scheduler", daemon=True)
        self._observers.notify("busy")
        self._thread.start()

    def replan_now(self, reason: str) -> Proposal | None:
        """Plan on the calling thread (tests, the CLI); returns the proposal."""
        with self._lock:
            self._running = True
        self._replan(reason, chain=False)
        return self.proposal or (self._proposal if self._proposal is not None else None)

    def _replan(self, reason: str, chain: bool = True) -> None:
        try:
            with self._lock:
                orders = list(self._orders.values())
                windows = list(self._windows.values())
                shortages = list(self._shortages.values())
                before = self._plan
            now = self._clock()
            t0 = time.perf_counter()
            new = planner.plan(self.line, orders, now=now, reason=reason, windows=windows,
                               shortages=shortages, previous=before, workers=self._workers,
                               interrupt=self._interrupt)
            self.last_replan_s = time.perf_counter() - t0
            if self._stopped:
                return  # stopping: this plan is neither proposed nor published
            if not new.ops and orders:
                log.error("re-plan (%s) found no plan (%s); the current plan stays", reason,
                          new.status)
                return
            until = now + 8 * 3600.0
            shift = self.line.shift_at(now)
            if shift is not None:
                until = shift[2]
            changes = planner.compare(before, new, now=now, until=until)
            proposal = Proposal(new, changes, before)
            with self._lock:
                self._proposal = proposal
            log.info("re-plan (%s): %s in %.2f s, %d late orders", reason, new.status,
                     self.last_replan_s, len(changes.late))
            self._observers.notify("proposal")
            rule = self.line.auto_accept
            if before is None or rule is AutoAccept.ALWAYS or (
                    rule is AutoAccept.NO_NEW_LATE and not changes.newly_late):
                self._accept(proposal, f"rule:{rule}" if before is not None else "initial")
        except Exception:
            log.exception("re-plan (%s) failed", reason)
        finally:
            with self._lock:
                again, self._again = self._again, []
                self._running = False
            self._observers.notify("busy")
            if again and chain:
                self.request_replan("; ".join(dict.fromkeys(again)))

    def accept(self, actor: str, role: Role | None) -> Plan:
        require(role, Action.SCHEDULE_ACCEPT)
        p = self.proposal
        if p is None:
            raise ScheduleError("there is no re-plan waiting to be accepted")
        return self._accept(p, actor)

    def reject(self, actor: str, role: Role | None) -> None:
        require(role, Action.SCHEDULE_ACCEPT)
        with self._lock:
            p = self._proposal
            if p is None or p.status is not ProposalStatus.PENDING:
                raise ScheduleError("there is no re-plan waiting")
            self._proposal = replace(p, status=ProposalStatus.REJECTED, decided_by=actor)
        self._journal("rejected", {"plan": p.plan.id, "actor": actor, "reason": p.plan.reason})
        self._observers.notify("proposal")

    def _accept(self, p: Proposal, actor: str) -> Plan:
        t = self._clock()
        plan = replace(p.plan, accepted_by=actor, accepted_at=t)
        with self._lock:
            self._plan = plan
            self._proposal = replace(p, plan=plan, status=ProposalStatus.ACCEPTED,
                                     decided_by=actor)
        body = json.dumps(plan.to_json())
        changes = json.dumps(p.changes.to_json())
        self._store.submit(lambda c: c.execute(
            "INSERT OR REPLACE INTO schedule_plans (id, accepted_at, accepted_by, reason, "
            "changes, body) VALUES (?, ?, ?, ?, ?, ?)",
            (plan.id, t, actor, plan.reason, changes, body)))
        rt = self._runtime
        if rt is not None and rt.config.site.broker:
            fut = rt.publish(self.topic, {"plan": plan.to_json(), "changes": p.changes.to_json(),
                                          "terminal": self.terminal_id}, retain=True)
            fut.add_done_callback(_log_failure)
        self._observers.notify("plan")
        self._observers.notify("proposal")
        return plan

    def _on_plan_message(self, topic: str, payload: bytes) -> None:
        try:
            data = json.loads(payload)
            plan = Plan.from_json(data["plan"])
        except (ValueError, TypeError, KeyError) as e:
            log.warning("ignoring a malformed plan message on %s: %s", topic, e)
            return
        with self._lock:
            cur = self._plan
            if cur is not None and (cur.id == plan.id or cur.accepted_at >= plan.accepted_at):
                return
            self._plan = plan
            p = self._proposal
            if p is not None and p.status is ProposalStatus.PENDING:
                self._proposal = replace(p, status=ProposalStatus.STALE)
        body = json.dumps(plan.to_json())
        self._store.submit(lambda c: c.execute(
            "INSERT OR REPLACE INTO schedule_plans (id, accepted_at, accepted_by, reason, "
            "changes, body) VALUES (?, ?, ?, ?, '{}', ?)",
            (plan.id, plan.accepted_at, plan.accepted_by, plan.reason, body)))
        self._observers.notify("plan")
        self._observers.notify("proposal")

    def _journal(self, kind: str, body: dict[str, Any]) -> None:
        t = self._clock()
        text = json.dumps(body)
        self._store.submit(lambda c: c.execute(
            "INSERT INTO schedule_events (ts, kind, body) VALUES (?, ?, ?)", (t, kind, text)))


def _log_failure(fut: Any) -> None:
    if fut.exception() is not None:
        log.error("schedule not stored for sending: %s", fut.exception())
