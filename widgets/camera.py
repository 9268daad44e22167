"""The camera panel: a live picture of one camera of the site, or a clear "NO SIGNAL".

The stream is decoded on its own thread (app.cameras.stream); this view only takes
the latest frame on a timer (10 Hz), converts it once and paints it scaled to fit,
with the camera's name and the time of the picture. Without a fresh frame it shows no
picture at all (never a frozen one) but a hatched "NO SIGNAL" with the reason, and
says that it reconnects by itself.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.cameras.service import CameraHub
from app.cameras.stream import CameraStream, SignalState
from layouts.panels import camera as camera_spec
from widgets import icons, theme
from widgets.panels import PanelContext, register_panel

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class CameraView(QWidget):
    """Paints a CameraStream's latest frame; `state` is what it shows now."""

    def __init__(self, stream: CameraStream, *, title: str = "",
                 parent: QWidget | None = None, poll_ms: int = 100) -> None:
        super().__init__(parent)
        self.setObjectName("CameraView")
        self.stream = stream
        self.title = title or stream.config.name
        self.state = SignalState.CONNECTING
        self.image: QImage | None = None
        self._seq = -1
        self._frame_ts = 0.0
        self.setMinimumSize(240, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        theme.notifier().changed.connect(self.update)
        self.poll()

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def poll(self) -> None:
        frame = self.stream.latest()
        state = self.stream.state()
        changed = state is not self.state
        self.state = state
        if frame is None:
            if self.image is not None:
                self.image = None  # never keep showing a picture that is no longer live
                changed = True
        elif frame.seq != self._seq:
            self._seq = frame.seq
            self._frame_ts = frame.ts
            h, w = frame.rgb.shape[:2]
            self.image = QImage(frame.rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
            changed = True
        if changed:
            self.update()

    def status_text(self) -> str:
        if self.state is SignalState.LIVE:
            return translate("Camera", "LIVE")
        if self.state is SignalState.CONNECTING:
            return translate("Camera", "Connecting…")
        return translate("Camera", "NO SIGNAL")

    def paintEvent(self, _event: Any) -> None:
        c = theme.colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        r = QRectF(self.rect())
        p.fillRect(r, QColor("#101010"))
        bar_h = float(theme.px(26))
        pic = r.adjusted(0, bar_h, 0, 0)
        if self.image is not None:
            size = self.image.size().scaled(pic.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(pic.center().x() - size.width() / 2,
                            pic.center().y() - size.height() / 2, size.width(), size.height())
            p.drawImage(target, self.image)
        else:
            p.fillRect(pic, QBrush(QColor("#3a3a3a"), Qt.BrushStyle.BDiagPattern))
            no_signal = self.state is SignalState.NO_SIGNAL
            color = QColor(c.warning if no_signal else "#d0d0d0")
            side = min(64.0, pic.height() * 0.3)
            icons.paint(p, "no_signal" if no_signal else "camera",
                        QRectF(pic.center().x() - side / 2, pic.center().y() - side - 8,
                               side, side), color)
            f = QFont(self.font())
            f.setPixelSize(theme.px(22))
            f.setBold(True)
            p.setFont(f)
            p.setPen(color)
            p.drawText(QRectF(pic.left(), pic.center().y(), pic.width(), theme.px(30)),
                       Qt.AlignmentFlag.AlignCenter, self.status_text())
            if no_signal:
                f.setPixelSize(theme.px(14))
                f.setBold(False)
                p.setFont(f)
                p.setPen(QColor("#d0d0d0"))
                why = self.stream.error or translate("Camera", "no picture for a while")
                p.drawText(QRectF(pic.left() + 8, pic.center().y() + theme.px(32),
                                  pic.width() - 16, theme.px(44)),
                           Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                           translate("Camera", "{why} · reconnecting by itself").format(why=why))
        # the title bar: name, state, age of the picture (fixed places, nothing jumps)
        p.fillRect(QRectF(r.left(), r.top(), r.width(), bar_h), QColor(c.frame))
        f = QFont(self.font())
        f.setPixelSize(theme.px(15))
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor(c.text))
        icons.paint(p, "camera", QRectF(6, (bar_h - 18) / 2, 18, 18), c.text)
        p.drawText(QRectF(30, 0, r.width() - 150, bar_h),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   p.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight,
                                              int(r.width() - 150)))
        live = self.state is SignalState.LIVE
        p.setPen(QColor(c.text if live else c.warning))
        stamp = (time.strftime("%H:%M:%S", time.localtime(self._frame_ts)) + "  "
                 if live and self._frame_ts else "")
        p.drawText(QRectF(r.width() - 220, 0, 212, bar_h),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   stamp + self.status_text())
        p.setPen(QPen(QColor(c.border), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
        p.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)


class CameraPanel(CameraView):
    """The layout panel: a camera of the hub, held only while the panel lives."""

    def __init__(self, hub: CameraHub, camera_id: str) -> None:
        stream = hub.acquire(camera_id)
        super().__init__(stream, title=hub.sites[camera_id].camera.name)
        self.setObjectName("CameraPanel")
        self.camera_id = camera_id
        self.destroyed.connect(lambda *_: hub.release(camera_id))


def create_panel(ctx: PanelContext, settings: dict[str, Any]) -> CameraPanel:
    hub = ctx.find(CameraHub)
    if hub is None:
        raise ValueError(translate("Camera", "No cameras are configured ([[cameras]] in the "
                                             "site file)"))
    cid = str(settings.get("camera") or next(iter(hub.sites), ""))
    if cid not in hub.sites:
        raise ValueError(translate("Camera", "Unknown camera “{id}” (cameras: {known})").format(
            id=cid, known=", ".join(sorted(hub.sites))))
    return CameraPanel(hub, cid)


register_panel(camera_spec.SPEC, create_panel)
