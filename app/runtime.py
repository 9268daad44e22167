"""The runtime: one asyncio thread that owns the sources, the latest values and the
change stream; the GUI, the historian and the alarm engine listen to it.

Threading contract:
- Sources run on the runtime loop and deliver samples to `_ingest` there.
- Listeners (`subscribe`) are called on the runtime thread with each batch; they must
  not block (hand off to a queue, as the historian and `ChangeBuffer` do).
- Other threads (the GUI) call `safety_write`, `publish`, `call`: these return
  `concurrent.futures.Future` at once and never wait on the network or the disk.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from app.config import SiteConfig, TagConfig
from app.model import LinkState, LinkStatus, Quality, Sample, Value, now
from app.observers import Observers
from app.sources import registry
from app.sources.base import Source, SourceError
from app.sources.broker import BrokerSource

log = logging.getLogger(__name__)

Listener = Callable[[list[Sample]], None]
StatusListener = Callable[[LinkStatus], None]


class Runtime:
    def __init__(self, config: SiteConfig, store: Any = None,
                 secrets: Callable[[str], str | None] | None = None) -> None:
        self.config = config
        self.store = store
        self._secrets = secrets or (lambda _sid: None)
        self.latest: dict[str, Sample] = {}
        self.links: dict[str, LinkStatus] = {}
        self.sources: dict[str, Source] = {}
        self._listeners: Observers = Observers("change stream")
        self._status_listeners: Observers = Observers("link status")
        self.loop = asyncio.new_event_loop()
        self._thread: threading.Thread | None = None
        self._tasks: list[asyncio.Task] = []
        self._topic_lock = threading.Lock()
        # subscribe_topic before start: added to the broker source when it exists
        self._pending_topics: list[tuple[str, Callable[[str, bytes], object]]] = []
        if store is not None:
            self.subscribe(store.historian.append)

    # --- lifecycle ---------------------------------------------------------------------

    def start(self) -> None:
        for sc in self.config.sources.values():
            cls = registry.get(sc.kind)
            src = cls(sc, self.config.tags_of(sc.id), self._ingest, self._status,
                      self._secrets(sc.id))
            src.terminal_id = self.config.site.terminal_id  # unique MQTT client ids
            self.sources[sc.id] = src
            self.links[sc.id] = src.status
        broker = self.broker
        if self.store is not None and broker is not None:
            broker.attach_outbox(self.store.outbox, self.config.site)
        with self._topic_lock:
            for topic_filter, handler in self._pending_topics:
                if broker is not None:
                    self.loop.call_soon_threadsafe(broker.add_subscription, topic_filter,
                                                   handler)
            self._pending_topics.clear()
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,),
                                        name="lineside-runtime", daemon=True)
        self._thread.start()
        ready.wait()

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        # Ready once the loop runs, before any source's first step: a source may work
        # for a while before it first awaits (the OPC UA source imports asyncua, ~0.5 s),
        # and the caller (a window being built) need not wait for that.
        self.loop.call_soon(ready.set)
        for src in self.sources.values():
            self._tasks.append(self.loop.create_task(self._supervise(src), name=src.id))
        self.loop.run_forever()
        self.loop.close()

    async def _supervise(self, src: Source) -> None:
        """A source's run() must never end; if it raises (a bug), log and restart it."""
        while True:
            try:
                await src.run()
                return
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("source %s crashed; restarting in 2 s", src.id)
                self._mark_bad(src.id, "source crashed")
                await asyncio.sleep(2)

    def stop(self, timeout: float = 2.0) -> None:
        """Cancel the sources and stop the loop; returns within `timeout` seconds."""
        if self._thread is None:
            return

        async def _cancel() -> None:
            for t in self._tasks:
                t.cancel()
            if self._tasks:  # a site may have no sources (a desk that only views the broker)
                await asyncio.wait(self._tasks, timeout=timeout * 0.75)

        try:
            asyncio.run_coroutine_threadsafe(_cancel(), self.loop).result(timeout)
        except (concurrent.futures.TimeoutError, RuntimeError):
            log.warning("sources did not stop within %.1f s", timeout)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout)
        self._thread = None

    # --- the change stream ----------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(batch)` on the runtime thread for each batch of changes."""
        return self._listeners.add(listener)

    def subscribe_status(self, listener: StatusListener) -> Callable[[], None]:
        """Call `listener(status)` on the runtime thread when a link changes state."""
        return self._status_listeners.add(listener)

    def _ingest(self, samples: list[Sample]) -> None:
        tags = self.config.tags
        changed: list[Sample] = []
        for s in samples:
            prev = self.latest.get(s.tag)
            tag = tags.get(s.tag)
            if (prev is not None and tag is not None and tag.deadband > 0
                    and prev.quality == s.quality and _within(prev.value, s.value, tag.deadband)):
                continue
            self.latest[s.tag] = s
            changed.append(s)
        if changed:
            self.emit(changed)

    def emit(self, batch: list[Sample]) -> None:
        self._listeners.notify(batch)

    def _status(self, status: LinkStatus) -> None:
        self.links[status.source] = status
        if status.state in (LinkState.OFFLINE, LinkState.RECONNECTING):
            self._mark_bad(status.source, status.detail)
        self._status_listeners.notify(status)

    def _mark_bad(self, source_id: str, detail: str) -> None:
        """A lost link makes every tag of the source BAD at once, never silently stale."""
        t = now()
        bad = [Sample(tag.path, t, self.latest[tag.path].value if tag.path in self.latest
                      else None, Quality.BAD)
               for tag in self.config.tags_of(source_id)
               if self.latest.get(tag.path) is None
               or self.latest[tag.path].quality is not Quality.BAD]
        if bad:
            self._ingest(bad)

    # --- commands from other threads --------------------------------------------------------

    def every(self, seconds: float, fn: Callable[[], Any], name: str = "") -> Callable[[], None]:
        """Run `fn()` on the runtime thread every `seconds` (the one way to schedule
        periodic domain work: alarm timers, sign-out, sweeps). Returns a cancel function.
        A failing `fn` is logged and keeps its schedule."""
        handle: list[asyncio.TimerHandle | None] = [None]
        cancelled = threading.Event()

        def run() -> None:
            if cancelled.is_set():
                return
            try:
                fn()
            except Exception:
                log.exception("periodic task %s failed", name or fn)
            handle[0] = self.loop.call_later(seconds, run)

        def cancel() -> None:
            cancelled.set()
            if handle[0] is not None and not self.loop.is_closed():
                self.loop.call_soon_threadsafe(handle[0].cancel)

        self.loop.call_soon_threadsafe(run)
        return cancel

    def after(self, seconds: float, fn: Callable[[], Any],
              name: str = "") -> Callable[[], None]:
        """Run `fn()` once on the runtime thread after `seconds` (the one way to delay
        domain work). Returns a cancel function; a failing `fn` is logged."""
        handle: list[asyncio.TimerHandle | None] = [None]
        cancelled = threading.Event()

        def run() -> None:
            if cancelled.is_set():
                return
            try:
                fn()
            except Exception:
                log.exception("delayed task %s failed", name or fn)

        def arm() -> None:
            if not cancelled.is_set():
                handle[0] = self.loop.call_later(seconds, run)

        def cancel() -> None:
            cancelled.set()
            if handle[0] is not None and not self.loop.is_closed():
                self.loop.call_soon_threadsafe(handle[0].cancel)

        self.loop.call_soon_threadsafe(arm)
        return cancel

    def call(self, coro: Coroutine[Any, Any, Any]) -> concurrent.futures.Future:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def reconnect_now(self, source_id: str) -> concurrent.futures.Future[bool]:
        """Skip the rest of a source's reconnect backoff (the link indicator's touch
        action); the future says whether it was waiting to retry."""
        src = self.sources[source_id]

        async def wake() -> bool:
            return src.reconnect_now()

        return self.call(wake())

    def safety_write(self, path: str, value: Value) -> concurrent.futures.Future[Sample]:
        """Write a tag on its source with no actor, no permission check and no audit:
        the e-stop's path (stop, reset and start requests, safe speed), which must not
        wait for anything. What a person or a host asks goes through
        `app.writes.TagWrites.write(path, value, actor)`. The future holds the read-back."""
        return self.call(self.safety_write_async(path, value))

    async def safety_write_async(self, path: str, value: Value) -> Sample:
        tag = self.config.tags.get(path)
        if tag is None:
            raise SourceError(f"unknown tag {path!r}")
        if not tag.writable:
            raise SourceError(f"tag {path!r} is not writable")
        value = coerce(tag, value)
        sample = await self.sources[tag.source].write(tag, value)
        self._ingest([sample])
        return sample

    def publish(self, topic: str, payload: dict[str, Any], *, qos: int = 1,
                retain: bool = False) -> concurrent.futures.Future:
        """Store `payload` in the outbox, then send it; the future resolves once stored."""
        return self.call(self.publish_async(topic, payload, qos=qos, retain=retain))

    async def publish_async(self, topic: str, payload: dict[str, Any], *, qos: int = 1,
                            retain: bool = False) -> Any:
        if self.store is None or not self.config.site.broker:
            raise SourceError("no broker configured for this terminal (site.broker)")
        msg = await asyncio.wrap_future(
            self.store.outbox.enqueue(topic, payload, qos=qos, retain=retain))
        broker = self.broker
        if broker is not None:
            broker.kick()
        return msg

    @property
    def broker(self) -> BrokerSource | None:
        """The terminal's broker source (`site.broker`), once the sources exist."""
        src = self.sources.get(self.config.site.broker or "")
        return src if isinstance(src, BrokerSource) else None

    def subscribe_topic(self, topic_filter: str,
                        handler: Callable[[str, bytes], object]) -> Callable[[], None]:
        """Receive raw messages on the terminal's broker (for shared state topics).

        May be called before `start` (services subscribe before the sources connect,
        so a retained message is never missed). Returns the unsubscribe a service
        calls on stop."""
        if not self.config.site.broker:
            raise SourceError("no broker configured for this terminal (site.broker)")
        entry = (topic_filter, handler)
        with self._topic_lock:
            broker = self.broker
            if broker is None:
                self._pending_topics.append(entry)
            else:
                self.loop.call_soon_threadsafe(broker.add_subscription, topic_filter, handler)

        def unsubscribe() -> None:
            with self._topic_lock:
                if entry in self._pending_topics:
                    self._pending_topics.remove(entry)
                    return
                src = self.broker
            if src is not None and not self.loop.is_closed():
                self.loop.call_soon_threadsafe(src.remove_subscription, topic_filter, handler)

        return unsubscribe


def _within(a: Value, b: Value, deadband: float) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) < deadband
    return a == b


def coerce(tag: TagConfig, value: Value) -> Value:
    """Convert a value to the tag's type within its limits, or raise SourceError saying
    why not (the rules of `app.writes.check_value`: "banana" is no bool)."""
    from app.writes import WriteRefused, check_value

    try:
        return check_value(tag, value)
    except WriteRefused as e:
        raise SourceError(str(e)) from None


@dataclass
class Batch:
    """What the GUI takes once per frame: latest value per tag plus trend samples."""

    latest: dict[str, Sample] = field(default_factory=dict)
    series: dict[str, list[Sample]] = field(default_factory=dict)
    links: dict[str, LinkStatus] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.latest and not self.links


class ChangeBuffer:
    """Coalesces the change stream between two GUI frames (thread-safe, Qt-free).

    The runtime thread pushes; the GUI thread drains. Per tag it keeps the latest sample
    and at most `max_series` trend samples, so a slow frame cannot grow memory without
    bound. `on_first()` is called (on the pushing thread, outside the lock) by the first
    push after a drain: the consumer can wake for it at once instead of polling, and
    hears at most once per frame however fast changes come.
    """

    def __init__(self, runtime: Runtime | None = None, max_series: int = 5000,
                 on_first: Callable[[], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._batch = Batch()
        self._max = max_series
        self._on_first = on_first
        self._detach: list[Callable[[], None]] = []
        if runtime is not None:
            self._detach = [runtime.subscribe(self.push),
                            runtime.subscribe_status(self.push_status)]

    def close(self) -> None:
        """Stop taking the runtime's changes (what is buffered can still be drained)."""
        for detach in self._detach:
            detach()
        self._detach = []

    def push(self, samples: list[Sample]) -> None:
        with self._lock:
            b = self._batch
            first = b.empty
            for s in samples:
                b.latest[s.tag] = s
                series = b.series.setdefault(s.tag, [])
                series.append(s)
                if len(series) > self._max:
                    del series[: len(series) - self._max]
        if first and samples and self._on_first is not None:
            self._on_first()

    def push_status(self, status: LinkStatus) -> None:
        with self._lock:
            first = self._batch.empty
            self._batch.links[status.source] = status
        if first and self._on_first is not None:
            self._on_first()

    def drain(self) -> Batch:
        with self._lock:
            batch, self._batch = self._batch, Batch()
        return batch
