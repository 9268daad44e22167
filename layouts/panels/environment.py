"""The environment panels: parameters against their permit limits, and ESG reports."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, PanelSpec

ENVIRONMENT = PanelSpec(
    name="environment",
    title=QT_TRANSLATE_NOOP("panels", "Environment"),
    module="widgets.environment_panel",
    min_size=(560, 360),
)

REPORTS = PanelSpec(
    name="reports",
    title=QT_TRANSLATE_NOOP("panels", "Reports"),
    module="widgets.reports_panel",
    min_size=(420, 260),
)
