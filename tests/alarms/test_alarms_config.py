"""The [[alarms]] and [alarm_settings] sections of the site file."""

from __future__ import annotations

import textwrap

import pytest

from app import config
from app.alarms.model import AlarmKind, Priority
from app.config import ConfigError

BASE = """
[site]
id = "demo"
name = "Demo"
[[sources]]
id = "plc"
kind = "opcua"
endpoint = "opc.tcp://127.0.0.1:4840"
[[tags]]
path = "demo/press1/oil_temp"
source = "plc"
address = "ns=2;s=oil"
unit = "degC"
[[tags]]
path = "demo/press1/mode"
source = "plc"
address = "ns=2;s=mode"
type = "string"
[[stations]]
id = "press1"
name = "Press 1"
"""


def write(tmp_path, extra: str):
    (tmp_path / "alarms.toml").write_text(textwrap.dedent(extra))
    site = tmp_path / "site.toml"
    site.write_text('include = ["alarms.toml"]\n' + BASE)
    return site


def test_alarms_parsed_from_an_included_file(tmp_path):
    site = write(tmp_path, """
        [[alarms]]
        id = "oil_hi"
        tag = "demo/press1/oil_temp"
        kind = "high"
        limit = 60
        priority = 2
        deadband = 1.5
        on_delay_s = 2
        station = "press1"
        message = "Oil hot"
        [alarm_settings]
        chatter_count = 3
        [alarm_settings.station_suppression]
        press1 = { tag = "demo/press1/mode", equals = "maintenance" }
        """)
    cfg = config.load(site)
    (d,) = cfg.sections["alarms"]
    assert (d.id, d.kind, d.limit, d.priority, d.deadband, d.on_delay_s, d.unit) == (
        "oil_hi", AlarmKind.HIGH, 60.0, Priority.HIGH, 1.5, 2.0, "degC")
    s = cfg.sections["alarm_settings"]
    assert s.chatter_count == 3
    assert s.station_suppression["press1"].equals == "maintenance"


@pytest.mark.parametrize(("body", "key", "what"), [
    ('id="a"\ntag="demo/press1/oil_temp"\nkind="hot"\nlimit=1', "alarms[0].kind",
     "must be one of"),
    ('id="a"\ntag="demo/nope"\nkind="high"\nlimit=1', "alarms[0].tag", "unknown tag"),
    ('id="a"\ntag="demo/press1/oil_temp"\nkind="high"', "alarms[0].limit", "required"),
    ('id="a"\ntag="demo/press1/oil_temp"\nkind="high"\nlimit=1\npriority=5',
     "alarms[0].priority", "at most 4"),
    ('id="a"\ntag="demo/press1/mode"\nkind="discrete"', "alarms[0].equals", "exactly one"),
    ('id="a"\ntag="demo/press1/oil_temp"\nkind="deviation"\nlimit=1', "alarms[0].setpoint",
     "required"),
    ('id="a"\ntag="demo/press1/oil_temp"\nkind="high"\nlimit=1\nstation="p9"',
     "alarms[0].station", "unknown station"),
    ('id="a"\ntag="demo/press1/oil_temp"\nkind="high"\nlimit=1\nlimmit=2',
     "alarms[0].limmit", "unknown key"),
])
def test_errors_name_the_file_and_key(tmp_path, body, key, what):
    site = write(tmp_path, "[[alarms]]\n" + body + "\n")
    with pytest.raises(ConfigError) as info:
        config.load(site)
    assert info.value.key == key
    assert what in info.value.message
    assert info.value.file.endswith("alarms.toml")  # the file that holds the mistake
