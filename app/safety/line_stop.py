"""The line's stop as the top alarm on every terminal of the line.

While the PLC reports its stop circuit stopped, every terminal of the line shows the
stop as its most urgent alarm (`LINE_STOP_ALARM`, priority 1, area "safety"), its
banner says so, and station views read "stopped (e-stop)" instead of "idle".

Where the state comes from:
- A terminal with an `[estop]` section follows its own controller, i.e. the PLC's
  read-back (never a guess), and publishes what it reads, retained, on
  `<topic_root>/safety/line_stop` whenever it changes.
- A terminal without a read-back (no `[estop]`, or the PLC link is down: UNKNOWN)
  follows the newest such report of the other terminals of the line.

`active` is True, False, or None when nobody knows.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from app.observers import Observers

log = logging.getLogger(__name__)

LINE_STOP_ALARM = "line.estop"
SAFETY_AREA = "safety"


class LineStop:
    """Follows the line's stop (local read-back first, then the broker) and raises the
    stop alarm in `alarms` (an AlarmEngine: `define`, `set_condition`)."""

    def __init__(self, alarms: Any, *, line: str, topic_root: str, terminal_id: str,
                 estop: Any = None, transport: Any = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.alarms = alarms
        self.estop = estop
        self.transport = transport
        self.line = line
        self.terminal_id = terminal_id
        self.topic = f"{topic_root.rstrip('/')}/safety/line_stop"
        self._clock = clock
        self._lock = threading.RLock()
        self._local: bool | None = None
        self._remote: tuple[float, bool, str] | None = None  # (ts, stopped, terminal)
        self._active: bool | None = None
        self._observers: Observers = Observers("line stop")
        self._unsubscribe: list[Callable[[], None]] = []

    @property
    def message(self) -> str:
        return f"{self.line}: EMERGENCY STOP active — the line is stopped"

    @property
    def active(self) -> bool | None:
        return self._active

    def add_observer(self, fn: Callable[[bool | None], None]) -> Callable[[], None]:
        """`fn(active)` on every change, on the thread that caused it (must not block)."""
        return self._observers.add(fn)

    # --- wiring --------------------------------------------------------------------------

    def start(self) -> None:
        from app.alarms.model import AlarmDefinition, AlarmKind, Priority

        if self.alarms is not None:
            self.alarms.define(AlarmDefinition(
                id=LINE_STOP_ALARM, kind=AlarmKind.EXTERNAL, priority=Priority.CRITICAL,
                message=self.message, area=SAFETY_AREA))
        if self.transport is not None:
            try:
                unsub = self.transport.subscribe_topic(self.topic, self.on_message)
                if callable(unsub):
                    self._unsubscribe.append(unsub)
            except Exception as e:  # no broker: the local read-back still works
                log.warning("line stop: cannot subscribe to %s: %s", self.topic, e)
        if self.estop is not None:
            self._unsubscribe.append(self.estop.add_observer(self._on_estop))
            self._on_estop(self.estop.status)

    def stop(self) -> None:
        for unsub in self._unsubscribe:
            unsub()
        self._unsubscribe.clear()

    # --- inputs --------------------------------------------------------------------------

    def _on_estop(self, status: Any) -> None:
        from app.safety.estop import CircuitState

        local = None if status.circuit is CircuitState.UNKNOWN else status.stop_active
        with self._lock:
            changed = local != self._local
            self._local = local
        if changed and local is not None:
            self._publish(local, str(status.circuit))
        self._evaluate()

    def on_message(self, topic: str, payload: bytes) -> None:
        """Another terminal's report (raw MQTT handler)."""
        if not payload:
            return
        try:
            msg = json.loads(payload)
            if not isinstance(msg, dict):
                raise ValueError("not a JSON object")
            if msg.get("terminal") == self.terminal_id:
                return
            stopped, ts = msg["stopped"], float(msg["ts"])
            if not isinstance(stopped, bool):
                raise ValueError("stopped is not true or false")
        except (ValueError, TypeError, KeyError) as e:
            log.warning("line stop: ignored a malformed message on %s: %s", topic, e)
            return
        with self._lock:
            if self._remote is None or ts >= self._remote[0]:
                self._remote = (ts, stopped, str(msg.get("terminal", "")))
        self._evaluate()

    # --- output --------------------------------------------------------------------------

    def _evaluate(self) -> None:
        with self._lock:
            active = self._local if self._local is not None else (
                self._remote[1] if self._remote is not None else None)
            if active == self._active:
                return
            self._active = active
            source = "the PLC read-back" if self._local is not None else (
                f"terminal {self._remote[2]}" if self._remote else "nobody")
        log.log(logging.WARNING if active else logging.INFO,
                "line stop: %s (from %s)", "ACTIVE" if active else
                ("not active" if active is False else "unknown"), source)
        if self.alarms is not None and active is not None:
            self.alarms.set_condition(LINE_STOP_ALARM, active, value=active)
        self._observers.notify(active)

    def _publish(self, stopped: bool, circuit: str) -> None:
        if self.transport is None:
            return
        payload = {"terminal": self.terminal_id, "ts": self._clock(), "stopped": stopped,
                   "circuit": circuit, "line": self.line}
        try:
            self.transport.publish(self.topic, payload, qos=1, retain=True)
        except Exception:
            log.exception("line stop: could not queue %s", self.topic)


def _build(ctx: Any) -> LineStop:
    from app.alarms.engine import AlarmEngine
    from app.safety.estop import EStopController

    site = ctx.config.site
    return LineStop(ctx.get(AlarmEngine), line=site.line or site.name,
                    topic_root=site.topic_root, terminal_id=site.terminal_id,
                    estop=ctx.find(EStopController),
                    transport=ctx.runtime if ctx.shared else None, clock=ctx.clock)


def _spec() -> Any:
    from app.alarms.engine import AlarmEngine
    from app.services import ServiceSpec

    return ServiceSpec(name="line_stop", provides=LineStop, build=_build,
                       needs=(AlarmEngine,))


SPEC = _spec()  # in app.domains after the alarm engine (and the e-stop, if any)
