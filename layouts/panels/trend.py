"""The "trend" panel (tags over a time window) and the "tile" panel (one value)."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

TREND = PanelSpec(
    name="trend",
    title=QT_TRANSLATE_NOOP("panels", "Trend"),
    module="widgets.trend_panel",
    min_size=(560, 240),
    settings=(
        SettingField("tags", QT_TRANSLATE_NOOP("LayoutEditor", "Tags"), FieldKind.TAGS,
                     required=True, default=[]),
        SettingField("window_s", QT_TRANSLATE_NOOP("LayoutEditor", "Time window"),
                     FieldKind.NUMBER, default=600, minimum=10, maximum=86_400,
                     noun="seconds", editor_scale=60.0, editor_unit="min"),
        SettingField("title", QT_TRANSLATE_NOOP("LayoutEditor", "Title"), FieldKind.TEXT),
    ),
)

TILE = PanelSpec(
    name="tile",
    title=QT_TRANSLATE_NOOP("panels", "Value"),
    module="widgets.trend_panel",
    min_size=(150, 100),
    settings=(
        SettingField("tag", QT_TRANSLATE_NOOP("LayoutEditor", "Tag"), FieldKind.TAG,
                     required=True, default=""),
        SettingField("title", QT_TRANSLATE_NOOP("LayoutEditor", "Title"), FieldKind.TEXT),
    ),
)
