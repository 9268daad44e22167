"""The "vitals" panel: wearable readings, for the worker themself and the safety role."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, PanelSpec

SPEC = PanelSpec(
    name="vitals",
    title=QT_TRANSLATE_NOOP("panels", "Vitals"),
    module="widgets.vitals",
    min_size=(300, 200),
)
