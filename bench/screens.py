"""Screens: the alarm KPIs over a day's journal against a bare count, and a camera
stream's decode rate against PyAV decoding the same MJPEG stream by hand.

KPIs: a 24 h journal of 40,000 rows (activations, clears, acks, shelves of 300 alarms,
bursts that flood and chatter) through `app.alarms.kpi.compute` (rates, flood periods,
chattering windows, stale, top 10, priority mix, shelved) against
`collections.Counter` over the activations' ids (the least work that gives the top
10 alone).

Camera: the simulator's MJPEG server at up to 200 frames/s; `CameraStream` (its own
thread, latest frame kept, state tracking) counts decoded frames for 3 s against a
loop of `av.open(...).decode()` with `to_ndarray` on the same server for 3 s.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass

from bench.common import Result, Scale, log

DAY = 24 * 3600.0


@dataclass(frozen=True)
class _Row:
    ts: float
    alarm_id: str
    event: str
    state: str | None
    priority: int | None
    message: str = ""


def _journal(rows: int) -> list[_Row]:
    rnd = random.Random(7)
    t0 = 1_790_000_000.0
    out: list[_Row] = []
    events = ("activated", "cleared", "acknowledged", "activated", "shelved", "unshelved")
    while len(out) < rows:
        t = t0 + rnd.random() * DAY
        burst = rnd.random() < 0.02  # a flood: 15 alarms within two minutes
        for k in range(15 if burst else 1):
            alarm = f"a{rnd.randrange(300)}"
            ev = events[rnd.randrange(len(events))]
            out.append(_Row(t + k * 8, alarm, ev, "shelved" if ev == "shelved" else "unack",
                            1 + rnd.randrange(4)))
    return out[:rows]


def kpi_compute(scale: Scale) -> Result:
    from app.alarms import kpi

    rows = _journal(scale.pick(40_000, 2_000))
    t0, end = min(r.ts for r in rows) - 1, max(r.ts for r in rows) + 1
    reps = scale.pick(5, 1)
    ls = []
    for _ in range(reps):
        t = time.perf_counter()
        k = kpi.compute(rows, t0, end)
        ls.append(time.perf_counter() - t)
    base = []
    for _ in range(reps):
        t = time.perf_counter()
        top = Counter(r.alarm_id for r in rows if r.event == "activated").most_common(10)
        base.append(time.perf_counter() - t)
    if k.top[0].count != top[0][1]:
        raise AssertionError("the KPIs' top 10 disagrees with a plain count")
    log.info("kpi: %d rows, %.1f ms (Counter %.1f ms)", len(rows), min(ls) * 1e3,
             min(base) * 1e3)
    return Result("alarm KPIs over a day's journal", min(ls) * 1e3, min(base) * 1e3, "ms",
                  higher_is_better=False,
                  notes=f"{len(rows)} journal rows; baseline: Counter of activations (top 10 "
                  "only)", extra={"alarms": k.alarms, "flood_periods": k.flood_periods,
                                  "chattering": len(k.chattering)})


def camera_decode(scale: Scale) -> Result:
    import av

    from app.cameras.stream import CameraConfig, CameraStream, SignalState
    from app.simulator.camera import CameraServer, RobotCellScene

    seconds = scale.pick(3.0, 0.5)
    server = CameraServer({"cell": RobotCellScene()}, fps=200.0).start()
    try:
        stream = CameraStream(CameraConfig("cell", "cell", server.url("cell"))).start()
        deadline = time.monotonic() + 10
        while stream.state() is not SignalState.LIVE and time.monotonic() < deadline:
            time.sleep(0.01)
        first = stream.latest()
        t = time.monotonic()
        time.sleep(seconds)
        last = stream.latest()
        elapsed = time.monotonic() - t
        stream.stop()
        ls = ((last.seq - first.seq) / elapsed) if first and last else 0.0
        n, t = 0, time.monotonic()
        with av.open(server.url("cell"), format="mpjpeg") as c:
            for frame in c.decode(video=0):
                frame.to_ndarray(format="rgb24")
                n += 1
                if time.monotonic() - t >= seconds:
                    break
        base = n / (time.monotonic() - t)
    finally:
        server.stop()
    log.info("camera: %.0f frames/s (bare PyAV %.0f)", ls, base)
    return Result("camera stream decode", ls, base, "frames/s",
                  notes="simulator MJPEG over HTTP at up to 200 frames/s, 320x240; the "
                  "server's JPEG encoding shares the machine with both")


def run(scale: Scale) -> list[Result]:
    return [kpi_compute(scale), camera_decode(scale)]
