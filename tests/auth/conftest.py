"""Fixtures for users and sign-in: a real store in tmp_path, a clock tests can move."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import FakeClock

import app.auth.users  # noqa: F401  (registers the users table before the store opens)
from app.auth.session import SessionManager
from app.auth.users import UserRepo
from app.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "lineside.db", terminal_id="t1").open()
    yield s
    s.close()


@pytest.fixture
def repo(store: Store) -> UserRepo:
    r = UserRepo(store)
    r.add("anna", "Anna Berg", "operator", "4711", badge="00012345").result(5)
    r.add("ben", "Ben Cho", "maintenance", "2580").result(5)
    return r


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(repo: UserRepo, clock: FakeClock) -> SessionManager:
    return SessionManager(repo, clock=clock)
