"""The energy panels: the supervisor's energy panel and a station's energy tile."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

PERIODS = ("shift", "today", "week")

SPEC = PanelSpec(
    name="energy",
    title=QT_TRANSLATE_NOOP("panels", "Energy"),
    module="widgets.energy_panel",
    min_size=(760, 340),
    settings=(
        SettingField("period", QT_TRANSLATE_NOOP("LayoutEditor", "Period shown first"),
                     FieldKind.CHOICE, default="shift", choices=PERIODS),
    ),
)

TILE = PanelSpec(
    name="energy_tile",
    title=QT_TRANSLATE_NOOP("panels", "Energy tile (station)"),
    module="widgets.energy_panel",
    min_size=(240, 140),
    settings=(
        # The meter's station; empty: the whole line.
        SettingField("station", QT_TRANSLATE_NOOP("LayoutEditor", "Station"),
                     FieldKind.STATION),
    ),
)
