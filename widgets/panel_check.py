"""Every panel type of `layouts.catalogue`, built once in a real terminal window for a
site: the check that a bundle or an install has every panel (`lineside doctor --panels`,
the CI smoke test). Runs offscreen when there is no display."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from app.doctor import Check, Status
from layouts import catalogue
from layouts.panels import FieldKind, PanelSpec


def sample_settings(spec: PanelSpec, cfg: Any) -> dict[str, Any]:
    """Settings that make a panel of `spec` show something of this site."""
    settings = spec.default_settings()
    tags = list(cfg.tags)
    stations = list(cfg.stations)
    for f in spec.settings:
        if not f.required or settings.get(f.key) not in (None, "", []):
            continue
        if f.kind is FieldKind.STATION and stations:
            settings[f.key] = stations[0]
        elif f.kind is FieldKind.TAG and tags:
            settings[f.key] = tags[0]
        elif f.kind is FieldKind.TAGS and tags:
            settings[f.key] = tags[:2]
        elif f.kind is FieldKind.CHOICE and f.choices:
            settings[f.key] = f.choices[0]
        elif f.kind is FieldKind.NUMBER:
            settings[f.key] = f.minimum if f.minimum is not None else 1
        elif f.kind is FieldKind.TEXT:
            settings[f.key] = "LineSide"
    return settings


def every_panel_layout(cfg: Any) -> dict[str, Any]:
    panels = []
    for i, spec in enumerate(catalogue.PANELS):
        panels.append({"id": f"check-{spec.name}", "type": spec.name, "col": (i % 4) * 3,
                       "row": (i // 4) * 2, "colspan": 3, "rowspan": 2,
                       "settings": sample_settings(spec, cfg)})
    rows = max(8, ((len(panels) + 3) // 4) * 2)
    return {"schema": 1, "columns": 12, "rows": rows, "theme": "light", "font_scale": 1.0,
            "language": "en", "panels": panels}


def check_panels(site: Path, store: Path | None = None, seconds: float = 1.0) -> list[Check]:
    """Build the terminal window for `site` with one panel of each type; a panel that
    became a placeholder (or raised) fails, with the reason the placeholder shows."""
    from PySide6.QtWidgets import QApplication

    from app import config
    from app.terminal import Terminal
    from widgets.application import TerminalWindow
    from widgets.layout_host import Placeholder, load_panel_modules
    from widgets.panels import PANEL_TYPES

    try:
        cfg = config.load(site)
    except (config.ConfigError, OSError) as e:
        return [Check("panels", Status.FAIL, f"not built: the site file does not load ({e})",
                      "fix the site file first (see the site check)")]
    app = QApplication.instance() or QApplication([])
    # A panel the site does not configure logs its traceback; the check line says it.
    host_log = logging.getLogger("widgets.layout_host")
    quiet = not host_log.isEnabledFor(logging.DEBUG)
    if quiet:
        host_log.disabled = True
    with tempfile.TemporaryDirectory(prefix="lineside-panels-") as tmp:
        term = Terminal(cfg, store_path=store or Path(tmp) / "panels.db")
        term.start()
        try:
            load_panel_modules()
            tw = TerminalWindow(term)
            try:
                tw.window.resize(1920, 1080)
                tw.window.show()
                _run_events(0.3)  # the window fits the worker's layout to its size
                # Then show ours, and keep a later re-fit from putting theirs back.
                tw.window.layout_area.removeEventFilter(tw)
                tw._refit.stop()
                tw.host.set_layout(every_panel_layout(cfg), apply_preferences=False)
                _run_events(seconds)  # let every panel paint a few frames
                out = []
                for spec in catalogue.PANELS:
                    w = tw.host.panels.get(f"check-{spec.name}")
                    if spec.name not in PANEL_TYPES:
                        out.append(Check(f"panel {spec.name}", Status.FAIL,
                                         f"no factory registered ({spec.module} missing or "
                                         f"failed to import)",
                                         "reinstall; if it stays, report it with the "
                                         "output of `lineside -v doctor --panels`"))
                    elif w is None or isinstance(w, Placeholder):
                        # The factory said no: a section this site does not configure.
                        reason = getattr(w, "reason", "not built")
                        out.append(Check(f"panel {spec.name}", Status.WARN,
                                         f"not usable with this site: {reason}",
                                         "configure it in the site file, or do not place "
                                         "this panel in a layout"))
                    elif not w.isVisible():
                        out.append(Check(f"panel {spec.name}", Status.FAIL, "built, not shown",
                                         "report it with the output of `lineside -v doctor`"))
                    else:
                        out.append(Check(f"panel {spec.name}", Status.PASS,
                                         f"{type(w).__name__} shown "
                                         f"({w.width()}x{w.height()} px)"))
            finally:
                tw.close()
        finally:
            term.stop()
        host_log.disabled = False
    del app
    return out


def _run_events(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
