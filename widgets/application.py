"""The operator terminal's window, composed from a running `app.terminal.Terminal`.

Wires the fixed frame (alarm banner, e-stop, sign-in, link state), the worker's layout
(from `layouts.active.ActiveLayout`, fitted to the screen), edit mode, and the bridge
from the runtime. Service observers run on other threads; every hop to the GUI goes
through a queued signal.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QPushButton, QScrollArea

from app.alarms.engine import AlarmEngine
from app.alarms.journal import AlarmJournal
from app.auth.permissions import Action
from app.auth.session import SessionManager
from app.safety.estop import EStopController
from layouts import model as layout_model
from layouts.active import ActiveLayout
from layouts.store import LayoutStore
from widgets import icons, theme, wheel_guard
from widgets.about import AboutButton, AboutSheet
from widgets.alarm_banner import AlarmBanner
from widgets.alarm_table import AlarmTable
from widgets.bridge import Bridge
from widgets.kinetic import kinetic
from widgets.layout_editor import LayoutEditor
from widgets.layout_host import LayoutHost
from widgets.overlay import Overlay
from widgets.panels import PanelContext
from widgets.shell import MainWindow
from widgets.signin import SessionActivity, SignInController

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def fallback_notice(loaded: Any) -> str | None:
    """The worker-facing notice for a layout that could not be used (translated here;
    the domain's English detail is in the log)."""
    if loaded.notice:
        log.warning("layout notice: %s", loaded.notice)
    if loaded.fallback is layout_model.Fallback.BROKEN:
        return translate("Application", "Your saved layout could not be read, so your "
                         "role's default layout is shown. Saving a layout replaces it.")
    if loaded.fallback is layout_model.Fallback.FUTURE:
        return translate("Application", "Your saved layout was made by a newer LineSide, "
                         "so your role's default layout is shown until this terminal is "
                         "updated.")
    return None


class TerminalWindow(QObject):
    """Owns the main window and its wiring to the terminal's services."""

    layoutChanged = Signal(object)  # layouts.model.Loaded, from any thread
    storeHealth = Signal(object)  # app.store.StoreHealth, from the writer thread

    def __init__(self, term: Any, *, kiosk: bool = False) -> None:
        super().__init__()
        self.term = term
        session = term.service(SessionManager)
        engine = term.service(AlarmEngine)
        self.bridge = Bridge(term.runtime, config=term.config)
        self.ctx = PanelContext(config=term.config, runtime=term.runtime, bridge=self.bridge,
                                store=term.store, session=session, services=term.by_type)
        self.window = MainWindow(self.ctx, kiosk=kiosk)
        self.host = LayoutHost(self.ctx)
        # A layout fitted to a small touchscreen grows downward; the area scrolls then.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("LayoutScroll")
        self.scroll.setWidgetResizable(True)
        kinetic(self.scroll)  # a finger drags the layout when it is taller than the screen
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.host)
        self.window.set_layout_widget(self.scroll)
        self._fitted_for: tuple[int, int] | None = None
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(250)
        self._refit.timeout.connect(lambda: self.apply_layout(self.active.current))
        self.window.layout_area.installEventFilter(self)
        self.window.installEventFilter(self)  # LanguageChange: this QObject gets none itself

        self.banner = AlarmBanner(engine)
        self.banner.openRequested.connect(self.open_alarms)
        self.window.set_alarm_banner(self.banner)
        self.estop = None
        estop = term.find(EStopController)
        if estop is not None:
            from widgets.estop import EStopDock

            self.estop = EStopDock(estop, session)
            self.window.set_estop_widget(self.estop)

        from app.safety.evacuation import EvacuationWatch

        self.evacuation = None
        watch = self.ctx.find(EvacuationWatch)
        if watch is not None:
            from widgets.evacuation import EvacuationBanner

            self.evacuation = EvacuationBanner(watch)
            self.window.set_evacuation_banner(self.evacuation)

        self.signin = SignInController(session, self.window.layout_area)
        self.window.signInRequested.connect(self.signin.open)
        self.activity = SessionActivity(session)
        self.activity.install()

        self.edit_button = QPushButton()
        self.edit_button.setObjectName("EditLayoutButton")
        icons.set_icon(self.edit_button, "edit_layout", size=24)
        self.edit_button.clicked.connect(self.open_editor)
        self.window.add_frame_button(self.edit_button)
        self.editor_sheet: Overlay | None = None
        self.about_button = AboutButton()
        self.about_button.clicked.connect(self.open_about)
        self.window.add_frame_button(self.about_button)

        self.active = term.service(ActiveLayout)
        self.layoutChanged.connect(self.apply_layout, Qt.ConnectionType.QueuedConnection)
        self._layout_notice: str | None = None
        self._store_notice: str | None = None
        self.storeHealth.connect(self._show_store_health, Qt.ConnectionType.QueuedConnection)
        self._detach = [
            term.store.on_health(self.storeHealth.emit),
            self.active.add_listener(self.layoutChanged.emit),
            session.add_observer(
                lambda *_: QTimer.singleShot(0, self, self._session_changed)),
        ]
        self._retranslate()
        self.apply_layout(self.active.current)
        self._show_store_health(term.store.health)

    def _retranslate(self) -> None:
        self.edit_button.setText(translate("Application", "Edit layout"))
        self._session_changed()

    def _session_changed(self) -> None:
        who = self.ctx.session.current
        self.edit_button.setVisible(who is not None and who.may(Action.LAYOUT_EDIT))

    # --- layout ------------------------------------------------------------------------------

    def apply_layout(self, loaded: Any) -> None:
        area = self.window.layout_area
        size = (area.width(), area.height()) if area.width() > 200 else (1280, 640)
        self._fitted_for = size
        doc = layout_model.fit(loaded.doc, *size)
        self.host.set_layout(doc)
        self._layout_notice = fallback_notice(loaded)
        self._show_notices()

    def _show_store_health(self, health: Any) -> None:
        problem = None if health.ok else translate(
            "Application", "Local store problem: {problem}. Values are kept in memory and "
            "written when there is room again; messages this terminal cannot store are "
            "refused with a message. Tell plant IT.").format(problem=health.message)
        # A store found damaged at start was replaced: say so for as long as this runs.
        damaged = self.term.store.recovery
        replaced = None if damaged is None else translate(
            "Application", "The local store was damaged and has been replaced by a new "
            "one; what could be read was kept. Tell plant IT: {detail}.").format(
            detail=damaged.summary())
        self._store_notice = "\n".join(n for n in (replaced, problem) if n) or None
        self._show_notices()

    def _failed_notice(self) -> str | None:
        """Services that did not start (a broken section of the site file, say); the
        rest of the terminal runs. The details are in the log."""
        failed = self.term.failed
        if not failed:
            return None
        return translate("Application", "Not running: {services}. The rest of this "
                         "terminal works; tell plant IT (details in the log).").format(
            services="; ".join(f"{name} ({why})" for name, why in sorted(failed.items())))

    def _show_notices(self) -> None:
        notices = [n for n in (self._failed_notice(), self._store_notice,
                               self._layout_notice) if n]
        self.window.show_notice("\n".join(notices) or None)

    def eventFilter(self, obj: QObject, event: Any) -> bool:
        # Re-fit when the window really changes size (rotation, kiosk, another screen).
        if obj is self.window.layout_area and event.type() == QEvent.Type.Resize:
            size = (obj.width(), obj.height())
            old = self._fitted_for
            if old is None or abs(size[0] - old[0]) > 40 or abs(size[1] - old[1]) > 40:
                self._refit.start()
        elif obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def open_alarms(self) -> Overlay:
        t = self.term
        table = AlarmTable(t.service(AlarmEngine), t.service(SessionManager),
                           t.find(AlarmJournal))
        return Overlay.open(self.window.layout_area, table,
                            title=translate("Application", "Alarms"))

    def open_about(self) -> Overlay:
        return Overlay.open(self.window.layout_area, AboutSheet(self.term),
                            title=translate("Application", "About this terminal"))

    def open_editor(self) -> Overlay | None:
        who = self.ctx.session.current
        if who is None or not who.may(Action.LAYOUT_EDIT) or self.editor_sheet is not None:
            return None
        layouts = self.term.service(LayoutStore)
        config = self.term.config
        area = self.window.layout_area
        editor = LayoutEditor(self.active.current.doc, role=who.role,
                              on_save=lambda doc: layouts.save(who.user_id, doc),
                              stations={s.id: s.name for s in config.stations.values()},
                              tags={t.path: ", ".join(x for x in (t.description, t.unit) if x)
                                    for t in config.tags.values()},
                              area_px=self._fitted_for or (area.width(), area.height()),
                              preview=True)
        editor.saved.connect(lambda doc: self.apply_layout(layout_model.Loaded(doc)))
        sheet = Overlay.open(self.window.layout_area, editor,
                             title=translate("Application", "Edit my layout"))
        self.editor_sheet = sheet

        def finished(_result: object) -> None:
            editor.end_preview()  # closed unsaved: the saved theme and text size again
            self.editor_sheet = None

        sheet.finished.connect(finished)
        return sheet

    def close(self) -> None:
        """Detach from the terminal's services first: they outlive this window."""
        for detach in self._detach:
            detach()
        self._detach = []
        self._refit.stop()
        self.window.layout_area.removeEventFilter(self)
        self.activity.uninstall()
        self.bridge.stop()
        if self.estop is not None:
            self.estop.estop.close()
        self.window.close()


def run_gui(term: Any, *, kiosk: bool = False, size: str = "1280x800",
            seconds: float | None = None, demo: Any = None) -> int:
    """Create the QApplication, show the terminal and run until closed."""
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("LineSide")
    theme.apply_theme(app, "light", 1.0)
    wheel_guard.install(app)  # the wheel scrolls the page, never an unfocused value
    # Before the window is built: a signal while Qt constructs widgets must not raise
    # into its callbacks (it crashed the process); it quits once the loop runs.
    _quit_on_signals(app)
    tw = TerminalWindow(term, kiosk=kiosk)
    from app import shutdown

    if shutdown.requested() is not None:  # asked to stop while the window was built
        tw.close()
        return 0
    if not kiosk:
        w, _, h = size.partition("x")
        tw.window.resize(int(w or 1280), int(h or 800))
        tw.window.show()
    if seconds:
        QTimer.singleShot(int(seconds * 1000), app.quit)
    if os.environ.get(FIRST_FRAME_HOOK):
        _exit_after_first_paint(tw, app)
    try:
        return app.exec()
    finally:
        tw.close()


def _quit_on_signals(app: QApplication) -> None:
    """SIGTERM (systemd, kill) and Ctrl-C close the terminal cleanly: the store is
    flushed, the broker told we are offline, the demo's plant stopped."""
    import signal

    from app import shutdown

    def stop(signum: int, _frame: object) -> None:
        shutdown.note(signum)  # the command exits at once after the clean stop
        app.quit()
        QTimer.singleShot(0, app.quit)  # also when it came before the loop began

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)
    # Python runs signal handlers only between bytecodes: wake it while Qt idles.
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)


# bench/startup.py sets this: print the seconds from process start to the first paint
# (`first-frame`) and to the first paint that shows a live value (`first-value`), then exit.
FIRST_FRAME_HOOK = "LINESIDE_BENCH_FIRST_FRAME"


class _FirstPaint(QObject):
    """Watches every paint: the first one is the first frame; the first after the bridge
    delivered values is the first live value an operator can read."""

    def __init__(self, app: QApplication, bridge: Bridge) -> None:
        super().__init__()
        self.app = app
        self.framed = False
        self.has_values = False
        bridge.frame.connect(self._on_frame)

    def _on_frame(self, batch: Any) -> None:
        self.has_values = self.has_values or bool(batch.latest)

    def eventFilter(self, obj: QObject, event: Any) -> bool:
        if event.type() == QEvent.Type.Paint:
            if not self.framed:
                self.framed = True
                _print_since_start("first-frame")
            if self.has_values:
                _print_since_start("first-value")
                self.app.removeEventFilter(self)
                QTimer.singleShot(0, self.app.quit)
        return False


def _print_since_start(marker: str) -> None:
    import time

    import psutil  # installed with amqtt

    print(f"{marker} {time.time() - psutil.Process().create_time():.3f}", flush=True)


def _exit_after_first_paint(tw: TerminalWindow, app: QApplication) -> None:
    """For the start-up benchmark: print the times of the first paints, then quit."""
    f = _FirstPaint(app, tw.bridge)
    app.installEventFilter(f)
    tw.window._first_paint = f  # type: ignore[attr-defined]
