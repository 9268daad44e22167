"""An active stop is the top alarm on every terminal of the line: on the terminal that
reads the PLC back, and (shared over the broker) on one that cannot; the banner says
so and stations read "stopped (e-stop)", not "idle"."""

from __future__ import annotations

import re
import shutil

from e2ekit import open_window, wait_for

from app.alarms.engine import AlarmEngine
from app.model import LinkState
from app.safety.estop import CircuitState, EStopController, RequestState
from app.safety.line_stop import LINE_STOP_ALARM, LineStop
from widgets.lamp import StationState


def _blind_site(plant, tmp_path):
    """The demo site as a terminal without a PLC read-back sees it: no [estop], and the
    PLC source points nowhere."""
    site = tmp_path / "blind-site"
    shutil.copytree(plant.site_file.parent, site)
    text = (site / "safety.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^\[estop\]\n.*?(?=^# Worker positions)", "", text)
    (site / "safety.toml").write_text(text, encoding="utf-8")
    return site / "site.toml"


def test_stop_is_the_top_alarm_here_and_on_a_terminal_without_read_back(
        plant, term, tmp_path) -> None:
    from app import config
    from app.terminal import Terminal

    cfg = config.load(_blind_site(plant, tmp_path), terminal_id="e2e-blind",
                      source_overrides={"plc-body": {"endpoint":
                                                     "opc.tcp://127.0.0.1:9/lineside/sim"}})
    blind = Terminal(cfg, store_path=tmp_path / "blind.db").start()
    try:
        assert blind.find(EStopController) is None
        estop = term.service(EStopController)
        wait_for(lambda: estop.status.circuit is CircuitState.RUNNING, 20, "PLC read-back")
        here, there = term.service(AlarmEngine), blind.service(AlarmEngine)
        wait_for(lambda: blind.runtime.links["plant-mqtt"].state is LinkState.CONNECTED, 10,
                 "the blind terminal's broker")
        assert not here.get(LINE_STOP_ALARM).active
        estop.press(None)
        wait_for(lambda: estop.status.request is RequestState.CONFIRMED, 3, "confirmed")
        for engine, who in ((here, "this terminal"), (there, "the blind terminal")):
            wait_for(lambda e=engine: e.get(LINE_STOP_ALARM).active, 5,
                     f"the stop alarm on {who}")
            top = engine.active()[0]
            assert top.id == LINE_STOP_ALARM and int(top.priority) == 1, top
            assert "EMERGENCY STOP" in top.message and "Body shop line 1" in top.message
        assert blind.service(LineStop).active is True

        # Reset: the stop is over on both (the line is still stopped, but ready).
        plant.sim.set_fault("stop_circuit_fault", False)
        wait_for(lambda: estop.status.healthy is True, 10, "healthy")
        estop.reset("m1", "maintenance", confirmed=True).result(5)
        for engine, who in ((here, "this terminal"), (there, "the blind terminal")):
            wait_for(lambda e=engine: not e.get(LINE_STOP_ALARM).active, 5,
                     f"the stop alarm cleared on {who}")
    finally:
        blind.stop()


def test_banner_and_station_read_the_stop(qtbot, plant, term) -> None:
    from widgets.station_panel import StationPanel

    tw = open_window(qtbot, term)
    try:
        # A station panel on this terminal (layouts come and go; the panel is the view).
        press = StationPanel(tw.ctx, "press1")
        qtbot.addWidget(press)
        qtbot.waitUntil(lambda: press.lamp.state is StationState.RUNNING, timeout=20000)
        term.service(EStopController).press(None)
        qtbot.waitUntil(lambda: press.lamp.state is StationState.ESTOP, timeout=5000)
        assert press.lamp.label.text() == "stopped (e-stop)"
        assert press.lamp.plc_state is StationState.IDLE  # what the PLC itself says
        qtbot.waitUntil(lambda: "EMERGENCY STOP" in tw.banner.text.text(), timeout=3000)
        assert tw.banner.text.text().startswith("P1")
        # Acknowledged, it stays the banner's top alarm while the stop is active.
        engine = term.service(AlarmEngine)
        engine.acknowledge(LINE_STOP_ALARM, actor="op1", role="operator")
        qtbot.wait(500)
        assert "EMERGENCY STOP" in tw.banner.text.text()
    finally:
        tw.close()
