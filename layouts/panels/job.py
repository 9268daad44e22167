"""The job assistance panels: the Job view of a station, and the skills matrix."""

from __future__ import annotations

from layouts.panels import QT_TRANSLATE_NOOP, FieldKind, PanelSpec, SettingField

JOB = PanelSpec(
    name="job",
    title=QT_TRANSLATE_NOOP("panels", "Job"),
    module="widgets.job_panel",
    min_size=(640, 420),
    settings=(
        # Empty: the first station of [instructions].
        SettingField("station", QT_TRANSLATE_NOOP("LayoutEditor", "Station"),
                     FieldKind.STATION),
    ),
)

SKILLS = PanelSpec(
    name="skills",
    title=QT_TRANSLATE_NOOP("panels", "Skills"),
    module="widgets.skills_panel",
    min_size=(520, 300),
)
