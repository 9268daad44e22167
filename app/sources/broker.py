"""What the runtime needs of the terminal's broker source, whatever its protocol.

The MQTT source implements it; a Sparkplug source that carries the terminal's shared
state will too. `site.broker` must name a source whose class satisfies this protocol
(checked when the site file is loaded).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from app.config import SiteInfo

TopicHandler = Callable[[str, bytes], object]  # what it returns is ignored


@runtime_checkable
class BrokerSource(Protocol):
    """Store-and-forward publishing and raw topic subscriptions (loop thread only)."""

    def attach_outbox(self, outbox: Any, site: SiteInfo | None = None) -> None:
        """Make this the terminal's broker: presence, last will, the outbox to send."""

    def kick(self) -> None:
        """Send what the outbox holds now (a no-op while disconnected)."""

    def add_subscription(self, topic_filter: str, handler: TopicHandler) -> None:
        """Call `handler(topic, payload)` for each matching message."""

    def remove_subscription(self, topic_filter: str, handler: TopicHandler) -> None:
        """Stop calling `handler` for `topic_filter`."""


def is_broker_kind(source_class: type) -> bool:
    """Whether sources of this class can be `site.broker`."""
    return all(callable(getattr(source_class, name, None))
               for name in ("attach_outbox", "kick", "add_subscription", "remove_subscription"))
