"""The "alarms" panel: the alarm table, optionally filtered by state."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

SPEC = PanelSpec(
    name="alarms",
    title=QT_TRANSLATE_NOOP("panels", "Alarms"),
    module="widgets.alarm_table",
    min_size=(420, 160),
    settings=(
        SettingField("state", QT_TRANSLATE_NOOP("LayoutEditor", "Show"), FieldKind.TEXT),
    ),
)
