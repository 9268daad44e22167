"""The table of source kinds: a site names a kind, the registry finds its class.

A new protocol is a module with a `Source` subclass decorated `@register("kind")`,
listed in `BUILTIN_MODULES`; nothing else in the terminal changes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.sources.base import Source

BUILTIN_MODULES = ("app.sources.opcua", "app.sources.mqtt", "app.sources.sparkplug")
_KINDS: dict[str, type[Source]] = {}
_loaded = False


def register(kind: str) -> Callable[[type[Source]], type[Source]]:
    def deco(cls: type[Source]) -> type[Source]:
        cls.kind = kind
        _KINDS[kind] = cls
        return cls

    return deco


def _load_builtins() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for mod in BUILTIN_MODULES:
            importlib.import_module(mod)


def kinds() -> list[str]:
    _load_builtins()
    return sorted(_KINDS)


def get(kind: str) -> type[Source]:
    _load_builtins()
    return _KINDS[kind]
