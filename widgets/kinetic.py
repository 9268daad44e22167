"""Kinetic scrolling by touch: a finger drags a list, a table or the layout and flicks
it on, as on a phone; a mouse keeps selecting and dragging as before (the gesture is
grabbed for touch only, so the layout editor's drags and table selection are unchanged)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractScrollArea, QScroller

Area = TypeVar("Area", bound=QAbstractScrollArea)


def kinetic(area: Area) -> Area:
    """Let a touch drag and flick `area`'s content; returns `area`."""
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area
