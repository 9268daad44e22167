"""Alarm notification against a real SMTP server (aiosmtpd) and a real HTTP receiver
(ntfy-style push and a webhook): rules, escalation, offline retry, ack from the phone."""

from __future__ import annotations

import json
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from support import wait_for

from app import config
from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmDefinition, AlarmKind, AlarmState, Priority
from app.auth.permissions import Role
from app.local_broker import free_port
from app.notifications.ack_server import AckServer
from app.notifications.config import parse
from app.notifications.delivery import Queue, Senders
from app.notifications.dispatch import Dispatcher
from app.store import Store


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    ctl = Controller(box, hostname="127.0.0.1", port=free_port())
    ctl.start()
    yield box, ctl.port
    ctl.stop()


class Receiver:
    """An HTTP server standing in for ntfy and a webhook endpoint; can refuse for a while."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, dict[str, str], bytes]] = []
        self.refuse = False
        outer = self

        class H(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if outer.refuse:
                    self.send_response(503)
                else:
                    outer.posts.append((self.path, dict(self.headers), body))
                    self.send_response(200)
                self.end_headers()

            def log_message(self, *a: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def http() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.httpd.shutdown()


SITE = """
[site]
id = "p1"
name = "Plant 1"
terminal_id = "t1"

[notifications.smtp]
host = "127.0.0.1"
port = {smtp}
tls = "none"
from = "lineside@plant.test"

[notifications.ntfy]
url = "http://127.0.0.1:{http}"

[notifications.webhook]
url = "http://127.0.0.1:{http}/hook"

[[notifications.rosters]]
id = "maint"
department = "maintenance"
members = [{{ name = "Max", email = "max@plant.test", ntfy = "max-phone" }},
           {{ name = "Mia", email = "mia@plant.test", webhook = true }}]

[[notifications.rules]]
priorities = [1, 2]
roster = "maint"
via = ["email", "ntfy", "webhook"]
escalate_after_min = 5
"""

GAS = AlarmDefinition("gas_hall", AlarmKind.EXTERNAL, Priority.CRITICAL,
                      "Hazardous gas in hall 3", area="body")
MINOR = AlarmDefinition("door", AlarmKind.EXTERNAL, Priority.LOW, "Door open", area="body")


class Clock:
    t = 1_800_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def pipeline(tmp_path: Path, smtp, http):
    from app.config import Table

    box, smtp_port = smtp
    site = tmp_path / "site.toml"
    site.write_text(SITE.format(smtp=smtp_port, http=http.port), encoding="utf-8")
    import tomllib
    data = tomllib.loads(site.read_text())
    cfg_site = config.load(_minimal(tmp_path))
    ncfg = parse(Table({"notifications": data["notifications"]}, site), cfg_site)
    clock = Clock()
    store = Store(tmp_path / "t.db", terminal_id="t1").open()
    queue = Queue(store, Senders(ncfg, lambda _n: None))
    engine = AlarmEngine([GAS, MINOR], clock=clock, terminal_id="t1")
    disp = Dispatcher(ncfg, queue, terminal_id="t1", site_name="Plant 1", clock=clock,
                      ack_base_url="http://127.0.0.1:1")
    engine.subscribe(disp.on_events)
    queue.start()
    yield box, http, engine, disp, queue, clock, store
    queue.stop()
    store.close()


def _minimal(tmp_path: Path) -> Path:
    p = tmp_path / "min.toml"
    p.write_text('[site]\nid = "p1"\nname = "Plant 1"\n')
    return p


def test_a_critical_alarm_reaches_mail_push_and_escalates_until_acknowledged(pipeline):
    box, http, engine, disp, _queue, clock, store = pipeline
    engine.set_condition("door", True)  # priority 4: no rule matches
    engine.set_condition("gas_hall", True)
    wait_for(lambda: len(box.messages) == 1 and len(http.posts) == 1, what="mail and push")
    mail = box.messages[0]
    assert mail.rcpt_tos == ["max@plant.test"]
    assert "Hazardous gas in hall 3" in mail.content.decode()
    path, headers, body = http.posts[0]
    assert path == "/max-phone" and headers["Priority"] == "5"
    assert "Acknowledge" in headers["Actions"] and b"Hazardous gas" in body
    clock.t += 5 * 60 + 1  # nobody acknowledged: the next on the roster
    disp.tick()
    wait_for(lambda: len(box.messages) == 2 and len(http.posts) == 2, what="escalation")
    assert box.messages[1].rcpt_tos == ["mia@plant.test"]
    hook = json.loads(http.posts[1][2])
    assert hook["alarm"] == "gas_hall" and hook["step"] == 1 and hook["recipient"] == "Mia"
    engine.acknowledge("gas_hall", actor="mia", role=Role.MAINTENANCE)
    clock.t += 3600
    disp.tick()
    assert disp.open == {}
    store.flush()
    with store.read() as conn:
        journal = conn.execute("SELECT action, COUNT(*) FROM audit WHERE action LIKE "
                               "'notification.%' GROUP BY action").fetchall()
    assert dict(journal) == {"notification.queued": 4, "notification.sent": 4}


def test_a_receiver_that_is_down_gets_the_notification_later_once(pipeline):
    _box, http, engine, _disp, queue, clock, _store = pipeline
    http.refuse = True
    engine.set_condition("gas_hall", True)
    wait_for(lambda: any(p["channel"] == "ntfy" and p["attempts"] >= 1
                         for p in queue.pending()), what="a failed attempt")
    assert "HTTP 503" in next(p for p in queue.pending() if p["channel"] == "ntfy")["error"]
    http.refuse = False
    clock.t += 60  # past the backoff
    queue.kick()
    wait_for(lambda: len(http.posts) == 1 and not queue.pending(), what="sent after retry")
    queue.send_due()
    assert len(http.posts) == 1  # once


def test_acknowledging_from_the_phone_link(pipeline):
    _box, _http, engine, disp, *_ = pipeline
    engine.set_condition("gas_hall", True)
    [esc] = disp.open.values()
    server = AckServer("127.0.0.1", 0, disp.check_ack, lambda aid, who: engine.acknowledge(
        aid, actor=f"phone:{who}", role=Role.OPERATOR)).start()
    try:
        base = f"http://127.0.0.1:{server.port}/ack/gas_hall/{esc.activated:.3f}"
        forged = urllib.request.Request(f"{base}/{'0' * 32}?by=x", method="POST")
        with pytest.raises(urllib.error.HTTPError, match="403"):
            urllib.request.urlopen(forged, timeout=5)
        good = f"{base}/{disp.token('gas_hall', esc.activated)}?by=Max"
        with urllib.request.urlopen(good, timeout=5) as page:  # GET: a page, no ack yet
            assert b"Acknowledge" in page.read()
        assert engine.get("gas_hall").state is AlarmState.UNACK
        with urllib.request.urlopen(urllib.request.Request(good, method="POST"),
                                    timeout=5) as resp:
            assert resp.read() == b"Acknowledged."
        assert engine.get("gas_hall").state is AlarmState.ACKED
        assert engine.get("gas_hall").last_ack.actor == "phone:Max"
        assert disp.open == {}
    finally:
        server.stop()
