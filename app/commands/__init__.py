"""`lineside` subcommands: each module here defines `register(subparsers)`.

`register` adds its parser and sets `func=callable(args) -> int` as the default.
`COMMANDS` lists every module by name (importing this package imports none of them):
the CLI registers exactly these, and the PyInstaller spec uses them as hidden imports,
so a frozen bundle, which cannot search a folder, has every command. A new command
adds its module name here (tests/core/test_cli_commands.py checks none is missing).
"""

from __future__ import annotations

COMMANDS: tuple[str, ...] = tuple(f"app.commands.{name}" for name in (
    "check_config",
    "demo",
    "doctor",
    "energy",
    "fault",
    "probe",
    "registers",
    "report",
    "run",
    "schedule",
    "screenshots",
    "secrets",
    "simulate",
    "simulate_sparkplug",
    "trust",
    "users",
))
