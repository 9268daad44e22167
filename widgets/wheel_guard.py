"""WheelGuard: the mouse wheel never changes a value the worker is not focused on.

Scrolling a page with the wheel used to change whatever combo box or spin box passed
under the pointer (the layout editor's theme changed by itself). With the guard, a wheel
over an unfocused QComboBox or QAbstractSpinBox goes to its parent instead, so the page
scrolls; once tapped (focused), the wheel changes it as usual. Installed app-wide by
`widgets.application.run_gui`, and on its own fields by the layout editor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """An event filter; install it on the application or on single widgets."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (event.type() != QEvent.Type.Wheel or not isinstance(obj, GUARDED)
                or obj.hasFocus()):
            return False
        assert isinstance(event, QWheelEvent)
        # Qt propagates only spontaneous wheel events, and not past a filter that took
        # it: hand a copy up the parents ourselves until one uses it (a scroll area).
        w: QWidget = obj
        local = event.position().toPoint()
        while not w.isWindow() and (parent := w.parentWidget()) is not None:
            local = w.mapTo(parent, local)
            w = parent
            copy = QWheelEvent(local.toPointF(), event.globalPosition(), event.pixelDelta(),
                               event.angleDelta(), event.buttons(), event.modifiers(),
                               event.phase(), event.inverted(), event.source())
            copy.ignore()
            QApplication.sendEvent(w, copy)
            if copy.isAccepted():
                break
        event.accept()
        return True  # the value stays as it is


_guard = WheelGuard()


def protect(*widgets: QWidget) -> None:
    """Guard these widgets (and take wheel focus from them, so a wheel never focuses)."""
    for w in widgets:
        if w.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        w.installEventFilter(_guard)


def install(app: QApplication) -> WheelGuard:
    """Guard every combo box and spin box of the application."""
    app.installEventFilter(_guard)
    return _guard
