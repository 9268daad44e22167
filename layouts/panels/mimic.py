"""The "mimic" panel: a drawing of this terminal's line (layouts.mimic), compact or full."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

COMPACT_PX = (480, 150)  # one row of stations over the band, for the operator's screen
FULL_PX = (640, 260)


def _min_size(settings: Mapping[str, Any]) -> tuple[int, int]:
    return COMPACT_PX if settings.get("compact") else FULL_PX


SPEC = PanelSpec(
    name="mimic",
    title=QT_TRANSLATE_NOOP("panels", "Line mimic"),
    module="widgets.mimic",
    min_size=FULL_PX,
    min_size_of=_min_size,
    settings=(
        SettingField("compact", QT_TRANSLATE_NOOP("LayoutEditor", "Compact (one line high)"),
                     FieldKind.BOOL, default=False),
    ),
)
