"""The durable notification queue and the senders (SMTP, ntfy, webhook).

A notification is written to the store first (`notification_queue`, keyed by a
deterministic id, so the same alarm step is queued once however often it is evaluated)
and sent by one sender thread; a failed send is retried with backoff until it goes
through, so a terminal offline at the time sends it when it can. Delivery is at least
once: a crash between the send and its "sent" mark sends that one again after restart.
"""

from __future__ import annotations

import json
import logging
import smtplib
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from app.notifications.config import HttpTarget, NotificationsConfig, SmtpConfig
from app.store.schema import register_schema
from app.worker import Worker

log = logging.getLogger(__name__)

register_schema("notifications", ["""
CREATE TABLE notification_queue (
    id TEXT PRIMARY KEY, created REAL NOT NULL, channel TEXT NOT NULL,
    recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
    extra TEXT NOT NULL DEFAULT '{}', state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0, next_try REAL NOT NULL DEFAULT 0,
    sent_at REAL, error TEXT NOT NULL DEFAULT '');
CREATE INDEX notification_queue_pending ON notification_queue(state, next_try);
""", """
-- v2: open escalations (app.notifications.dispatch), so a restart continues them.
CREATE TABLE notification_escalation (
    alarm_id TEXT PRIMARY KEY, activated REAL NOT NULL, rule INTEGER NOT NULL,
    roster TEXT NOT NULL, step INTEGER NOT NULL, next_at REAL NOT NULL,
    message TEXT NOT NULL, priority INTEGER NOT NULL);
"""])

MAX_BACKOFF_S = 300.0


@dataclass(frozen=True)
class Notification:
    id: str
    channel: str  # email | ntfy | webhook
    recipient: str  # address, ntfy topic, or "" for the webhook
    subject: str
    body: str
    extra: dict[str, Any]  # priority, alarm id, ack url, ...


class DeliveryError(RuntimeError):
    """A send that failed; the message says where and why (retried later)."""


class Senders:
    """The three ways out. Each raises DeliveryError on failure."""

    def __init__(self, config: NotificationsConfig,
                 secrets: Callable[[str], str | None]) -> None:
        self.config = config
        self._secrets = secrets

    def send(self, n: Notification) -> None:
        match n.channel:
            case "email":
                self._email(n)
            case "ntfy":
                self._ntfy(n)
            case "webhook":
                self._webhook(n)
            case _:
                raise DeliveryError(f"unknown channel {n.channel!r}")

    def _email(self, n: Notification) -> None:
        smtp = self.config.smtp
        if smtp is None:
            raise DeliveryError("no [notifications.smtp] configured")
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = smtp.sender, n.recipient, n.subject
        msg["X-LineSide-Alarm"] = str(n.extra.get("alarm", ""))
        msg.set_content(n.body + (f"\n\nAcknowledge: {n.extra['ack_url']}"
                                  if n.extra.get("ack_url") else ""))
        try:
            with _smtp_connect(smtp) as client:
                if smtp.user:
                    password = self._secrets(smtp.secret)
                    if password is None:
                        raise DeliveryError(
                            f"SMTP user {smtp.user!r} has no password: set the secret "
                            f"{smtp.secret!r} (lineside secrets set {smtp.secret}, or the "
                            f"environment variable LINESIDE_SECRET_{smtp.secret.upper()})")
                    client.login(smtp.user, password)
                client.send_message(msg)
        except (OSError, smtplib.SMTPException) as e:
            raise DeliveryError(f"mail to {n.recipient} via {smtp.host}:{smtp.port}: {e}") \
                from None

    def _ntfy(self, n: Notification) -> None:
        target = self.config.ntfy
        if target is None:
            raise DeliveryError("no [notifications.ntfy] configured")
        headers = {"Title": _latin1(n.subject), "Priority": str(_ntfy_priority(n)),
                   "Tags": "warning"}
        if n.extra.get("ack_url"):
            headers["Actions"] = f"http, Acknowledge, {n.extra['ack_url']}, method=POST"
        _post(f"{target.url}/{n.recipient}", n.body.encode("utf-8"), headers,
              self._bearer(target))

    def _webhook(self, n: Notification) -> None:
        target = self.config.webhook
        if target is None:
            raise DeliveryError("no [notifications.webhook] configured")
        body = json.dumps({"id": n.id, "subject": n.subject, "body": n.body,
                           "recipient": n.recipient, **n.extra}).encode("utf-8")
        _post(target.url, body, {"Content-Type": "application/json"}, self._bearer(target))

    def _bearer(self, target: HttpTarget) -> str | None:
        if not target.secret:
            return None
        token = self._secrets(target.secret)
        if token is None:
            raise DeliveryError(f"the token secret {target.secret!r} is not set")
        return token


def _smtp_connect(smtp: SmtpConfig) -> smtplib.SMTP:
    if smtp.tls == "ssl":
        return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout_s,
                                context=ssl.create_default_context())
    client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_s)
    if smtp.tls == "starttls":
        client.starttls(context=ssl.create_default_context())
    return client


def _post(url: str, body: bytes, headers: dict[str, str], token: str | None) -> None:
    if token:
        headers = {**headers, "Authorization": f"Bearer {token}"}
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            if resp.status >= 300:
                raise DeliveryError(f"POST {url}: HTTP {resp.status}")
    except urllib.error.HTTPError as e:
        raise DeliveryError(f"POST {url}: HTTP {e.code} {e.reason}") from None
    except (OSError, urllib.error.URLError) as e:
        raise DeliveryError(f"POST {url}: {e}") from None


def _ntfy_priority(n: Notification) -> int:
    # ntfy: 5 max/urgent ... 1 min; alarm priority 1 (critical) -> 5.
    return {1: 5, 2: 4, 3: 3, 4: 2}.get(int(n.extra.get("priority", 3)), 3)


def _latin1(text: str) -> str:
    """HTTP header values must be Latin-1: replace what is not (the body keeps it)."""
    return text.encode("latin-1", "replace").decode("latin-1")


class Queue:
    """Store-backed queue with one sender thread; `kick()` after enqueueing."""

    def __init__(self, store: Any, senders: Senders, *, clock: Callable[[], float] = time.time,
                 enabled: bool = True) -> None:
        self._store, self._senders, self._clock = store, senders, clock
        self.enabled = enabled
        self._sending = threading.Lock()
        self._worker = Worker("lineside-notify", self._send_stored, 1.0,
                              what="notification sender", first_run=False)

    def enqueue(self, n: Notification) -> None:
        extra = json.dumps(n.extra, sort_keys=True, default=str)
        self._store.submit(lambda c: c.execute(
            "INSERT OR IGNORE INTO notification_queue (id, created, channel, recipient, "
            "subject, body, extra) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (n.id, self._clock(), n.channel, n.recipient, n.subject, n.body, extra)))
        self._store.audit.record("system", "notification.queued", n.id,
                                 {"channel": n.channel, "to": n.recipient})
        self.kick()

    def kick(self) -> None:
        self._worker.wake()

    def start(self) -> None:
        if self.enabled:
            self._worker.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._worker.stop(timeout)

    def pending(self) -> list[dict[str, Any]]:
        with self._store.read() as conn:
            rows = conn.execute(
                "SELECT id, channel, recipient, attempts, error FROM notification_queue "
                "WHERE state = 'pending' ORDER BY created").fetchall()
        return [dict(zip(("id", "channel", "recipient", "attempts", "error"), r, strict=True))
                for r in rows]

    def _send_stored(self) -> None:
        self._store.flush(5.0)  # what was enqueued is readable
        self.send_due()

    def send_due(self) -> int:
        """Send every pending notification whose time has come; returns how many went.
        One caller at a time (the sender thread, a test, the CLI): two at once would
        read the same pending rows and send them twice."""
        with self._sending:
            return self._send_due()

    def _send_due(self) -> int:
        now = self._clock()
        with self._store.read() as conn:
            rows = conn.execute(
                "SELECT id, channel, recipient, subject, body, extra, attempts "
                "FROM notification_queue WHERE state = 'pending' AND next_try <= ? "
                "ORDER BY created LIMIT 50", (now,)).fetchall()
        sent = 0
        for nid, channel, recipient, subject, body, extra, attempts in rows:
            if self._worker.stopping:
                break
            n = Notification(nid, channel, recipient, subject, body, json.loads(extra))
            try:
                self._senders.send(n)
            except DeliveryError as e:
                delay = min(MAX_BACKOFF_S, 5.0 * 2 ** attempts)
                log.warning("notification %s not sent (attempt %d, next in %.0f s): %s",
                            nid, attempts + 1, delay, e)
                self._store.submit(lambda c, nid=nid, e=e, t=now + delay: c.execute(
                    "UPDATE notification_queue SET attempts = attempts + 1, next_try = ?, "
                    "error = ? WHERE id = ?", (t, str(e), nid)))
                continue
            sent += 1
            self._store.submit(lambda c, nid=nid: c.execute(
                "UPDATE notification_queue SET state = 'sent', sent_at = ?, attempts = "
                "attempts + 1, error = '' WHERE id = ?", (self._clock(), nid)))
            self._store.audit.record("system", "notification.sent", nid,
                                     {"channel": channel, "to": recipient})
        if sent:
            self._store.flush(5.0)
        return sent
