"""One camera's live stream, decoded by PyAV on a thread of its own.

`CameraStream(config).start()` opens the URL (MJPEG over HTTP as multipart JPEG,
RTSP over TCP, or anything FFmpeg reads), decodes frames and keeps only the latest
one. A stream that fails or stops delivering is reopened with a growing pause (0.5 s
up to 5 s). `state()` is what a screen says: CONNECTING before the first frame, LIVE
while frames are fresh, NO_SIGNAL when the newest frame is older than
`stale_after_s` (a camera that hangs without closing is NO_SIGNAL too, not a frozen
"live" picture). `snapshot_jpeg()` encodes the latest fresh frame for an alarm.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any

import av
import numpy as np

from app.observers import Observers

log = logging.getLogger(__name__)


class SignalState(StrEnum):
    CONNECTING = "connecting"
    LIVE = "live"
    NO_SIGNAL = "no_signal"


@dataclass(frozen=True)
class CameraConfig:
    """One `[[cameras]]` entry of the site file."""

    id: str
    name: str
    url: str  # http(s)://... (MJPEG) or rtsp://...
    zone: str | None = None  # the danger zone it watches (its alarms carry a snapshot)
    format: str | None = None  # FFmpeg input format; default from the URL
    stale_after_s: float = 3.0
    open_timeout_s: float = 5.0
    read_timeout_s: float = 3.0


@dataclass(frozen=True)
class Frame:
    rgb: np.ndarray  # height x width x 3, uint8
    ts: float  # wall-clock time it was decoded
    seq: int  # counts frames since start (a view repaints only on a new seq)

    @property
    def size(self) -> tuple[int, int]:
        return int(self.rgb.shape[1]), int(self.rgb.shape[0])


def open_options(cfg: CameraConfig) -> tuple[str | None, dict[str, str]]:
    """The FFmpeg input format and options for a camera URL."""
    scheme = cfg.url.split(":", 1)[0].lower()
    if scheme in ("http", "https"):
        # IP cameras send MJPEG as multipart/x-mixed-replace: FFmpeg's mpjpeg demuxer
        return cfg.format or "mpjpeg", {"reconnect": "0"}
    if scheme in ("rtsp", "rtsps"):
        return cfg.format, {"rtsp_transport": "tcp", "fflags": "nobuffer",
                            "flags": "low_delay"}
    return cfg.format, {}


class CameraStream:
    """Reads one camera until `stop()`; `latest()` and `state()` from any thread."""

    MIN_BACKOFF_S, MAX_BACKOFF_S = 0.5, 5.0

    def __init__(self, config: CameraConfig, *, clock: Callable[[], float] = time.time,
                 opener: Callable[..., Any] = av.open) -> None:
        self.config = config
        self._clock, self._open = clock, opener
        self._lock = threading.Lock()
        self._frame: Frame | None = None
        self._seq = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.error = ""  # why the last attempt failed (for the "no signal" text)
        self.connects = 0  # successful opens (a reconnect counts again)
        self._observers: Observers[[SignalState]] = Observers(f"camera {config.id}")
        self._last_state = SignalState.CONNECTING
        self._encoder_lock = threading.Lock()
        self._encoder: Any = None

    # --- life ----------------------------------------------------------------------------

    def start(self) -> CameraStream:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name=f"camera-{self.config.id}",
                                            daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def subscribe(self, fn: Callable[[SignalState], object]) -> Callable[[], None]:
        """`fn(state)` on the stream's thread when the state changes; returns a remover."""
        return self._observers.add(fn)

    # --- reading -------------------------------------------------------------------------

    def latest(self) -> Frame | None:
        """The newest frame if it is fresh, else None (never a frozen picture)."""
        with self._lock:
            f = self._frame
        if f is None or self._clock() - f.ts > self.config.stale_after_s:
            return None
        return f

    def state(self) -> SignalState:
        with self._lock:
            f = self._frame
        if f is None:
            return SignalState.CONNECTING if not self.error else SignalState.NO_SIGNAL
        if self._clock() - f.ts > self.config.stale_after_s:
            return SignalState.NO_SIGNAL
        return SignalState.LIVE

    def snapshot_jpeg(self, quality: int = 4) -> bytes | None:
        """The latest fresh frame as JPEG (for an alarm's detail), or None."""
        f = self.latest()
        if f is None:
            return None
        return encode_jpeg(f.rgb, quality)

    def _run(self) -> None:
        backoff = self.MIN_BACKOFF_S
        fmt, options = open_options(self.config)
        while not self._stop.is_set():
            got = False
            try:
                container = self._open(self.config.url, format=fmt, options=options,
                                       timeout=(self.config.open_timeout_s,
                                                self.config.read_timeout_s))
            except Exception as e:  # FFmpeg errors are av.error.* (OSError subclasses)
                self._failed(reason(e, opening=True), e)
            else:
                self.connects += 1
                try:
                    for frame in container.decode(video=0):
                        if self._stop.is_set():
                            break
                        rgb = frame.to_ndarray(format="rgb24")
                        with self._lock:
                            self._seq += 1
                            self._frame = Frame(rgb, self._clock(), self._seq)
                        if not got:
                            got, backoff = True, self.MIN_BACKOFF_S
                            self.error = ""
                        self._changed()
                    else:
                        self._failed("the stream ended")
                except Exception as e:
                    self._failed(reason(e, opening=False), e)
                finally:
                    try:
                        container.close()
                    except Exception:  # closing a broken stream may fail again
                        log.debug("camera %s: close failed", self.config.id, exc_info=True)
            if self._stop.wait(backoff):
                break
            backoff = min(self.MAX_BACKOFF_S, backoff * 2)

    def _failed(self, why: str, exc: BaseException | None = None) -> None:
        if why != self.error:
            log.warning("camera %s (%s): %s%s", self.config.id, self.config.url, why,
                        f" ({exc})" if exc is not None else "")
        self.error = why
        self._changed()

    def _changed(self) -> None:
        state = self.state()
        if state is not self._last_state:
            self._last_state = state
            self._observers.notify(state)


def grab_jpeg(cfg: CameraConfig, *, opener: Callable[..., Any] = av.open,
              quality: int = 4) -> tuple[bytes | None, str]:
    """One picture from a camera that nobody is watching: open, take the first frame,
    close. Returns (JPEG, "") or (None, the reason a person reads)."""
    fmt, options = open_options(cfg)
    try:
        container = opener(cfg.url, format=fmt, options=options,
                           timeout=(cfg.open_timeout_s, cfg.read_timeout_s))
    except Exception as e:
        log.warning("camera %s (%s): snapshot: %s", cfg.id, cfg.url, e)
        return None, reason(e, opening=True)
    try:
        for frame in container.decode(video=0):
            return encode_jpeg(frame.to_ndarray(format="rgb24"), quality), ""
        return None, "the stream ended"
    except Exception as e:
        log.warning("camera %s (%s): snapshot: %s", cfg.id, cfg.url, e)
        return None, reason(e, opening=False)
    finally:
        try:
            container.close()
        except Exception:
            log.debug("camera %s: close failed", cfg.id, exc_info=True)


def reason(e: BaseException, *, opening: bool) -> str:
    """What a person reads under NO SIGNAL (the FFmpeg message goes to the log)."""
    text = str(e).lower()
    if "immediate exit" in text or "timed out" in text or isinstance(e, TimeoutError):
        return "no picture from the camera" if not opening else "the camera does not answer"
    if "refused" in text:
        return "the camera refuses the connection"
    if "not found" in text or "404" in text:
        return "no such stream on the camera (check the URL)"
    if "unauthorized" in text or "401" in text:
        return "the camera wants a login"
    if "name" in text and "resol" in text:
        return "the camera's host name is unknown"
    return "cannot open the stream" if opening else "the stream broke off"


def encode_jpeg(rgb: np.ndarray, quality: int = 4) -> bytes:
    """An RGB frame as JPEG bytes, with PyAV's MJPEG encoder (2 best .. 31 worst)."""
    h, w = int(rgb.shape[0]) // 2 * 2, int(rgb.shape[1]) // 2 * 2
    ctx = av.CodecContext.create("mjpeg", "w")
    ctx.width, ctx.height = w, h
    ctx.pix_fmt = "yuvj420p"
    ctx.time_base = Fraction(1, 25)
    ctx.options = {"qmin": str(quality), "qmax": str(quality)}
    frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb[:h, :w]), format="rgb24")
    packets = ctx.encode(frame.reformat(format="yuvj420p"))  # type: ignore[attr-defined]
    packets += ctx.encode(None)  # type: ignore[attr-defined]
    return b"".join(bytes(p) for p in packets)
