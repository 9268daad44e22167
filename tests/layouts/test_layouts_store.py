"""Local layout store: revisions, newer-wins, rejecting bad broker documents, and which
layout the terminal shows as workers sign in and out."""

from __future__ import annotations

import json

from app.auth.session import SessionManager
from app.auth.users import UserRepo
from layouts import model
from layouts.active import ActiveLayout
from layouts.model import Fallback
from layouts.store import LayoutStore


def mine(owner: str = "anna", theme: str = "dark") -> dict:
    d = model.new_layout(owner, model.default_layout("operator"))
    d["theme"] = theme
    return d


def test_save_bumps_revision_and_reads_back(lstore, lclock) -> None:
    ls = LayoutStore(lstore, topic_root="demo", clock=lclock)
    seen: list[tuple[str, int]] = []
    ls.add_listener(lambda uid, doc: seen.append((uid, doc["revision"])))
    first = ls.save("anna", mine()).result(5)
    assert (first["revision"], first["updated"], first["owner"]) == (1, lclock.t, "anna")
    lclock.advance(10)
    second = ls.save("anna", first).result(5)
    assert second["revision"] == 2
    assert ls.get("anna") == second and ls.get("ben") is None
    assert seen == [("anna", 1), ("anna", 2)]
    assert ls.topic("anna") == "demo/layouts/anna"


def test_invalid_layout_is_not_saved(lstore) -> None:
    ls = LayoutStore(lstore, topic_root="demo")
    bad = mine()
    bad["panels"][0]["colspan"] = 40
    try:
        ls.save("anna", bad)
    except model.LayoutError as e:
        assert "reach past the grid's 12 columns" in str(e)
    else:
        raise AssertionError("an invalid layout was accepted")
    assert ls.get("anna") is None


def test_newer_revision_wins_tie_goes_to_later_update(lstore, lclock) -> None:
    ls = LayoutStore(lstore, topic_root="demo", clock=lclock)
    saved = ls.save("anna", mine("anna", "dark")).result(5)  # revision 1
    older = dict(saved, theme="light", revision=0, updated=saved["updated"] + 100)
    assert ls.receive("anna", older).result(5) is False
    same = dict(saved, theme="contrast")
    assert ls.receive("anna", same).result(5) is False  # same revision and time: keep
    tie_later = dict(saved, theme="contrast", updated=saved["updated"] + 1)
    assert ls.receive("anna", tie_later).result(5) is True
    newer = dict(saved, theme="light", revision=5, updated=0.0)
    assert ls.receive("anna", newer).result(5) is True
    assert ls.get("anna")["theme"] == "light"
    assert ls.save("anna", mine()).result(5)["revision"] == 6  # continues from the highest


def test_bad_documents_from_the_broker_are_rejected(lstore, caplog) -> None:
    ls = LayoutStore(lstore, topic_root="demo")
    good = ls.save("anna", mine()).result(5)
    future = dict(good, schema=9, revision=99)
    broken_grid = dict(good, revision=99, rows=0)
    wrong_owner = dict(good, revision=99, owner="ben")
    ls._on_message("demo/layouts/anna", b"{not json")
    ls._on_message("demo/layouts/anna", json.dumps(future).encode())
    ls._on_message("demo/layouts/anna", json.dumps(broken_grid).encode())
    ls._on_message("demo/layouts/anna", json.dumps(wrong_owner).encode())
    ls._on_message("demo/layouts/anna", b"")  # a cleared retained message
    lstore.flush()
    assert ls.get("anna") == good
    assert len(ls.rejected) == 4
    assert "newer LineSide (layout schema 9" in ls.rejected[1]
    assert "rows: must be a whole number" in ls.rejected[2]
    assert "owner 'ben' does not match the topic" in ls.rejected[3]
    assert "layout from the broker rejected" in caplog.text


def test_load_for_falls_back_on_a_corrupt_local_copy(lstore) -> None:
    ls = LayoutStore(lstore, topic_root="demo")
    assert ls.load_for("anna", "maintenance").fallback is Fallback.MISSING
    lstore.submit(lambda c: c.execute(
        "INSERT INTO layouts VALUES ('anna', '{\"schema\": 1', 3, 0, 'local')")).result(5)
    loaded = ls.load_for("anna", "maintenance")
    assert loaded.fallback is Fallback.BROKEN
    assert loaded.doc == model.default_layout("maintenance")
    assert "showing the maintenance default layout" in (loaded.notice or "")


def test_active_layout_follows_sign_in_and_auto_sign_out(lstore, lclock) -> None:
    repo = UserRepo(lstore)
    repo.add("anna", "Anna", "operator", "4711").result(5)
    repo.add("sam", "Sam", "safety_officer", "1357").result(5)
    session = SessionManager(repo, clock=lclock, inactivity_s=300)
    ls = LayoutStore(lstore, topic_root="demo", clock=lclock)
    ls.save("anna", mine("anna", "contrast")).result(5)
    active = ActiveLayout(session, ls, terminal_role="operator")
    shown: list[str] = []
    active.add_listener(lambda loaded: shown.append(loaded.doc["owner"]))
    assert active.current.doc["owner"] == "role:operator"

    assert session.sign_in_pin("anna", "4711").ok
    assert active.current.doc["theme"] == "contrast"
    lclock.advance(301)
    assert session.tick()
    assert active.current.doc == model.default_layout("operator")

    assert session.sign_in_pin("sam", "1357").ok  # no own layout: the role's default
    assert active.current.doc["owner"] == "role:safety_officer"
    assert shown == ["anna", "role:operator", "role:safety_officer"]


def test_roaming_update_reaches_the_signed_in_worker(lstore, lclock) -> None:
    repo = UserRepo(lstore)
    repo.add("anna", "Anna", "operator", "4711").result(5)
    session = SessionManager(repo, clock=lclock)
    ls = LayoutStore(lstore, topic_root="demo", clock=lclock)
    active = ActiveLayout(session, ls)
    session.sign_in_pin("anna", "4711")
    update = dict(mine("anna", "dark"), revision=4)
    assert ls.receive("anna", update).result(5)
    lstore.flush()
    assert active.current.doc["theme"] == "dark" and active.current.doc["revision"] == 4
