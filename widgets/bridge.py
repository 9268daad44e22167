"""The Qt bridge: the runtime's change stream, coalesced and dispatched once per frame.

The runtime thread pushes into a `ChangeBuffer`; the GUI thread drains it and walks ONE
table tag -> listeners. A frame runs as soon as the first change after the previous frame
arrives, but never sooner than one frame period (default 25 Hz) after it: an idle
terminal shows a change within milliseconds, a busy one is capped at the frame rate.
Widgets never get a queued signal per value (PyDM's flood): they get the latest sample
per frame (`watch`) or every sample since the last frame (`watch_series`, for trends).
Listeners go away when their owner QObject is destroyed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.model import LinkStatus, Sample
from app.runtime import Batch, ChangeBuffer

log = logging.getLogger(__name__)

SampleFn = Callable[[Sample], None]
SeriesFn = Callable[[list[Sample]], None]


@dataclass(frozen=True, slots=True)
class _Listener:
    owner_key: int
    fn: Callable[[Any], None]
    series: bool


class Bridge(QObject):
    """Latest values and trend samples for the GUI thread, one dispatch pass per frame."""

    linkChanged = Signal(object)  # LinkStatus
    frame = Signal(object)  # Batch, after the listeners of this frame ran
    _wake = Signal()  # from the runtime thread: the first change after a frame

    def __init__(self, runtime: Any = None, *, hz: float = 25.0, config: Any = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.config = config if config is not None else getattr(runtime, "config", None)
        self._buffer = ChangeBuffer(runtime, on_first=self._wake_gui)
        self._latest: dict[str, Sample] = {}
        self._links: dict[str, LinkStatus] = {}
        self._table: dict[str, list[_Listener]] = {}
        self._owners: set[int] = set()
        self.frames = 0  # frames that carried changes (for tests and diagnostics)
        if runtime is not None:
            # Values that arrived before the GUI existed; copying a dict never blocks.
            self._latest.update(_snapshot(runtime.latest))
            self._links.update(_snapshot(runtime.links))
        self._period_s = 1.0 / hz
        self._last_tick = -1e9
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)
        self._wake.connect(self._schedule, Qt.ConnectionType.QueuedConnection)

    # --- feeding (tests, or sources living on the GUI side) --------------------------------

    def push(self, samples: Iterable[Sample]) -> None:
        """Feed samples as if the runtime had sent them (thread-safe)."""
        self._buffer.push(list(samples))

    def push_status(self, status: LinkStatus) -> None:
        self._buffer.push_status(status)

    def stop(self) -> None:
        """No more frames on their own (tests may still call `tick`); detach from the
        runtime."""
        self._stopped = True
        self._timer.stop()
        self._buffer.close()

    def _wake_gui(self) -> None:  # any thread
        try:
            self._wake.emit()
        except RuntimeError:  # this bridge's Qt object is gone: stop being fed
            self._buffer.close()

    def _schedule(self) -> None:
        if self._stopped or self._timer.isActive():
            return
        wait_s = self._last_tick + self._period_s - time.monotonic()
        self._timer.start(max(0, round(wait_s * 1000)))

    # --- listening ---------------------------------------------------------------------

    def watch(self, tag: str, fn: SampleFn, owner: QObject) -> None:
        """Call `fn(latest sample)` at most once per frame while `owner` lives.

        If the tag already has a value, `fn` gets it at once, so a panel opened late
        never shows an empty tile while the value is known.
        """
        self._add(tag, _Listener(self._own(owner), fn, False))
        s = self._latest.get(tag)
        if s is not None:
            self._call(fn, s)

    def watch_series(self, tag: str, fn: SeriesFn, owner: QObject) -> None:
        """Call `fn(all samples since the last frame)` once per frame while `owner` lives."""
        self._add(tag, _Listener(self._own(owner), fn, True))

    def unwatch(self, owner: QObject) -> None:
        self._drop(id(owner))

    def latest(self, tag: str) -> Sample | None:
        return self._latest.get(tag)

    def links(self) -> dict[str, LinkStatus]:
        return dict(self._links)

    def link_of(self, tag: str) -> LinkStatus | None:
        """The link status of the source a tag comes from (None if unknown)."""
        tags = getattr(self.config, "tags", None) or {}
        tc = tags.get(tag)
        return self._links.get(tc.source) if tc is not None else None

    def tag_config(self, tag: str) -> Any:
        tags = getattr(self.config, "tags", None) or {}
        return tags.get(tag)

    def listener_count(self, tag: str | None = None) -> int:
        if tag is not None:
            return len(self._table.get(tag, ()))
        return sum(len(v) for v in self._table.values())

    # --- the frame ---------------------------------------------------------------------

    def tick(self) -> None:
        """Drain the buffer and run every interested listener once (GUI thread)."""
        self._last_tick = time.monotonic()
        batch: Batch = self._buffer.drain()
        if batch.empty:
            return
        self.frames += 1
        self._latest.update(batch.latest)
        for status in batch.links.values():
            self._links[status.source] = status
            self.linkChanged.emit(status)
        for tag, sample in batch.latest.items():
            listeners = self._table.get(tag)
            if not listeners:
                continue
            # A listener may destroy widgets (and so unwatch) while we iterate: copy.
            for ls in tuple(listeners):
                if ls.series:
                    self._call(ls.fn, batch.series.get(tag, [sample]))
                else:
                    self._call(ls.fn, sample)
        self.frame.emit(batch)

    # --- internals ---------------------------------------------------------------------

    def _own(self, owner: QObject) -> int:
        key = id(owner)
        if key not in self._owners:
            self._owners.add(key)
            owner.destroyed.connect(lambda *_a, k=key: self._drop(k))
        return key

    def _add(self, tag: str, listener: _Listener) -> None:
        self._table.setdefault(tag, []).append(listener)

    def _drop(self, key: int) -> None:
        self._owners.discard(key)
        for tag in list(self._table):
            kept = [ls for ls in self._table[tag] if ls.owner_key != key]
            if kept:
                self._table[tag] = kept
            else:
                del self._table[tag]

    @staticmethod
    def _call(fn: Callable[[Any], None], arg: Any) -> None:
        try:
            fn(arg)
        except Exception:
            # One broken widget must not stop every other widget from updating.
            log.exception("bridge listener %r failed", fn)


def _snapshot(d: dict) -> dict:
    """Copy a dict another thread may be writing; retry on the rare resize race."""
    for _ in range(5):
        try:
            return dict(d)
        except RuntimeError:
            continue
    return {}
