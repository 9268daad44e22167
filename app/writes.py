"""The one checked, audited write of a tag value on behalf of someone.

    writes = terminal.service(TagWrites)
    fut = writes.write("demo/.../press1/setpoint", 21.5, session.current)  # a SignedIn

`write(path, value, actor)` checks that the actor's role may (`Action.SETPOINT_WRITE`
unless the caller names another action), that the tag is writable, converts the value
to the tag's type (unknown values are refused, never guessed) and checks the limits;
then it writes and records one audit entry per attempt with what was asked, what the
PLC read back, or why it failed. A refusal raises `WriteRefused` (or
`PermissionDenied`) at once, with its kind so a view can say it in the worker's
language. Views and hosts (the setpoint sheet, Sparkplug NCMD, energy actions) only
call this; `Runtime.safety_write` is the e-stop's path and has no actor.
"""

from __future__ import annotations

import concurrent.futures
import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from app.auth.permissions import Action, PermissionDenied, Role, allowed
from app.config import TagConfig
from app.model import Sample, Value
from app.services import Passive, ServiceContext, ServiceSpec
from app.values import BadValue, to_tag_type

log = logging.getLogger(__name__)


class Actor(Protocol):
    """Who asks: a signed-in worker (`app.auth.session.SignedIn`) or an `ActorRef`."""

    @property
    def user_id(self) -> str: ...

    @property
    def role(self) -> Role: ...


@dataclass(frozen=True)
class ActorRef:
    """An actor by id and role: a SCADA host over Sparkplug (the role it may act as), or
    a worker whose role the caller already holds."""

    user_id: str
    role: Role


class Refusal(StrEnum):
    PERMISSION = "permission"
    UNKNOWN_TAG = "unknown_tag"
    READ_ONLY = "read_only"
    BAD_VALUE = "bad_value"  # not convertible to the tag's type
    BELOW = "below"  # below tag.low
    ABOVE = "above"  # above tag.high


class WriteRefused(ValueError):
    """A write that was not sent; `kind` says why, `limit` holds the limit crossed."""

    def __init__(self, kind: Refusal, message: str, limit: float | None = None) -> None:
        super().__init__(message)
        self.kind, self.limit = kind, limit


class _Audit(Protocol):
    def record(self, actor: str, action: str, target: str = "",
               detail: str | dict[str, Any] = "") -> concurrent.futures.Future[int]: ...


class _Writer(Protocol):
    def safety_write(self, path: str, value: Value) -> concurrent.futures.Future[Sample]: ...


def check_value(tag: TagConfig, value: Value) -> Value:
    """`value` in the tag's type and within its limits, or WriteRefused saying why."""
    try:
        v = to_tag_type(value, tag.type)
    except BadValue as e:
        raise WriteRefused(Refusal.BAD_VALUE, f"{e} (tag {tag.path} is {tag.type})") from None
    if isinstance(v, int | float) and not isinstance(v, bool):
        if tag.low is not None and v < tag.low:
            raise WriteRefused(Refusal.BELOW, f"{v} is below the limit {tag.low} {tag.unit} "
                               f"of {tag.path}".replace("  ", " "), tag.low)
        if tag.high is not None and v > tag.high:
            raise WriteRefused(Refusal.ABOVE, f"{v} is above the limit {tag.high} {tag.unit} "
                               f"of {tag.path}".replace("  ", " "), tag.high)
    return v


class TagWrites(Passive):
    """The checked, audited write (thread-safe; returns at once)."""

    def __init__(self, tags: dict[str, TagConfig], runtime: _Writer, audit: _Audit) -> None:
        self._tags, self._runtime, self._audit = tags, runtime, audit

    def check(self, path: str, value: Value, actor: Actor | None,
              action: Action = Action.SETPOINT_WRITE) -> Value:
        """What `write` would send, or the refusal it would raise (nothing is written)."""
        role = actor.role if actor is not None else None
        if not allowed(role, action):
            raise PermissionDenied(role, action)
        tag = self._tags.get(path)
        if tag is None:
            raise WriteRefused(Refusal.UNKNOWN_TAG, f"unknown tag {path!r}")
        if not tag.writable:
            raise WriteRefused(Refusal.READ_ONLY, f"tag {path!r} is not writable")
        return check_value(tag, value)

    def write(self, path: str, value: Value, actor: Actor | None, *,
              action: Action = Action.SETPOINT_WRITE, old: Value = None,
              via: str = "", audit_as: str | None = None,
              ) -> concurrent.futures.Future[Sample]:
        """Check, write, audit. The future holds the PLC's read-back; a refusal raises
        now (and is audited too: a refused attempt is worth knowing about). The audit
        record's action is `audit_as` (default: the action's name)."""
        name = audit_as or str(action)
        who = actor.user_id if actor is not None else "?"
        role = str(actor.role) if actor is not None else ""
        base: dict[str, Any] = {"old": old, "new": value, "role": role, "via": via}
        try:
            v = self.check(path, value, actor, action)
        except (WriteRefused, PermissionDenied) as e:
            self._record(who, name, path, {**base, "ok": False, "error": str(e)})
            raise
        tag = self._tags[path]
        base.update(new=v, unit=tag.unit)
        try:
            fut = self._runtime.safety_write(path, v)
        except Exception as e:
            self._record(who, name, path, {**base, "ok": False, "error": str(e)})
            raise

        def audit(f: concurrent.futures.Future[Sample]) -> None:
            # On the runtime thread: recorded even if the view that asked is gone.
            err = None if f.cancelled() else f.exception()
            sample = None if err is not None or f.cancelled() else f.result()
            self._record(who, name, path, {
                **base, "read_back": None if sample is None else sample.value,
                "ok": sample is not None,
                "error": None if sample is not None else (str(err) or type(err).__name__)})

        fut.add_done_callback(audit)
        return fut

    def _record(self, actor: str, action: str, path: str, detail: dict[str, Any]) -> None:
        try:
            fut = self._audit.record(actor, action, path, detail)
        except Exception:
            log.exception("audit of the write of %s by %s failed", path, actor)
            return
        fut.add_done_callback(lambda f: None if f.cancelled() or f.exception() is None
                              else log.error("audit of the write of %s failed: %s", path,
                                             f.exception()))


def _build(ctx: ServiceContext) -> TagWrites:
    return TagWrites(ctx.config.tags, ctx.runtime, ctx.store.audit)


SPEC = ServiceSpec(name="writes", provides=TagWrites, build=_build)
