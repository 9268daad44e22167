"""The terminal's icons: Tabler outline SVGs shipped in resources/icons/, tinted per theme.

`icon("ack")` gives a QIcon in the theme's text colour; `icon("alarm", colors().alarm)`
one in a given colour; `pixmap(name, px, color)` a crisp pixmap for painted widgets.
Names are the terminal's own (actions, andon categories, states), mapped onto the
set's file names in `NAMES`, so a view asks for "shelve", never for "clock-pause".
The SVGs draw with `currentColor`; tinting replaces it before QSvgRenderer renders.
Rendered icons are cached per (name, colour, size); a theme change clears the cache.
"""

from __future__ import annotations

import contextlib
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"

# terminal name -> Tabler file name (resources/icons/<file>.svg)
NAMES: dict[str, str] = {
    # actions
    "sign_in": "login", "sign_out": "logout", "edit_layout": "layout-dashboard",
    "save": "device-floppy", "cancel": "x", "close": "x", "add": "plus", "remove": "trash",
    "ack": "check", "shelve": "clock-pause", "unshelve": "clock-play",
    "out_of_service": "plug-connected-x", "in_service": "plug-connected",
    "setpoint": "adjustments", "pause": "player-pause", "play": "player-play",
    "report": "speakerphone", "take": "hand-grab", "done": "circle-check",
    "reset": "refresh", "estop": "hand-stop", "exit": "door-exit", "search": "search",
    "filter": "filter", "camera": "camera", "no_signal": "video-off",
    "journal": "list-details", "kpi": "chart-bar", "trend": "chart-line",
    "settings": "settings", "hidden": "eye-off",
    # andon categories (app.andon.CATEGORIES)
    "andon.machine": "tool", "andon.quality": "rosette-discount-check",
    "andon.material": "package", "andon.safety": "shield-exclamation", "andon.other": "dots",
    # states
    "state.running": "player-play", "state.idle": "player-pause",
    "state.fault": "alert-octagon", "state.stopped": "hand-stop",
    "state.maintenance": "tool", "state.unknown": "help-circle",
    "alarm": "alert-triangle", "alarm.bell": "bell", "alarm.silenced": "bell-off",
    "warning": "alert-circle", "ok": "circle-check", "locked": "lock", "user": "user",
    "vitals": "heart-rate-monitor", "connected": "plug-connected",
    "offline": "plug-connected-x",
    # plant objects
    "kind.robot": "robot", "kind.paint_booth": "spray", "kind.press": "arrow-big-down-lines",
    "kind.conveyor": "arrow-right", "car": "car", "hazard": "alert-triangle",
    "worker": "user",
}


def path_of(name: str) -> Path:
    """The SVG file of a terminal icon name (or of a Tabler file name); raises KeyError
    for a name the terminal does not ship (a programmer error)."""
    file = NAMES.get(name, name)
    p = ICON_DIR / f"{file}.svg"
    if not p.is_file():
        raise KeyError(f"no icon {name!r} ({p} is not shipped; see resources/icons/README.md)")
    return p


@cache
def _svg(name: str) -> str:
    return path_of(name).read_text(encoding="utf-8")


@lru_cache(maxsize=512)
def _renderer(name: str, color: str) -> QSvgRenderer:
    data = _svg(name).replace("currentColor", color)
    return QSvgRenderer(QByteArray(data.encode("utf-8")))


def _default_color() -> str:
    from widgets import theme

    return theme.colors().text


def pixmap(name: str, size: int, color: str | QColor | None = None) -> QPixmap:
    """The icon rendered at `size` logical pixels (sharp on high-DPI screens)."""
    c = QColor(color) if color is not None else QColor(_default_color())
    return _pixmap(name, int(size), c.name(QColor.NameFormat.HexArgb), _dpr())


def _dpr() -> float:
    app = QGuiApplication.instance()
    return float(app.devicePixelRatio()) if isinstance(app, QGuiApplication) else 1.0


@lru_cache(maxsize=1024)
def _pixmap(name: str, size: int, color: str, dpr: float) -> QPixmap:
    qc = QColor(color)
    renderer = _renderer(name, QColor(qc.red(), qc.green(), qc.blue()).name())
    side = max(1, round(size * dpr))
    pm = QPixmap(side, side)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setOpacity(qc.alphaF())
    renderer.render(p, QRectF(0, 0, side, side))
    p.end()
    pm.setDevicePixelRatio(dpr)
    return pm


def paint(painter: QPainter, name: str, rect: QRectF, color: str | QColor) -> None:
    """Draw the icon into `rect` of a custom-painted widget."""
    c = QColor(color)
    _renderer(name, QColor(c.red(), c.green(), c.blue()).name()).render(painter, rect)


def icon(name: str, color: str | QColor | None = None) -> QIcon:
    """A QIcon tinted `color` (default: the theme's text colour), with a muted
    disabled look, at the usual button sizes."""
    from widgets import theme

    c = QColor(color) if color is not None else QColor(theme.colors().text)
    muted = QColor(theme.colors().muted)
    out = QIcon()
    for side in (16, 24, 32, 48, 64):
        out.addPixmap(pixmap(name, side, c), QIcon.Mode.Normal)
        out.addPixmap(pixmap(name, side, muted), QIcon.Mode.Disabled)
    return out


def set_icon(button: QAbstractButton, name: str, role: str = "button_text",
             size: int = 28) -> None:
    """Give a button an icon sized for touch, tinted with the theme colour `role`
    (a `ThemeColors` field: "button_text", "alarm", ...) and re-tinted when the
    theme changes, for as long as the button lives."""
    from widgets import theme

    def apply() -> None:
        button.setIcon(icon(name, getattr(theme.colors(), role)))

    button.setIconSize(QSize(size, size))
    apply()
    if not button.property("_iconBound"):
        button.setProperty("_iconBound", True)
        theme.notifier().changed.connect(apply)
        # a connection to a plain function outlives the button: drop it with the button
        button.destroyed.connect(lambda *_: _disconnect(theme.notifier().changed, apply))
    button.setProperty("iconName", name)


def _disconnect(signal: Any, fn: Any) -> None:
    with contextlib.suppress(RuntimeError, TypeError):
        signal.disconnect(fn)


def clear_cache() -> None:
    """Drop rendered icons (e.g. after the screen's pixel ratio changed)."""
    _pixmap.cache_clear()
