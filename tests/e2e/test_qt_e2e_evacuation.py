"""An evacuation alarm (gas at the evacuation level) gets a full-width strip on every
terminal of the line, one that never covers the e-stop; a terminal that does not read
the gas sensor learns it from the others over the broker."""

from __future__ import annotations

from e2ekit import open_window, wait_for
from PySide6.QtCore import QRect

from app import config
from app.safety.evacuation import EvacuationWatch
from app.terminal import Terminal


def _global_rect(w) -> QRect:
    return QRect(w.mapToGlobal(w.rect().topLeft()), w.size())


def test_gas_evacuation_full_width_never_over_the_estop(qtbot, plant, term, tmp_path) -> None:
    blind_cfg = config.load(plant.site_file, terminal_id="e2e-blind", source_overrides={
        "plc-body": {"endpoint": "opc.tcp://127.0.0.1:9/lineside/sim"}})
    blind = Terminal(blind_cfg, store_path=tmp_path / "blind.db").start()
    tw = open_window(qtbot, term)
    try:
        banner = tw.evacuation
        assert banner is not None and not banner.isVisible()
        plant.sim.set_fault("gas_leak")
        qtbot.waitUntil(banner.isVisible, timeout=30000)
        assert "EVACUATE" in banner.text.text() and "25 %LEL" in banner.text.text()
        # Full width of the window, under the fixed frame, clear of the e-stop window.
        assert banner.width() == tw.window.centralWidget().width()
        assert banner.height() >= 80
        estop = tw.estop.estop
        assert estop.isVisible()
        assert not _global_rect(banner).intersects(estop.geometry())
        assert not _global_rect(banner).intersects(_global_rect(tw.window.frame))
        # The terminal without the PLC shows it too (from this terminal's shared state).
        watch = blind.service(EvacuationWatch)
        wait_for(lambda: [e.alarm_id for e in watch.active()] == ["hall_gas_hihi"], 10,
                 "the evacuation on the blind terminal", detail=watch.active)
        assert watch.active()[0].terminal == "e2e-1"
        plant.sim.set_fault("gas_leak", False)
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=60000)
    finally:
        tw.close()
        blind.stop()
