"""The `[notifications]` section: where mail and push go, who is on call, which alarms.

    [notifications]
    sender_terminal = "gateway-1"   # optional: only this terminal sends (one mail, not 100)
    [notifications.smtp]
    host = "mail.plant.local"  port = 587  tls = "starttls"   # starttls | ssl | none
    user = "lineside"  from = "lineside@plant.local"  secret = "smtp"   # password: a secret
    [notifications.ntfy]
    url = "http://ntfy.plant.local"   # a self-hosted ntfy server; topic per member
    [notifications.webhook]
    url = "http://hooks.plant.local/lineside"
    [notifications.ack]            # optional: acknowledge from the phone
    listen = "0.0.0.0:8766"  base_url = "http://lineside-gw.plant.local:8766"
    [[notifications.rosters]]
    id = "maintenance"  department = "maintenance"  hours = "06:00-22:00"   # optional
    members = [{ name = "Max", email = "max@plant.local", ntfy = "max-phone" }, ...]
    [[notifications.rules]]
    priorities = [1, 2]  areas = ["body"]  classes = ["hazard"]  roster = "maintenance"
    via = ["email", "ntfy"]  escalate_after_min = 5

A member is notified in roster order: the first at once, the next when the alarm is still
unacknowledged after `escalate_after_min`, and so on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.config import ConfigError, SiteConfig, Table

CHANNELS = ("email", "ntfy", "webhook")


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    tls: str = "starttls"
    user: str = ""
    sender: str = "lineside@localhost"
    secret: str = "smtp"  # the secret's name (keyring or LINESIDE_SECRET_SMTP)
    timeout_s: float = 10.0


@dataclass(frozen=True)
class HttpTarget:
    url: str
    secret: str = ""  # optional bearer token, by secret name


@dataclass(frozen=True)
class Member:
    name: str
    email: str = ""
    ntfy: str = ""  # the member's ntfy topic
    webhook: bool = False


@dataclass(frozen=True)
class Roster:
    id: str
    department: str
    members: tuple[Member, ...]
    hours: tuple[dt.time, dt.time] | None = None  # on call between these (local time)

    def on_call(self, at: dt.datetime) -> bool:
        if self.hours is None:
            return True
        start, end = self.hours
        t = at.time()
        return start <= t < end if start < end else (t >= start or t < end)


@dataclass(frozen=True)
class Rule:
    roster: str
    via: tuple[str, ...]
    priorities: frozenset[int] = frozenset()  # empty: any
    areas: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()  # alarm kinds or id prefixes ("hazard", ...)
    escalate_after_min: float = 5.0


@dataclass(frozen=True)
class NotificationsConfig:
    rules: tuple[Rule, ...]
    rosters: dict[str, Roster]
    smtp: SmtpConfig | None = None
    ntfy: HttpTarget | None = None
    webhook: HttpTarget | None = None
    sender_terminal: str | None = None
    ack_listen: tuple[str, int] | None = None  # where phones acknowledge (host, port)
    ack_base_url: str | None = None  # how phones reach it


def _hours(t: Table, name: str) -> tuple[dt.time, dt.time] | None:
    value = t.str(name)
    if value is None:
        return None
    m = re.fullmatch(r"(\d\d):(\d\d)-(\d\d):(\d\d)", value)
    if not m:
        raise t.error(name, f"expected HH:MM-HH:MM, got {value!r}")
    a, b, c, d = map(int, m.groups())
    try:
        return dt.time(a, b), dt.time(c, d)
    except ValueError:
        raise t.error(name, f"{value!r} is not a time range") from None


def parse(table: Table, cfg: SiteConfig) -> NotificationsConfig:
    t = table.table("notifications")
    smtp = ntfy = webhook = None
    if "smtp" in t.data:
        s = t.table("smtp")
        smtp = SmtpConfig(host=s.str("host", required=True), port=s.int("port", 587, min=1,
                                                                          max=65535),
                          tls=s.str("tls", "starttls", choices=("starttls", "ssl", "none")),
                          user=s.str("user", ""), sender=s.str("from", "lineside@localhost"),
                          secret=s.str("secret", "smtp"),
                          timeout_s=s.float("timeout_s", 10.0, min=0.5, max=120))
        s.done()
    for name in ("ntfy", "webhook"):
        if name in t.data:
            h = t.table(name)
            url = h.str("url", required=True, pattern=r"https?://\S+")
            target = HttpTarget(url.rstrip("/"), h.str("secret", ""))
            h.done()
            if name == "ntfy":
                ntfy = target
            else:
                webhook = target
    rosters: dict[str, Roster] = {}
    for r in t.tables("rosters"):
        rid = r.str("id", required=True, pattern=r"[A-Za-z0-9_\-]+")
        if rid in rosters:
            raise r.error("id", f"roster {rid!r} is defined twice")
        members = []
        for i, m in enumerate(r.list("members", [], of=dict)):
            mt = Table(m, r.file, r.key(f"members[{i}]"))
            member = Member(mt.str("name", required=True), mt.str("email", ""),
                            mt.str("ntfy", "", pattern=r"|[A-Za-z0-9_\-]{1,64}"),
                            mt.bool("webhook", False))
            mt.done()
            if not (member.email or member.ntfy or member.webhook):
                raise mt.error("name", "a member needs an email, an ntfy topic or webhook")
            members.append(member)
        if not members:
            raise r.error("members", "a roster needs at least one member")
        rosters[rid] = Roster(rid, r.str("department", ""), tuple(members), _hours(r, "hours"))
        r.done()
    rules = []
    for r in t.tables("rules"):
        roster = r.str("roster", required=True)
        if roster not in rosters:
            raise r.error("roster", f"unknown roster {roster!r} (rosters: "
                                    f"{', '.join(rosters) or 'none'})")
        via = tuple(r.list("via", ["email"], of=str))
        for i, v in enumerate(via):
            if v not in CHANNELS:
                raise r.error(f"via[{i}]", f"must be one of {', '.join(CHANNELS)}")
            configured = {"email": smtp, "ntfy": ntfy, "webhook": webhook}[v]
            if configured is None:
                raise r.error(f"via[{i}]", f"{v} is used but [notifications.{_section(v)}] "
                                           "is not configured")
        prios = r.list("priorities", [], of=int)
        for i, p in enumerate(prios):
            if not 1 <= p <= 4:
                raise r.error(f"priorities[{i}]", f"must be 1 to 4; got {p}")
        rules.append(Rule(roster, via, frozenset(prios), frozenset(r.list("areas", [], of=str)),
                          frozenset(r.list("classes", [], of=str)),
                          r.float("escalate_after_min", 5.0, min=0.1, max=1440)))
        r.done()
    sender = t.str("sender_terminal")
    ack_listen = ack_url = None
    if "ack" in t.data:
        a = t.table("ack")
        listen = a.str("listen", required=True, pattern=r"[^\s:]+:\d{1,5}")
        host, port = listen.rsplit(":", 1)
        ack_listen = (host, int(port))
        ack_url = a.str("base_url", required=True, pattern=r"https?://\S+").rstrip("/")
        a.done()
    t.done()
    if rules and not rosters:
        raise ConfigError(table.file, "notifications", "rules need rosters")
    return NotificationsConfig(tuple(rules), rosters, smtp, ntfy, webhook, sender,
                               ack_listen, ack_url)


def _section(channel: str) -> str:
    return "smtp" if channel == "email" else channel
