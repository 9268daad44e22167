"""The "alarm_kpi" panel: alarm system performance (ISA-18.2 / EEMUA 191) for supervisors."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

SPEC = PanelSpec(
    name="alarm_kpi",
    title=QT_TRANSLATE_NOOP("panels", "Alarm KPIs"),
    module="widgets.alarm_kpi",
    min_size=(560, 420),
    roles=frozenset({"supervisor", "team_lead", "safety_officer", "admin"}),
    settings=(
        SettingField("window_h", QT_TRANSLATE_NOOP("LayoutEditor", "Period (hours)"),
                     FieldKind.NUMBER, default=24, minimum=1, maximum=24 * 31, noun="hours"),
        SettingField("operators", QT_TRANSLATE_NOOP("LayoutEditor", "Operator positions"),
                     FieldKind.NUMBER, default=1, minimum=1, maximum=20, integer=True),
    ),
)
