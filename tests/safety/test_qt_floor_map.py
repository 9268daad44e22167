"""The floor-map panel draws zones with robot state in words and worker markers."""

from __future__ import annotations

import time

from safetykit import wait_for

from app.alarms.engine import AlarmEngine
from app.model import Sample
from app.safety.zones import ZoneMonitor
from widgets.floor_map import FloorMap, create_panel
from widgets.panels import PANEL_TYPES, PanelContext


def test_floor_map_shows_zone_state_intrusion_and_workers(qtbot, rig) -> None:
    engine = AlarmEngine(terminal_id="T1")
    mon = ZoneMonitor(rig.runtime, rig.cfg.sections["zones"], rig.cfg.sections["positions"],
                      engine)
    mon.start()
    ctx = PanelContext(rig.cfg, rig.runtime, None, services={ZoneMonitor: mon})
    assert "floor_map" in PANEL_TYPES
    fm = create_panel(ctx, {"width_m": 60, "height_m": 22})
    assert isinstance(fm, FloorMap)
    qtbot.addWidget(fm)
    fm.resize(600, 240)
    fm.show()
    qtbot.waitUntil(lambda: len(fm.snapshot.zones) == 1, timeout=1000)
    assert "state unknown" in fm.zone_text(fm.snapshot.zones[0])
    rig.plc.push([Sample("t/weld/robot3/state", time.time(), "running")])
    wait_for(lambda: mon.snapshot().zones[0].robot_state == "running", 2, "robot state")
    mon.update_position("W-8C21", "pos_x", 30.0, time.time())
    mon.update_position("W-8C21", "pos_y", 10.0, time.time())
    qtbot.waitUntil(lambda: len(fm.snapshot.workers) == 1, timeout=1000)
    text = fm.zone_text(fm.snapshot.zones[0])
    assert "Robot cell 3" in text and "RUNNING" in text and "INTRUSION" in text
    assert fm.snapshot.workers[0].pseudo == "W-8C21"
    img = fm.grab().toImage()
    marker = fm.to_px(30.0, 10.0)
    assert img.pixelColor(int(marker.x()), int(marker.y())).red() > 150  # red marker
    mon.stop()
