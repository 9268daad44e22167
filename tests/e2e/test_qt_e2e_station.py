"""The whole GUI (TerminalWindow) on a live terminal and the plant simulator: a station
panel shows live values and the PLC's state, a signed-in worker changes a setpoint on
the sheet and the PLC reads it back (audited), and trends fill live and from history."""

from __future__ import annotations

from e2ekit import add_demo_users, open_station_from_mimic, open_window, sign_in, wait_for
from PySide6.QtWidgets import QPushButton

from widgets.lamp import StationState
from widgets.setpoint import SetpointSheet, Step

STROKE_SP = "demo/body/line1/press/press1/stroke_rate_sp"
OIL = "demo/body/line1/press/press1/oil_temp"
TONNAGE = "demo/body/line1/press/press1/tonnage"


def _keypad_key(sheet: SetpointSheet, text: str) -> QPushButton:
    for b in sheet.keypad.findChildren(QPushButton):
        if b.text() == text:
            return b
    raise AssertionError(f"no key {text!r} on the setpoint keypad")


def test_station_panel_live_setpoint_write_and_trend_history(qtbot, plant, term) -> None:
    add_demo_users(term, "max", "ada")
    tw = open_window(qtbot, term)
    try:
        # Nobody signed in: the terminal's operator layout; a touch on the press in the
        # line mimic opens its panel, live.
        press = open_station_from_mimic(qtbot, tw, "press1")
        qtbot.waitUntil(lambda: press.lamp.state is StationState.RUNNING, timeout=20000)
        assert press.lamp.label.text() == "RUNNING"
        tile = next(t for t in press.tiles if t.tag.endswith("/hydraulic_pressure"))
        qtbot.waitUntil(lambda: tile.value.text() not in ("—", ""), timeout=10000)
        first = tile.value.text()
        qtbot.waitUntil(lambda: tile.value.text() != first, timeout=10000)

        # Maintenance signs in (their layout has the press) and writes.
        sign_in(qtbot, tw, "max")
        qtbot.waitUntil(lambda: "press" in tw.host.panels, timeout=3000)
        press = tw.host.panels["press"]
        row = next(r for r in press.setpoints if r.path == STROKE_SP)
        qtbot.waitUntil(lambda: row.value.text().startswith("12"), timeout=10000)
        row.open()
        sheet = row.overlay.content
        assert isinstance(sheet, SetpointSheet) and sheet.step is Step.ENTRY
        while sheet.keypad.display.text():
            sheet.keypad.back.click()
        for key in "10.5":
            _keypad_key(sheet, key).click()
        sheet.keypad.ok.click()
        assert sheet.step is Step.CONFIRM, sheet.message.text()
        assert "10.5" in sheet.message.text()
        sheet.primary.click()  # Confirm
        qtbot.waitUntil(lambda: sheet.step in (Step.DONE, Step.FAILED), timeout=5000)
        assert sheet.step is Step.DONE, sheet.message.text()
        assert "reads back 10.5" in sheet.message.text()
        assert "did not take" not in sheet.message.text()
        assert plant.sim.values()["Press.StrokeRateSetpoint"] == 10.5
        qtbot.waitUntil(lambda: row.value.text().startswith("10.5"), timeout=5000)
        term.store.flush()
        wait_for(lambda: term.store.audit.query(action="setpoint.write"), 5, "audit record")
        rec = term.store.audit.query(action="setpoint.write")[0]
        assert rec.actor == "max" and rec.target == STROKE_SP
        assert '"read_back": 10.5' in rec.detail and '"ok": true' in rec.detail

        # The admin's layout has the trend of the press (maintenance's has the forecast
        # instead since ece462d); it draws live values from the simulator.
        tw.window.sign_button.click()  # sign out
        qtbot.waitUntil(lambda: tw.ctx.session.current is None, timeout=2000)
        sign_in(qtbot, tw, "ada")
        qtbot.waitUntil(lambda: "trend" in tw.host.panels, timeout=3000)
        plot = tw.host.panels["trend"].plot
        live = plot.series[OIL].ring
        qtbot.waitUntil(lambda: len(live.arrays()[0]) >= 3, timeout=10000)
        t, v = live.arrays()
        assert t[-1] > t[0] and 0 < v[-1] < 120  # seconds apart, plausible °C
    finally:
        tw.close()

    # A new window on the same terminal (restart of the GUI): history from the store.
    term.store.flush()
    tw = open_window(qtbot, term)
    try:
        qtbot.waitUntil(lambda: "trend" in tw.host.panels, timeout=3000)
        plot = tw.host.panels["trend"].plot
        qtbot.waitUntil(lambda: len(plot.series[OIL].hist_t) > 0
                        and len(plot.series[TONNAGE].hist_t) > 0, timeout=5000)
        assert plot.backfill_error is None
    finally:
        tw.close()
