"""A whole terminal without a screen: store, runtime and every domain service, wired.

The GUI (`widgets.application`), `lineside run --headless` (a gateway) and the
benchmarks build a terminal this one way. The services are those of
`app.domains.DOMAINS`, built and started in that order, stopped in reverse; each is
found by its type: `terminal.service(AndonBoard)` (or `find` for optional ones).

A service whose build or start fails is logged and listed in `failed` (name ->
message, for the GUI's notice); the others still start, so a broken energy section
cannot take the e-stop down.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from app.auth.permissions import Role
from app.config import ConfigError, SiteConfig
from app.domains import DOMAINS
from app.runtime import Runtime
from app.secrets import get_secret
from app.services import MissingService, Service, ServiceContext, ServiceSpec, check_order
from app.store import Store

log = logging.getLogger(__name__)
SLOW_STOP_S = 0.5

T = TypeVar("T")


class Terminal:
    def __init__(self, config: SiteConfig, *, store_path: Path,
                 terminal_role: Role | str = Role.OPERATOR,
                 inactivity_s: float = 300.0, clock: Callable[[], float] = time.time,
                 domains: Sequence[ServiceSpec[Any]] = DOMAINS) -> None:
        check_order(domains)
        self.config = config
        self.store_path = Path(store_path)
        self.terminal_role = Role(terminal_role)
        self.inactivity_s = inactivity_s
        self.clock = clock
        self.domains = tuple(domains)
        self.store: Store | None = None
        self.runtime: Runtime | None = None
        self.failed: dict[str, str] = {}  # service name -> why it is not running
        self.by_type: dict[type, Any] = {}  # the running services (PanelContext.services)
        self._running: list[tuple[ServiceSpec[Any], Service]] = []

    # --- lookup -----------------------------------------------------------------------------

    def service(self, kind: type[T]) -> T:
        """The running service of type `kind`; raises MissingService saying why not."""
        svc = self.by_type.get(kind)
        if svc is None:
            name = next((s.name for s in self.domains if s.provides is kind), None)
            why = ("not in app.domains" if name is None
                   else self.failed.get(name, "not configured by this site"))
            raise MissingService(f"{kind.__name__} is not running ({why})")
        return svc  # type: ignore[no-any-return]

    def find(self, kind: type[T]) -> T | None:
        """The running service of type `kind`, or None (not configured or failed)."""
        return self.by_type.get(kind)

    # --- lifecycle -------------------------------------------------------------------------

    def start(self) -> Terminal:
        cfg, site = self.config, self.config.site
        self.store = store = Store(self.store_path, terminal_id=site.terminal_id).open()
        self.runtime = rt = Runtime(cfg, store, secrets=get_secret)
        ctx = ServiceContext(config=cfg, runtime=rt, store=store, clock=self.clock,
                             terminal_id=site.terminal_id, terminal_role=self.terminal_role,
                             inactivity_s=self.inactivity_s, services=self.by_type)
        for spec in self.domains:
            self._start_one(spec, ctx)
        # Sources connect last: every service already listens, so no first value and no
        # retained message is missed.
        rt.start()
        return self

    def _start_one(self, spec: ServiceSpec[Any], ctx: ServiceContext) -> None:
        ctx.building = spec.name
        try:
            for sec in spec.sections:
                if sec.name in self.config.section_errors:
                    raise self.config.section_errors[sec.name]
            for need in spec.needs:
                ctx.get(need)
            svc = spec.build(ctx)
            if svc is None:
                ctx.absent[spec.provides] = "not configured by this site"
                return
            life = spec.lifecycle_of(svc)
            life.start()
        except Exception as e:
            message = str(e) if isinstance(e, ConfigError | MissingService) else (
                f"{type(e).__name__}: {e}")
            log.error("service %s did not start: %s", spec.name, message,
                      exc_info=not isinstance(e, ConfigError | MissingService))
            self.failed[spec.name] = message
            ctx.absent[spec.provides] = f"{spec.name} failed: {message}"
            return
        finally:
            ctx.building = ""
        self.by_type[spec.provides] = svc
        self._running.append((spec, life))

    def stop(self) -> None:
        while self._running:
            spec, svc = self._running.pop()
            t0 = time.monotonic()
            try:
                svc.stop()
            except Exception:
                log.exception("service %s did not stop cleanly", spec.name)
            took = time.monotonic() - t0
            if took > SLOW_STOP_S:  # a stop is due within 2 s (SIGTERM, a service manager)
                log.warning("service %s took %.1f s to stop", spec.name, took)
            self.by_type.pop(spec.provides, None)
        if self.runtime is not None:
            self.runtime.stop()
            self.runtime = None
        if self.store is not None:
            self.store.close()
            self.store = None
