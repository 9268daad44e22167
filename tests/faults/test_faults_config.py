"""Config errors name the file that holds the mistake, and for includes the including
file and key; site files have a size limit."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app import config
from app.config import ConfigError

SITE = """
[site]
id = "p1"
name = "Plant 1"

[[sources]]
id = "uns"
kind = "mqtt"
host = "127.0.0.1"

[[tags]]
path = "a/t1"
source = "uns"
address = "a/t1"
"""

ALARM = """
[[alarms]]
id = "a{i}"
tag = "a/t1"
kind = "high"
limit = 1.0
priority = {priority}
message = "high {i}"
"""


def _site(tmp: Path, include: str, **files: str) -> Path:
    for name, text in files.items():
        (tmp / name).write_text(text)
    site = tmp / "site.toml"
    site.write_text(f"include = {include}\n" + SITE)
    return site


def _error(site: Path) -> ConfigError:
    with pytest.raises(ConfigError) as e:
        config.load(site)
    return e.value


def test_a_bad_key_in_an_included_file_names_that_file(tmp_path):
    # 7 alarms in the site file itself, 3 in alarms.toml; the third there is wrong.
    site_alarms = "".join(ALARM.format(i=i, priority=2) for i in range(7))
    inc = "".join(ALARM.format(i=10 + i, priority=9 if i == 2 else 2) for i in range(3))
    site = _site(tmp_path, '["alarms.toml"]', **{"alarms.toml": inc})
    site.write_text(site.read_text() + site_alarms)
    e = _error(site)
    assert Path(e.file).name == "alarms.toml", str(e)
    assert e.key == "alarms[2].priority", str(e)


def test_a_key_merged_into_a_table_names_its_file(tmp_path):
    site = _site(tmp_path, '["more.toml"]', **{"more.toml": '[site]\nlinee = "typo"\n'})
    e = _error(site)
    assert Path(e.file).name == "more.toml" and e.key == "site.linee", str(e)


def test_a_missing_include_names_the_including_file_and_key(tmp_path):
    site = _site(tmp_path, '["alarms.toml", "zones.toml"]', **{"alarms.toml": ""})
    e = _error(site)
    assert Path(e.file).name == "site.toml" and e.key == "include[1]", str(e)
    assert "zones.toml" in e.message and "not found" in e.message


def test_a_directory_as_include_says_so(tmp_path):
    (tmp_path / "conf.d").mkdir()
    e = _error(_site(tmp_path, '["conf.d"]'))
    assert Path(e.file).name == "site.toml" and e.key == "include[0]", str(e)
    assert "is a directory" in e.message and "cannot be read" not in e.message


def test_a_broken_included_file_says_who_includes_it(tmp_path):
    e = _error(_site(tmp_path, '["alarms.toml"]', **{"alarms.toml": "[[alarms]\n"}))
    assert Path(e.file).name == "alarms.toml" and "not valid TOML" in e.message
    assert "included by" in e.message and "site.toml: include[0]" in e.message


def test_a_huge_site_file_is_refused_at_once(tmp_path):
    big = tmp_path / "big.toml"
    with big.open("w") as f:
        f.write(SITE)
        line = "# " + "x" * 1000 + "\n"
        for _ in range(60_000):  # ~60 MB
            f.write(line)
    t0 = time.monotonic()
    e = _error(_site(tmp_path, '["big.toml"]'))
    assert time.monotonic() - t0 < 0.5
    assert Path(e.file).name == "big.toml" and "MB" in e.message, str(e)


def test_errors_in_the_site_file_itself_are_unchanged(tmp_path):
    site = _site(tmp_path, '["alarms.toml"]', **{"alarms.toml": ALARM.format(i=1, priority=2)})
    site.write_text(site.read_text() + ALARM.format(i=2, priority=0))
    e = _error(site)
    assert Path(e.file).name == "site.toml" and e.key == "alarms[0].priority", str(e)
