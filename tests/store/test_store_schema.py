"""Component-versioned migrations: fresh file, reopen, newer file, late registration."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import Store, StoreError, register_schema, schema


@pytest.fixture
def component() -> Iterator[str]:
    name = "test_widgets"
    yield name
    schema._registry.pop(name, None)


def versions(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as c:
        return dict(c.execute("SELECT component, version FROM schema_version"))


def test_fresh_file_gets_every_component(store_path: Path, component: str) -> None:
    def seed(c: sqlite3.Connection) -> None:
        c.execute("INSERT INTO widgets(name) VALUES ('press')")

    register_schema(component, [
        "CREATE TABLE widgets(id INTEGER PRIMARY KEY, name TEXT);"
        "CREATE TRIGGER w AFTER INSERT ON widgets BEGIN SELECT 1; END;",
        seed,
    ])
    Store(store_path, terminal_id="T1").open().close()
    v = versions(store_path)
    assert v[component] == 2
    assert {"outbox", "historian", "audit"} <= set(v)
    with sqlite3.connect(store_path) as c:
        assert c.execute("SELECT name FROM widgets").fetchall() == [("press",)]


def test_reopen_runs_only_new_migrations(store_path: Path, component: str) -> None:
    register_schema(component, ["CREATE TABLE widgets(id INTEGER PRIMARY KEY)"])
    Store(store_path, terminal_id="T1").open().close()
    register_schema(component, ["CREATE TABLE widgets(id INTEGER PRIMARY KEY)",
                                "ALTER TABLE widgets ADD COLUMN colour TEXT"])
    with Store(store_path, terminal_id="T1") as s, s.read() as c:
        cols = [r[1] for r in c.execute("PRAGMA table_info(widgets)")]
    assert cols == ["id", "colour"]
    assert versions(store_path)[component] == 2
    Store(store_path, terminal_id="T1").open().close()  # nothing left to run: no error


def test_newer_file_is_refused_with_clear_message(store_path: Path, component: str) -> None:
    register_schema(component, ["CREATE TABLE widgets(id)"] * 1)
    Store(store_path, terminal_id="T1").open().close()
    with sqlite3.connect(store_path) as c:
        c.execute("UPDATE schema_version SET version=5 WHERE component=?", (component,))
    register_schema(component, ["CREATE TABLE widgets(id)", "SELECT 1", "SELECT 2"])
    with pytest.raises(StoreError) as e:
        Store(store_path, terminal_id="T1").open()
    assert str(e.value).startswith(f"store {store_path} was written by a newer LineSide")
    assert f"component {component} v5, this build knows v3" in str(e.value)


def test_failed_migration_changes_nothing(store_path: Path, component: str) -> None:
    register_schema(component, ["CREATE TABLE widgets(id)", "CREATE TABLE widgets(id)"])
    with pytest.raises(StoreError, match=f"migration {component} v2 failed"):
        Store(store_path, terminal_id="T1").open()
    with sqlite3.connect(store_path) as c:
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
    assert "widgets" not in tables and "outbox" not in tables


def test_component_registered_after_open_gets_its_tables(store: Store, component: str) -> None:
    register_schema(component, ["CREATE TABLE widgets(id)"])
    store.submit(lambda c: c.execute("INSERT INTO widgets VALUES (1)")).result(5)
    assert versions(store.path)[component] == 1


def test_component_registered_from_a_writer_job_does_not_deadlock(store: Store,
                                                                  component: str) -> None:
    def job(c: sqlite3.Connection) -> int:
        register_schema(component, ["CREATE TABLE widgets(id)"])
        c.execute("INSERT INTO widgets VALUES (1)")
        return 1

    assert store.submit(job).result(5) == 1
    assert versions(store.path)[component] == 1
