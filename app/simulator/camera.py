"""The simulator's cameras: a synthetic robot-cell picture served as MJPEG over HTTP.

`CameraServer` serves, for every cell, `GET /<cell>.mjpg` (multipart/x-mixed-replace,
one JPEG per part, what IP cameras send) and `GET /<cell>.jpg` (one still). Frames are
drawn with NumPy (a fenced cell, a robot arm swinging, a car body, a worker when one is
inside the fence, the time) and encoded to JPEG with PyAV's MJPEG encoder
(`app.cameras.stream.encode_jpeg`), so the simulator needs no Qt. Each client gets
its own thread (ThreadingHTTPServer); a client that goes away ends its thread.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np

from app.cameras.stream import encode_jpeg

log = logging.getLogger(__name__)

BOUNDARY = "lineside-frame"
WIDTH, HEIGHT = 320, 240

# 3x5 pixel digits for the time stamp (rows top to bottom, 3 bits each)
_DIGITS = {
    "0": (7, 5, 5, 5, 7), "1": (2, 6, 2, 2, 7), "2": (7, 1, 7, 4, 7), "3": (7, 1, 7, 1, 7),
    "4": (5, 5, 7, 1, 1), "5": (7, 4, 7, 1, 7), "6": (7, 4, 7, 5, 7), "7": (7, 1, 1, 1, 1),
    "8": (7, 5, 7, 5, 7), "9": (7, 5, 7, 1, 7), ":": (0, 2, 0, 2, 0),
}


class RobotCellScene:
    """One cell's picture at a time `t`; `intruder()` says whether a worker is inside."""

    def __init__(self, phase: float = 0.0,
                 intruder: Callable[[], bool] | None = None) -> None:
        self.phase = phase
        self.intruder = intruder or (lambda: False)
        yy, xx = np.mgrid[0:HEIGHT, 0:WIDTH]
        self._x, self._y = xx.astype(np.float32), yy.astype(np.float32)
        floor = np.empty((HEIGHT, WIDTH, 3), np.uint8)
        floor[:] = (92, 96, 100)
        # floor markings: the hazard fence of the cell (yellow/black stripes)
        stripes = ((self._x + self._y) // 8 % 2 == 0)
        fence = np.zeros((HEIGHT, WIDTH), bool)
        fence[24:30, 20:300] = fence[210:216, 20:300] = True
        fence[24:216, 20:26] = fence[24:216, 294:300] = True
        floor[fence & stripes] = (230, 190, 20)
        floor[fence & ~stripes] = (30, 30, 30)
        # the conveyor through the cell and a car body on it
        floor[150:180, 0:WIDTH] = (60, 62, 66)
        floor[140:160, 110:230] = (170, 176, 186)
        floor[128:142, 140:200] = (150, 156, 166)
        self._floor = floor

    def frame(self, t: float) -> np.ndarray:
        img = self._floor.copy()
        # the robot: a base and a two-link arm swinging over the body
        bx, by = 160.0, 90.0
        a1 = math.sin(t * 1.3 + self.phase) * 0.9 + math.pi / 2
        a2 = a1 + math.sin(t * 2.1 + self.phase) * 0.8
        j = (bx + 55 * math.cos(a1), by + 55 * math.sin(a1))
        tip = (j[0] + 40 * math.cos(a2), j[1] + 40 * math.sin(a2))
        self._disc(img, bx, by, 16, (220, 120, 20))
        self._segment(img, (bx, by), j, 7, (240, 140, 30))
        self._segment(img, j, tip, 5, (240, 140, 30))
        self._disc(img, *tip, 4, (250, 250, 210))
        if self.intruder():
            self._disc(img, 70, 120, 12, (40, 90, 200))  # hard hat from above
            self._disc(img, 70, 120, 6, (250, 250, 250))
        self._text(img, time.strftime("%H:%M:%S", time.localtime(t)), 8, 6, 2)
        return img

    def _disc(self, img: np.ndarray, cx: float, cy: float, r: float,
              color: tuple[int, int, int]) -> None:
        img[(self._x - cx) ** 2 + (self._y - cy) ** 2 <= r * r] = color

    def _segment(self, img: np.ndarray, a: tuple[float, float], b: tuple[float, float],
                 half_width: float, color: tuple[int, int, int]) -> None:
        ax, ay = a
        dx, dy = b[0] - ax, b[1] - ay
        length2 = dx * dx + dy * dy or 1.0
        u = np.clip(((self._x - ax) * dx + (self._y - ay) * dy) / length2, 0, 1)
        d2 = (self._x - ax - u * dx) ** 2 + (self._y - ay - u * dy) ** 2
        img[d2 <= half_width * half_width] = color

    @staticmethod
    def _text(img: np.ndarray, text: str, x: int, y: int, scale: int) -> None:
        for ch in text:
            rows = _DIGITS.get(ch)
            if rows is not None:
                for r, bits in enumerate(rows):
                    for c in range(3):
                        if bits >> (2 - c) & 1:
                            img[y + r * scale:y + (r + 1) * scale,
                                x + c * scale:x + (c + 1) * scale] = (255, 255, 255)
            x += 4 * scale


class CameraServer:
    """MJPEG over HTTP for named cells, on its own threads: start(), stop()."""

    def __init__(self, scenes: dict[str, RobotCellScene], *, host: str = "127.0.0.1",
                 port: int = 0, fps: float = 5.0) -> None:
        self.scenes, self.fps = dict(scenes), fps
        self._stop = threading.Event()
        self.paused = threading.Event()  # set: streams stall (a camera that hangs)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, fmt: str, *args: Any) -> None:
                log.debug("camera %s: " + fmt, self.address_string(), *args)

            def do_GET(self) -> None:
                server._serve(self)

        self._httpd = ThreadingHTTPServer((host, port), Handler)
        self._httpd.daemon_threads = True
        addr = self._httpd.server_address
        self.host, self.port = str(addr[0]), int(addr[1])
        self._thread: threading.Thread | None = None

    def url(self, cell: str, *, still: bool = False) -> str:
        return f"http://{self.host}:{self.port}/{cell}.{'jpg' if still else 'mjpg'}"

    def start(self) -> CameraServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="sim-cameras",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def jpeg(self, cell: str, t: float | None = None) -> bytes:
        return encode_jpeg(self.scenes[cell].frame(time.time() if t is None else t), 5)

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        name, _, ext = h.path.lstrip("/").partition(".")
        if name not in self.scenes or ext not in ("mjpg", "jpg"):
            h.send_error(404, f"no camera {h.path!r}; cameras: {', '.join(self.scenes)}")
            return
        if ext == "jpg":
            body = self.jpeg(name)
            h.send_response(200)
            h.send_header("Content-Type", "image/jpeg")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
            return
        h.send_response(200)
        h.send_header("Content-Type", f"multipart/x-mixed-replace; boundary={BOUNDARY}")
        h.send_header("Cache-Control", "no-cache")
        h.end_headers()
        period = 1.0 / self.fps
        try:
            while not self._stop.is_set():
                if self.paused.is_set():
                    self._stop.wait(period)
                    continue
                body = self.jpeg(name)
                h.wfile.write(f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\n"
                              f"Content-Length: {len(body)}\r\n\r\n".encode() + body + b"\r\n")
                h.wfile.flush()
                self._stop.wait(period)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the viewer went away


def demo_cameras(intruders: dict[str, Callable[[], bool]] | None = None, *,
                 port: int = 0) -> CameraServer:
    """The demo plant's cameras: one per robot cell (robot1..robot4)."""
    intruders = intruders or {}
    return CameraServer({f"robot{i}": RobotCellScene(phase=i * 1.7,
                                                     intruder=intruders.get(f"robot{i}"))
                         for i in range(1, 5)}, port=port)


def plant_cameras(model: Any, *, port: int = 0) -> CameraServer:
    """The simulated plant's cameras: a worker shows in a cell's picture while the
    plant model has one inside that robot cell's fence."""
    from app.simulator.people import ROBOT_CELLS

    def inside(n: int) -> Callable[[], bool]:
        cell = ROBOT_CELLS[n]
        return lambda: any(cell.contains(w.x, w.y) for w in getattr(model, "workers", ()))

    return demo_cameras({f"robot{n}": inside(n) for n in ROBOT_CELLS}, port=port)
