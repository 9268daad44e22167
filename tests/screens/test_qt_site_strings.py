"""Strings from the site file in the worker's language: station names and alarm texts
with `name_de`/`message_zh_CN` keys, validated on load, shown in German after a
language switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from app.config import ConfigError, load
from widgets import i18n
from widgets.site_text import alarm_message, station_name, use_site

SITE = """
[site]
id = "t"
name = "Test plant"

[[sources]]
id = "plc"
kind = "opcua"
endpoint = "opc.tcp://127.0.0.1:4840"

[[tags]]
path = "t/press1/state"
source = "plc"
address = "ns=2;s=State"
type = "string"
description = "press state"
description_de = "Zustand der Presse"

[[stations]]
id = "press1"
name = "Press 1"
{extra}
state_tag = "t/press1/state"
"""


def write(tmp_path: Path, extra: str) -> Path:
    f = tmp_path / "site.toml"
    f.write_text(SITE.replace("{extra}", extra), encoding="utf-8")
    return f


def test_translations_load_and_bad_ones_are_named(tmp_path):
    cfg = load(write(tmp_path, 'name_de = "Presse 1"\nname_zh_CN = "冲压机 1"'))
    assert cfg.text("station.press1.name", "Press 1", "de") == "Presse 1"
    assert cfg.text("station.press1.name", "Press 1", "zh_CN") == "冲压机 1"
    assert cfg.text("station.press1.name", "Press 1", "en") == "Press 1"
    assert cfg.text("tag.t/press1/state.description", "press state", "de") == \
        "Zustand der Presse"
    with pytest.raises(ConfigError) as e:
        load(write(tmp_path, 'name_fr = "Presse 1"'))
    assert "stations[0].name_fr" in str(e.value) and "unknown language 'fr'" in str(e.value)
    assert "de, zh_CN" in str(e.value)
    with pytest.raises(ConfigError, match=r"stations\[0\]\.name_de: must not be empty"):
        load(write(tmp_path, 'name_de = " "'))


def test_demo_stations_and_alarms_in_german_and_chinese(qtbot, demo_site, demo_bridge,
                                                        themed):
    from widgets.panels import PanelContext
    from widgets.station_panel import StationPanel

    alarms = {d.id: d for d in demo_site.sections["alarms"]}
    # every demo station and every alarm of alarms.toml has both translations
    for sid in demo_site.stations:
        for lang in ("de", "zh_CN"):
            assert demo_site.text(f"station.{sid}.name", "", lang), (sid, lang)
    translated = [a for a in alarms if f"alarm.{a}.message" in demo_site.translations]
    assert len(translated) >= 13
    use_site(demo_site)
    panel = StationPanel(PanelContext(demo_site, None, demo_bridge, None, None), "press1",
                         show_trend=False)
    qtbot.addWidget(panel)
    assert panel.title.text() == "Press 1"
    some = alarms[translated[0]]
    english = alarm_message(some)
    try:
        assert i18n.set_language(themed, "de")
        qtbot.waitUntil(lambda: panel.title.text() == "Presse 1", timeout=2000)
        assert station_name(demo_site.stations["robot1"]) == "Schweißroboter 1"
        rate = next(r for r in panel.findChildren(QLabel) if r.text() == "Hubzahl-Sollwert")
        assert rate.isVisibleTo(panel)  # the setpoint row's tag description, in German
        german = alarm_message(some)
        assert german != english and german == demo_site.translations[
            f"alarm.{some.id}.message"]["de"]
        assert i18n.set_language(themed, "zh_CN")
        qtbot.waitUntil(lambda: panel.title.text() == "冲压机 1", timeout=2000)
    finally:
        i18n.set_language(themed, "en")
    qtbot.waitUntil(lambda: panel.title.text() == "Press 1", timeout=2000)
