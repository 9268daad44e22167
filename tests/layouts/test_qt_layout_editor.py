"""Edit mode by touch: add, move, resize, remove a panel, change settings, save, revert."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from layouts import model
from layouts.store import LayoutStore
from widgets.layout_editor import TOUCH_PX, LayoutEditor
from widgets.layout_host import load_panel_modules

# A fixed document, so the touch choreography below does not depend on shipped defaults.
EDITOR_LAYOUT = json.loads((Path(__file__).parent / "editor_layout.json").read_text())


def tap(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def editor_for(qtbot, lstore, role="operator") -> tuple[LayoutEditor, LayoutStore]:
    load_panel_modules()
    ls = LayoutStore(lstore, topic_root="demo")
    doc = model.new_layout("anna", EDITOR_LAYOUT)
    ed = LayoutEditor(doc, role=role, on_save=lambda d: ls.save("anna", d),
                      stations=["press1", "robot1"])
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
    assert ed.current == "trend1"
    added = ed._panel("trend1")
    placement = [m for m in model.problems(ed.doc) if "overlaps" in m or "reach past" in m]
    assert added["colspan"] >= 1 and placement == []  # placed in free space

    tap(qtbot, ed.move_buttons["down"])
    tap(qtbot, ed.move_buttons["right"])
    tap(qtbot, ed.move_buttons["right"])
    tap(qtbot, ed.size_buttons["shorter"])
    tap(qtbot, ed.move_buttons["right"])  # at the edge: refused with a message
    assert "No room there" in ed.message.text()
    moved = ed._panel("trend1")
    assert (moved["col"], moved["row"], moved["colspan"], moved["rowspan"]) == (8, 5, 4, 2)

    # Which tags the new trend shows, and its window.
    assert ed.save() is False  # a trend without tags cannot be saved
    assert "settings.tags: required" in ed.message.text()
    tags = ed.setting_fields["tags"]
    qtbot.keyClicks(tags, "demo/body/line1/press/press1/oil_temp, demo/a/b")
    ed.setting_fields["window_s"].setValue(30)
    assert moved["settings"] == {"tags": ["demo/body/line1/press/press1/oil_temp",
                                          "demo/a/b"], "window_s": 1800}
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
    ed.setting_fields["station"].setCurrentText("robot2")
    assert ed._panel("robot1")["settings"]["station"] == "robot2"
    assert ed.add_panel("tile") is None  # the default operator grid is full
    assert "No free space" in ed.message.text()


def test_nobody_signed_in_cannot_edit(qtbot, lstore) -> None:
    ed, _ = editor_for(qtbot, lstore, role=None)
    assert not ed.save_button.isEnabled() and not ed.add_button.isEnabled()
    assert ed.message.text() == "Sign in to edit your layout."
