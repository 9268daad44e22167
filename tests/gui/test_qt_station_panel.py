"""Station panel: everything from StationConfig; andon hook signal."""

from __future__ import annotations

import time

from guikit import CYCLES, PRESSURE, STATE, TEMP

from app.model import Quality, Sample
from widgets.lamp import StationState
from widgets.panels import PANEL_TYPES, PanelContext
from widgets.station_panel import StationPanel


def test_station_panel_from_config(qtbot, site, bridge):
    import widgets.trend_panel  # noqa: F401  (registers trend and tile)

    ctx = PanelContext(site, None, bridge)
    panel = PANEL_TYPES["station"].factory(ctx, {"station": "press1"})
    qtbot.addWidget(panel)
    assert isinstance(panel, StationPanel) and panel.title.text() == "Press 1"
    assert [t.tag for t in panel.tiles] == [PRESSURE, TEMP]
    assert panel.trend is not None and panel.trend.tags == [PRESSURE, TEMP]
    assert len(panel.setpoints) == 1
    now = time.time()
    bridge.push([Sample(STATE, now, "fault"), Sample(CYCLES, now, 4711)])
    bridge.tick()
    assert panel.lamp.state is StationState.FAULT and panel.lamp.label.text() == "FAULT"
    assert panel.cycles.text() == "4711"
    bridge.push([Sample(STATE, now, "running", Quality.BAD)])
    bridge.tick()
    assert panel.lamp.state is StationState.UNKNOWN  # BAD state is no state
    with qtbot.waitSignal(panel.reportProblem) as sig:
        panel.report_problem()
    assert sig.args == ["press1"]
