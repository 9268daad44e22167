"""The site file: valid files load, wrong files get one message naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import config
from app.config import ConfigError

MINIMAL = """
[site]
id = "plant1"
name = "Plant 1"

[[sources]]
id = "plc"
kind = "opcua"
endpoint = "opc.tcp://127.0.0.1:4840"

[[tags]]
path = "plant1/body/l1/press/oil_temp"
source = "plc"
address = "ns=2;s=Press.OilTemp"
unit = "°C"
low = 0
high = 120
"""


def write(tmp_path: Path, text: str, name: str = "site.toml") -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


def test_minimal_site_loads(tmp_path: Path) -> None:
    cfg = config.load(write(tmp_path, MINIMAL))
    tag = cfg.tags["plant1/body/l1/press/oil_temp"]
    assert tag.unit == "°C" and tag.high == 120.0
    assert cfg.site.topic_root == "plant1"


@pytest.mark.parametrize(("mutate", "key", "words"), [
    (lambda s: s.replace('unit = "°C"', "unit = 5"), "tags[0].unit", "expected a string"),
    (lambda s: s.replace('source = "plc"', 'source = "nope"'), "tags[0].source", "unknown source"),
    (lambda s: s.replace("high = 120", "high = -1"), "tags[0].high", "must be above low"),
    (lambda s: s.replace('kind = "opcua"', 'kind = "modbus"'), "sources[0].kind", "must be one of"),
    (lambda s: s + '\n[[tags]]\npath = "x"\nsource = "plc"\naddress = "a"\nunti = "V"\n',
     "tags[1].unti", "unknown key"),
    (lambda s: s.replace('[site]\nid = "plant1"', "[site]"), "site.id", "is required"),
])
def test_wrong_file_names_file_and_key(tmp_path: Path, mutate, key: str, words: str) -> None:
    p = write(tmp_path, mutate(MINIMAL))
    with pytest.raises(ConfigError) as e:
        config.load(p)
    assert e.value.key == key
    assert words in str(e.value)
    assert str(p) in str(e.value)


def test_not_toml_is_a_clear_message(tmp_path: Path) -> None:
    p = write(tmp_path, "[site\nid=")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load(p)


def test_include_merges_arrays_and_rejects_conflicts(tmp_path: Path) -> None:
    write(tmp_path, '[[tags]]\npath = "plant1/x"\nsource = "plc"\naddress = "ns=2;s=X"\n',
          "more.toml")
    cfg = config.load(write(tmp_path, 'include = ["more.toml"]\n' + MINIMAL))
    assert set(cfg.tags) == {"plant1/body/l1/press/oil_temp", "plant1/x"}
    write(tmp_path, '[site]\nname = "other"\n', "clash.toml")
    with pytest.raises(ConfigError, match="already set"):
        config.load(write(tmp_path, 'include = ["clash.toml"]\n' + MINIMAL, "s2.toml"))
