"""The "andon" panel: report a problem, and the board where it is taken and closed."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

SPEC = PanelSpec(
    name="andon",
    title=QT_TRANSLATE_NOOP("panels", "Problems (andon)"),
    module="widgets.andon",
    min_size=(380, 220),
    settings=(
        # Which station a report from this panel is for; empty: the site's first.
        SettingField("station", QT_TRANSLATE_NOOP("LayoutEditor", "Station"),
                     FieldKind.STATION),
    ),
)
