"""The "camera" panel: the live picture of one camera of the site's `[[cameras]]`."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

SPEC = PanelSpec(
    name="camera",
    title=QT_TRANSLATE_NOOP("panels", "Camera"),
    module="widgets.camera",
    min_size=(300, 200),
    settings=(
        SettingField("camera", QT_TRANSLATE_NOOP("LayoutEditor", "Camera (id)"),
                     FieldKind.TEXT, default=""),
    ),
)
