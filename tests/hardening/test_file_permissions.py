"""The data directory is 0700 and the store's files 0600 whatever the umask (0750 /
0640 with a service group); looser ones are tightened at start, with a log line."""

from __future__ import annotations

import grp
import logging
import os
import stat
from pathlib import Path

import pytest

from app import paths
from app.store import Store


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture
def umask022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _use_store(path: Path) -> None:
    store = Store(path, terminal_id="t1").open()
    try:
        store.audit.record("u1", "test", "perm", "a row").result(5)
        store.flush()
        wal = path.with_name(path.name + "-wal")
        assert wal.exists()
        assert mode(wal) == mode(path), "the WAL carries the database's mode"
    finally:
        store.close()


def test_new_data_dir_and_store_are_private(tmp_path, monkeypatch, umask022) -> None:
    monkeypatch.delenv(paths.GROUP_ENV, raising=False)
    monkeypatch.setenv("LINESIDE_DATA_DIR", str(tmp_path / "data"))
    d = paths.data_dir()
    assert mode(d) == 0o700
    db = d / "lineside.db"
    _use_store(db)
    assert mode(db) == 0o600
    nested = tmp_path / "demo" / "t1" / "lineside.db"  # the demo's per-terminal store
    _use_store(nested)
    assert mode(nested.parent) == 0o700 and mode(nested) == 0o600


def test_existing_loose_ones_are_tightened_and_logged(tmp_path, monkeypatch, caplog,
                                                      umask022) -> None:
    monkeypatch.delenv(paths.GROUP_ENV, raising=False)
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    db = data / "lineside.db"
    db.touch()
    os.chmod(db, 0o644)
    monkeypatch.setenv("LINESIDE_DATA_DIR", str(data))
    with caplog.at_level(logging.WARNING, logger="app.paths"):
        paths.data_dir()
        _use_store(db)
    assert mode(data) == 0o700 and mode(db) == 0o600
    text = caplog.text
    assert f"{data} from 0755 to 0700" in text and f"{db} from 0644 to 0600" in text


def test_service_group_gets_read_access(tmp_path, monkeypatch, umask022) -> None:
    group = grp.getgrgid(os.getgid()).gr_name
    monkeypatch.setenv(paths.GROUP_ENV, group)
    data = tmp_path / "data"
    data.mkdir()
    os.chmod(data, 0o777)
    monkeypatch.setenv("LINESIDE_DATA_DIR", str(data))
    paths.data_dir()
    db = data / "lineside.db"
    db.touch()
    os.chmod(db, 0o666)
    _use_store(db)
    assert mode(data) == 0o750 and mode(db) == 0o640
    assert db.stat().st_gid == os.getgid()
