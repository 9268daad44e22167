"""The alarm domain's services: the engine (owns `[[alarms]]` and `[alarm_settings]`),
its journal in the store, and sharing of states and actions on the broker."""

from __future__ import annotations

from app.alarms.config import definitions_of, parse_alarms, parse_settings, settings_of
from app.alarms.engine import AlarmEngine
from app.alarms.journal import AlarmJournal
from app.alarms.sharing import AlarmSharing
from app.services import ConfigSection, ServiceContext, ServiceSpec


def _engine(ctx: ServiceContext) -> AlarmEngine:
    cfg = ctx.config
    return AlarmEngine(definitions_of(cfg), settings=settings_of(cfg), clock=ctx.clock,
                       terminal_id=ctx.terminal_id, runtime=ctx.runtime)


def _journal(ctx: ServiceContext) -> AlarmJournal:
    return AlarmJournal(ctx.store, engine=ctx.get(AlarmEngine))


def _sharing(ctx: ServiceContext) -> AlarmSharing | None:
    if not ctx.shared:
        return None
    return AlarmSharing(ctx.get(AlarmEngine), ctx.runtime, ctx.config.site.topic_root)


ENGINE = ServiceSpec(name="alarms", provides=AlarmEngine, build=_engine,
                     sections=(ConfigSection("alarms", parse_alarms),
                               ConfigSection("alarm_settings", parse_settings)))
JOURNAL = ServiceSpec(name="alarm_journal", provides=AlarmJournal, build=_journal,
                      needs=(AlarmEngine,))
SHARING = ServiceSpec(name="alarm_sharing", provides=AlarmSharing, build=_sharing,
                      needs=(AlarmEngine,))
