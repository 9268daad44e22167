"""The register panels: green suppliers, risks (heat map and response plans), and the
department channels with the shift handover log."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

SUPPLIERS = PanelSpec(
    name="suppliers",
    title=QT_TRANSLATE_NOOP("panels", "Suppliers"),
    module="widgets.suppliers",
    min_size=(420, 300),
)

RISKS = PanelSpec(
    name="risks",
    title=QT_TRANSLATE_NOOP("panels", "Risks"),
    module="widgets.risks",
    min_size=(520, 320),
)

CHANNELS = PanelSpec(
    name="channels",
    title=QT_TRANSLATE_NOOP("panels", "Messages"),
    module="widgets.channels",
    min_size=(420, 320),
    settings=(
        # The channel shown first; empty: the signed-in worker's department.
        SettingField("channel", QT_TRANSLATE_NOOP("LayoutEditor", "Channel"),
                     FieldKind.CHOICE, default="shift",
                     choices=("production", "maintenance", "quality", "logistics",
                              "purchasing", "ehs", "shift")),
    ),
)
