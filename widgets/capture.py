"""The Qt side of `lineside screenshots` (app/commands/screenshots.py): the application,
running its events while a scene waits, and a grab of what a person sees (the main
window with the always-on-top e-stop window painted where it floats)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop, QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication


def qt_app(name: str = "LineSide") -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([])
    app.setApplicationName(name)
    return app


def run_events(app: QApplication, ms: int = 50) -> None:
    """Process GUI events for up to `ms` milliseconds."""
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, ms)


def grab_with_estop(app: QApplication, tw: Any) -> QPixmap:
    """The main window of `tw` (a TerminalWindow) with the e-stop window painted over
    it at its place: `QWidget.grab()` of the main window does not contain it."""
    app.processEvents()
    pix = tw.window.grab()
    dock = tw.estop
    if dock is not None and dock.isVisible():
        at = dock.mapTo(tw.window, QPoint(0, 0))
        p = QPainter(pix)
        p.drawPixmap(at, dock.estop.grab())
        p.end()
    return pix
