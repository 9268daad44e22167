"""The one list of panel types a layout can place (Qt-free).

`PANELS` names every `PanelSpec`; `PANEL_MODULES` is the tuple of widgets modules that
register their Qt factories. `widgets.layout_host` imports exactly these (no
searching of source files, which a frozen bundle does not have) and the PyInstaller
spec uses them as hidden imports. A new panel type adds its spec here.
"""

from __future__ import annotations

from layouts.panels import (
    PanelSpec,
    alarms,
    andon,
    energy,
    environment,
    floor_map,
    job,
    overview,
    registers,
    station,
    trend,
    vitals,
)
from layouts.panels import alarm_kpi as alarm_kpi_panel
from layouts.panels import camera as camera_panel
from layouts.panels import mimic as mimic_panel
from layouts.panels import scheduling as scheduling_panels

PANELS: tuple[PanelSpec, ...] = (
    station.SPEC,
    trend.TREND,
    trend.TILE,
    alarms.SPEC,
    floor_map.SPEC,
    vitals.SPEC,
    andon.SPEC,
    overview.SPEC,
    scheduling_panels.GANTT,
    scheduling_panels.OEE,
    scheduling_panels.MAINTENANCE,
    mimic_panel.SPEC,
    camera_panel.SPEC,
    alarm_kpi_panel.SPEC,
    energy.SPEC,
    energy.TILE,
    registers.SUPPLIERS,
    registers.RISKS,
    registers.CHANNELS,
    environment.ENVIRONMENT,
    environment.REPORTS,
    job.JOB,
    job.SKILLS,
)

# dict.fromkeys: one entry per module, in the order above
PANEL_MODULES: tuple[str, ...] = tuple(dict.fromkeys(p.module for p in PANELS))

_BY_NAME: dict[str, PanelSpec] = {p.name: p for p in PANELS}
if len(_BY_NAME) != len(PANELS):
    raise ValueError("two panel specs in layouts.catalogue.PANELS share a name")


def spec(name: str) -> PanelSpec | None:
    """The spec of panel type `name`, or None (a type from a newer LineSide)."""
    return _BY_NAME.get(name)


def names() -> tuple[str, ...]:
    return tuple(_BY_NAME)
