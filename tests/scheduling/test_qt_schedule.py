"""The plan's panels build and show a proposal's changes (offscreen Qt)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from app.config import load
from app.scheduling.line import Window
from app.scheduling.service import SchedulingService
from widgets.panels import PanelContext
from widgets.schedule_gantt import GanttView, SchedulePanel, changes_text

from .conftest import T0, demo_orders, small_line

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "site.toml"


def test_panel_shows_a_proposal_with_its_changes(qtbot: Any, store: Any) -> None:
    clock = [T0]
    svc = SchedulingService(small_line(), store, None, terminal_id="t1", topic_root="x",
                            clock=lambda: clock[0])
    svc.start()
    ev = threading.Event()
    svc.subscribe(lambda e: ev.set() if e == "busy" and not svc.busy else None)
    svc.import_orders(demo_orders())
    assert ev.wait(20)
    ev.clear()
    ctx = PanelContext(config=load(DEMO), runtime=None, bridge=None,
                       services={SchedulingService: svc})
    panel = SchedulePanel(ctx, {"hours": 3})
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    assert panel.proposal.isHidden()
    clock[0] = T0 + 700
    svc.set_window("state:robot2", Window("robot2", T0 + 700, T0 + 4300, "fault", "fault"),
                   "Welding robot 2: fault")
    assert ev.wait(20)
    qtbot.waitUntil(lambda: not panel.proposal.isHidden(), timeout=5000)
    lines = [panel.changes.item(i).text() for i in range(panel.changes.count())]
    assert lines == changes_text(svc.proposal.changes, {})  # type: ignore[union-attr]
    assert any("moved" in t for t in lines)
    assert not panel.accept_button.isEnabled()  # nobody signed in
    assert panel.accept_button.minimumHeight() >= 48
    panel.before_after.click()
    assert panel.gantt.plan is svc.proposal.before  # type: ignore[union-attr]
    panel.grab()  # paints without error
    svc.stop()


def test_gantt_zooms_and_pans(qtbot: Any) -> None:
    g = GanttView({"a": "A"})
    qtbot.addWidget(g)
    span = g.t1 - g.t0
    g.zoom(0.5)
    assert abs((g.t1 - g.t0) - span / 2) < 1
    t0 = g.t0
    g.pan(600)
    assert abs(g.t0 - t0 - 600) < 1e-6
