"""`lineside users ...` through the real CLI entry point, on a store in tmp_path."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.auth.pin import verify_pin
from app.auth.users import UserRepo
from app.cli import main
from app.store import Store


def run(capsys, monkeypatch, db: Path, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["users", "--store", str(db), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def user(db: Path, user_id: str):
    with Store(db, terminal_id="check") as s:
        return UserRepo(s).get(user_id)


def test_add_list_disable_set_pin(tmp_path: Path, capsys, monkeypatch) -> None:
    db = tmp_path / "lineside.db"
    code, out, _ = run(capsys, monkeypatch, db, "add", "anna", "--name", "Anna Berg",
                       "--role", "operator", "--badge", "00012345", "--pin-stdin",
                       stdin="4711\n")
    assert code == 0 and out == "added anna (Anna Berg, operator), badge 00012345\n"
    run(capsys, monkeypatch, db, "add", "ben", "--name", "Ben", "--role", "maintenance",
        "--pin-stdin", stdin="2580\n")

    code, out, _ = run(capsys, monkeypatch, db, "list")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["USER", "NAME", "ROLE", "BADGE", "STATE"]
    assert lines[1].split() == ["anna", "Anna", "Berg", "operator", "set", "active"]
    assert lines[2].split() == ["ben", "Ben", "maintenance", "-", "active"]

    assert run(capsys, monkeypatch, db, "disable", "ben")[:2] == (0, "ben disabled\n")
    assert user(db, "ben").disabled

    code, out, _ = run(capsys, monkeypatch, db, "set-pin", "anna", "--pin-stdin",
                       stdin="13579\n")
    assert (code, out) == (0, "new PIN set for anna\n")
    anna = user(db, "anna")
    assert verify_pin("13579", anna.pin_hash) and not verify_pin("4711", anna.pin_hash)
    with Store(db, terminal_id="check") as s:
        assert [r.action for r in s.audit.query()][:2] == ["users.set_pin", "users.disable"]


@pytest.mark.parametrize(("argv", "stdin", "message"), [
    (["add", "x", "--name", "X", "--role", "operator", "--pin-stdin"], "12\n",
     "PIN rejected: a PIN is 4 to 8 digits"),
    (["add", "x y", "--name", "X", "--role", "operator", "--pin-stdin"], "1234\n",
     "user id 'x y' is not valid"),
    (["add", "x", "--name", "X", "--role", "operator", "--badge", "12ab", "--pin-stdin"],
     "1234\n", "badge '12ab' is not valid"),
    (["add", "anna", "--name", "A", "--role", "operator", "--pin-stdin"], "1234\n",
     "user 'anna' already exists"),
    (["add", "x", "--name", "X", "--role", "operator", "--badge", "00012345",
      "--pin-stdin"], "1234\n", "badge 00012345 is already assigned to user 'anna'"),
    (["disable", "nobody"], "", "no user 'nobody'"),
    (["set-pin", "nobody", "--pin-stdin"], "1234\n", "no user 'nobody'"),
    (["add", "x", "--name", "X", "--role", "operator"], "1234\n",
     "no terminal to ask for the PIN; use --pin-stdin"),
])
def test_clear_errors(tmp_path: Path, capsys, monkeypatch, argv, stdin, message) -> None:
    db = tmp_path / "lineside.db"
    run(capsys, monkeypatch, db, "add", "anna", "--name", "Anna", "--role", "operator",
        "--badge", "00012345", "--pin-stdin", stdin="4711\n")
    code, out, err = run(capsys, monkeypatch, db, *argv, stdin=stdin)
    assert code == 1 and out == ""
    assert err.startswith("lineside users: ") and message in err
    assert user(db, "x") is None


def test_unknown_role_is_refused_by_the_parser(tmp_path: Path, capsys, monkeypatch) -> None:
    with pytest.raises(SystemExit) as e:
        run(capsys, monkeypatch, tmp_path / "db", "add", "x", "--name", "X", "--role", "boss")
    assert e.value.code == 2
    assert "invalid choice: 'boss'" in capsys.readouterr().err


def test_unwritable_store_is_reported(tmp_path: Path, capsys, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(capsys, monkeypatch, blocker / "sub" / "lineside.db", "list")
    assert code == 1 and "cannot create the folder" in err
