"""Layouts follow the worker: two terminals (two stores, two runtimes) on one real
Mosquitto. Saved at A, signed in at B, B shows it; offline B serves its local copy."""

from __future__ import annotations

from support import wait_for

from app.auth.session import SessionManager
from app.auth.users import UserRepo
from layouts import model
from layouts.active import ActiveLayout


def anna_layout(theme: str) -> dict:
    d = model.new_layout("anna", model.default_layout("operator"))
    d["theme"] = theme
    return d


def test_layout_saved_at_a_is_shown_at_b(broker, terminals) -> None:
    a = terminals("A", broker.port)
    b = terminals("B", broker.port)
    saved = a.save("anna", anna_layout("contrast")).result(5)
    got = wait_for(lambda: b.get("anna"), what="B to receive anna's layout")
    assert got == saved

    # anna signs in at B: B shows her layout.
    repo = UserRepo(b.store)
    repo.add("anna", "Anna", "operator", "4711").result(5)
    session = SessionManager(repo)
    active = ActiveLayout(session, b)
    assert session.sign_in_pin("anna", "4711").ok
    assert active.current.doc["theme"] == "contrast"

    # A later terminal C (a late joiner) gets it from the retained message.
    c = terminals("C", broker.port)
    assert wait_for(lambda: c.get("anna"), what="C to get the retained layout") == saved


def test_offline_b_serves_its_local_copy_and_newer_wins(broker, terminals) -> None:
    a = terminals("A", broker.port)
    b = terminals("B", broker.port)
    first = a.save("anna", anna_layout("dark")).result(5)
    wait_for(lambda: b.get("anna"), what="B to receive revision 1")

    broker.stop()  # the line's broker is down
    assert b.load_for("anna", "operator").doc == first  # B still shows it
    second = a.save("anna", first | {"theme": "light"}).result(5)  # queued at A
    assert second["revision"] == 2
    broker.restart()
    got = wait_for(lambda: (d := b.get("anna")) and d["revision"] == 2 and d,
                   timeout=15, what="B to receive revision 2 after the broker is back")
    assert got["theme"] == "light"

    # B edits the older revision it had while A's newer one is around: B saves on top
    # of the highest revision it knows, so its save becomes revision 3 and wins at A.
    third = b.save("anna", got | {"theme": "contrast"}).result(5)
    assert third["revision"] == 3
    assert wait_for(lambda: (d := a.get("anna")) and d["revision"] == 3 and d,
                    what="A to receive revision 3")["theme"] == "contrast"


def test_a_broken_retained_layout_does_not_replace_the_local_one(broker, terminals) -> None:
    a = terminals("A", broker.port)
    good = a.save("anna", anna_layout("dark")).result(5)
    bad = good | {"revision": 50, "schema": 2}
    a.runtime.publish(a.topic("anna"), bad, retain=True).result(5)
    wait_for(lambda: a.rejected, what="the future-version layout to be rejected")
    assert "newer LineSide" in a.rejected[-1]
    assert a.get("anna") == good
