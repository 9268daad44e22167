"""The "overview" panel: every line and terminal a supervisor desktop hears of."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, PanelSpec

SPEC = PanelSpec(
    name="overview",
    title=QT_TRANSLATE_NOOP("panels", "Plant overview"),
    module="widgets.overview",
    min_size=(480, 300),
)
