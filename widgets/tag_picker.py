"""TagPicker and StationPicker: choose tags and stations by touch, no typing needed.

The tag picker shows the site's tag paths as the plant hierarchy (site / area / line /
cell / equipment / signal, split at "/"), each signal with its description and unit.
Tapping a branch opens or closes it; tapping a signal's row (anywhere on it, not only
the small box) checks it. With `multiple=True` (a TAGS setting) several may be
checked; otherwise a tap replaces the choice (a TAG setting). A search box filters by
path or description for those who have a keyboard. Rows are at least 48 px tall.

The station picker is a list of the site's stations with 48 px rows; a tap chooses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScroller,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets import theme

translate = QCoreApplication.translate

PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # a signal item's full tag path
VISIBLE_ROWS = 6  # the list shows this many rows before it scrolls


class _TouchRows(QStyledItemDelegate):
    """Every row at least a gloved finger tall."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        s = super().sizeHint(option, index)
        return QSize(s.width(), max(s.height(), theme.TOUCH_PX))


def _touch_scrolling(view: QAbstractItemView) -> None:
    view.setItemDelegate(_TouchRows(view))
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    # Kinetic scrolling for fingers; the mouse keeps plain clicks (a left-button
    # gesture would delay every press).
    QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    view.setMinimumHeight(theme.TOUCH_PX * VISIBLE_ROWS // 2)


def _join_chains(item: QTreeWidgetItem) -> None:
    """A branch with a single branch below it becomes one row ("demo/body/line1"):
    one tap fewer for each level the plant does not branch at."""
    while (item.data(0, PATH_ROLE) is None and item.childCount() == 1
           and item.child(0).data(0, PATH_ROLE) is None):
        only = item.takeChild(0)
        item.setText(0, f"{item.text(0)}/{only.text(0)}")
        item.addChildren(only.takeChildren())
    for i in range(item.childCount()):
        _join_chains(item.child(i))


class TagPicker(QWidget):
    """The plant hierarchy of tags with check boxes; `changed` gives the chosen paths."""

    changed = Signal(list)  # list[str], in the order chosen

    def __init__(self, tags: Mapping[str, str] | Sequence[str], value: Sequence[str] = (),
                 *, multiple: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TagPicker")
        self.multiple = multiple
        details = dict(tags) if isinstance(tags, Mapping) else dict.fromkeys(tags, "")
        # Paths a saved layout names but this site does not know stay choosable.
        for path in value:
            details.setdefault(path, "")
        self.details = details
        self.chosen: list[str] = [p for p in value if p]
        self.items: dict[str, QTreeWidgetItem] = {}  # tag path -> its signal row

        self.search = QLineEdit()
        self.search.setObjectName("TagPickerSearch")
        self.search.setMinimumHeight(theme.TOUCH_PX)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("TagPickerTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # The description column elides instead of a sideways scroll bar.
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        _touch_scrolling(self.tree)
        self.tree.setMinimumHeight(theme.TOUCH_PX * VISIBLE_ROWS)
        self.tree.itemClicked.connect(self._clicked)
        self.summary = QLabel()
        self.summary.setObjectName("TagPickerSummary")
        self.summary.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search)
        box.addWidget(self.tree, 1)
        box.addWidget(self.summary)
        self._build()
        self._retranslate()

    # --- the tree ----------------------------------------------------------------------

    def _build(self) -> None:
        nodes: dict[str, QTreeWidgetItem] = {}
        for path in sorted(self.details):
            parts = path.split("/")
            parent: QTreeWidgetItem | None = None
            for depth, name in enumerate(parts[:-1]):
                key = "/".join(parts[:depth + 1])
                node = nodes.get(key)
                if node is None:
                    node = QTreeWidgetItem([name, ""])
                    node.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    if parent is None:
                        self.tree.addTopLevelItem(node)
                    else:
                        parent.addChild(node)
                    nodes[key] = node
                parent = node
            # Not user-checkable: the row's tap toggles it (else a tap on the box
            # would toggle twice).
            leaf = QTreeWidgetItem([parts[-1], self.details[path]])
            leaf.setFlags(Qt.ItemFlag.ItemIsEnabled)
            leaf.setData(0, PATH_ROLE, path)
            leaf.setToolTip(0, path)
            leaf.setCheckState(0, Qt.CheckState.Unchecked)
            if parent is None:
                self.tree.addTopLevelItem(leaf)
            else:
                parent.addChild(leaf)
            self.items[path] = leaf
        for i in range(self.tree.topLevelItemCount()):
            _join_chains(self.tree.topLevelItem(i))
        self._show_chosen()
        self._open_to_choices()
        if self.chosen and self.chosen[0] in self.items:
            self.tree.scrollToItem(self.items[self.chosen[0]])

    def _open_to_choices(self) -> None:
        """Open the branches down to what is chosen; with nothing chosen, open the
        single chain from the site down to where the plant first branches."""
        for path in self.chosen:
            item = self.items.get(path)
            while item is not None and item.parent() is not None:
                item = item.parent()
                item.setExpanded(True)
        if not self.chosen:
            level = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
            while len(level) == 1 and level[0].childCount():
                level[0].setExpanded(True)
                level = [level[0].child(i) for i in range(level[0].childCount())]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chosen and self.chosen[0] in self.items:  # laid out only now
            self.tree.scrollToItem(self.items[self.chosen[0]])

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        path = item.data(0, PATH_ROLE)
        if path is None:  # a branch: open or close it
            item.setExpanded(not item.isExpanded())
            return
        self.toggle(str(path))

    def toggle(self, path: str) -> None:
        """Check or uncheck `path` (as a tap on its row does)."""
        if path in self.chosen:
            self.chosen.remove(path)
        elif self.multiple:
            self.chosen.append(path)
        else:
            self.chosen = [path]
        self._show_chosen()
        self.changed.emit(list(self.chosen))

    def value(self) -> list[str]:
        return list(self.chosen)

    def _show_chosen(self) -> None:
        for path, item in self.items.items():
            item.setCheckState(0, Qt.CheckState.Checked if path in self.chosen
                               else Qt.CheckState.Unchecked)
        if self.chosen:
            self.summary.setText(translate("TagPicker", "Chosen: {tags}").format(
                tags=", ".join(self._short(p) for p in self.chosen)))
        else:
            self.summary.setText(translate("TagPicker", "Nothing chosen yet: tap a signal."))

    def _short(self, path: str) -> str:
        parts = path.split("/")
        return "/".join(parts[-2:])

    def filter(self, text: str) -> None:
        """Show only the signals whose path or description holds `text`."""
        needle = text.strip().casefold()

        def walk(item: QTreeWidgetItem) -> bool:
            path = item.data(0, PATH_ROLE)
            if path is not None:
                hit = (not needle or needle in str(path).casefold()
                       or needle in self.details.get(str(path), "").casefold())
            else:
                hit = False
                for i in range(item.childCount()):
                    hit = walk(item.child(i)) or hit
                if needle:
                    item.setExpanded(hit)
            item.setHidden(not hit)
            return hit

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        if not needle:
            self._open_to_choices()

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(translate("TagPicker", "Search tags"))
        self._show_chosen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class StationPicker(QListWidget):
    """The site's stations as a touch list; a tap chooses one (`changed` gives its id)."""

    changed = Signal(str)

    def __init__(self, stations: Mapping[str, str] | Sequence[str], value: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StationPicker")
        names = dict(stations) if isinstance(stations, Mapping) else {s: s for s in stations}
        if value and value not in names:
            names[value] = value
        _touch_scrolling(self)
        for sid, name in names.items():
            item = QListWidgetItem(name if name == sid else f"{name}  ({sid})")
            item.setData(PATH_ROLE, sid)
            self.addItem(item)
            if sid == value:
                self.setCurrentItem(item)
        rows = min(max(1, self.count()), VISIBLE_ROWS)
        self.setMinimumHeight(theme.TOUCH_PX * rows + 4)
        self.itemClicked.connect(lambda it: self.changed.emit(str(it.data(PATH_ROLE))))

    def value(self) -> str:
        item = self.currentItem()
        return str(item.data(PATH_ROLE)) if item is not None else ""

    def set_value(self, sid: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(PATH_ROLE) == sid:
                self.setCurrentRow(i)
                self.changed.emit(sid)
                return
