"""Camera streams against the simulator's real MJPEG-over-HTTP server: no signal, then
signal, then no signal (a hanging camera), then back by itself; the server's frames."""

from __future__ import annotations

import time

import pytest

from app.cameras.stream import CameraConfig, CameraStream, SignalState, open_options
from app.simulator.camera import CameraServer, RobotCellScene, demo_cameras


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


def test_open_options_by_scheme():
    assert open_options(_cam("http://h/x.mjpg"))[0] == "mpjpeg"
    fmt, opts = open_options(_cam("rtsp://h/stream"))
    assert fmt is None and opts["rtsp_transport"] == "tcp"


def test_the_simulator_serves_mjpeg(server):
    import urllib.request

    with urllib.request.urlopen(server.url("robot3", still=True), timeout=5) as r:
        body = r.read()
        assert r.headers["Content-Type"] == "image/jpeg"
    assert body[:2] == b"\xff\xd8" and body[-2:] == b"\xff\xd9"  # a whole JPEG
    with urllib.request.urlopen(server.url("robot3"), timeout=5) as r:
        assert r.headers["Content-Type"].startswith("multipart/x-mixed-replace")
        head = r.read(200)
    assert b"--lineside-frame" in head and b"image/jpeg" in head


def test_no_signal_then_signal_then_no_signal_then_back(server):
    # nothing listens on the port yet: no signal, with the reason
    dead = CameraServer({"robot3": RobotCellScene()})
    url = dead.url("robot3")
    dead._httpd.server_close()  # the port is free and closed
    stream = CameraStream(_cam(url)).start()
    try:
        wait_until(lambda: stream.state() is SignalState.NO_SIGNAL and stream.error, 10)
        assert stream.latest() is None
        stream.stop()
        # the real server: live frames
        stream = CameraStream(_cam(server.url("robot3"))).start()
        wait_until(lambda: stream.state() is SignalState.LIVE, 10)
        f1 = stream.latest()
        assert f1 is not None and f1.size == (320, 240)
        wait_until(lambda: (stream.latest() or f1).seq > f1.seq, 5)  # it keeps coming
        # the camera hangs (connection open, no frames): no signal, not a frozen picture
        server.paused.set()
        wait_until(lambda: stream.state() is SignalState.NO_SIGNAL, 10)
        assert stream.latest() is None
        # it comes back: the stream reconnects by itself
        connects = stream.connects
        server.paused.clear()
        wait_until(lambda: stream.state() is SignalState.LIVE, 15)
        assert stream.connects >= connects
        jpeg = stream.snapshot_jpeg()
        assert jpeg is not None and jpeg[:2] == b"\xff\xd8"
    finally:
        stream.stop()


def test_frames_are_drawn_by_time_and_show_an_intruder():
    inside = [False]
    scene = RobotCellScene(intruder=lambda: inside[0])
    a, b = scene.frame(1000.0), scene.frame(1000.7)
    assert (a != b).any()  # the arm moves
    inside[0] = True
    c = scene.frame(1000.0)
    assert (c[120, 70] == (250, 250, 250)).all() and not (a[120, 70] == (250, 250, 250)).all()
