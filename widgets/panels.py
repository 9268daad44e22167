"""Qt factories of the panel types, registered against their Qt-free specs.

A panel type is declared once as a `layouts.panels.PanelSpec` (listed in
`layouts.catalogue.PANELS`); its widgets module registers the factory that builds it:

    register_panel(andon_spec.SPEC, AndonPanel)

`widgets.layout_host.load_panel_modules` imports exactly the modules the catalogue
names. A factory receives the `PanelContext` (everything a panel may bind to) and
the panel's settings dict (validated against the spec, defaults filled in).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QWidget

from app.auth.session import SessionView
from layouts.panels import PanelSpec

if TYPE_CHECKING:
    from app.config import SiteConfig
    from app.runtime import Runtime
    from app.store import Store
    from widgets.bridge import Bridge

T = TypeVar("T")


@dataclass
class PanelContext:
    """What panels bind to. Widgets bind to tag paths through `bridge`, never to a
    protocol client; commands go through `runtime` (thread-safe, non-blocking);
    domain services are found by type: `ctx.find(AndonBoard)`."""

    config: SiteConfig
    runtime: Runtime | None
    bridge: Bridge | None
    store: Store | None = None
    session: SessionView | None = None  # who is signed in (SessionManager)
    services: Mapping[type, Any] = field(default_factory=dict)  # Terminal.by_type

    def find(self, kind: type[T]) -> T | None:
        """The running service of type `kind`, or None when the site has none."""
        return self.services.get(kind)

    def service(self, kind: type[T]) -> T:
        """The running service of type `kind`; raises LookupError saying which."""
        svc = self.find(kind)
        if svc is None:
            raise LookupError(f"no {kind.__name__} is running on this terminal")
        return svc


PanelFactory = Callable[[PanelContext, dict[str, Any]], QWidget]


@dataclass(frozen=True)
class PanelType:
    """A spec with its registered factory (what the host builds from)."""

    spec: PanelSpec
    factory: PanelFactory

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def title(self) -> str:  # untranslated; translate("panels", title)
        return self.spec.title

    @property
    def roles(self) -> frozenset[str] | None:
        return self.spec.roles

    @property
    def default_settings(self) -> dict[str, Any]:
        return self.spec.default_settings()


PANEL_TYPES: dict[str, PanelType] = {}


def register_panel(spec: PanelSpec, factory: PanelFactory) -> None:
    """Register the Qt factory of `spec` (called once, at import of its module)."""
    if not isinstance(spec, PanelSpec):
        raise TypeError(f"register_panel takes a layouts.panels.PanelSpec, got {spec!r} "
                        "(see docs/architecture.md)")
    PANEL_TYPES[spec.name] = PanelType(spec, factory)
