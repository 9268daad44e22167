"""A layout that wraps its widgets onto more rows when the width runs out (buttons on a
narrow touchscreen panel keep their glove-sized width instead of overflowing)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Buttons in a row that wraps onto the next line when the panel is narrow.

    Six touch-size action buttons in one QHBoxLayout need ~950 px; the layout grid
    gives an alarm panel 420 px on a small touchscreen (layouts.model.MIN_SIZE_PX), so
    a fixed row pushed the whole layout wider than the screen and cut panels off.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._width = 0  # the width last given: the minimum height is the rows it needs
        self._asked = 0  # the height last asked for by invalidating
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        self._width = rect.width()
        if height > rect.height() and height != self._asked:
            # More rows than the parent gave (one that did not ask heightForWidth, or asked
            # before a language or text size change): report them as the minimum and ask
            # again, once per height, so a parent that cannot give more does not loop.
            self._asked = height
            self.invalidate()

    def sizeHint(self) -> QSize:
        w = sum(i.sizeHint().width() for i in self._visible()) \
            + self.spacing() * max(0, len(self._visible()) - 1)
        h = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(w, h)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        if self._width > 0:
            size.setHeight(max(size.height(), self.heightForWidth(self._width)))
        return size

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line_h, gap = rect.x(), rect.y(), 0, self.spacing()
        for item in self._visible():
            hint = item.sizeHint()
            # Never wider than the row: an item that cannot fit is narrowed (down to its
            # minimum), not pushed out of the window.
            hint.setWidth(max(item.minimumSize().width(), min(hint.width(), rect.width())))
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line_h = rect.x(), y + line_h + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line_h = max(line_h, hint.height())
        return y + line_h - rect.y()
