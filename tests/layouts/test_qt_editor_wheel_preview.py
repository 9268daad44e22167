"""The editor's wheel guard and its live preview of theme and text size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QVBoxLayout, QWidget
from test_qt_layout_editor import EDITOR_LAYOUT, tap

from layouts import model
from widgets import theme, wheel_guard
from widgets.layout_editor import LayoutEditor


def wheel(widget: QWidget, steps: int = -1) -> None:
    """One notch of the wheel over `widget` (negative: towards the user)."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def restore_theme() -> Iterator[None]:
    before = (str(theme.current_theme()), theme.font_scale())
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, *before)


def editor(qtbot, **kw) -> LayoutEditor:
    ed = LayoutEditor(model.new_layout("anna", EDITOR_LAYOUT), role="operator", **kw)
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def test_wheel_over_an_unfocused_combo_changes_nothing(qtbot) -> None:
    ed = editor(qtbot)
    assert not ed.theme.hasFocus()
    before = ed.theme.currentIndex()
    wheel(ed.theme)
    wheel(ed.font_scale)
    assert ed.theme.currentIndex() == before and ed.doc["theme"] == "light"
    assert ed.doc["font_scale"] == 1.0
    ed.select("trend")
    spin = ed.setting_fields["window_s"]
    wheel(spin)
    assert spin.value() == 10  # 600 s in minutes, unchanged
    # Focused (tapped), the wheel works as usual.
    ed.theme.setFocus()
    qtbot.waitUntil(ed.theme.hasFocus)
    wheel(ed.theme)
    assert ed.theme.currentIndex() == before + 1


def test_app_wide_guard_scrolls_the_page_instead(qtbot) -> None:
    page = QWidget()
    box = QVBoxLayout(page)
    combo = QComboBox()
    combo.addItems(["a", "b", "c"])
    box.addWidget(combo)
    box.addSpacing(2000)
    area = QScrollArea()
    area.setWidget(page)
    area.resize(300, 300)
    qtbot.addWidget(area)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    guard = wheel_guard.install(app)
    try:
        area.show()
        qtbot.waitExposed(area)
        area.setFocus()
        wheel(combo)
        assert combo.currentIndex() == 0
        assert area.verticalScrollBar().value() > 0  # the page scrolled
    finally:
        app.removeEventFilter(guard)


def test_preview_applies_theme_and_size_and_cancel_reverts(qtbot, restore_theme) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "light", 1.0)
    ed = editor(qtbot, preview=True)
    ed.theme.setCurrentIndex(ed.theme.findData("dark"))
    ed.font_scale.setCurrentIndex(ed.font_scale.findData(1.5))
    assert (theme.current_theme(), theme.font_scale()) == ("dark", 1.5)  # on screen now
    ed.end_preview()  # closed without saving
    assert (theme.current_theme(), theme.font_scale()) == ("light", 1.0)


def test_after_a_save_the_saved_theme_stays(qtbot, restore_theme) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "light", 1.0)
    ed = editor(qtbot, preview=True)
    ed.theme.setCurrentIndex(ed.theme.findData("contrast"))
    ed.select("trend")
    with qtbot.waitSignal(ed.saved, timeout=2000):
        tap(qtbot, ed.save_button)
    ed.font_scale.setCurrentIndex(ed.font_scale.findData(2.0))  # tried, then closed
    assert theme.font_scale() == 2.0
    ed.end_preview()
    assert (theme.current_theme(), theme.font_scale()) == ("contrast", 1.0)
