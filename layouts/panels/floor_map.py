"""The "floor_map" panel: worker positions against the danger zones of robot cells."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

SPEC = PanelSpec(
    name="floor_map",
    title=QT_TRANSLATE_NOOP("panels", "Floor map"),
    module="widgets.floor_map",
    min_size=(360, 280),
    settings=(
        SettingField("width_m", QT_TRANSLATE_NOOP("LayoutEditor", "Hall width (m)"),
                     FieldKind.NUMBER, default=60.0, minimum=1, maximum=10_000),
        SettingField("height_m", QT_TRANSLATE_NOOP("LayoutEditor", "Hall depth (m)"),
                     FieldKind.NUMBER, default=22.0, minimum=1, maximum=10_000),
    ),
)
