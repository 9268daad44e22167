"""A terminal restarted in the middle of an escalation continues it (issue 17): the
escalation is kept in the store, so after the restart the next person on the roster gets
the step that came due while the terminal was down, once, at the real SMTP server and
HTTP receiver; an alarm acknowledged or cleared meanwhile ends it without a message."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from support import FakeClock, wait_for

from app import config
from app.alarms.engine import AlarmEngine
from app.auth.permissions import Role
from app.local_broker import free_port
from app.notifications import service
from app.notifications.service import Notifier
from app.runtime import Runtime
from app.services import ServiceContext
from app.store import Store

from .test_notifications import GAS, SITE, Mailbox, Receiver

ESCALATE_S = 5 * 60


@pytest.fixture
def peers(tmp_path: Path) -> Iterator[tuple[Mailbox, Receiver, Path]]:
    box = Mailbox()
    ctl = Controller(box, hostname="127.0.0.1", port=free_port())
    ctl.start()
    http = Receiver()
    site = tmp_path / "site.toml"
    site.write_text(SITE.format(smtp=ctl.port, http=http.port), encoding="utf-8")
    yield box, http, site
    http.httpd.shutdown()
    ctl.stop()


class Life:
    """One run of the terminal's notification pieces: store, runtime, alarm engine and
    the notifications service built as the terminal builds it."""

    def __init__(self, site: Path, db: Path, clock: FakeClock) -> None:
        cfg = config.load(site)
        self.store = Store(db, terminal_id="t1").open()
        self.runtime = Runtime(cfg, self.store)
        self.engine = AlarmEngine([GAS], clock=clock, terminal_id="t1")
        ctx = ServiceContext(cfg, self.runtime, self.store, clock, "t1", Role.OPERATOR,
                             services={AlarmEngine: self.engine})
        notifier = service.build(ctx)
        assert notifier is not None
        self.notifier: Notifier = notifier

    def start(self) -> Life:
        self.notifier.start()
        self.runtime.start()
        return self

    def settle(self) -> None:
        """Whatever is due now has been queued and sent (by the sender thread)."""
        self.notifier.dispatcher.tick()
        self.store.flush()
        self.notifier.queue.kick()
        wait_for(lambda: not self.notifier.queue.pending(), what="the queue sent",
                 detail=self.notifier.queue.pending)

    def stop(self) -> None:
        self.notifier.stop()
        self.runtime.stop()
        self.store.close()


def _first_life(site: Path, db: Path, clock: FakeClock, box: Mailbox,
                http: Receiver) -> None:
    life = Life(site, db, clock).start()
    try:
        life.engine.set_condition("gas_hall", True)
        wait_for(lambda: len(box.messages) == 1 and len(http.posts) == 1,
                 what="Max's mail and push")
        assert box.messages[0].rcpt_tos == ["max@plant.test"]
        clock.advance(60)  # a minute later, still nobody acknowledged
        life.settle()
        assert len(box.messages) == 1
    finally:
        life.stop()


@pytest.mark.parametrize("reading_first", [False, True],
                         ids=["alarm-read-after-start", "alarm-read-before-start"])
def test_a_restart_mid_escalation_sends_the_due_step_once(peers, tmp_path: Path,
                                                          reading_first: bool):
    box, http, site = peers
    db, clock = tmp_path / "t.db", FakeClock()
    _first_life(site, db, clock, box, http)
    clock.advance(4 * ESCALATE_S)  # down through several escalation intervals

    life = Life(site, db, clock)
    try:
        if reading_first:  # the engine already knows the alarm is active, unacknowledged
            life.engine.set_condition("gas_hall", True)
        life.start()
        if not reading_first:  # the source's first reading comes after the start
            life.engine.set_condition("gas_hall", True)
        wait_for(lambda: len(box.messages) == 2 and len(http.posts) == 2,
                 what="Mia's mail and webhook", detail=lambda: (box.messages, http.posts))
        mail = box.messages[1]
        assert mail.rcpt_tos == ["mia@plant.test"]
        text = mail.content.decode()
        assert "Hazardous gas in hall 3 (escalation 1)" in text
        hook = json.loads(http.posts[1][2])
        assert http.posts[1][0] == "/hook"
        assert hook["recipient"] == "Mia" and hook["step"] == 1
        # The same escalation of the same activation as before the restart, not a new one.
        assert hook["id"] == f"gas_hall@{FakeClock().t:.3f}#1:webhook"
        life.settle()  # the missed intervals do not each send a message
        assert len(box.messages) == 2 and len(http.posts) == 2
        assert [m.rcpt_tos for m in box.messages] == [["max@plant.test"],
                                                      ["mia@plant.test"]]
        life.engine.acknowledge("gas_hall", actor="mia", role=Role.MAINTENANCE)
        clock.advance(ESCALATE_S + 1)
        life.settle()
        assert len(box.messages) == 2 and life.notifier.dispatcher.open == {}
    finally:
        life.stop()

    again = Life(site, db, clock).start()  # acknowledged: nothing left to continue
    try:
        assert again.notifier.dispatcher.open == {} == again.notifier.dispatcher.waiting
    finally:
        again.stop()


@pytest.mark.parametrize("meanwhile", ["acknowledged", "acknowledged-and-cleared"])
def test_an_alarm_acknowledged_while_the_terminal_was_down_ends_without_a_message(
        peers, tmp_path: Path, meanwhile: str):
    box, http, site = peers
    db, clock = tmp_path / "t.db", FakeClock()
    _first_life(site, db, clock, box, http)
    clock.advance(4 * ESCALATE_S)

    life = Life(site, db, clock)
    try:
        life.engine.set_condition("gas_hall", True)
        life.engine.acknowledge("gas_hall", actor="mia", role=Role.MAINTENANCE)
        if meanwhile == "acknowledged-and-cleared":
            life.engine.set_condition("gas_hall", False)
        life.start()
        clock.advance(ESCALATE_S + 1)
        life.settle()
        assert len(box.messages) == 1 and len(http.posts) == 1  # only Max, before
        assert life.notifier.dispatcher.open == {} == life.notifier.dispatcher.waiting
        assert life.notifier.queue.pending() == []
        with life.store.read() as conn:
            left = conn.execute("SELECT COUNT(*) FROM notification_escalation").fetchone()
        assert left == (0,)
    finally:
        life.stop()
