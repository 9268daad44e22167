"""The mimic's model (Qt-free): the line from the site file or its [mimic] section,
ISA-101 looks of station states, and car bodies from the conveyor's speed and counter."""

from __future__ import annotations

from itertools import pairwise

import pytest

from app.config import load
from layouts import mimic as model
from layouts.mimic import CarrierTrack, Look

L1 = "demo/body/line1"


def test_the_line_comes_from_the_site_file(demo_site):
    line = model.build(demo_site)
    assert [s.id for s in line.stations] == ["press1", "robot1", "robot2", "robot3", "robot4",
                                            "booth1"]
    assert line.conveyor is not None and line.conveyor.id == "conveyor1"
    assert line.speed_tag == f"{L1}/conveyor/conveyor1/speed"
    assert line.carrier_tag == f"{L1}/conveyor/conveyor1/carrier_count"
    # in order, never overlapping, all on the conveyor
    xs = [(s.x, s.x + s.w) for s in line.stations]
    assert all(a[1] < b[0] for a, b in pairwise(xs))
    assert xs[-1][1] < line.length
    # the booth is wider than a robot cell, the press too
    w = {s.id: s.w for s in line.stations}
    assert w["booth1"] > w["press1"] > w["robot1"]
    assert model.LineMimic.from_json(line.to_json()).stations == tuple(
        model.StationBox(s.id, s.name, s.kind, round(s.x, 3), round(s.w, 3), s.row)
        for s in line.stations)


def test_a_mimic_section_places_stations(tmp_path):
    from app.config import Table

    site = tmp_path / "site.toml"
    site.write_text("""
[site]
id = "x"
name = "X"
[[sources]]
id = "m"
kind = "mqtt"
host = "127.0.0.1"
[[stations]]
id = "a"
name = "A"
[[stations]]
id = "b"
name = "B"
kind = "robot"
""", encoding="utf-8")
    cfg = load(site)
    t = Table({"conveyor": "a", "pitch_m": 4.0,
               "stations": [{"id": "b", "x": 0.5, "w": 2.0, "row": -1}]}, site, "mimic")
    spec = model.parse_spec(t, cfg.stations)
    line = model.build(cfg, spec)
    assert [s.id for s in line.stations] == ["b"] and line.conveyor.id == "a"
    assert (line.stations[0].x, line.stations[0].w, line.stations[0].row) == (0.5, 2.0, -1)
    assert line.rows == (-1, 0) and line.pitch_m == 4.0
    bad = Table({"stations": [{"id": "nope", "x": 1.0}]}, site, "mimic")
    with pytest.raises(ValueError, match=r"mimic.stations\[0\].id: unknown station 'nope'"):
        model.parse_spec(bad, cfg.stations)


@pytest.mark.parametrize("raw,good,stopped,look", [
    ("running", True, False, Look.NORMAL), ("idle", True, False, Look.IDLE),
    ("fault", True, False, Look.FAULT), ("Maintenance", True, False, Look.WARNING),
    ("running", False, False, Look.NO_DATA), ("what", True, False, Look.NO_DATA),
    (2, True, False, Look.FAULT), ("running", True, True, Look.STOPPED),
])
def test_looks(raw, good, stopped, look):
    assert model.look_of(raw, good=good, line_stopped=stopped) is look


def test_carrier_track_moves_with_speed_and_syncs_on_the_counter():
    track = CarrierTrack(track_m=30.0, pitch_m=5.0)
    track.set_count(10, now=0.0)
    assert track.positions(0.0) == pytest.approx([1 / 6 * k for k in range(1, 7)])
    track.set_speed(60.0, now=0.0)  # 1 m/s
    # 2 m on: the body at the exit has left, the next is 3 m before it, then one a pitch
    assert track.positions(2.0) == pytest.approx(
        sorted(1 - d / 30 for d in (3, 8, 13, 18, 23, 28)))
    track.set_count(11, now=2.5)  # a body left: the train is in step again
    assert max(track.positions(2.5)) == pytest.approx(1.0)
    track.set_speed(0.0, now=2.5)
    assert track.positions(10.0) == track.positions(2.5)


def test_the_mimic_section_is_read_at_load(tmp_path):
    from app.config import ConfigError

    site = tmp_path / "site.toml"
    base = """
[site]
id = "x"
name = "X"
[[sources]]
id = "m"
kind = "mqtt"
host = "127.0.0.1"
[[stations]]
id = "a"
name = "A"
kind = "press"
[[stations]]
id = "b"
name = "B"
kind = "robot"
"""
    site.write_text(base + """
[mimic]
pitch_m = 6.0
[[mimic.stations]]
id = "b"
x = 0.2
row = 1
""", encoding="utf-8")
    cfg = load(site)
    assert isinstance(cfg.sections["mimic"], model.MimicSpec)
    line = model.build(cfg)
    assert line.pitch_m == 6.0 and {s.id: s.row for s in line.stations} == {"a": 0, "b": 1}
    site.write_text(base + "\n[mimic]\nconveyor = \"nope\"\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"site.toml: mimic.conveyor: unknown station 'nope'"):
        load(site)
