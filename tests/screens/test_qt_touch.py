"""Touch targets of the theme (resources/themes/base.qss): every control a gloved
finger uses is at least 48 px in the direction it is touched."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QStyle,
    QStyleOptionSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from widgets import theme


@pytest.fixture
def box(qtbot, themed):
    w = QWidget()
    QVBoxLayout(w)
    qtbot.addWidget(w)
    w.resize(500, 700)
    return w


def show(qtbot, box, child):
    box.layout().addWidget(child)
    box.show()
    qtbot.waitExposed(box)
    return child


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_combo_box_and_its_popup_rows_are_finger_sized(qtbot, box, themed, scale):
    theme.apply_theme(themed, "light", scale)
    combo = show(qtbot, box, QComboBox())
    combo.addItems(["Light", "Dark", "High contrast"])
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    assert combo.height() >= theme.TOUCH_PX
    for row in range(3):
        assert view.visualRect(view.model().index(row, 0)).height() >= theme.TOUCH_PX
    combo.hidePopup()


def test_spin_box_minus_and_plus_are_finger_sized_and_apart(qtbot, box):
    spin = show(qtbot, box, QSpinBox())
    opt = QStyleOptionSpinBox()
    spin.initStyleOption(opt)
    style = spin.style()
    up = style.subControlRect(QStyle.ComplexControl.CC_SpinBox, opt,
                              QStyle.SubControl.SC_SpinBoxUp, spin)
    down = style.subControlRect(QStyle.ComplexControl.CC_SpinBox, opt,
                                QStyle.SubControl.SC_SpinBoxDown, spin)
    for r in (up, down):
        assert r.width() >= theme.TOUCH_PX and r.height() >= theme.TOUCH_PX, r
    assert not up.intersects(down) and down.right() < up.left()  # - left, + right


def test_scroll_bars_and_table_headers_are_finger_sized(qtbot, box):
    table = show(qtbot, box, QTableWidget(60, 8))
    table.setHorizontalHeaderLabels([f"Column {i}" for i in range(8)])
    qtbot.waitUntil(lambda: table.verticalScrollBar().isVisible(), timeout=2000)
    assert table.verticalScrollBar().width() >= theme.TOUCH_PX
    assert table.horizontalScrollBar().height() >= theme.TOUCH_PX
    assert table.horizontalHeader().height() >= theme.TOUCH_PX


def test_alarm_list_and_history_scroll_kinetically_by_touch(qtbot, themed):
    from PySide6.QtWidgets import QScroller

    from widgets.alarm_table import AlarmTable

    table = AlarmTable(None)
    qtbot.addWidget(table)
    for view in (table.view, table.history):
        assert QScroller.hasScroller(view.viewport()), view
