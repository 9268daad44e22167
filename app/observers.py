"""Observer lists: the one way a domain object tells views and other services that
something changed.

Copy-on-write, so `notify` never holds a lock while calling out and observers may be
added or removed from any thread, even from inside a callback. A failing observer is
logged and the others still run. Observers run on the notifying thread: a Qt view
hops to its own thread with a queued signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")
log = logging.getLogger(__name__)


class Observers(Generic[P]):
    def __init__(self, owner: str) -> None:
        self._owner = owner
        self._lock = threading.Lock()
        self._fns: tuple[Callable[P, object], ...] = ()

    def add(self, fn: Callable[P, object]) -> Callable[[], None]:
        """Register `fn`; returns the function that removes it again."""
        with self._lock:
            self._fns = (*self._fns, fn)

        def remove() -> None:
            with self._lock:
                self._fns = tuple(f for f in self._fns if f is not fn)

        return remove

    def notify(self, *args: P.args, **kwargs: P.kwargs) -> None:
        for fn in self._fns:
            try:
                fn(*args, **kwargs)
            except Exception:
                log.exception("%s observer %r failed", self._owner, fn)

    def __len__(self) -> int:
        return len(self._fns)
