"""Helpers of the end-to-end tests: polling with a deadline, a terminal on the plant."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support import wait_for  # noqa: F401 (re-exported)

from app import config
from app.auth.users import UserRepo
from app.terminal import Terminal

GAS = "demo/body/line1/environment/hall/gas"
OIL = "demo/body/line1/press/press1/oil_temp"


def start_terminal(plant: Any, tmp_path: Path, terminal_id: str, **kw: Any) -> Terminal:
    """A whole terminal on the simulated plant, with its own store in tmp_path."""
    cfg = config.load(plant.site_file, terminal_id=terminal_id)
    return Terminal(cfg, store_path=tmp_path / f"{terminal_id}.db", **kw).start()


# --- the whole GUI on a live terminal ----------------------------------------------------

DEMO_PINS = {"anna": "1111", "ben": "2222", "tara": "3333", "max": "4444", "sofia": "5555",
             "sam": "6666", "ada": "9999"}


def add_demo_users(term: Terminal, *user_ids: str) -> None:
    """Seed some of the demo's users (app/commands/demo.py DEMO_USERS) into a terminal."""
    from app.commands.demo import DEMO_USERS

    users = term.service(UserRepo)
    for uid, name, role, pin, badge, pseudo in DEMO_USERS:
        if uid in user_ids:
            users.add(uid, name, role, pin, badge=badge, pseudonym=pseudo).result(5)


def open_window(qtbot: Any, term: Terminal) -> Any:
    """A shown TerminalWindow on `term` (close it with `tw.close()`)."""
    from widgets.application import TerminalWindow

    tw = TerminalWindow(term)
    tw.window.resize(1280, 800)
    tw.window.show()
    qtbot.waitExposed(tw.window)
    # Showing resizes the layout area: the layout is fitted again once (250 ms later).
    area = tw.window.layout_area
    qtbot.waitUntil(lambda: not tw._refit.isActive()
                    and tw._fitted_for == (area.width(), area.height()), timeout=3000)
    return tw


def sign_in(qtbot: Any, tw: Any, user_id: str) -> None:
    """Sign in the way a worker does: the frame's button, pick the name, type the PIN."""
    assert tw.ctx.session.current is None
    tw.window.sign_button.click()
    view = tw.signin.view
    assert view is not None, "the sign-in sheet did not open"
    assert view.select_user(user_id), f"{user_id} is not in the sign-in list"
    for digit in DEMO_PINS[user_id]:
        view.keypad.keys[digit].click()
    # The worker's layout replaces the terminal's (queued): wait for it to be built.
    with qtbot.waitSignal(tw.host.layoutApplied, timeout=3000):
        view.keypad.ok_key.click()
    qtbot.waitUntil(lambda: tw.ctx.session.current is not None
                    and tw.ctx.session.current.user_id == user_id, timeout=3000)


def panel_ids(tw: Any) -> set[str]:
    return set(tw.host.panels)


def open_station_from_mimic(qtbot: Any, tw: Any, station: str) -> Any:
    """Touch a station on the layout's line mimic; returns the station panel it opens."""
    from PySide6.QtCore import Qt

    from widgets.mimic import LineMimicWidget
    from widgets.station_panel import StationPanel

    qtbot.waitUntil(lambda: tw.host.findChild(LineMimicWidget) is not None, timeout=3000)
    mimic = tw.host.findChild(LineMimicWidget)
    mimic._layout()
    qtbot.mouseClick(mimic, Qt.MouseButton.LeftButton,
                     pos=mimic.rects[station].center().toPoint())
    panel = mimic.station_sheet.content
    assert isinstance(panel, StationPanel) and panel.station.id == station
    return panel
