"""A whole terminal without a screen: store, runtime and every domain service, wired.

The GUI (`widgets.application`), `lineside run --headless` (a gateway) and the
benchmarks build a terminal this one way. Services are plain Python; the GUI binds to
them through `services` (the names panels look up in `PanelContext.services`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.alarms.config import definitions_of, settings_of
from app.alarms.engine import AlarmEngine
from app.alarms.journal import AlarmJournal
from app.alarms.sharing import AlarmSharing
from app.andon import AndonBoard
from app.auth.permissions import Role
from app.auth.session import SessionManager
from app.auth.users import UserRepo
from app.config import SiteConfig
from app.overview import OverviewPublisher, PlantDirectory
from app.runtime import Runtime
from app.safety.services import SafetyServices, start_safety
from app.secrets import get_secret
from app.store import Store
from layouts.active import ActiveLayout
from layouts.store import LayoutStore

log = logging.getLogger(__name__)


class Terminal:
    def __init__(self, config: SiteConfig, *, store_path: Path,
                 terminal_role: Role | str = Role.OPERATOR,
                 inactivity_s: float = 300.0, clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.store_path = Path(store_path)
        self.terminal_role = Role(terminal_role)
        self.inactivity_s = inactivity_s
        self.clock = clock
        self.services: dict[str, Any] = {}
        self.store: Store | None = None
        self.runtime: Runtime | None = None
        self._cancel_ticks: Callable[[], None] | None = None
        self._tickers: list[Callable[[float], Any]] = []
        self._safety: SafetyServices | None = None

    # --- lifecycle -------------------------------------------------------------------------

    def start(self) -> Terminal:
        cfg, site = self.config, self.config.site
        self.store = store = Store(self.store_path, terminal_id=site.terminal_id).open()
        self.runtime = rt = Runtime(cfg, store, secrets=get_secret)
        shared = site.broker is not None

        engine = AlarmEngine(definitions_of(cfg), settings=settings_of(cfg),
                             clock=self.clock, terminal_id=site.terminal_id)
        rt.subscribe(engine.on_samples)
        journal = AlarmJournal(store)
        journal.attach(engine)
        self.services.update(alarms=engine, alarm_journal=journal)
        self._tickers.append(engine.tick)

        users = UserRepo(store)
        session = SessionManager(users, clock=self.clock, inactivity_s=self.inactivity_s)
        self.services.update(users=users, session=session)
        self._tickers.append(session.tick)

        layouts = LayoutStore(store, rt if shared else None, topic_root=site.topic_root,
                              clock=self.clock)
        self.services["layouts"] = layouts

        andon = AndonBoard(store, rt if shared else None, terminal_id=site.terminal_id,
                           topic_root=site.topic_root, clock=self.clock)
        self.services["andon"] = andon

        rt.start()
        # Topic subscriptions need the started broker source.
        andon.start()
        layouts.start()
        self.services["active_layout"] = ActiveLayout(session, layouts, self.terminal_role)
        # E-stop, danger zones, hazards and health, where the site configures them.
        self._safety = start_safety(rt, engine, store=store)
        self.services.update(self._safety.as_dict())
        if shared:
            self.services["alarm_sharing"] = AlarmSharing(engine, rt, site.topic_root).start()
            directory = PlantDirectory(rt)
            directory.start()
            self.services["directory"] = directory
            publisher = OverviewPublisher(rt, alarms=lambda: _alarm_counts(engine))
            self._tickers.append(lambda now: publisher.tick(now))
        self._cancel_ticks = rt.every(1.0, self._tick, "housekeeping")
        return self

    def _tick(self) -> None:
        """Timers of the services (alarm delays and shelve expiry, sign-out, summary)."""
        now = self.clock()
        for tick in self._tickers:
            try:
                tick(now)
            except Exception:
                log.exception("housekeeping tick %r failed", tick)

    def stop(self) -> None:
        if self._cancel_ticks is not None:
            self._cancel_ticks()
            self._cancel_ticks = None
        if self._safety is not None:
            self._safety.stop()
            self._safety = None
        if self.runtime is not None:
            self.runtime.stop()
            self.runtime = None
        if self.store is not None:
            self.store.close()
            self.store = None


def _alarm_counts(engine: AlarmEngine) -> dict[str, int]:
    s = engine.summary()
    counts = {f"p{p}": n for p, n in s.by_priority.items() if n}
    counts["unacked"] = s.unacked
    return counts
