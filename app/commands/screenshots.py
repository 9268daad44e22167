"""`lineside screenshots OUTDIR`: capture the README's pictures of the real terminal.

Starts the demo plant (simulator, its own broker, a store in a temporary folder, so
the user's demo store is never touched), a `Terminal` with the demo users, and the
real `TerminalWindow`, then drives it the way a worker would (sign in, edit mode, a
gas leak, an e-stop with the PLC offline, dark theme, German) and saves one PNG per
scene. Each capture waits for live values (polls the panels), never a fixed sleep.

The e-stop lives in its own always-on-top window over the frame (widgets/estop.py);
`QWidget.grab()` of the main window does not contain it, so each capture paints the
e-stop window's own grab at its place over the main window: the picture shows what a
person sees.

Rerun (from the project folder; works offscreen or on a real/virtual X display):

    uv run lineside screenshots resources/screenshots
    uv run lineside screenshots /tmp/shots --only german --size 1024x768

Under Xvfb (the screen must hold the largest capture, 1920x1080):

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \\
        uv run lineside screenshots resources/screenshots

Without a display (and without QT_QPA_PLATFORM set) the command uses Qt's offscreen
platform. It stops the terminal, the simulator and the broker before it returns.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.alarms.engine import AlarmEngine
from app.auth.session import SessionManager

log = logging.getLogger(__name__)

OPERATOR = ("anna", "1111")
SUPERVISOR = ("sam", "6666")
SAFETY_OFFICER = ("sofia", "5555")
VALUE_WAIT_S = 25.0  # the first OPC UA/MQTT values arrive within a few seconds


@dataclass(frozen=True)
class Shot:
    name: str  # file name without .png
    size: tuple[int, int] | None  # None: the --size given on the command line
    about: str  # one line for the README


# In capture order: scenes without alarms first, then the gas leak, the e-stop last
# (the simulated PLC stays offline after it).
SHOTS: tuple[Shot, ...] = (
    Shot("operator-touchscreen", None,
         "Operator signed in on a 1280x800 touchscreen: stations with live values"),
    Shot("night-shift-dark", None, "The same operator layout in the dark theme"),
    Shot("german", None, "The operator layout in German"),
    Shot("chinese-200", None, "The operator layout in Chinese at 200 % text"),
    Shot("edit-mode", None, "Edit mode: the operator arranges their own layout"),
    Shot("safety-officer", None,
         "Safety officer: floor map with danger zones, worker markers and vitals states"),
    Shot("zone-intrusion", None, "A worker inside robot cell 3 while it runs: the zone turns "
         "red, the cell's camera shows him, the alarm carries its snapshot"),
    Shot("operator-alarm", None, "A gas leak raises a priority-1 alarm in the banner"),
    Shot("supervisor-overview", (1920, 1080),
         "Supervisor on 1920x1080: plant overview, alarm list and trends"),
    Shot("estop-not-confirmed", None,
         "E-stop pressed while the PLC is offline: the loud NOT CONFIRMED warning"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("screenshots", help="capture the README screenshots of the demo terminal")
    p.add_argument("outdir", type=Path)
    p.add_argument("--size", type=parse_size, default=(1280, 800),
                   help="window size WxH (default 1280x800; the supervisor scene is 1920x1080)")
    p.add_argument("--only", action="append", default=[], metavar="NAME",
                   choices=[s.name for s in SHOTS], help="capture only this scene (repeatable)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    written = capture(args.outdir, size=args.size, only=args.only or None)
    for path in written:
        print(path)
    return 0


def parse_size(text: str) -> tuple[int, int]:
    """"1280x800" -> (1280, 800); argparse reports the error against --size."""
    w, sep, h = text.lower().partition("x")
    try:
        size = (int(w), int(h))
    except ValueError:
        size = (0, 0)
    if not sep or min(size) < 200:
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT of at least 200x200, got {text!r}")
    return size


def capture(outdir: Path, *, size: tuple[int, int] = (1280, 800),
            only: Iterable[str] | None = None) -> list[Path]:
    """Start the demo, capture the chosen scenes (all by default) into `outdir`, stop
    everything, and return the written PNG paths."""
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") \
            and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    wanted = set(only) if only is not None else {s.name for s in SHOTS}
    unknown = wanted - {s.name for s in SHOTS}
    if unknown:
        raise ValueError(f"unknown screenshot(s): {', '.join(sorted(unknown))}")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with _demo_window() as scene:
        for shot in SHOTS:
            if shot.name not in wanted:
                continue
            w, h = shot.size or size
            scene.resize(w, h)
            SCENES[shot.name](scene)
            path = outdir / f"{shot.name}.png"
            scene.save(path)
            scene.undo()
            written.append(path)
            log.info("screenshot %s (%dx%d)", path, w, h)
    return written


# --- the running demo ------------------------------------------------------------------


class Scene:
    """The running demo terminal and its window, with the few moves the scenes need."""

    def __init__(self, stack: Any, term: Any, tw: Any, app: Any) -> None:
        self.stack, self.term, self.tw, self.app = stack, term, tw, app
        self.session = term.service(SessionManager)
        self.after: list[Callable[[], Any]] = []  # undo a scene once it is captured

    # waiting ------------------------------------------------------------------------------

    def wait_until(self, cond: Callable[[], bool], what: str,
                   timeout: float = VALUE_WAIT_S) -> bool:
        """Run the GUI until `cond()` holds; log (and go on) if it does not in time."""
        from widgets.capture import run_events

        deadline = time.monotonic() + timeout
        while True:
            run_events(self.app, 50)
            if cond():
                return True
            if time.monotonic() > deadline:
                log.warning("screenshot: gave up waiting for %s after %.0f s", what, timeout)
                return False
            time.sleep(0.02)

    def settle(self) -> None:
        """Let queued layout changes, the re-fit timer and repaints run."""
        self.wait_until(lambda: not self.tw._refit.isActive(), "the layout to fit", 5)
        start = time.monotonic()
        # Two rounds of events a little apart: posted deleteLater/relayouts, then paints.
        self.wait_until(lambda: time.monotonic() - start > 0.3, "repaint", 2)

    def live_values(self) -> bool:
        """Most value tiles of the visible station panels show a number, not '—'."""
        from widgets.value_tile import ValueTile

        tiles = [t for t in self.tw.host.findChildren(ValueTile) if t.isVisibleTo(self.tw.host)]
        if not tiles:
            return True  # a layout without stations (e.g. a floor map only)
        shown = sum(1 for t in tiles if t.value.text() not in ("—", ""))
        return shown >= 0.8 * len(tiles)

    def wait_for_values(self) -> None:
        self.settle()
        self.wait_until(self.live_values, "live values in the station panels")
        self.settle()

    # moves --------------------------------------------------------------------------------

    def resize(self, w: int, h: int) -> None:
        win = self.tw.window
        if (win.width(), win.height()) != (w, h):
            win.resize(w, h)
            self.settle()

    def sign_in(self, who: tuple[str, str]) -> None:
        cur = self.session.current
        if cur is not None and cur.user_id == who[0]:
            return
        if cur is not None:
            self.session.sign_out("screenshots")
        result = self.session.sign_in_pin(*who)
        if not result.ok:
            raise RuntimeError(f"demo user {who[0]} cannot sign in: {result}")
        # ActiveLayout follows the session at once; the window gets it through a queued
        # signal, which settle() lets through (the scenes then apply it themselves).
        self.settle()

    def show_layout(self, **prefs: Any) -> None:
        """Show the active layout with some preferences changed (not saved; kept until
        the next sign-in, so a re-fit after the frame grew at 200 % keeps them)."""
        from layouts.model import Loaded

        loaded = Loaded({**self.tw.active.current.doc, **prefs})
        self.tw.active.current = loaded
        self.tw.apply_layout(loaded)

    def fault(self, name: str) -> None:
        self.stack.sim.set_fault(name)

    def undo(self) -> None:
        while self.after:
            self.after.pop()()
        self.settle()

    def save(self, path: Path) -> None:
        self.grab().save(str(path), "PNG")

    def grab(self) -> Any:
        """The main window with the e-stop window painted where it floats over it."""
        from widgets.capture import grab_with_estop

        return grab_with_estop(self.app, self.tw)


@contextmanager
def _demo_window() -> Iterator[Scene]:
    from app.commands.demo import _demo_users
    from app.demo import DemoStack
    from app.local_broker import free_port
    from app.terminal import Terminal
    from widgets.capture import qt_app

    app = qt_app("LineSide")
    with tempfile.TemporaryDirectory(prefix="lineside-screenshots-") as tmp:
        # Own ports: never join a demo the user is running (its layouts and alarms roam).
        stack = DemoStack.start(data_dir=Path(tmp), mqtt_port=free_port(),
                                opcua_port=free_port(), terminal_id="screenshot-terminal")
        # the robot cells' cameras, served as `lineside simulate` serves them (cameras.toml)
        from app.commands.simulate import start_cameras

        # on a port of their own: a demo the user runs may serve its cameras on 8190
        cam_port = free_port()
        cams = start_cameras(stack.sim.sim.model, cam_port)
        if "cameras" in stack.config.sections:
            from app.cameras.service import on_local_port

            stack.config.sections["cameras"] = on_local_port(
                stack.config.sections["cameras"], cam_port)
        term = Terminal(stack.config, store_path=Path(tmp) / "lineside.db")
        tw = None
        try:
            term.start()
            _demo_users(term)
            from widgets import theme
            from widgets.application import TerminalWindow

            theme.apply_theme(app, "light", 1.0)
            tw = TerminalWindow(term)
            tw.window.resize(1280, 800)
            tw.window.move(0, 0)
            tw.window.show()
            yield Scene(stack, term, tw, app)
        finally:
            if tw is not None:
                tw.close()
                app.processEvents()
            term.stop()
            if cams is not None:
                cams.stop()
            stack.stop()


# --- the scenes ------------------------------------------------------------------------


def _operator(s: Scene) -> None:
    s.sign_in(OPERATOR)
    s.show_layout()
    s.wait_for_values()


def _dark(s: Scene) -> None:
    s.sign_in(OPERATOR)
    s.show_layout(theme="dark")
    s.wait_for_values()


def _german(s: Scene) -> None:
    s.sign_in(OPERATOR)
    s.show_layout(language="de")
    s.wait_for_values()


def _chinese_200(s: Scene) -> None:
    s.sign_in(OPERATOR)
    s.show_layout(language="zh_CN", font_scale=2.0)
    s.wait_for_values()


def _edit_mode(s: Scene) -> None:
    _operator(s)
    sheet = s.tw.open_editor()
    s.settle()
    if sheet is None:
        raise RuntimeError("edit mode did not open for the signed-in operator")
    # A trend added as by a tap on "Add panel": selected, with the tag picker open on
    # the press's signals and one of them ticked.
    editor = sheet.content
    editor.add_type.setCurrentIndex(editor.add_type.findData("trend"))
    editor.add_button.click()
    picker = editor.setting_fields.get("tags")
    oil = [p for p in getattr(picker, "items", {}) if p.endswith("/press1/oil_temp")]
    if oil:
        picker.toggle(oil[0])
        picker.tree.scrollToItem(picker.items[oil[0]])
    s.settle()
    s.after.append(sheet.close_with)


def _safety_officer(s: Scene) -> None:
    from widgets.camera import CameraView

    s.sign_in(SAFETY_OFFICER)
    s.show_layout()
    s.wait_for_values()
    cams = s.tw.window.findChildren(CameraView)
    s.wait_until(lambda: all(c.image is not None for c in cams), "the camera picture", 10)


def _zone_intrusion(s: Scene) -> None:
    from app.alarms.engine import AlarmEngine
    from app.cameras.service import CameraHub
    from widgets.alarm_table import AlarmTable

    _safety_officer(s)
    alarm = "zone.robot3.intrusion"
    hub = s.term.find(CameraHub)
    s.fault("zone_intrusion")
    s.after.append(lambda: s.stack.sim.set_fault("zone_intrusion", False))
    engine = s.term.service(AlarmEngine)
    s.wait_until(lambda: any(a.id == alarm for a in engine.active()), "the intrusion alarm", 60)
    s.wait_until(lambda: hub is None or alarm in hub.latest_snapshot, "the camera snapshot", 10)
    for table in s.tw.window.findChildren(AlarmTable):
        table.refresh()
        table.select(alarm)
    s.settle()


def _operator_alarm(s: Scene) -> None:
    _operator(s)
    alarms = s.term.service(AlarmEngine)
    s.fault("gas_leak")
    s.wait_until(lambda: alarms.summary().by_priority.get(1, 0) > 0, "a priority-1 alarm")
    s.wait_until(lambda: s.tw.banner.isVisible(), "the alarm banner", 5)
    s.settle()


def _supervisor(s: Scene) -> None:
    s.sign_in(SUPERVISOR)
    s.show_layout()
    s.wait_for_values()


def _estop(s: Scene) -> None:
    from app.model import LinkState
    from app.safety.estop import RequestState

    _operator(s)
    s.fault("plc_offline")
    rt = s.term.runtime
    s.wait_until(lambda: getattr(rt.links.get("plc-body"), "state", None)
                 not in (LinkState.CONNECTED, None), "the PLC link to drop")
    panel = s.tw.estop.panel
    panel.button.pressed.emit()  # the button's own touch-down path
    s.wait_until(lambda: panel.controller.status.request is RequestState.NOT_CONFIRMED,
                 "NOT CONFIRMED")
    # The banner grows the e-stop window; the frame makes room for it a moment later.
    window = s.tw.estop.estop
    if not s.wait_until(lambda: panel.banner.isVisible() and panel.banner.height() > 20
                        and window.height() >= window.sizeHint().height(),
                        "the NOT CONFIRMED banner", 5):
        # Seen intermittently (about 1 run in 4): the controller says NOT_CONFIRMED but
        # the panel shows no banner. Leave the facts for whoever chases it.
        log.error("e-stop panel shows no NOT CONFIRMED banner: controller %s, observers %d, "
                  "banner hidden %s, window %s (hint %s)", panel.controller.status,
                  len(getattr(panel.controller, "_observers", ())), panel.banner.isHidden(),
                  window.size(), window.sizeHint())
    s.settle()


SCENES: dict[str, Callable[[Scene], None]] = {
    "operator-touchscreen": _operator,
    "night-shift-dark": _dark,
    "german": _german,
    "chinese-200": _chinese_200,
    "edit-mode": _edit_mode,
    "safety-officer": _safety_officer,
    "zone-intrusion": _zone_intrusion,
    "operator-alarm": _operator_alarm,
    "supervisor-overview": _supervisor,
    "estop-not-confirmed": _estop,
}
