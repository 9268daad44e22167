"""Themes (ISA-101 light grey, dark for night shift, high contrast) and font scale.

A theme is a `ThemeColors` value plus `resources/themes/base.qss` (a template whose
`${name}` fields come from the colours and the scaled sizes) and an optional
`resources/themes/<theme>.qss` with extra rules. ISA-101: the screen is grey when all
is normal; colour means abnormal and always comes with a text or shape cue.

Widgets mark their state with dynamic properties (`severity`, `quality`) and the QSS
colours them; custom-painted widgets read `colors()` in paintEvent and listen to
`notifier().changed` for anything cached.
"""

from __future__ import annotations

import logging
import string
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

THEME_DIR = Path(__file__).resolve().parent.parent / "resources" / "themes"
BASE_FONT_PX = 16  # readable at arm's length on a 15" line-side panel
TOUCH_PX = 48  # minimum touch target at 100 % (gloved finger)
MIN_SCALE, MAX_SCALE = 1.0, 2.0


class ThemeName(StrEnum):
    LIGHT = "light"
    DARK = "dark"
    CONTRAST = "contrast"


@dataclass(frozen=True)
class ThemeColors:
    window: str  # background of the whole terminal
    panel: str  # a panel's surface
    frame: str  # the fixed header frame
    text: str
    muted: str  # secondary text (units, captions)
    border: str
    button: str
    button_text: str
    normal: str  # a value within limits: no colour (ISA-101)
    alarm: str  # out of limits, high priority
    warning: str  # out of limits, low priority / uncertain quality
    bad: str  # bad quality
    ok: str  # used sparingly: a healthy link, a confirmed write
    accent: str  # selection, focus
    plot_bg: str
    plot_fg: str
    curves: tuple[str, ...]


THEMES: dict[ThemeName, ThemeColors] = {
    ThemeName.LIGHT: ThemeColors(
        window="#d4d4d4", panel="#e4e4e4", frame="#bcbcbc", text="#141414", muted="#505050",
        border="#9a9a9a", button="#cfcfcf", button_text="#141414", normal="#141414",
        alarm="#c80000", warning="#b36b00", bad="#6b2fa0", ok="#1f6f2a", accent="#1d4f91",
        plot_bg="#ececec", plot_fg="#303030",
        curves=("#1d4f91", "#6b4c00", "#00606b", "#5a2d82", "#3c3c3c", "#7a3b00"),
    ),
    ThemeName.DARK: ThemeColors(
        window="#1b1d20", panel="#25282c", frame="#101214", text="#dcdcdc", muted="#9a9a9a",
        border="#454a50", button="#33373c", button_text="#e6e6e6", normal="#dcdcdc",
        alarm="#ff5a5a", warning="#ffb347", bad="#c69cf0", ok="#6fcf7a", accent="#7fb2ff",
        plot_bg="#15171a", plot_fg="#b0b0b0",
        curves=("#7fb2ff", "#e0c36a", "#6ad6e0", "#c69cf0", "#c0c0c0", "#f0a060"),
    ),
    ThemeName.CONTRAST: ThemeColors(
        window="#000000", panel="#000000", frame="#000000", text="#ffffff", muted="#ffffff",
        border="#ffff00", button="#000000", button_text="#ffff00", normal="#ffffff",
        alarm="#ff4040", warning="#ffd000", bad="#ff80ff", ok="#40ff40", accent="#00ffff",
        plot_bg="#000000", plot_fg="#ffffff",
        curves=("#00ffff", "#ffff00", "#ff80ff", "#40ff40", "#ffffff", "#ff9900"),
    ),
}


class ThemeNotifier(QObject):
    """Tells custom-painted widgets that the theme or font scale changed."""

    changed = Signal()


_state: dict[str, object] = {"name": ThemeName.LIGHT, "scale": 1.0}
_notifier: ThemeNotifier | None = None


def notifier() -> ThemeNotifier:
    global _notifier
    if _notifier is None:
        _notifier = ThemeNotifier()
    return _notifier


def colors() -> ThemeColors:
    return THEMES[current_theme()]


def current_theme() -> ThemeName:
    return _state["name"]  # type: ignore[return-value]


def font_scale() -> float:
    return float(_state["scale"])  # type: ignore[arg-type]


def px(size: float) -> int:
    """A size in pixels at the current font scale (for fonts and text-bound boxes)."""
    return round(size * font_scale())


def stylesheet(name: ThemeName | str, scale: float = 1.0) -> str:
    """The full QSS of a theme at a font scale (base template + the theme's extras)."""
    name = ThemeName(name)
    c = THEMES[name]
    values = {k: v for k, v in asdict(c).items() if isinstance(v, str)}
    values.update(
        font_px=str(round(BASE_FONT_PX * scale)),
        small_px=str(round(13 * scale)),
        title_px=str(round(18 * scale)),
        value_px=str(round(30 * scale)),
        big_px=str(round(22 * scale)),
        touch_px=str(max(TOUCH_PX, round(TOUCH_PX * (0.75 + scale / 4)))),
        border_px="2" if name is ThemeName.CONTRAST else "1",
    )
    parts = [(THEME_DIR / "base.qss").read_text(encoding="utf-8")]
    extra = THEME_DIR / f"{name}.qss"
    if extra.exists():
        parts.append(extra.read_text(encoding="utf-8"))
    return string.Template("\n".join(parts)).safe_substitute(values)


def apply_theme(app: QApplication, name: ThemeName | str = ThemeName.LIGHT,
                scale: float = 1.0) -> None:
    """Switch the whole application's theme and font scale (100-200 %) at run time."""
    try:
        theme = ThemeName(name)
    except ValueError:
        log.error("unknown theme %r; using light (themes: %s)", name, ", ".join(ThemeName))
        theme = ThemeName.LIGHT
    if not MIN_SCALE <= scale <= MAX_SCALE:
        log.error("font scale %s outside %s..%s; clamped", scale, MIN_SCALE, MAX_SCALE)
        scale = min(MAX_SCALE, max(MIN_SCALE, scale))
    _state["name"], _state["scale"] = theme, scale
    qss = stylesheet(theme, scale)
    font = QFont(app.font())
    font.setPixelSize(round(BASE_FONT_PX * scale))
    if app.styleSheet() == qss and app.font().pixelSize() == font.pixelSize():
        # Already applied: re-setting the application style sheet re-polishes every
        # widget of every window (seconds on a full terminal), e.g. on each layout change.
        return
    app.setFont(font)
    app.setPalette(palette(THEMES[theme]))
    app.setStyleSheet(qss)
    notifier().changed.emit()


def palette(c: ThemeColors) -> QPalette:
    """The theme's colours as a palette, for what the QSS does not style (table and
    list backgrounds, scroll-area viewports, top-level windows such as the e-stop):
    without it those stay light while the QSS makes their text light in the dark theme."""
    pal = QPalette()
    roles = {QPalette.ColorRole.Window: c.window, QPalette.ColorRole.WindowText: c.text,
             QPalette.ColorRole.Base: c.panel, QPalette.ColorRole.AlternateBase: c.window,
             QPalette.ColorRole.Text: c.text, QPalette.ColorRole.Button: c.button,
             QPalette.ColorRole.ButtonText: c.button_text,
             QPalette.ColorRole.PlaceholderText: c.muted,
             QPalette.ColorRole.Highlight: c.accent,
             QPalette.ColorRole.HighlightedText: c.window,
             QPalette.ColorRole.ToolTipBase: c.panel, QPalette.ColorRole.ToolTipText: c.text}
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    return pal


def set_state_property(w: QWidget, name: str, value: str) -> None:
    """Set a dynamic property the QSS selects on, and re-polish so it takes effect."""
    if w.property(name) == value:
        return
    w.setProperty(name, value)
    style = w.style()
    style.unpolish(w)
    style.polish(w)
    w.update()
