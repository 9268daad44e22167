"""The "station" panel: one station's state, values, setpoints and a small trend."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

# Measured from the real panel's minimumSizeHint at 100 % (tiles, trend, setpoint rows).
WITH_TREND_PX = (460, 640)
NO_TREND_PX = (300, 420)


def _min_size(settings: Mapping[str, Any]) -> tuple[int, int]:
    return NO_TREND_PX if settings.get("trend") is False else WITH_TREND_PX


SPEC = PanelSpec(
    name="station",
    title=QT_TRANSLATE_NOOP("panels", "Station"),
    module="widgets.station_panel",
    min_size=WITH_TREND_PX,
    min_size_of=_min_size,
    settings=(
        SettingField("station", QT_TRANSLATE_NOOP("LayoutEditor", "Station"),
                     FieldKind.STATION, required=True, default=""),
        SettingField("trend", QT_TRANSLATE_NOOP("LayoutEditor", "Small trend"),
                     FieldKind.BOOL),
    ),
)
