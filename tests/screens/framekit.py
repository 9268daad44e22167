"""The shell's fixed frame as the terminal builds it: MainWindow with the real e-stop
dock (controller on an unstarted Runtime of the demo site), an "Edit layout" and an
"About" button, for the frame geometry tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton, QWidget

from app.auth.permissions import Role
from app.auth.session import SignedIn


class FakeSession:
    """The session protocol the shell and the e-stop panel use (current, observers)."""

    def __init__(self) -> None:
        self.current: SignedIn | None = None
        self._obs: list[Any] = []

    def add_observer(self, fn: Any) -> Any:
        self._obs.append(fn)
        return lambda: self._obs.remove(fn)

    def sign_in(self, name: str, role: Role | None) -> None:
        self.current = SignedIn("u1", name, role, 0.0) if role else None
        for fn in list(self._obs):
            fn(self.current, "test")

    def sign_out(self, reason: str) -> None:
        self.sign_in("", None)


def build_frame(qtbot: Any, site: Any, bridge: Any) -> tuple[Any, Any, FakeSession]:
    from app.runtime import Runtime
    from app.safety.estop import EStopController
    from widgets.estop import EStopDock
    from widgets.panels import PanelContext
    from widgets.shell import MainWindow

    session = FakeSession()
    runtime = Runtime(site)
    controller = EStopController(runtime, site.sections["estop"])
    ctx = PanelContext(site, None, bridge, None, session)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    for text in ("Edit layout", "About"):
        w.add_frame_button(QPushButton(text))
    dock = EStopDock(controller, session)
    w.set_estop_widget(dock)
    return w, dock, session


def global_rect(w: QWidget) -> QRect:
    return QRect(w.mapToGlobal(w.rect().topLeft()), w.size())


def frame_rects(w: Any) -> dict[str, QRect]:
    """Every visible widget of the fixed frame (and the e-stop window's widgets), in
    global coordinates, by a readable key."""
    out: dict[str, QRect] = {"frame": global_rect(w.frame)}
    for i, child in enumerate(w.frame.findChildren(QWidget)):
        if child.isVisible():
            key = f"{type(child).__name__}:{child.objectName() or i}"
            out[key] = global_rect(child)
    panel = w.estop_widget.panel
    for name in ("button", "circuit", "note", "reset_button", "start_button"):
        child = getattr(panel, name)
        if child.isVisible():
            out[f"estop.{name}"] = global_rect(child)
    return out
