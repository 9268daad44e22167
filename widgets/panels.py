"""The catalogue of panel types a layout can place, registered by name.

A panel module calls `register_panel("trend", TrendPanel.create, title="Trend")`;
the layout host builds panels from a layout's `type` and `settings` through this
table, and edit mode offers the catalogue from it. A panel factory receives the
`PanelContext` (everything a panel may bind to) and the panel's settings dict.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QWidget


@dataclass
class PanelContext:
    """What panels bind to. Widgets bind to tag paths through `bridge`, never to a
    protocol client; commands go through `runtime` (thread-safe, non-blocking)."""

    config: Any  # app.config.SiteConfig
    runtime: Any  # app.runtime.Runtime
    bridge: Any  # widgets.bridge.Bridge
    store: Any = None  # app.store.Store
    session: Any = None  # app.auth.session.SessionManager (who is signed in)
    services: dict[str, Any] = field(default_factory=dict)  # alarms, estop, health, andon


PanelFactory = Callable[[PanelContext, dict[str, Any]], QWidget]


@dataclass(frozen=True)
class PanelType:
    name: str
    title: str  # untranslated; translate with QCoreApplication.translate("panels", title)
    factory: PanelFactory
    default_settings: dict[str, Any] = field(default_factory=dict)
    roles: frozenset[str] | None = None  # None: any role may place it


PANEL_TYPES: dict[str, PanelType] = {}


def register_panel(name: str, factory: PanelFactory, *, title: str,
                   default_settings: dict[str, Any] | None = None,
                   roles: frozenset[str] | None = None) -> None:
    PANEL_TYPES[name] = PanelType(name, title, factory, dict(default_settings or {}), roles)
