"""The camera panel against the simulator's real MJPEG server (no signal -> signal -> no
signal), and a zone-intrusion alarm that carries a snapshot into the journal."""

from __future__ import annotations

import time

import pytest

from app.cameras.stream import CameraConfig, CameraStream, SignalState
from app.simulator.camera import RobotCellScene, demo_cameras


def wait_until(cond, timeout: float) -> None:
    """Wait for a condition on another thread (the stream's), polling; fail on timeout."""
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(0.02)


@pytest.fixture
def server():
    srv = demo_cameras().start()
    yield srv
    srv.stop()


def _cam(url: str, **kw) -> CameraConfig:
    return CameraConfig("cell3", "Robot cell 3", url, zone="robot3",
                        **{"stale_after_s": 1.0, "read_timeout_s": 1.0, **kw})


def test_camera_panel_no_signal_signal_no_signal(qtbot, themed, server):
    from widgets.camera import CameraView

    stream = CameraStream(_cam(server.url("robot3"))).start()
    try:
        server.paused.set()  # starts with no picture
        view = CameraView(stream, poll_ms=50)
        qtbot.addWidget(view)
        view.resize(480, 360)
        view.show()
        qtbot.waitUntil(lambda: view.state is not SignalState.LIVE, timeout=5000)
        assert view.image is None and view.status_text() in ("Connecting…", "NO SIGNAL")
        server.paused.clear()
        qtbot.waitUntil(lambda: view.state is SignalState.LIVE and view.image is not None,
                        timeout=10000)
        assert view.image.width() == 320 and view.status_text() == "LIVE"
        # the picture really is on screen: its centre is not the hatched no-signal grey
        img = view.grab().toImage()
        assert img.pixelColor(240, 200).name() not in ("#101010", "#3a3a3a")
        server.paused.set()
        qtbot.waitUntil(lambda: view.state is SignalState.NO_SIGNAL, timeout=10000)
        assert view.image is None and view.status_text() == "NO SIGNAL"
    finally:
        stream.stop()


def test_zone_intrusion_carries_a_snapshot_into_the_journal(tmp_path, server):
    from app.alarms.engine import AlarmEngine
    from app.alarms.journal import AlarmJournal
    from app.alarms.model import AlarmDefinition, AlarmKind
    from app.cameras.service import CameraHub, CameraSite
    from app.store import Store

    store = Store(tmp_path / "cam.db", terminal_id="t1").open()
    engine = AlarmEngine([AlarmDefinition("zone.robot3.intrusion", AlarmKind.EXTERNAL,
                                          priority=1, message="worker in cell 3"),
                          AlarmDefinition("hall_gas", AlarmKind.EXTERNAL, priority=1)])
    journal = AlarmJournal(store)
    journal.attach(engine)
    hub = CameraHub((CameraSite(_cam(server.url("robot3"))),
                     CameraSite(CameraConfig("hall", "Hall", "http://127.0.0.1:9/x.mjpg",
                                             read_timeout_s=0.5), alarms=("hall_*",))),
                    store=store, engine=engine, journal=journal)
    hub.start()
    try:
        # nobody watches: the hub decodes nothing and opens the camera for one picture
        assert not hub._streams
        engine.set_condition("zone.robot3.intrusion", True)
        engine.set_condition("hall_gas", True)
        wait_until(lambda: len(journal.query(text="snapshot")) >= 2, 10)
        store.flush()
        rows = {r.alarm_id: r for r in journal.query(text="snapshot")}
        zone = rows["zone.robot3.intrusion"]
        assert zone.event == "snapshot" and zone.detail["camera"] == "cell3"
        snap = hub.snapshot(zone.detail["snapshot"])
        assert snap is not None and snap.jpeg[:2] == b"\xff\xd8"
        assert hub.snapshots_of("zone.robot3.intrusion")[0].id == snap.id
        # the hall camera has no signal: said in the journal, not silently skipped
        gas = rows["hall_gas"]
        assert gas.detail["snapshot"] is None and "no snapshot" in gas.message
    finally:
        hub.stop()
        store.close()




def test_the_alarm_detail_shows_the_snapshot(qtbot, themed):
    from app.alarms.engine import AlarmEngine
    from app.alarms.model import AlarmDefinition, AlarmKind
    from app.cameras.service import Snapshot
    from app.cameras.stream import encode_jpeg
    from widgets.alarm_table import AlarmTable

    engine = AlarmEngine([AlarmDefinition("zone.robot3.intrusion", AlarmKind.EXTERNAL,
                                          priority=1, message="worker in cell 3")])
    engine.set_condition("zone.robot3.intrusion", True)
    jpeg = encode_jpeg(RobotCellScene(intruder=lambda: True).frame(1000.0))
    snaps = {"zone.robot3.intrusion": Snapshot(1, 1000.0, "zone.robot3.intrusion", "cell3", jpeg)}
    table = AlarmTable(engine)
    table.snapshot_of = snaps.get
    qtbot.addWidget(table)
    table.resize(900, 700)
    table.show()
    table.refresh()
    assert not table.snapshot.isVisible()
    assert table.select("zone.robot3.intrusion")
    qtbot.waitUntil(lambda: table.snapshot.isVisible(), timeout=2000)
    pm = table.snapshot.pixmap()
    assert pm is not None and pm.width() == 320 and "cell3" in table.snapshot.toolTip()
