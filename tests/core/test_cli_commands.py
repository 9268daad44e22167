"""The CLI's command list is explicit (a frozen bundle cannot search a folder): every
module in app/commands is listed, and every listed one registers a subcommand."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import app.commands
from app.cli import build_parser
from app.commands import COMMANDS


def test_every_command_module_is_listed() -> None:
    folder = Path(app.commands.__file__).parent
    found = {f"app.commands.{m.name}" for m in pkgutil.iter_modules([str(folder)])}
    assert found == set(COMMANDS), "add the module's name to app.commands.COMMANDS"


def test_the_parser_has_the_listed_commands() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"demo", "run", "check-config"} <= set(sub.choices)
