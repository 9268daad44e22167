"""The shipped icon set: every name the terminal uses has its SVG, icons take the
theme's colour, and the andon categories are icon buttons."""

from __future__ import annotations

from PySide6.QtGui import QColor

from widgets import icons, theme


def _ink(pm) -> QColor:
    """The most opaque pixel of a rendered icon (its stroke colour)."""
    img = pm.toImage()
    best = QColor(0, 0, 0, 0)
    for y in range(img.height()):
        for x in range(img.width()):
            c = img.pixelColor(x, y)
            if c.alpha() > best.alpha():
                best = c
    return best


def test_every_name_has_a_shipped_svg_and_the_licence_is_beside_them(themed):
    for name in icons.NAMES:
        assert icons.path_of(name).is_file(), name
    assert (icons.ICON_DIR / "LICENSE").read_text().startswith("MIT License")


def test_icons_are_tinted_and_follow_the_theme(themed, qtbot):
    from PySide6.QtWidgets import QPushButton

    ink = _ink(icons.pixmap("alarm", 48, "#c80000"))
    assert (ink.red(), ink.green(), ink.blue()) == (0xc8, 0, 0)
    b = QPushButton("Ack")
    qtbot.addWidget(b)
    icons.set_icon(b, "ack")
    light = _ink(b.icon().pixmap(48, 48)).name()
    assert light == theme.THEMES[theme.ThemeName.LIGHT].button_text
    theme.apply_theme(themed, "dark", 1.0)
    dark = _ink(b.icon().pixmap(48, 48)).name()
    assert dark == theme.THEMES[theme.ThemeName.DARK].button_text


def test_andon_categories_are_icon_buttons(themed, qtbot):
    from app.andon import CATEGORIES
    from widgets.andon import ReportSheet

    sheet = ReportSheet(board=None, station="press1", station_name="Press 1",  # type: ignore[arg-type]
                        reporter=None)
    qtbot.addWidget(sheet)
    for cat in CATEGORIES:
        b = sheet.buttons[cat]
        assert not b.icon().isNull()
        assert b.property("iconName") == f"andon.{cat}"
        assert b.minimumHeight() >= 48 and b.text()
