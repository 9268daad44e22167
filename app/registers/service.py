"""The registers as a terminal service: one replica, the registers on it (suppliers,
risks, channels and the skills matrix), and the watch that turns register facts into
alarms. Owns the optional `[registers]` section:

    [registers]
    cert_warn_days = [90, 30]      # warn this many days before a certificate lapses
    escalate_after_days = 7        # an overdue measure goes to the supervisor after this
    check_s = 60                   # how often dates and indicators are checked
    import_dir = "/srv/erp/export"  # where purchasing finds ERP supplier files (CSV);
                                    # relative to the site file; default <data dir>/import
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.alarms.engine import AlarmEngine
from app.config import SiteConfig, Table
from app.instructions.skills import SkillsMatrix
from app.model import Quality
from app.registers.channels import Channels
from app.registers.replica import Replica
from app.registers.risks import RiskRegister
from app.registers.suppliers import SupplierRegister
from app.registers.watch import RegisterWatch, WatchConfig
from app.runtime import Runtime
from app.services import ConfigSection, ServiceContext, ServiceSpec, stop_all


@dataclass(frozen=True)
class RegistersConfig:
    watch: WatchConfig = field(default_factory=WatchConfig)
    check_s: float = 60.0
    import_dir: Path | None = None


def parse(table: Table, cfg: SiteConfig) -> RegistersConfig:
    t = table.table("registers")
    warn = t.list("cert_warn_days", [90, 30], of=int)
    for i, d in enumerate(warn):
        if not 1 <= d <= 730:
            raise t.error(f"cert_warn_days[{i}]", f"must be 1 to 730 days; got {d}")
    out = RegistersConfig(
        WatchConfig(cert_warn_days=tuple(sorted(warn, reverse=True)),
                    escalate_after_days=t.int("escalate_after_days", 7, min=1, max=365)),
        t.float("check_s", 60.0, min=1.0, max=3600.0))
    folder = t.str("import_dir")
    t.done()
    if folder is not None:
        out = RegistersConfig(out.watch, out.check_s, cfg.file.parent / folder)
    return out


class Registers:
    """Suppliers, risks and channels of this terminal, shared with the plant."""

    def __init__(self, replica: Replica, runtime: Runtime, alarms: AlarmEngine,
                 config: RegistersConfig, clock: Callable[[], float],
                 import_dir: Path) -> None:
        self.replica = replica
        self.import_dir = import_dir  # ERP supplier exports offered for import
        self.runtime = runtime
        self.config = config
        self.suppliers = SupplierRegister(replica, clock)
        self.risks = RiskRegister(replica, clock, latest=self._latest,
                                  supplier_days=self.suppliers.min_days_left)
        self.channels = Channels(replica, clock)
        self.skills = SkillsMatrix(replica, clock)  # who is qualified where (job assistance)
        self.watch = RegisterWatch(alarms, self.suppliers, self.risks, config.watch, clock)
        self._removers: list[Callable[[], None]] = []

    def _latest(self, tag: str) -> float | None:
        s = self.runtime.latest.get(tag)
        if s is None or s.quality is Quality.BAD or isinstance(s.value, str | None):
            return None
        return float(s.value)

    def start(self) -> None:
        self.replica.start()
        self._removers.append(self.runtime.every(self.config.check_s, self.watch.check,
                                                 "register watch"))
        # A change (here or from another terminal) is checked soon, not in a minute.
        self._removers.append(self.replica.subscribe(self._soon))
        self._removers.append(self.replica.stop)

    def _soon(self, _record: Any) -> None:
        self.runtime.after(0.2, self.watch.check, "register watch")

    def stop(self) -> None:
        stop_all(self._removers)


def build(ctx: ServiceContext) -> Registers:
    replica = Replica(ctx.store, ctx.runtime if ctx.shared else None,
                      terminal_id=ctx.terminal_id, topic_root=ctx.config.site.topic_root,
                      clock=ctx.clock)
    cfg = ctx.config.sections.get("registers") or RegistersConfig()
    import_dir = cfg.import_dir or ctx.store.path.parent / "import"
    registers = Registers(replica, ctx.runtime, ctx.get(AlarmEngine), cfg, ctx.clock,
                          import_dir)
    registers.risks.kpis.update(kpis_of(ctx))
    return registers


def kpis_of(ctx: ServiceContext) -> dict[str, Callable[[], float | None]]:
    """The live figures of other domains that a risk's indicator may watch (`kind =
    "kpi"`, `ref` = the name): cheap reads, no store queries."""
    from app.energy.service import EnergyService
    from app.environment.service import Environment

    out: dict[str, Callable[[], float | None]] = {}
    alarms = ctx.get(AlarmEngine)
    out["alarms.flood"] = lambda: 1.0 if alarms.flood else 0.0
    out["alarms.unacked"] = lambda: float(alarms.summary().unacked)
    energy = ctx.find(EnergyService)
    if energy is not None:
        out["energy.line_kw"] = lambda: energy.live().line_kw
        out["energy.idle_kw"] = lambda: energy.live().idle_kw
    env = ctx.find(Environment)
    if env is not None:
        for p in env.monitor.config.parameters:
            def projected(pid: str = p.id) -> float | None:
                st = env.monitor.snapshot.status.get(pid)
                return st.projected if st else None

            def value(pid: str = p.id) -> float | None:
                st = env.monitor.snapshot.status.get(pid)
                return st.value if st else None

            out[f"environment.{p.id}.projected"] = projected
            out[f"environment.{p.id}.value"] = value
    return out


SPEC = ServiceSpec(name="registers", provides=Registers, build=build,
                   sections=(ConfigSection("registers", parse),), needs=(AlarmEngine,))
