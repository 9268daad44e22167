"""Layout documents: validation messages, migration, fallback with a notice, fit."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from app.auth.permissions import Role
from layouts import catalogue, model
from layouts.model import Fallback, LayoutError


def doc(**over) -> dict:
    d = model.new_layout("anna", model.default_layout("operator"))
    d.update(over)
    return d


@pytest.mark.parametrize("role", list(Role))
def test_every_role_has_a_valid_default(role: Role) -> None:
    d = model.default_layout(role)
    assert d["owner"] == f"role:{role}"
    assert model.problems(d) == []


def test_defaults_are_fresh_copies() -> None:
    model.default_layout("operator")["panels"].clear()
    assert model.default_layout("operator")["panels"]


def test_validation_says_what_and_where() -> None:
    d = doc(theme="purple", font_scale=2.5, language="fr", colour="red")
    d["panels"][1]["colspan"] = 0
    d["panels"][2]["col"] = 11  # the andon panel at 11..15: past the 12 columns
    d["panels"][0]["settings"] = {"compact": "yes"}  # a bool setting that is not one
    d["panels"][0]["wdith"] = 3
    found = model.problems(d)
    assert "colour: unknown field (misspelt?)" in found
    assert "theme: must be one of light, dark, contrast; got 'purple'" in found
    assert "font_scale: must be a number from 1.0 to 2.0; got 2.5" in found
    assert "language: must be one of en, de, zh_CN; got 'fr'" in found
    assert "panels[1] (id 'alarms').colspan: must be a whole number >= 1; got 0" in found
    assert "panels[2] (id 'andon'): columns 11..15 reach past the grid's 12 columns" in found
    assert ("panels[0] (id 'line').settings.compact: expected true or false; got 'yes'"
            in found)
    assert "panels[0] (id 'line').wdith: unknown field (misspelt?)" in found


def test_overlap_and_duplicate_ids() -> None:
    d = doc()
    d["panels"][1].update(col=1, row=1)  # the alarms onto the line mimic
    d["panels"][2]["id"] = "line"
    found = model.problems(d)
    assert "panels[1] (id 'alarms'): overlaps panels[0] at column 1, row 1" in found
    assert "panels[2] (id 'line').id: duplicate of panels[0]" in found
    with pytest.raises(LayoutError, match="overlaps"):
        model.validate(d)


def _with_trend() -> dict:
    """The operator default with a trend added below it (two more rows)."""
    d = doc()
    d["rows"] += 2
    d["panels"].append({"id": "trend", "type": "trend", "col": 0, "row": d["rows"] - 2,
                        "colspan": 6, "rowspan": 2,
                        "settings": {"tags": ["demo/body/line1/press/press1/oil_temp"],
                                     "window_s": 600}})
    return d


def test_trend_settings_checked() -> None:
    d = _with_trend()
    trend = next(p for p in d["panels"] if p["type"] == "trend")
    trend["settings"] = {"tags": [], "window_s": 5}
    found = model.problems(d)
    assert any("settings.tags: required, a non-empty list" in p for p in found)
    assert any("settings.window_s: must be a number of seconds from 10" in p for p in found)


def test_plugin_panel_types_pass() -> None:
    d = _with_trend()
    trend = next(p for p in d["panels"] if p["type"] == "trend")
    trend["colspan"] -= 1  # make room at the trend's right end
    d["panels"].append({"id": "esg", "type": "esg_report", "col": trend["colspan"],
                        "row": trend["row"], "colspan": 1, "rowspan": 1,
                        "settings": {"anything": 1}})
    assert model.problems(d) == []


def test_migration_from_prototype_schema_0() -> None:
    old = {"user": "anna", "theme": "high_contrast", "font": 150, "columns": 12, "rows": 8,
           "panels": [{"id": "t", "type": "tile", "x": 2, "y": 1, "w": 2, "h": 1,
                       "settings": {"tag": "demo/a"}}]}
    loaded = model.load(json.dumps(old), "operator")
    assert loaded.fallback is Fallback.NONE and loaded.migrated_from == 0
    d = loaded.doc
    assert (d["schema"], d["owner"], d["theme"], d["font_scale"], d["language"]) == (
        1, "anna", "contrast", 1.5, "en")
    assert d["panels"][0] | {} == {"id": "t", "type": "tile", "col": 2, "row": 1,
                                   "colspan": 2, "rowspan": 1, "settings": {"tag": "demo/a"}}


def test_future_schema_falls_back_with_notice() -> None:
    future = doc(schema=7)
    loaded = model.load(future, "supervisor")
    assert loaded.fallback is Fallback.FUTURE
    assert loaded.doc == model.default_layout("supervisor")
    assert loaded.notice == ("Your saved layout was made by a newer LineSide version; "
                             "showing the supervisor default layout instead.")


@pytest.mark.parametrize("text", ['{"schema": 1, "panels": [', "null", "[]", "\xff\xfe"])
def test_broken_document_falls_back_with_notice(text: str) -> None:
    loaded = model.load(text.encode("latin-1"), "operator", source="anna.json")
    assert loaded.fallback is Fallback.BROKEN
    assert loaded.doc == model.default_layout("operator")
    assert loaded.notice is not None and "could not be read" in loaded.notice


def test_invalid_file_falls_back(tmp_path: Path) -> None:
    bad = doc(rows=0)
    path = tmp_path / "anna.json"
    path.write_text(json.dumps(bad))
    loaded = model.load_file(path, "maintenance")
    assert loaded.fallback is Fallback.BROKEN
    assert "rows: must be a whole number from 1 to 48; got 0" in (loaded.notice or "")
    missing = model.load_file(tmp_path / "none.json", "maintenance")
    assert missing.fallback is Fallback.BROKEN and missing.doc["owner"] == "role:maintenance"


def test_fit_leaves_a_desktop_layout_alone_on_a_desktop() -> None:
    d = model.default_layout("operator")
    assert model.fit(d, 1920, 960) == d


def test_operator_default_fits_a_1280x800_touchscreen() -> None:
    # the grid under the frame at 1280x800 is 620-680 px high: no reflow, no scrolling
    d = model.default_layout("operator")
    for height in (620, 680):
        assert model.fit(d, 1268, height) == d


def test_fit_reflows_for_a_smaller_touchscreen() -> None:
    d = model.default_layout("operator")
    before = copy.deepcopy(d)
    width, height = 800, 480
    out = model.fit(d, width, height)
    assert d == before  # the saved layout is not touched
    assert model.problems(out) == []  # still a valid grid: no overlaps, inside columns
    cell_w, cell_h = width / out["columns"], height / 8  # original cell height kept
    for p in out["panels"]:
        spec = catalogue.spec(p["type"])
        assert spec is not None
        min_w, min_h = spec.minimum_px(p["settings"])
        assert p["colspan"] * cell_w >= min_w and p["rowspan"] * cell_h >= min_h, p["id"]
    order = [p["id"] for p in sorted(out["panels"], key=lambda p: (p["row"], p["col"]))]
    assert order.index("line") < order.index("alarms") < order.index("andon")
    assert out["rows"] > 8  # grew downward: the host scrolls


def test_fit_respects_font_scale() -> None:
    d = model.default_layout("maintenance")
    assert model.fit(d, 1920, 960) == d
    big = model.fit(dict(d, font_scale=2.0), 1920, 960)
    assert big != dict(d, font_scale=2.0) and model.problems(big) == []


def test_defaults_name_stations_and_tags_of_the_demo_site() -> None:
    from app import config, paths

    site = config.load(paths.DEMO_SITE, terminal_id="t1")
    for role in Role:
        for p in model.default_layout(role)["panels"]:
            s = p["settings"]
            if p["type"] == "station":
                assert s["station"] in site.stations, (role, p["id"])
            for tag in s.get("tags", []) + ([s["tag"]] if "tag" in s else []):
                assert tag in site.tags, (role, p["id"], tag)
