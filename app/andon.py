"""Andon: problem reports from the line, taken and closed by maintenance and leads.

A report is saved locally first and published retained on
`<topic_root>/andon/<item id>` through the outbox, so it survives a dead link or a
restart and every terminal and supervisor desktop converges on the same board.
Merging is by life-cycle rank (open < taken < closed), then by update time: a late
message can never reopen a closed item.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from enum import StrEnum

from app.auth.permissions import Action, Role, require
from app.services import ServiceContext, ServiceSpec
from app.shared_board import BoardItem, SharedBoard
from app.store.schema import register_schema

log = logging.getLogger(__name__)

CATEGORIES = ("machine", "quality", "material", "safety", "other")

register_schema("andon", ["""
CREATE TABLE andon_items (id TEXT PRIMARY KEY, updated REAL NOT NULL, body TEXT NOT NULL);
"""])


class AndonStatus(StrEnum):
    OPEN = "open"
    TAKEN = "taken"
    CLOSED = "closed"


@dataclass(frozen=True)
class AndonItem(BoardItem):
    id: str
    station: str
    category: str
    note: str
    reporter: str
    terminal: str
    status: AndonStatus
    created: float
    updated: float
    taken_by: str = ""
    closed_by: str = ""
    resolution: str = ""

    _status_type = AndonStatus


class AndonError(ValueError):
    """A report or action that cannot be done; the message says why."""


class AndonBoard(SharedBoard[AndonItem]):
    """The andon items this terminal knows; thread-safe; observers get the changed item."""

    _item_type, _table, _subtopic = AndonItem, "andon_items", "andon"
    _name, _what, _log = "andon", "andon message", log
    _error, _missing = AndonError, "no andon item"

    def _ordered(self, items: list[AndonItem]) -> list[AndonItem]:
        return sorted(items, key=lambda i: i.created, reverse=True)

    # --- actions -------------------------------------------------------------------------

    def report(self, station: str, category: str, note: str = "",
               reporter: str | None = None) -> AndonItem:
        """Anyone at the line may report, signed in or not (two touches, no sign-in)."""
        if category not in CATEGORIES:
            raise AndonError(f"unknown category {category!r}; choose one of "
                             f"{', '.join(CATEGORIES)}")
        if len(note) > 500:
            raise AndonError("the note is longer than 500 characters")
        t = self._clock()
        item = AndonItem(f"{self.terminal_id}-{uuid.uuid4().hex[:10]}", station, category,
                         note.strip(), reporter or f"terminal:{self.terminal_id}",
                         self.terminal_id, AndonStatus.OPEN, t, t)
        self._apply(item, publish=True)
        return item

    def take(self, item_id: str, actor: str, role: Role) -> AndonItem:
        require(role, Action.ANDON_TAKE)
        return self._take(item_id, actor)

    def close(self, item_id: str, actor: str, role: Role, resolution: str = "") -> AndonItem:
        require(role, Action.ANDON_CLOSE)
        return self._close(item_id, actor, resolution)


def build(ctx: ServiceContext) -> AndonBoard:
    """Every terminal has a board; with a broker it is shared with the plant."""
    return AndonBoard(ctx.store, ctx.runtime if ctx.shared else None,
                      terminal_id=ctx.terminal_id, topic_root=ctx.config.site.topic_root,
                      clock=ctx.clock)


SPEC = ServiceSpec(name="andon", provides=AndonBoard, build=build)
