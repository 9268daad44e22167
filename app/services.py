"""The service seam: what a domain declares so that `Terminal` can build, start and stop it.

A domain (andon, alarms, energy, ...) declares one `ServiceSpec` per service it
provides and adds it to `app.domains.DOMAINS` (the one ordered list). `Terminal`
builds each spec with a `ServiceContext` (config, runtime, store, clock, terminal),
starts it, and stops every service in reverse order. Services are looked up by
their type, never by a string::

    SPEC = ServiceSpec(
        name="andon", provides=AndonBoard, build=build_board,
        sections=(ConfigSection("andon", parse_andon),),   # optional
        needs=(AlarmEngine,))                               # built earlier

A `build` that returns None means "this site does not configure it" (no broker, no
`[estop]` section); a `build` or `start` that raises is reported by name in
`Terminal.failed` and in the log, and every other service still starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, runtime_checkable

if TYPE_CHECKING:
    from app.auth.permissions import Role
    from app.config import SiteConfig, Table
    from app.runtime import Runtime
    from app.store import Store

T = TypeVar("T")
S = TypeVar("S")

SectionParser = Callable[["Table", "SiteConfig"], Any]


@runtime_checkable
class Service(Protocol):
    """What `Terminal` calls. `start` runs on the thread that starts the terminal,
    before the runtime's sources connect (so no first value is missed); `stop`
    undoes every subscription and timer `start` made."""

    def start(self) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class ConfigSection:
    """A top-level key of the site file and the parser that validates it.

    `parser(table, config)` gets a `Table` holding only `{name: value}` (read it with
    `table.table(name)` or `table.tables(name)`) and the site config parsed so far
    (sources, tags, stations); its result is `config.sections[name]`."""

    name: str
    parser: SectionParser


@dataclass(frozen=True)
class ServiceSpec(Generic[S]):
    """One service of a domain, declared once."""

    name: str  # shown to a user when it fails ("andon", "energy")
    provides: type[S]  # what `ctx.get(...)` / `Terminal.service(...)` finds it by
    build: Callable[[ServiceContext], S | None]
    sections: tuple[ConfigSection, ...] = ()
    needs: tuple[type, ...] = ()  # services built before this one; missing = failure
    # Only when the service's own start/stop mean something else (the e-stop's start
    # starts the line): what Terminal starts and stops instead of the service itself.
    lifecycle: Callable[[S], Service] | None = None

    def lifecycle_of(self, svc: S) -> Service:
        if self.lifecycle is not None:
            return self.lifecycle(svc)
        if not isinstance(svc, Service):
            raise TypeError(f"service {self.name}: {type(svc).__name__} has no start() "
                            "and stop() (implement app.services.Service)")
        return svc

    def __post_init__(self) -> None:
        if not isinstance(self.sections, tuple) or not isinstance(self.needs, tuple):
            raise TypeError(f"service {self.name}: sections and needs must be tuples")


class MissingService(LookupError):
    """A service asked for another that is not running; says which and why."""


@dataclass
class ServiceContext:
    """What a spec's `build` gets: the terminal's shared parts and earlier services."""

    config: SiteConfig
    runtime: Runtime
    store: Store
    clock: Callable[[], float]
    terminal_id: str
    terminal_role: Role
    inactivity_s: float = 300.0
    services: dict[type, Any] = field(default_factory=dict)
    # why a service is absent: "not configured" or the failure message
    absent: dict[type, str] = field(default_factory=dict)
    building: str = ""  # the spec being built, for error messages

    def get(self, kind: type[T]) -> T:
        """The running service of type `kind`; raises MissingService saying why not."""
        svc = self.services.get(kind)
        if svc is None:
            why = self.absent.get(kind, "not in app.domains.DOMAINS before this service")
            who = f"{self.building} needs " if self.building else ""
            raise MissingService(f"{who}{kind.__name__}, which is not running ({why})")
        return svc  # type: ignore[no-any-return]

    def find(self, kind: type[T]) -> T | None:
        """The running service of type `kind`, or None (for optional collaborators)."""
        return self.services.get(kind)

    @property
    def shared(self) -> bool:
        """True when the terminal has a broker (shared state travels on it)."""
        return self.config.site.broker is not None


def sections_of(specs: Iterable[ServiceSpec[Any]]) -> dict[str, SectionParser]:
    """Every config section the specs own, by name; a name owned twice is a bug."""
    out: dict[str, SectionParser] = {}
    owner: dict[str, str] = {}
    for spec in specs:
        for sec in spec.sections:
            if sec.name in out:
                raise ValueError(f"config section [{sec.name}] is declared by both "
                                 f"{owner[sec.name]} and {spec.name}")
            out[sec.name], owner[sec.name] = sec.parser, spec.name
    return out


def check_order(specs: Iterable[ServiceSpec[Any]]) -> None:
    """Raise ValueError if a spec needs a type no earlier spec provides, or if a name or
    a type is declared twice (programmer errors: caught by a test, before any start)."""
    provided: dict[type, str] = {}
    names: set[str] = set()
    for spec in specs:
        if spec.name in names:
            raise ValueError(f"service name {spec.name!r} is declared twice")
        names.add(spec.name)
        for need in spec.needs:
            if need not in provided:
                raise ValueError(f"service {spec.name} needs {need.__name__}, which no "
                                 f"service before it provides (order in app.domains)")
        if spec.provides in provided:
            raise ValueError(f"{spec.provides.__name__} is provided by both "
                             f"{provided[spec.provides]} and {spec.name}")
        provided[spec.provides] = spec.name


class Passive:
    """Base of a service with nothing to start or stop (a repository, a view model)."""

    def start(self) -> None:
        """Nothing to start."""

    def stop(self) -> None:
        """Nothing to stop."""


Unsubscribe = Callable[[], None]


def stop_all(removers: list[Unsubscribe]) -> None:
    """Call every unsubscribe/cancel a service collected in start, then forget them."""
    while removers:
        removers.pop()()
