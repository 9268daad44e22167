"""The one checked, audited write: role, type (no guessing), limits, one audit record
per attempt; and the one value conversion behind it."""

from __future__ import annotations

import concurrent.futures
import time

import pytest

from app.auth.permissions import PermissionDenied, Role
from app.config import DataType, TagConfig
from app.model import Sample
from app.runtime import coerce
from app.sources.base import SourceError
from app.values import BadValue, to_tag_type
from app.writes import ActorRef, Refusal, TagWrites, WriteRefused

SP = TagConfig("l/sp", "plc", "ns=2;s=sp", DataType.FLOAT, "mm", 0.0, 400.0, writable=True)
RUN = TagConfig("l/run", "plc", "ns=2;s=run", DataType.BOOL, writable=True)
RO = TagConfig("l/ro", "plc", "ns=2;s=ro", DataType.FLOAT)
TAGS = {t.path: t for t in (SP, RUN, RO)}


class Plc:
    def __init__(self) -> None:
        self.writes: list[tuple[str, object]] = []

    def safety_write(self, path: str, value: object) -> concurrent.futures.Future[Sample]:
        self.writes.append((path, value))
        fut: concurrent.futures.Future[Sample] = concurrent.futures.Future()
        fut.set_result(Sample(path, time.time(), value))
        return fut


class Audit:
    def __init__(self) -> None:
        self.records: list[tuple[str, str, str, dict]] = []

    def record(self, actor, action, target="", detail=""):
        self.records.append((actor, action, target, detail))
        fut: concurrent.futures.Future[int] = concurrent.futures.Future()
        fut.set_result(len(self.records))
        return fut


def _writes() -> tuple[TagWrites, Plc, Audit]:
    plc, audit = Plc(), Audit()
    return TagWrites(TAGS, plc, audit), plc, audit


def test_unknown_values_are_refused_not_guessed() -> None:
    assert to_tag_type("on", DataType.BOOL) is True
    assert to_tag_type("0", DataType.BOOL) is False
    for bad in ("banana", "yes please", 2):
        with pytest.raises(BadValue):
            to_tag_type(bad, DataType.BOOL)
    with pytest.raises(SourceError, match="not true or false"):
        coerce(RUN, "banana")  # the runtime's e-stop path uses the same rules
    assert coerce(SP, "4.5") == 4.5


def test_a_permitted_write_is_sent_and_audited_with_the_read_back() -> None:
    w, plc, audit = _writes()
    lead = ActorRef("anna", Role.TEAM_LEAD)
    assert w.write("l/sp", "150", lead, old=120.0, via="test").result(1).value == 150.0
    assert plc.writes == [("l/sp", 150.0)]
    actor, action, target, detail = audit.records[0]
    assert (actor, action, target) == ("anna", "setpoint.write", "l/sp")
    assert detail["old"] == 120.0 and detail["read_back"] == 150.0 and detail["ok"] is True


@pytest.mark.parametrize(("path", "value", "actor", "kind"), [
    ("l/sp", 500.0, ActorRef("anna", Role.TEAM_LEAD), Refusal.ABOVE),
    ("l/sp", -1.0, ActorRef("anna", Role.TEAM_LEAD), Refusal.BELOW),
    ("l/run", "banana", ActorRef("anna", Role.TEAM_LEAD), Refusal.BAD_VALUE),
    ("l/ro", 1.0, ActorRef("anna", Role.TEAM_LEAD), Refusal.READ_ONLY),
    ("l/nope", 1.0, ActorRef("anna", Role.TEAM_LEAD), Refusal.UNKNOWN_TAG),
])
def test_refusals_say_why_write_nothing_and_are_audited(path, value, actor, kind) -> None:
    w, plc, audit = _writes()
    with pytest.raises(WriteRefused) as e:
        w.write(path, value, actor)
    assert e.value.kind is kind
    assert plc.writes == []
    assert audit.records[0][3]["ok"] is False


def test_an_operator_or_nobody_may_not_write() -> None:
    w, plc, audit = _writes()
    for who in (ActorRef("otto", Role.OPERATOR), None):
        with pytest.raises(PermissionDenied):
            w.write("l/sp", 100.0, who)
    assert plc.writes == [] and len(audit.records) == 2
