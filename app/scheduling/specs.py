"""The scheduling domain's declaration for the terminal (see docs/architecture.md)."""

from __future__ import annotations

from app.scheduling.line import LineModel, parse_section
from app.scheduling.service import SchedulingService
from app.services import ConfigSection, ServiceContext, ServiceSpec


def build(ctx: ServiceContext) -> SchedulingService | None:
    line: LineModel | None = ctx.config.sections.get("scheduling")
    if line is None:
        return None
    states = {sid: st.state_tag for sid, st in ctx.config.stations.items() if st.state_tag}
    return SchedulingService(line, ctx.store, ctx.runtime, terminal_id=ctx.terminal_id,
                             topic_root=ctx.config.site.topic_root, state_tags=states,
                             clock=ctx.clock)


SPEC = ServiceSpec(name="scheduling", provides=SchedulingService, build=build,
                   sections=(ConfigSection("scheduling", parse_section),))
