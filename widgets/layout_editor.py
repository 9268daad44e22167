"""LayoutEditor: the worker's edit mode for their layout, made for touch.

A miniature of the grid shows every panel as a tile; tap one to select it, drag it to
move it, drag the selected tile's 48 px corner handle to resize it. Buttons of at
least 48 px do the same (for those who cannot drag) or remove it; a panel
type from the catalogue (`layouts.catalogue.PANELS`) is added at its minimum size
(its spec's `min_size` on this screen) in the first free place, or below the others
with the grid grown (`layouts.grid.make_room`), and is selected. The selected panel's
settings are edited beside it with one field per `SettingField` of its spec (the
touch tag picker and station list of `widgets.tag_picker`, numbers, choices, text,
on/off), with the layout's theme, font scale and language; with `preview` the theme
and text size apply to the window while editing and `end_preview` puts back the
saved ones. Messages appear next to the control they are about. The wheel never
changes a field that is not focused (`widgets.wheel_guard`). Save validates, then
hands the document to `on_save` (normally `LayoutStore.save`: revision + 1, stored,
published); Revert goes back to the last saved state. Editing needs Action.LAYOUT_EDIT.
"""

from __future__ import annotations

import concurrent.futures
import copy
import json
import logging
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Action, Role, allowed
from layouts import catalogue as panel_catalogue
from layouts import grid, model
from layouts.panels import LABEL_CONTEXT, TITLE_CONTEXT, FieldKind, PanelSpec, SettingField
from widgets import theme, wheel_guard
from widgets.tag_picker import StationPicker, TagPicker

log = logging.getLogger(__name__)

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")

TOUCH_PX = 48
FONT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "zh_CN": "中文"}  # each in itself
SaveFn = Callable[[dict[str, Any]], "concurrent.futures.Future[dict] | dict[str, Any]"]



def _button(text: str, slot: Callable[[], None], name: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setMinimumSize(TOUCH_PX, TOUCH_PX)
    if name:
        b.setObjectName(name)
    b.clicked.connect(lambda _=False: slot())
    return b


class GridCanvas(QWidget):
    """The grid in miniature: one tile per panel. Tap a tile to select it; drag it to
    move the panel; drag the selected tile's corner handle (48 px) to resize it. The
    drop is snapped to whole cells and handed to the editor, which applies the grid's
    rules (`layouts.grid`); a refused drop snaps back."""

    selected = Signal(str)
    dragged = Signal(str, int, int)  # panel id, columns, rows moved
    resized = Signal(str, int, int)  # panel id, columns, rows grown (negative: shrunk)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LayoutEditorCanvas")
        self.setMinimumSize(360, 240)
        self.doc: dict[str, Any] = {}
        self.current: str | None = None
        self.tiles: dict[str, QPushButton] = {}
        self.handle = QPushButton("⇲", self)
        self.handle.setObjectName("LayoutEditorResizeHandle")
        self.handle.setFixedSize(TOUCH_PX, TOUCH_PX)
        self.handle.installEventFilter(self)
        self.handle.hide()
        self.cell_ratio = 0.75  # a cell's height / width on the worker's screen
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # The gesture under way: (what, panel id, start point (global), tile's start rect).
        self._press: tuple[str, str, QPoint, QRect] | None = None
        self._dragging = False

    def set_doc(self, doc: dict[str, Any], current: str | None) -> None:
        self.doc, self.current = doc, current
        self._press, self._dragging = None, False
        for t in self.tiles.values():
            t.hide()  # at once: deleteLater waits for the event loop
            t.deleteLater()
        self.tiles = {}
        for p in doc["panels"]:
            tile = QPushButton(self)
            tile.setObjectName("LayoutEditorTile")
            tile.setCheckable(True)
            tile.setChecked(p["id"] == current)
            tile.setProperty("fullText", f"{_panel_title(p['type'])}\n{p['id']}")
            tile.setProperty("panelId", p["id"])
            tile.setToolTip(tile.property("fullText"))
            tile.clicked.connect(lambda _=False, pid=p["id"]: self.selected.emit(pid))
            tile.installEventFilter(self)
            tile.show()
            self.tiles[p["id"]] = tile
        self.handle.setAccessibleName(translate("LayoutEditor", "Drag to resize"))
        self._place()

    def cell_size(self) -> tuple[float, float]:
        return (self.width() / max(1, self.doc.get("columns", 12)),
                self.height() / max(1, self.doc.get("rows", 8)))

    def tile_rect(self, panel: dict[str, Any]) -> QRect:
        cw, rh = self.cell_size()
        x, y = round(panel["col"] * cw), round(panel["row"] * rh)
        return QRect(x + 2, y + 2, round(panel["colspan"] * cw) - 4,
                     round(panel["rowspan"] * rh) - 4)

    def sizeHint(self) -> QSize:
        # Room for "Station" / "robot1" in a two-column tile; the minimum stays small.
        w = 56 * int(self.doc.get("columns", 12))
        return QSize(w, self.heightForWidth(w))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        cols, rows = int(self.doc.get("columns", 12)), int(self.doc.get("rows", 8))
        return max(self.minimumHeight(), round(width / max(1, cols) * self.cell_ratio * rows))

    def _place(self) -> None:
        for p in self.doc.get("panels", []):
            tile = self.tiles.get(p["id"])
            if tile is not None:
                rect = self.tile_rect(p)
                tile.setGeometry(rect)
                # A narrow tile cut "Station" to "tatio" on both sides: elide each line.
                fm = tile.fontMetrics()
                width = max(8, rect.width() - 12)
                tile.setText("\n".join(
                    fm.elidedText(line, Qt.TextElideMode.ElideRight, width)
                    for line in str(tile.property("fullText")).split("\n")))
        self._place_handle()

    def _place_handle(self) -> None:
        tile = self.tiles.get(self.current or "")
        self.handle.setVisible(tile is not None)
        if tile is not None:
            self._place_handle_at(tile)

    def resizeEvent(self, event: Any) -> None:
        self._place()
        super().resizeEvent(event)

    # --- drag to move and resize ---------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        t = event.type()
        if t == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() != Qt.MouseButton.LeftButton:
                return False
            if obj is self.handle and self.current in self.tiles:
                tile = self.tiles[self.current]
                self._press = ("resize", self.current, event.globalPosition().toPoint(),
                               tile.geometry())
            elif isinstance(obj, QPushButton) and obj.property("panelId"):
                self._press = ("move", str(obj.property("panelId")),
                               event.globalPosition().toPoint(), obj.geometry())
            self._dragging = False
            return False  # the button still shows it is pressed
        if t == QEvent.Type.MouseMove and isinstance(event, QMouseEvent) and self._press:
            what, pid, start, rect = self._press
            d = event.globalPosition().toPoint() - start
            if not self._dragging and d.manhattanLength() < QApplication.startDragDistance():
                return False
            self._dragging = True
            tile = self.tiles.get(pid)
            if tile is None:
                return True
            if what == "move":
                tile.move(rect.topLeft() + d)
                tile.raise_()
            else:
                tile.resize(max(TOUCH_PX, rect.width() + d.x()),
                            max(TOUCH_PX, rect.height() + d.y()))
            if pid == self.current:
                self._place_handle_at(tile)
            return True
        if t == QEvent.Type.MouseButtonRelease and self._press is not None:
            what, pid, start, _rect = self._press
            dragged, self._press, self._dragging = self._dragging, None, False
            if not dragged or not isinstance(event, QMouseEvent):
                return False  # a tap: the tile's clicked selects it
            if isinstance(obj, QPushButton):
                obj.setDown(False)
            d = event.globalPosition().toPoint() - start
            cw, rh = self.cell_size()
            dc, dr = round(d.x() / cw), round(d.y() / rh)
            if (dc, dr) == (0, 0):
                self._place()  # not a whole cell: back in place
            else:
                (self.dragged if what == "move" else self.resized).emit(pid, dc, dr)
            return True  # no click after a drag
        return False

    def _place_handle_at(self, tile: QPushButton) -> None:
        g, h = tile.geometry(), self.handle.size()  # the theme may make it taller
        self.handle.move(g.right() - h.width() + 1, g.bottom() - h.height() + 1)
        self.handle.raise_()


# A validator problem about one setting: "panels[3] (id 'trend1').settings.tags: why".
_SETTING_PROBLEM = re.compile(r".*\(id '(?P<id>[^']+)'\)\.settings\.(?P<key>\w+): (?P<why>.*)")


def _message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def _panel_title(type_name: str) -> str:
    spec = panel_catalogue.spec(type_name)
    return translate(TITLE_CONTEXT, spec.title) if spec else type_name


class LayoutEditor(QWidget):
    saved = Signal(dict)  # the stored document (with its new revision)
    changed = Signal(dict)  # the working copy after every edit (for a live preview)
    _saveDone = Signal(object)  # hop from the store's thread to the GUI

    def __init__(self, doc: dict[str, Any], *, role: Role | str | None,
                 on_save: SaveFn | None = None,
                 catalogue: dict[str, PanelSpec] | None = None,
                 stations: Mapping[str, str] | Sequence[str] | None = None,
                 tags: Mapping[str, str] | Sequence[str] | None = None,
                 area_px: tuple[int, int] = (1280, 640),
                 preview: bool = False,
                 parent: QWidget | None = None) -> None:
        """`stations`: id -> name (or ids); `tags`: path -> "description, unit" (or
        paths); `area_px`: the layout area a new panel's minimum size is measured in;
        `preview`: apply theme and text size to the application while editing."""
        super().__init__(parent)
        self.setObjectName("LayoutEditor")
        self.role = Role(role) if role else None
        self.on_save = on_save
        self.catalogue = (catalogue if catalogue is not None
                          else {p.name: p for p in panel_catalogue.PANELS})
        self.stations = stations or []
        self.tags = tags or []
        self.area_px = area_px
        self.preview = preview
        # What end_preview puts back: the theme on screen when editing began (then each save's).
        self._restore = (str(theme.current_theme()), theme.font_scale())
        self.base = copy.deepcopy(doc)  # what Revert goes back to
        self.doc = copy.deepcopy(doc)
        self.current: str | None = None
        self._saveDone.connect(self._save_finished)

        self.canvas = GridCanvas()
        # The miniature keeps the screen's cell shape, so it is as tall as the layout
        # (a grown grid grows downward) and a new panel at the bottom stays in view.
        self.canvas.cell_ratio = (area_px[1] / max(1, int(doc.get("rows", 8)))) / (
            area_px[0] / max(1, int(doc.get("columns", 12))))
        self.canvas.selected.connect(self.select)
        self.canvas.dragged.connect(self._dragged)
        self.canvas.resized.connect(self._drag_resized)

        # --- catalogue ---
        self.add_type = QComboBox()
        self.add_type.setMinimumHeight(TOUCH_PX)
        self.add_button = _button("", self._add_clicked, "LayoutEditorAdd")

        # --- the selected panel ---
        self.selected_label = QLabel()
        self.move_buttons = {
            "left": _button("←", lambda: self.move(-1, 0)),
            "right": _button("→", lambda: self.move(1, 0)),
            "up": _button("↑", lambda: self.move(0, -1)),
            "down": _button("↓", lambda: self.move(0, 1)),
        }
        self.size_buttons = {
            "narrower": _button("◂▸ −", lambda: self.resize_panel(-1, 0)),
            "wider": _button("◂▸ +", lambda: self.resize_panel(1, 0)),
            "shorter": _button("▴▾ −", lambda: self.resize_panel(0, -1)),
            "taller": _button("▴▾ +", lambda: self.resize_panel(0, 1)),
        }
        self.remove_button = _button("", self.remove_selected, "LayoutEditorRemove")
        self.add_message = _message_label("LayoutEditorAddMessage")
        self.edit_message = _message_label("LayoutEditorEditMessage")
        arrows = QGridLayout()
        arrows.addWidget(self.move_buttons["up"], 0, 1)
        arrows.addWidget(self.move_buttons["left"], 1, 0)
        arrows.addWidget(self.move_buttons["right"], 1, 2)
        arrows.addWidget(self.move_buttons["down"], 2, 1)
        sizes = QGridLayout()
        sizes.addWidget(self.size_buttons["narrower"], 0, 0)
        sizes.addWidget(self.size_buttons["wider"], 0, 1)
        sizes.addWidget(self.size_buttons["shorter"], 1, 0)
        sizes.addWidget(self.size_buttons["taller"], 1, 1)

        self.settings_box = QFrame()
        self.settings_form = QFormLayout(self.settings_box)
        # Labels above their fields: the tag picker gets the column's whole width.
        self.settings_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.setting_fields: dict[str, QWidget] = {}
        self.field_messages: dict[str, QLabel] = {}  # beside each field: what is wrong

        # --- preferences ---
        self.theme = QComboBox()
        self.font_scale = QComboBox()
        self.language = QComboBox()
        for combo in (self.theme, self.font_scale, self.language):
            combo.setMinimumHeight(TOUCH_PX)
        wheel_guard.protect(self.add_type, self.theme, self.font_scale, self.language)
        for fs in FONT_SCALES:
            self.font_scale.addItem(f"{round(fs * 100)} %", fs)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.theme.currentIndexChanged.connect(lambda _i: self._set_pref(
            "theme", self.theme.currentData()))
        self.font_scale.currentIndexChanged.connect(lambda _i: self._set_pref(
            "font_scale", self.font_scale.currentData()))
        self.language.currentIndexChanged.connect(lambda _i: self._set_pref(
            "language", self.language.currentData()))
        self.prefs = QFormLayout()
        self.theme_label, self.font_label, self.language_label = QLabel(), QLabel(), QLabel()
        self.prefs.addRow(self.theme_label, self.theme)
        self.prefs.addRow(self.font_label, self.font_scale)
        self.prefs.addRow(self.language_label, self.language)

        self.save_button = _button("", self.save, "LayoutEditorSave")
        self.revert_button = _button("", self.revert, "LayoutEditorRevert")
        self.message = _message_label("LayoutEditorMessage")  # save, revert, sign in

        side = QVBoxLayout()
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_type, 1)
        add_row.addWidget(self.add_button)
        side.addLayout(add_row)
        side.addWidget(self.add_message)
        side.addWidget(self.selected_label)
        edit_row = QHBoxLayout()
        edit_row.addLayout(arrows)
        edit_row.addLayout(sizes)
        side.addLayout(edit_row)
        side.addWidget(self.edit_message)
        side.addWidget(self.remove_button)
        side.addWidget(self.settings_box)
        side.addLayout(self.prefs)
        side.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)
        side.addLayout(actions)
        side.addWidget(self.message)

        # The controls keep their natural width (their labels were clipped when the
        # sheet was narrow); the canvas takes the rest.
        side_box = QWidget()
        side_box.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        side_box.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        box = QHBoxLayout(self)
        box.addWidget(self.canvas, 3, Qt.AlignmentFlag.AlignTop)
        box.addWidget(side_box, 0)

        self._retranslate()
        self._sync()
        if not allowed(self.role, Action.LAYOUT_EDIT):
            self.setEnabled(False)
            self.message.setEnabled(True)
            self.show_message(translate("LayoutEditor", "Sign in to edit your layout."), error=True)

    # --- model edits ---------------------------------------------------------------------

    def _panel(self, pid: str | None) -> dict[str, Any] | None:
        return next((p for p in self.doc["panels"] if p["id"] == pid), None)

    def select(self, pid: str | None) -> None:
        self.current = pid if self._panel(pid) is not None else None
        self._sync()

    def move(self, dcol: int, drow: int) -> bool:
        if self.current is None or self._panel(self.current) is None:
            return False
        if not grid.move(self.doc, self.current, dcol, drow):
            self.show_message(translate(
                "LayoutEditor", "No room there: move or shrink the panel in the way."),
                error=True, near=self.edit_message)
            return False
        self._edited()
        return True

    def resize_panel(self, dcols: int, drows: int) -> bool:
        if self.current is None or self._panel(self.current) is None:
            return False
        if not grid.resize(self.doc, self.current, dcols, drows):
            self.show_message(translate(
                "LayoutEditor", "The panel cannot grow there: another panel or the edge of "
                "the screen is in the way."), error=True, near=self.edit_message)
            return False
        self._edited()
        return True

    def _dragged(self, pid: str, dcol: int, drow: int) -> None:
        self.current = pid
        if not self.move(dcol, drow):
            self._sync()  # the tile goes back to where the panel is

    def _drag_resized(self, pid: str, dcols: int, drows: int) -> None:
        self.current = pid
        p = self._panel(pid)
        if p is not None:  # never below one cell
            dcols = max(dcols, 1 - p["colspan"])
            drows = max(drows, 1 - p["rowspan"])
        if not self.resize_panel(dcols, drows):
            self._sync()

    def remove_selected(self) -> None:
        if self.current is None:
            return
        self.doc["panels"] = [p for p in self.doc["panels"] if p["id"] != self.current]
        self.current = None
        self._edited()

    def add_panel(self, type_name: str) -> str | None:
        """Place a panel of `type_name` at its minimum size in the first free place, or
        below the others with the grid grown; select it. Its id, or None."""
        spec = self.catalogue.get(type_name)
        if spec is None:
            return None
        settings = spec.default_settings()
        cs, rs = self.new_span(type_name, settings)
        rows_before = self.doc["rows"]
        at = grid.make_room(self.doc, cs, rs, model.MAX_ROWS)
        if at is None:
            self.show_message(translate(
                "LayoutEditor", "No room left, even below: make a panel smaller or remove "
                "one first."), error=True, near=self.add_message)
            return None
        pid = self._new_id(type_name)
        self.doc["panels"].append({
            "id": pid, "type": type_name, "col": at.col, "row": at.row,
            "colspan": at.colspan, "rowspan": at.rowspan, "settings": settings})
        self.current = pid
        self._edited()
        self.show_message(
            translate("LayoutEditor", "Added below the other panels; the layout grew.")
            if self.doc["rows"] > rows_before
            else translate("LayoutEditor", "Added in free space and selected."),
            near=self.add_message)
        return pid

    def new_span(self, type_name: str, settings: dict[str, Any]) -> tuple[int, int]:
        """The cells a new panel needs for its spec's minimum size on this screen."""
        cols = self.doc["columns"]
        w, h = self.area_px
        base_rows = self.base.get("rows", self.doc["rows"])  # the saved grid's cell height
        return model.min_span({"type": type_name, "settings": settings}, w / cols,
                              h / max(1, base_rows), cols,
                              float(self.doc.get("font_scale", 1.0)))

    def _new_id(self, type_name: str) -> str:
        taken = {p["id"] for p in self.doc["panels"]}
        n = 1
        while f"{type_name}{n}" in taken:
            n += 1
        return f"{type_name}{n}"

    def set_setting(self, key: str, value: Any) -> None:
        p = self._panel(self.current)
        if p is None:
            return
        if value in (None, "", []):
            p["settings"].pop(key, None)
        else:
            p["settings"][key] = value
        self._edited(rebuild_settings=False)

    def _set_pref(self, key: str, value: Any) -> None:
        if value is not None and self.doc.get(key) != value:
            self.doc[key] = value
            self._edited(rebuild_settings=False)
            if key in ("theme", "font_scale"):
                self._preview()

    # --- preview of theme and text size ------------------------------------------------

    def _preview(self) -> None:
        app = QApplication.instance()
        if self.preview and isinstance(app, QApplication):
            theme.apply_theme(app, self.doc.get("theme", "light"),
                              float(self.doc.get("font_scale", 1.0)))

    def end_preview(self) -> None:
        """Put back the theme and text size of the saved layout (editing ends: cancel,
        or close after a save)."""
        app = QApplication.instance()
        if self.preview and isinstance(app, QApplication):
            theme.apply_theme(app, *self._restore)

    def _add_clicked(self) -> None:
        type_name = self.add_type.currentData()
        if type_name:
            self.add_panel(type_name)

    def _edited(self, rebuild_settings: bool = True) -> None:
        for label in (self.message, self.add_message, self.edit_message,
                      *self.field_messages.values()):
            self.show_message("", near=label)
        self._sync(rebuild_settings)
        self.changed.emit(copy.deepcopy(self.doc))

    # --- save / revert ---------------------------------------------------------------------

    def save(self) -> bool:
        found = model.problems(self.doc)
        if found:
            self.show_message(translate("LayoutEditor", "Cannot save: {problem}").format(
                problem="; ".join(found[:3])), error=True)
            self._show_field_problem(found)
            return False
        if self.on_save is None:
            self._save_finished(copy.deepcopy(self.doc))
            return True
        self.save_button.setEnabled(False)
        self.show_message(translate("LayoutEditor", "Saving…"))
        try:
            result = self.on_save(copy.deepcopy(self.doc))
        except Exception as e:
            log.exception("layout save failed")
            self._save_finished(e)
            return False
        if isinstance(result, concurrent.futures.Future):
            result.add_done_callback(lambda f: self._saveDone.emit(
                f.exception() if f.exception() else f.result()))
        else:
            self._save_finished(result)
        return True

    def _save_finished(self, result: object) -> None:
        self.save_button.setEnabled(True)
        if isinstance(result, BaseException):
            self.show_message(translate("LayoutEditor", "Not saved: {error}").format(
                error=result), error=True)
            return
        assert isinstance(result, dict)
        self.base = copy.deepcopy(result)
        self.doc = copy.deepcopy(result)
        self._restore = (str(result.get("theme", "light")),
                         float(result.get("font_scale", 1.0)))
        self._sync()
        self.show_message(translate("LayoutEditor", "Saved (revision {n}).").format(
            n=result.get("revision", "?")))
        self.saved.emit(copy.deepcopy(result))

    def revert(self) -> None:
        self.doc = copy.deepcopy(self.base)
        if self._panel(self.current) is None:
            self.current = None
        self._edited()
        self._preview()
        self.show_message(translate("LayoutEditor", "Changes undone."))

    def show_message(self, text: str, *, error: bool = False,
                     near: QLabel | None = None) -> None:
        """Show `text` in `near` (the label beside the control it is about; default
        the one beside Save)."""
        label = near if near is not None else self.message
        label.setText(text)
        label.setVisible(bool(text))
        label.setProperty("severity", "alarm" if error else "")
        label.style().unpolish(label)
        label.style().polish(label)

    # --- view --------------------------------------------------------------------------------

    def _sync(self, rebuild_settings: bool = True) -> None:
        rows_changed = self.canvas.doc.get("rows") != self.doc.get("rows")
        self.canvas.set_doc(self.doc, self.current)
        if rows_changed:
            self.canvas.updateGeometry()
        p = self._panel(self.current)
        has = p is not None
        for b in (*self.move_buttons.values(), *self.size_buttons.values(),
                  self.remove_button):
            b.setEnabled(has)
        self.selected_label.setText(
            translate("LayoutEditor", "Selected: {title} “{id}”").format(
                title=_panel_title(p["type"]), id=p["id"])
            if p else translate("LayoutEditor", "Tap a panel to change it."))
        for combo, key in ((self.theme, "theme"), (self.font_scale, "font_scale"),
                           (self.language, "language")):
            i = combo.findData(self.doc.get(key))
            if i >= 0 and i != combo.currentIndex():
                combo.blockSignals(True)
                combo.setCurrentIndex(i)
                combo.blockSignals(False)
        if rebuild_settings:
            self._build_settings(p)

    def _build_settings(self, p: dict[str, Any] | None) -> None:
        while self.settings_form.rowCount():
            self.settings_form.removeRow(0)
        self.setting_fields = {}
        self.field_messages = {}
        if p is None:
            return
        s = p["settings"]
        spec = panel_catalogue.spec(p["type"])
        if spec is not None:
            for f in spec.settings:
                self._add_field(f.key, translate(LABEL_CONTEXT, f.label),
                                self._field_editor(f, s.get(f.key, f.default)))
        elif s:  # a type this terminal has no spec for: its settings as JSON
            field = QLineEdit(json.dumps(s, ensure_ascii=False))
            field.editingFinished.connect(lambda f=field: self._json_settings(f.text()))
            self._add_field("settings", translate("LayoutEditor", "Settings (JSON)"), field)

    def _field_editor(self, f: SettingField, value: Any) -> QWidget:
        """The editor of one setting, by its kind; every edit goes to set_setting."""
        key = f.key
        if f.kind is FieldKind.STATION:
            stations = StationPicker(self.stations, str(value or ""))
            stations.changed.connect(lambda sid: self.set_setting(key, sid))
            return stations
        if f.kind in (FieldKind.TAG, FieldKind.TAGS):
            many = f.kind is FieldKind.TAGS
            chosen = list(value or []) if many else [str(value)] if value else []
            picker = TagPicker(self.tags, chosen, multiple=many)
            picker.changed.connect(lambda paths: self.set_setting(
                key, list(paths) if many else (paths[0] if paths else "")))
            return picker
        if f.kind is FieldKind.NUMBER:
            scale = f.editor_scale or 1.0
            lo = -1e9 if f.minimum is None else f.minimum / scale
            hi = 1e9 if f.maximum is None else f.maximum / scale
            suffix = f" {f.editor_unit}" if f.editor_unit else ""
            if f.integer or scale != 1.0:
                spin: QSpinBox | QDoubleSpinBox = QSpinBox()
                spin.setRange(math.ceil(lo), math.floor(hi))
                spin.setValue(round(float(value or 0) / scale))
                spin.valueChanged.connect(lambda v: self.set_setting(key, round(v * scale)))
            else:
                spin = QDoubleSpinBox()
                spin.setRange(lo, hi)
                spin.setValue(float(value or 0))
                spin.valueChanged.connect(lambda v: self.set_setting(key, float(v)))
            spin.setSuffix(suffix)
            wheel_guard.protect(spin)
            return spin
        if f.kind is FieldKind.CHOICE:
            combo = QComboBox()
            for choice in f.choices:
                combo.addItem(translate(LABEL_CONTEXT, choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(
                lambda _i, c=combo: self.set_setting(key, c.currentData()))
            wheel_guard.protect(combo)
            return combo
        if f.kind is FieldKind.BOOL:
            box = QCheckBox()
            box.setChecked(bool(value) if value is not None else True)
            box.toggled.connect(lambda on: self.set_setting(key, bool(on)))
            return box
        line = QLineEdit(str(value or ""))
        line.textEdited.connect(lambda t: self.set_setting(key, t))
        return line

    def _add_field(self, key: str, label: str, field: QWidget) -> None:
        if field.minimumSizeHint().height() < TOUCH_PX:  # a picker is taller by itself
            field.setMinimumHeight(TOUCH_PX)
        self.setting_fields[key] = field
        self.settings_form.addRow(label, field)
        note = _message_label("LayoutEditorFieldMessage")
        self.field_messages[key] = note
        self.settings_form.addRow(note)

    def _show_field_problem(self, found: list[str]) -> None:
        """Select the first panel whose setting is wrong and say so beside that field."""
        for problem in found:
            m = _SETTING_PROBLEM.match(problem)
            if m is None or self._panel(m["id"]) is None:
                continue
            if m["id"] != self.current:
                self.select(m["id"])
            note = self.field_messages.get(m["key"])
            if note is None:
                return
            spec = panel_catalogue.spec(self._panel(m["id"])["type"])  # type: ignore[index]
            f = spec.field(m["key"]) if spec else None
            needed = {FieldKind.TAGS: translate("LayoutEditor", "Tick at least one signal."),
                      FieldKind.TAG: translate("LayoutEditor", "Tick a signal."),
                      FieldKind.STATION: translate("LayoutEditor", "Tap a station.")}
            text = (needed.get(f.kind) if f is not None and "required" in m["why"] else None)
            self.show_message(text or translate("LayoutEditor", "Needed before saving: "
                                                "{detail}").format(detail=m["why"]),
                              error=True, near=note)
            return

    def _json_settings(self, text: str) -> None:
        p = self._panel(self.current)
        try:
            value = json.loads(text)
            if not isinstance(value, dict):
                raise ValueError("not an object")
        except ValueError as e:
            self.show_message(translate(
                "LayoutEditor", "Settings must be a JSON object: {error}").format(error=e),
                error=True)
            return
        if p is not None:
            p["settings"] = value
            self._edited(rebuild_settings=False)

    def _retranslate(self) -> None:
        self.add_button.setText(translate("LayoutEditor", "Add panel"))
        self.remove_button.setText(translate("LayoutEditor", "Remove panel"))
        self.save_button.setText(translate("LayoutEditor", "Save"))
        self.revert_button.setText(translate("LayoutEditor", "Revert"))
        self.theme_label.setText(translate("LayoutEditor", "Theme"))
        self.font_label.setText(translate("LayoutEditor", "Text size"))
        self.language_label.setText(translate("LayoutEditor", "Language"))
        names = {"light": translate("LayoutEditor", "Light"),
                 "dark": translate("LayoutEditor", "Dark (night shift)"),
                 "contrast": translate("LayoutEditor", "High contrast")}
        self.theme.blockSignals(True)
        self.theme.clear()
        for key in model.THEMES:
            self.theme.addItem(names[key], key)
        self.theme.blockSignals(False)
        self.add_type.clear()
        for name, spec in sorted(self.catalogue.items()):
            if spec.may_place(self.role):
                self.add_type.addItem(translate(TITLE_CONTEXT, spec.title), name)
        self.move_buttons["left"].setAccessibleName(translate("LayoutEditor", "Move left"))
        self.move_buttons["right"].setAccessibleName(translate("LayoutEditor", "Move right"))
        self.move_buttons["up"].setAccessibleName(translate("LayoutEditor", "Move up"))
        self.move_buttons["down"].setAccessibleName(translate("LayoutEditor", "Move down"))
        self.size_buttons["narrower"].setAccessibleName(translate("LayoutEditor", "Narrower"))
        self.size_buttons["wider"].setAccessibleName(translate("LayoutEditor", "Wider"))
        self.size_buttons["shorter"].setAccessibleName(translate("LayoutEditor", "Shorter"))
        self.size_buttons["taller"].setAccessibleName(translate("LayoutEditor", "Taller"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._sync()
        super().changeEvent(event)
