"""Alarm state shared between terminals over the broker's unified namespace.

Topics (under the site's `topic_root`):
- `{root}/alarms/{alarm_id}/state` (retained): the alarm as this terminal sees it, with
  the latest ack, shelve and service actions, so a terminal that was offline catches
  up when it reconnects.
- `{root}/alarms/events`: every transition, for supervisors and other terminals.

Each terminal evaluates process conditions itself; what other terminals apply is the
operator actions (ack, shelve, unshelve, out of/in service), through
`AlarmEngine.apply_remote`: idempotent by action id, the latest action wins, and a
terminal ignores what it published itself.

The transport is anything with `publish(topic, dict, qos=, retain=)` and
`subscribe_topic(filter, handler(topic, bytes))`; the Runtime is one (through its
store-and-forward outbox).
"""

from __future__ import annotations

import json
import logging
import math
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Protocol

from app.alarms.engine import AlarmEngine
from app.alarms.model import ActionRecord, AlarmEvent, AlarmStatus

log = logging.getLogger(__name__)


class Transport(Protocol):
    def publish(self, topic: str, payload: dict[str, Any], *, qos: int = 1,
                retain: bool = False) -> Any: ...

    def subscribe_topic(self, topic_filter: str,
                        handler: Callable[[str, bytes], object]) -> Callable[[], None]: ...


def _rec(r: ActionRecord | None) -> dict[str, object] | None:
    return None if r is None else r.as_json()


def _json_value(v: Any) -> Any:
    """NaN and infinities are not JSON; the outbox refuses them, so send null."""
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def state_payload(status: AlarmStatus, terminal: str, ts: float) -> dict[str, Any]:
    return {
        "id": uuid.uuid4().hex, "terminal": terminal, "ts": ts, "alarm": status.id,
        "state": str(status.state), "active": status.active,
        "priority": int(status.priority), "value": _json_value(status.value),
        "message": status.message,
        "since": status.since, "first_out": status.first_out,
        "chattering": status.chattering,
        "ack": _rec(status.last_ack), "shelve": _rec(status.last_shelve),
        "service": _rec(status.last_service),
    }


def event_payload(ev: AlarmEvent, terminal: str) -> dict[str, Any]:
    return {
        "id": uuid.uuid4().hex, "terminal": terminal, "ts": ev.ts, "alarm": ev.alarm_id,
        "event": str(ev.kind), "state": ev.state and str(ev.state),
        "prev_state": ev.prev_state and str(ev.prev_state), "priority": ev.priority,
        "value": _json_value(ev.value), "actor": ev.actor, "message": ev.message,
        "action": _rec(ev.action),
    }


class AlarmSharing:
    """Publishes this terminal's alarm events and applies other terminals' actions."""

    def __init__(self, engine: AlarmEngine, transport: Transport, topic_root: str) -> None:
        self.engine = engine
        self.transport = transport
        self.root = topic_root.rstrip("/")
        self._removers: list[Callable[[], None]] = []

    def state_topic(self, alarm_id: str) -> str:
        return f"{self.root}/alarms/{alarm_id}/state"

    @property
    def events_topic(self) -> str:
        return f"{self.root}/alarms/events"

    def start(self) -> None:
        self._removers = [
            self.transport.subscribe_topic(f"{self.root}/alarms/+/state", self.on_message),
            self.transport.subscribe_topic(self.events_topic, self.on_message),
            self.engine.subscribe(self.on_events)]

    def stop(self) -> None:
        while self._removers:
            self._removers.pop()()

    # --- out ---------------------------------------------------------------------------

    def on_events(self, events: list[AlarmEvent]) -> None:
        """Engine observer: publish what happened here (not what came from elsewhere)."""
        tid = self.engine.terminal_id
        for ev in events:
            if ev.origin != "local":
                continue
            self._send(self.events_topic, event_payload(ev, tid), retain=False)
            if ev.status is not None:
                self._send(self.state_topic(ev.alarm_id),
                           state_payload(ev.status, tid, ev.ts), retain=True)

    def _send(self, topic: str, payload: dict[str, Any], *, retain: bool) -> None:
        try:
            result = self.transport.publish(topic, payload, qos=1, retain=retain)
        except Exception:
            log.exception("alarm sharing: could not queue %s", topic)
            return
        if isinstance(result, Future):
            result.add_done_callback(lambda f: _log_failure(f, topic))

    # --- in ----------------------------------------------------------------------------

    def on_message(self, topic: str, payload: bytes) -> int:
        """Apply the actions in a state or event message; returns how many changed."""
        if not payload:
            return 0  # a cleared retained topic
        try:
            msg = json.loads(payload)
            if not isinstance(msg, dict):
                raise ValueError("not a JSON object")
            if msg.get("terminal") == self.engine.terminal_id:
                return 0
            alarm_id = str(msg["alarm"])
            if not alarm_id:
                return 0  # engine-wide events (flood) carry no action
            raw = [msg.get("action")] if topic == self.events_topic \
                else [msg.get("shelve"), msg.get("service"), msg.get("ack")]
            records = [ActionRecord.from_json(r) for r in raw if isinstance(r, dict)]
        except (ValueError, TypeError, KeyError) as e:
            log.warning("alarm sharing: ignored a malformed message on %s: %s", topic, e)
            return 0
        changed = 0
        for rec in records:
            try:
                changed += self.engine.apply_remote(alarm_id, rec)
            except Exception:
                log.exception("alarm sharing: could not apply %s on %s", rec.action, alarm_id)
        return changed


def _log_failure(fut: Future, topic: str) -> None:
    exc = fut.exception()
    if exc is not None:
        log.error("alarm sharing: %s was not stored for sending: %s", topic, exc)
