"""Edit mode by touch: add, move, resize, remove a panel, change settings, save, revert.

Touch means mouseClick only: no key presses, no setters on the widgets."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from layouts import grid, model
from layouts.store import LayoutStore
from widgets.layout_editor import TOUCH_PX, LayoutEditor
from widgets.layout_host import load_panel_modules

# A fixed document, so the touch choreography below does not depend on shipped defaults.
EDITOR_LAYOUT = json.loads((Path(__file__).parent / "editor_layout.json").read_text())
LINE = "demo/body/line1"
TAGS = {f"{LINE}/press/press1/oil_temp": "oil temperature, °C",
        f"{LINE}/press/press1/tonnage": "peak force, t",
        f"{LINE}/robot/robot1/joint_temp": "joint temperature, °C"}


def tap(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tap_row(qtbot, view, item) -> None:
    """Tap a tree or list row where it is on screen (it must be visible)."""
    rect = view.visualItemRect(item)
    assert rect.isValid() and view.viewport().rect().contains(rect.center()), item.text(0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def tree_row(picker, text):
    found = picker.tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert len(found) == 1, text
    return found[0]


def editor_for(qtbot, lstore, role="operator") -> tuple[LayoutEditor, LayoutStore]:
    load_panel_modules()
    ls = LayoutStore(lstore, topic_root="demo")
    doc = model.new_layout("anna", EDITOR_LAYOUT)
    ed = LayoutEditor(doc, role=role, on_save=lambda d: ls.save("anna", d),
                      stations={"press1": "Press 1", "robot1": "Robot 1", "robot2": "Robot 2"},
                      tags=TAGS, area_px=(1280, 640))
    qtbot.addWidget(ed)
    ed.resize(1280, 800)
    ed.show()
    qtbot.waitExposed(ed)
    return ed, ls


def test_touch_targets_are_big_enough(qtbot, lstore) -> None:
    ed, _ = editor_for(qtbot, lstore)
    buttons = [*ed.move_buttons.values(), *ed.size_buttons.values(), ed.remove_button,
               ed.add_button, ed.save_button, ed.revert_button]
    for b in buttons:
        assert b.width() >= TOUCH_PX and b.height() >= TOUCH_PX, b.text()


def test_remove_add_move_resize_then_save(qtbot, lstore) -> None:
    ed, ls = editor_for(qtbot, lstore)
    tap(qtbot, ed.canvas.tiles["alarms"])  # select by tapping its tile
    assert ed.current == "alarms"
    tap(qtbot, ed.remove_button)
    assert "alarms" not in ed.canvas.tiles

    ed.add_type.setCurrentIndex(ed.add_type.findData("trend"))
    tap(qtbot, ed.add_button)
    assert ed.current == "trend1" and ed.canvas.tiles["trend1"].isChecked()  # selected
    added = ed._panel("trend1")
    placement = [m for m in model.problems(ed.doc) if "overlaps" in m or "reach past" in m]
    # At its spec's minimum (560 x 240 px in 107 x 80 px cells), in the free space.
    assert (added["col"], added["row"], added["colspan"], added["rowspan"]) == (6, 4, 6, 3)
    assert placement == [] and ed.doc["rows"] == 8
    assert ed.add_message.isVisible() and "free space" in ed.add_message.text()

    tap(qtbot, ed.move_buttons["down"])
    tap(qtbot, ed.size_buttons["shorter"])
    tap(qtbot, ed.move_buttons["down"])
    tap(qtbot, ed.size_buttons["narrower"])
    tap(qtbot, ed.move_buttons["right"])
    tap(qtbot, ed.move_buttons["right"])  # at the edge: refused, said beside the arrows
    assert "No room there" in ed.edit_message.text() and ed.edit_message.isVisible()
    moved = ed._panel("trend1")
    assert (moved["col"], moved["row"], moved["colspan"], moved["rowspan"]) == (7, 6, 5, 2)

    assert ed.save() is False  # a trend without tags cannot be saved
    assert "settings.tags: required" in ed.message.text()
    note = ed.field_messages["tags"]  # ... and said beside the tag picker
    assert note.isVisible() and note.text() == "Tick at least one signal."
    field = ed.setting_fields["tags"]

    def below_the_picker() -> bool:
        gap = note.mapTo(ed, QPoint(0, 0)).y() - field.mapTo(ed, QPoint(0, field.height())).y()
        return 0 <= gap < 30

    qtbot.waitUntil(below_the_picker, timeout=2000)
    # Its tags by touch alone: open the press's branch, tap two signals, change one's mind.
    picker = ed.setting_fields["tags"]
    assert tree_row(picker, LINE).isExpanded()  # the plant's single chain is one row
    tap_row(qtbot, picker.tree, tree_row(picker, "press/press1"))
    tap_row(qtbot, picker.tree, tree_row(picker, "oil_temp"))
    tap_row(qtbot, picker.tree, tree_row(picker, "tonnage"))
    tap_row(qtbot, picker.tree, tree_row(picker, "robot/robot1"))
    tap_row(qtbot, picker.tree, tree_row(picker, "joint_temp"))
    tap_row(qtbot, picker.tree, tree_row(picker, "tonnage"))  # unchecked again
    assert tree_row(picker, "oil_temp").checkState(0) == Qt.CheckState.Checked
    assert tree_row(picker, "tonnage").checkState(0) == Qt.CheckState.Unchecked
    assert all(picker.tree.visualItemRect(tree_row(picker, t)).height() >= TOUCH_PX
               for t in ("oil_temp", "joint_temp", LINE))
    assert not note.isVisible()  # gone once a signal is ticked
    window = ed.setting_fields["window_s"]
    window.setValue(30)
    assert moved["settings"] == {"tags": [f"{LINE}/press/press1/oil_temp",
                                          f"{LINE}/robot/robot1/joint_temp"],
                                 "window_s": 1800}
    ed.theme.setCurrentIndex(ed.theme.findData("dark"))
    ed.font_scale.setCurrentIndex(ed.font_scale.findData(1.5))
    ed.language.setCurrentIndex(ed.language.findData("de"))

    with qtbot.waitSignal(ed.saved, timeout=5000) as sig:
        tap(qtbot, ed.save_button)
    saved = sig.args[0]
    assert saved["revision"] == 1 and ed.message.text() == "Saved (revision 1)."
    assert (saved["theme"], saved["font_scale"], saved["language"]) == ("dark", 1.5, "de")
    assert ls.get("anna") == saved
    assert [p["id"] for p in saved["panels"]][-1] == "trend1"


def test_revert_goes_back_to_the_last_save(qtbot, lstore) -> None:
    ed, _ = editor_for(qtbot, lstore)
    before = EDITOR_LAYOUT["panels"]
    ed.select("press")
    tap(qtbot, ed.remove_button)
    ed.select("robot1")
    tap(qtbot, ed.size_buttons["shorter"])
    assert len(ed.doc["panels"]) == len(before) - 1
    tap(qtbot, ed.revert_button)
    assert ed.doc["panels"] == before and set(ed.canvas.tiles) == {p["id"] for p in before}


def test_station_setting_and_full_grid(qtbot, lstore) -> None:
    ed, _ = editor_for(qtbot, lstore)
    ed.select("robot1")
    stations = ed.setting_fields["station"]
    assert stations.value() == "robot1"
    tap_row(qtbot, stations, stations.item(2))  # "Robot 2", a 48 px row
    assert stations.visualItemRect(stations.item(2)).height() >= TOUCH_PX
    assert ed._panel("robot1")["settings"]["station"] == "robot2"


def test_adding_a_trend_to_a_full_layout_makes_room_and_selects_it(qtbot, lstore) -> None:
    ed, _ = editor_for(qtbot, lstore)
    assert grid.find_free(ed.doc) is None  # the operator grid is full
    ed.add_type.setCurrentIndex(ed.add_type.findData("trend"))
    tap(qtbot, ed.add_button)
    added = ed._panel("trend1")
    assert ed.current == "trend1" and ed.canvas.tiles["trend1"].isChecked()
    assert (added["col"], added["row"], added["colspan"], added["rowspan"]) == (0, 8, 6, 3)
    assert ed.doc["rows"] == 11 and model.problems(ed.doc) == [
        "panels[8] (id 'trend1').settings.tags: required, a non-empty list of tag paths; got []"]
    # The message sits beside the Add button, not below the form.
    assert ed.add_message.isVisible() and "layout grew" in ed.add_message.text()
    assert abs(ed.add_message.y() - ed.add_button.y()) < 120
    assert ed.message.text() == ""


def test_nobody_signed_in_cannot_edit(qtbot, lstore) -> None:
    ed, _ = editor_for(qtbot, lstore, role=None)
    assert not ed.save_button.isEnabled() and not ed.add_button.isEnabled()
    assert ed.message.text() == "Sign in to edit your layout."


def drag(qtbot, widget, dx: int, dy: int) -> None:
    """Press, move in steps, release: a finger dragging `widget` by (dx, dy) px."""
    start = widget.rect().center()
    origin = widget.mapToGlobal(start)
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 5):
        # The widget follows the finger, so aim at the global point each time.
        at = origin + QPoint(dx * i // 4, dy * i // 4)
        qtbot.mouseMove(widget, widget.mapFromGlobal(at))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=widget.mapFromGlobal(
        origin + QPoint(dx, dy)))


def test_drag_moves_and_the_handle_resizes(qtbot, lstore) -> None:
    ed, _ = editor_for(qtbot, lstore)
    tap(qtbot, ed.canvas.tiles["alarms"])
    tap(qtbot, ed.remove_button)
    cw, rh = ed.canvas.cell_size()
    drag(qtbot, ed.canvas.tiles["trend"], round(3 * cw), round(0.6 * rh))  # 3 right, 1 down
    p = ed._panel("trend")
    assert ed.current == "trend" and (p["col"], p["row"]) == (0, 4)  # 4 rows: no room below
    assert "No room there" in ed.edit_message.text()
    drag(qtbot, ed.canvas.tiles["trend"], round(2 * cw), 0)
    assert (p["col"], p["row"]) == (2, 4)
    handle = ed.canvas.handle
    assert handle.isVisible() and handle.width() >= TOUCH_PX and handle.height() >= TOUCH_PX
    assert ed.canvas.tiles["trend"].geometry().contains(handle.geometry())
    drag(qtbot, handle, round(3 * cw), round(-1 * rh))  # 3 wider, 1 shorter
    assert (p["colspan"], p["rowspan"]) == (9, 3)
    drag(qtbot, handle, round(-20 * cw), 0)  # never below one cell
    assert p["colspan"] == 1


def test_a_save_refused_for_another_panel_selects_it(qtbot, lstore) -> None:
    ed, _ = editor_for(qtbot, lstore)
    ed.select("trend")
    ed.set_setting("tags", [])  # unticked everything
    ed.select("press")
    tap(qtbot, ed.save_button)
    assert ed.current == "trend"
    assert ed.field_messages["tags"].text() == "Tick at least one signal."
