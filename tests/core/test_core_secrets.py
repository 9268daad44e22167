"""Secrets: the environment fallback works and a missing keyring says what to do."""

from __future__ import annotations

import pytest

from app import cli, secrets


def test_env_variable_serves_a_headless_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINESIDE_SECRET_PLC_BODY", "s3cret")
    assert secrets.get_secret("plc-body") == "s3cret"


def test_no_keyring_backend_names_the_variable(monkeypatch, capsys) -> None:
    # tests run with the null keyring backend (tests/conftest.py), as on a bare service host
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("pw\n"))
    assert cli.main(["secrets", "set", "plc-body", "--stdin"]) == 1
    err = capsys.readouterr().err
    assert "LINESIDE_SECRET_PLC_BODY" in err and "no keyring backend" in err
    assert secrets.get_secret("plc-body") is None
