"""`lineside` subcommands: each module here defines `register(subparsers)`.

`register` adds its parser and sets `func=callable(args) -> int` as the default.
The CLI discovers modules in this package, so adding a command touches no other file.
"""
