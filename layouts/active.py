"""Which layout the terminal shows now: the signed-in worker's, else the terminal's
role default. Follows sign-in, sign-out (also automatic) and layouts arriving from
other terminals for the signed-in worker.

Listeners get a `Loaded` (document plus any notice) on the thread that caused the
change: the GUI thread for sign-in/out, the store's writer thread for a roaming update;
a Qt host hands over with a queued signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from app.auth.permissions import Role
from app.auth.session import SessionManager, SignedIn
from app.observers import Observers
from app.services import ServiceContext, ServiceSpec
from layouts import model
from layouts.model import Fallback, Loaded
from layouts.store import LayoutStore

log = logging.getLogger(__name__)

Listener = Callable[[Loaded], None]


class ActiveLayout:
    def __init__(self, session: SessionManager, layouts: LayoutStore,
                 terminal_role: Role | str = Role.OPERATOR) -> None:
        self.session = session
        self.layouts = layouts
        self.terminal_role = Role(terminal_role)
        self._lock = threading.Lock()
        self._listeners: Observers = Observers("active layout")
        self.current = self._compute(session.current)
        self._removers = [session.add_observer(self._on_session),
                          layouts.add_listener(self._on_layout)]

    def start(self) -> None:
        """Follows sign-in and layouts from construction on."""

    def stop(self) -> None:
        while self._removers:
            self._removers.pop()()

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """`listener(loaded)` whenever the layout to show changes; returns a remover."""
        return self._listeners.add(listener)

    def _compute(self, who: SignedIn | None) -> Loaded:
        if who is None:
            return Loaded(model.default_layout(self.terminal_role), Fallback.MISSING)
        return self.layouts.load_for(who.user_id, who.role)

    def _set(self, loaded: Loaded) -> None:
        with self._lock:
            self.current = loaded
        self._listeners.notify(loaded)

    def _on_session(self, who: SignedIn | None, _reason: str) -> None:
        self._set(self._compute(who))

    def _on_layout(self, user_id: str, doc: dict[str, Any]) -> None:
        who = self.session.current
        if who is not None and who.user_id == user_id:
            self._set(Loaded(doc))


def _build(ctx: ServiceContext) -> ActiveLayout:
    return ActiveLayout(ctx.get(SessionManager), ctx.get(LayoutStore), ctx.terminal_role)


SPEC = ServiceSpec(name="active_layout", provides=ActiveLayout, build=_build,
                   needs=(SessionManager, LayoutStore))
