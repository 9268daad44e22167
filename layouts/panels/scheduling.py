"""The scheduling panels: the plan's Gantt with re-plan proposals, OEE, maintenance forecast."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

GANTT = PanelSpec(
    name="schedule",
    title=QT_TRANSLATE_NOOP("panels", "Production plan"),
    module="widgets.schedule_gantt",
    min_size=(560, 300),
    settings=(
        SettingField("hours", QT_TRANSLATE_NOOP("LayoutEditor", "Hours shown ahead"),
                     FieldKind.NUMBER, default=3, minimum=0.5, maximum=24, noun="hours"),
    ),
)

OEE = PanelSpec(
    name="oee",
    title=QT_TRANSLATE_NOOP("panels", "OEE this shift"),
    module="widgets.oee_panel",
    min_size=(360, 280),
)

MAINTENANCE = PanelSpec(
    name="maintenance",
    title=QT_TRANSLATE_NOOP("panels", "Maintenance forecast"),
    module="widgets.maintenance_panel",
    min_size=(400, 280),
    settings=(
        # Only this station's forecasts and work orders; empty: all.
        SettingField("station", QT_TRANSLATE_NOOP("LayoutEditor", "Station"),
                     FieldKind.STATION),
    ),
)
