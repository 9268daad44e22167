"""The bridge coalesces the change stream: one dispatch per frame, latest value wins."""

from __future__ import annotations

from guikit import PRESSURE, TEMP
from PySide6.QtWidgets import QWidget

from app.model import LinkState, LinkStatus, Sample


def test_10000_samples_become_one_dispatch_with_the_latest_value(qtbot, bridge):
    owner = QWidget()
    seen: list[Sample] = []
    series: list[list[Sample]] = []
    bridge.watch(PRESSURE, seen.append, owner)
    bridge.watch_series(PRESSURE, series.append, owner)
    bridge.stop()  # drive frames by hand so the count is exact

    bridge.push(Sample(PRESSURE, 1000.0 + i, float(i)) for i in range(10_000))
    bridge.tick()

    assert len(seen) == 1 and seen[0].value == 9999.0
    assert len(series) == 1 and series[0][-1].value == 9999.0
    assert len(series[0]) <= 5000  # bounded per frame, never the whole flood
    assert bridge.latest(PRESSURE).value == 9999.0
    bridge.tick()  # nothing new: nobody is called again
    assert len(seen) == 1


def test_timer_drives_frames_and_only_interested_listeners(qtbot, bridge):
    owner = QWidget()
    pressure: list[Sample] = []
    temp: list[Sample] = []
    bridge.watch(PRESSURE, pressure.append, owner)
    bridge.watch(TEMP, temp.append, owner)
    bridge.push([Sample(PRESSURE, 1.0, 5.0)])
    qtbot.waitUntil(lambda: len(pressure) == 1, timeout=2000)
    assert temp == []


def test_late_watcher_gets_the_known_value_at_once(qtbot, bridge):
    bridge.push([Sample(PRESSURE, 1.0, 7.0)])
    bridge.tick()
    got: list[Sample] = []
    bridge.watch(PRESSURE, got.append, QWidget())
    assert got and got[0].value == 7.0


def test_listeners_go_away_with_their_owner(qtbot, bridge):
    owner = QWidget()
    calls: list[Sample] = []
    bridge.watch(PRESSURE, calls.append, owner)
    assert bridge.listener_count(PRESSURE) == 1
    owner.deleteLater()
    qtbot.waitUntil(lambda: bridge.listener_count(PRESSURE) == 0, timeout=2000)
    bridge.push([Sample(PRESSURE, 1.0, 1.0)])
    bridge.tick()
    assert calls == []


def test_a_failing_listener_does_not_starve_the_others(qtbot, bridge):
    owner = QWidget()
    good: list[Sample] = []

    def broken(_s: Sample) -> None:
        raise ValueError("widget bug")

    bridge.watch(PRESSURE, broken, owner)
    bridge.watch(PRESSURE, good.append, owner)
    bridge.push([Sample(PRESSURE, 1.0, 1.0)])
    bridge.tick()
    assert len(good) == 1


def test_link_status_is_signalled_and_mapped_to_tags(qtbot, bridge):
    bridge.stop()
    st = LinkStatus("plc1", LinkState.RECONNECTING, 10.0, 5.0, "timeout")
    with qtbot.waitSignal(bridge.linkChanged, timeout=1000) as sig:
        bridge.push_status(st)
        bridge.tick()
    assert sig.args[0] == st
    assert bridge.link_of(PRESSURE) == st


def test_an_idle_terminal_shows_a_change_at_once_and_a_busy_one_at_the_frame_rate(qtbot, site):
    from widgets.bridge import Bridge

    bridge = Bridge(None, config=site, hz=1.0)  # a 1 s frame period makes the cap visible
    try:
        owner = QWidget()
        seen: list[Sample] = []
        bridge.watch(PRESSURE, seen.append, owner)
        bridge.push([Sample(PRESSURE, 1.0, 1.0)])
        # Idle: not held back to the next 1 s frame.
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=500)
        bridge.push([Sample(PRESSURE, 2.0, 2.0)])
        bridge.push([Sample(PRESSURE, 3.0, 3.0)])
        qtbot.wait(200)
        assert len(seen) == 1  # busy: the next frame waits for its period
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
        assert seen[-1].value == 3.0  # and carries the latest value, once
    finally:
        bridge.stop()


def test_a_stopped_bridge_runs_no_frames_of_its_own(qtbot, bridge):
    owner = QWidget()
    seen: list[Sample] = []
    bridge.watch(PRESSURE, seen.append, owner)
    bridge.stop()
    bridge.push([Sample(PRESSURE, 1.0, 1.0)])
    qtbot.wait(100)
    assert seen == []
    bridge.tick()
    assert len(seen) == 1
