"""Notification as a terminal service (built only where `[notifications]` is set)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmStatus
from app.auth.permissions import Role
from app.notifications.ack_server import AckServer
from app.notifications.config import NotificationsConfig, parse
from app.notifications.delivery import Queue, Senders
from app.notifications.dispatch import Dispatcher
from app.runtime import Runtime
from app.secrets import get_secret
from app.services import ConfigSection, ServiceContext, ServiceSpec, stop_all

log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, config: NotificationsConfig, dispatcher: Dispatcher, queue: Queue,
                 alarms: AlarmEngine, runtime: Runtime) -> None:
        self.config, self.dispatcher, self.queue = config, dispatcher, queue
        self.alarms, self.runtime = alarms, runtime
        self._removers: list[Callable[[], None]] = []

    def start(self) -> None:
        if not self.queue.enabled:
            log.info("notifications: sent by terminal %s, not this one",
                     self.config.sender_terminal)
            return
        self.queue.start()
        self._removers.append(self.queue.stop)
        # Escalations open before a restart continue (or end) by the engine's state now.
        self.dispatcher.resume(self._status)
        self._removers.append(self.alarms.subscribe(self.dispatcher.on_events))
        self.dispatcher.tick()  # a step that came due while the terminal was down
        self._removers.append(self.runtime.every(5.0, self.dispatcher.tick,
                                                 "notification escalation"))
        if self.config.ack_listen is not None:
            host, port = self.config.ack_listen
            try:
                server = AckServer(host, port, self.dispatcher.check_ack, self._ack).start()
            except OSError as e:
                log.error("notifications: cannot listen for phone acknowledgements on "
                          "%s:%d: %s", host, port, e.strerror or e)
            else:
                self._removers.append(server.stop)

    def _status(self, alarm_id: str) -> AlarmStatus | None:
        try:
            return self.alarms.get(alarm_id)
        except KeyError:
            return None

    def _ack(self, alarm_id: str, who: str) -> bool:
        return self.alarms.acknowledge(alarm_id, actor=f"phone:{who}", role=Role.OPERATOR,
                                       comment="acknowledged from the phone")

    def stop(self) -> None:
        stop_all(self._removers)


def build(ctx: ServiceContext) -> Notifier | None:
    cfg: NotificationsConfig | None = ctx.config.sections.get("notifications")
    if cfg is None:
        return None
    enabled = cfg.sender_terminal in (None, ctx.terminal_id)
    queue = Queue(ctx.store, Senders(cfg, get_secret), clock=ctx.clock, enabled=enabled)
    key = get_secret("notifications-ack")
    dispatcher = Dispatcher(cfg, queue, terminal_id=ctx.terminal_id,
                            site_name=ctx.config.site.name, clock=ctx.clock,
                            ack_base_url=cfg.ack_base_url,
                            ack_key=key.encode() if key else None, store=ctx.store)
    return Notifier(cfg, dispatcher, queue, ctx.get(AlarmEngine), ctx.runtime)


SPEC = ServiceSpec(name="notifications", provides=Notifier, build=build,
                   sections=(ConfigSection("notifications", parse),), needs=(AlarmEngine,))
