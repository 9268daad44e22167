"""Observer lists: add/remove from any thread, failures isolated, removal from inside."""

from __future__ import annotations

import logging

from app.observers import Observers


def test_failing_observer_is_logged_and_the_others_still_run(caplog) -> None:
    obs: Observers = Observers("test")
    got: list[int] = []

    def bad(_n: int) -> None:
        raise RuntimeError("boom")

    obs.add(bad)
    obs.add(got.append)
    with caplog.at_level(logging.ERROR):
        obs.notify(7)
    assert got == [7]
    assert "test observer" in caplog.text and "boom" in caplog.text


def test_an_observer_may_remove_itself_while_being_notified() -> None:
    obs: Observers = Observers("test")
    calls: list[str] = []
    remove = None

    def once() -> None:
        calls.append("once")
        remove()

    remove = obs.add(once)
    obs.add(lambda: calls.append("always"))
    obs.notify()
    obs.notify()
    assert calls == ["once", "always", "always"]
    assert len(obs) == 1
