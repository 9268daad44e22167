"""Every domain of a terminal, in start order: the one place that names them all.

`Terminal` builds and starts these in this order and stops them in reverse;
`app.config.load` validates the config sections they declare. A new domain adds its
`ServiceSpec` here (after the services it needs). See docs/architecture.md.
"""

from __future__ import annotations

from typing import Any

from app import andon, overview, writes
from app.alarms import specs as alarms
from app.auth import session
from app.cameras import service as cameras
from app.energy import specs as energy
from app.environment import service as environment
from app.health import specs as health
from app.instructions import service as instructions
from app.notifications import service as notifications
from app.registers import service as registers
from app.safety import comm_loss, evacuation, line_stop
from app.safety import specs as safety
from app.scheduling import maintenance, oee
from app.scheduling import specs as scheduling
from app.services import SectionParser, ServiceSpec, check_order, sections_of
from app.sparkplug import service as sparkplug
from layouts import active, mimic, store

DOMAINS: tuple[ServiceSpec[Any], ...] = (
    safety.ESTOP,  # first: nothing that starts before it can delay the e-stop
    writes.SPEC,  # the one checked, audited write (setpoint sheet, hosts, energy)
    alarms.ENGINE,
    line_stop.SPEC,  # the stop as the top alarm on every terminal of the line
    comm_loss.SPEC,  # one alarm per source whose link is lost
    evacuation.SPEC,  # evacuation alarms, full width on every terminal of the line
    alarms.JOURNAL,
    session.USERS,
    session.SESSION,
    store.SPEC,  # layouts
    active.SPEC,  # the layout shown now
    andon.SPEC,
    safety.HAZARDS,
    safety.ZONES,
    health.SPEC,
    mimic.SPEC,  # only the optional [mimic] section: where stations sit on the line
    cameras.SPEC,  # camera streams; zone alarms carry a snapshot into the journal
    alarms.SHARING,
    overview.DIRECTORY,
    overview.PUBLISHER,
    scheduling.SPEC,  # orders, the line's plan, re-plans on faults and shortages
    maintenance.WORKORDERS,  # maintenance work orders, shared like andon
    maintenance.SPEC,  # predicted maintenance into the plan and work orders
    oee.SPEC,  # OEE per station and line, per shift
    energy.SPEC,  # the energy ledger, its alarms and the hourly summary
    environment.SPEC,  # permit limits, anomalies (after energy: the ESG report reads both)
    registers.SPEC,  # suppliers, risks, department channels
    notifications.SPEC,  # alarms to phones and mail
    instructions.SPEC,  # job assistance: work instructions, build records, skills
    sparkplug.SPEC,  # the terminal's tags as a Sparkplug B edge node
    sparkplug.HISTORY,  # Sparkplug hosts' historical values into the historian
)

check_order(DOMAINS)


def config_sections() -> dict[str, SectionParser]:
    """Every top-level site-file section a domain owns, with its parser."""
    return sections_of(DOMAINS)
