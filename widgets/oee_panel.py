"""The OEE panel: the line's availability, performance and quality this shift, each
station's OEE, and the loss Pareto. Figures come from `app.scheduling.oee.OEEService`
(recomputed every few seconds); this view only draws them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from app.scheduling.oee import OEE, OEEService
from layouts.panels import scheduling as spec
from widgets.panel_frame import PanelFrame
from widgets.panels import PanelContext, register_panel

translate = QCoreApplication.translate


def loss_label(key: str) -> str:
    return {"fault": translate("OEE", "Fault"), "maintenance": translate("OEE", "Maintenance"),
            "starved": translate("OEE", "Starved"), "blocked": translate("OEE", "Blocked"),
            "changeover": translate("OEE", "Changeover"),
            "microstops": translate("OEE", "Microstops"), "speed": translate("OEE", "Speed loss"),
            "quality": translate("OEE", "Quality loss")}.get(key, key)


def _pct(x: float) -> str:
    return f"{100.0 * x:.1f} %"


class Factor(QWidget):
    """One factor as a big number over a bar."""

    def __init__(self) -> None:
        super().__init__()
        self.caption = QLabel("")
        self.caption.setProperty("role", "caption")
        self.value = QLabel("—")
        self.value.setProperty("role", "big")
        self.value.setObjectName("OEEFactor")
        self.fraction = 0.0
        box = QGridLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.caption, 0, 0)
        box.addWidget(self.value, 1, 0)
        self.setMinimumHeight(72)

    def set(self, caption: str, x: float | None) -> None:
        self.caption.setText(caption)
        self.value.setText("—" if x is None else _pct(x))
        self.fraction = x or 0.0
        self.update()

    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        p = QPainter(self)
        r = QRectF(4, self.height() - 10, self.width() - 8, 6)
        p.fillRect(r, QColor(128, 128, 128, 60))
        c = QColor("#43a047") if self.fraction >= 0.85 else QColor(
            "#fb8c00") if self.fraction >= 0.6 else QColor("#e53935")
        p.fillRect(QRectF(r.x(), r.y(), r.width() * min(1.0, self.fraction), r.height()), c)
        p.end()


class Pareto(QWidget):
    """Horizontal bars of losses in minutes, largest first."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("LossPareto")
        self.items: list[tuple[str, float]] = []
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_items(self, items: list[tuple[str, float]]) -> None:
        self.items = items
        self.update()

    def paintEvent(self, _e: QPaintEvent) -> None:
        p = QPainter(self)
        fg = self.palette().color(self.palette().ColorRole.WindowText)
        if not self.items:
            p.setPen(QPen(fg))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       translate("OEE", "No losses recorded this shift yet"))
            p.end()
            return
        n = min(len(self.items), 8)
        h = self.height() / n
        top = max(v for _, v in self.items) or 1.0
        label_w = 120.0
        for i, (k, v) in enumerate(self.items[:n]):
            y = i * h
            p.setPen(QPen(fg))
            p.drawText(QRectF(0, y, label_w - 6, h), Qt.AlignmentFlag.AlignVCenter
                       | Qt.AlignmentFlag.AlignRight, loss_label(k))
            w = (self.width() - label_w - 70) * v / top
            p.fillRect(QRectF(label_w, y + h * 0.2, max(2.0, w), h * 0.6),
                       QColor("#e53935") if i == 0 else QColor("#fb8c00"))
            p.drawText(QRectF(label_w + w + 6, y, 64, h), Qt.AlignmentFlag.AlignVCenter,
                       translate("OEE", "%1 min").replace("%1", f"{v / 60:.0f}"))
        p.end()


class OEEPanel(PanelFrame):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__(translate("panels", "OEE this shift"))
        self.setObjectName("OEEPanel")
        self.ctx = ctx
        self.svc: OEEService | None = ctx.find(OEEService)
        self.factors = {k: Factor() for k in ("oee", "a", "p", "q")}
        row = QGridLayout()  # 2 x 2: fits a third of a 1080-line screen
        for i, f in enumerate(self.factors.values()):
            row.addWidget(f, i // 2, i % 2)
        self.stations = QLabel("")
        self.stations.setObjectName("OEEStations")
        self.stations.setWordWrap(True)
        self.stations.setTextFormat(Qt.TextFormat.RichText)
        self.pareto = Pareto()
        self.pareto_caption = QLabel("")
        self.pareto_caption.setProperty("role", "caption")
        self.body.addLayout(row)
        self.body.addWidget(self.stations)
        self.body.addWidget(self.pareto_caption)
        self.body.addWidget(self.pareto, 1)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(5000)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_title(translate("panels", "OEE this shift"))
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.pareto_caption.setText(translate("OEE", "Losses of the line this shift"))
        if self.svc is None:
            self.stations.setText(translate("OEE", "No OEE on this terminal (no [oee] section)"))
            for k, f in self.factors.items():
                f.set(k.upper(), None)
            return
        per_station, line = self.svc.shift()
        name, _t0, _t1 = self.svc.window()
        shown: OEE | None = line or (per_station[0] if per_station else None)
        self.factors["oee"].set(translate("OEE", "OEE"), shown.oee if shown else None)
        self.factors["a"].set(translate("OEE", "Availability"),
                              shown.availability if shown else None)
        self.factors["p"].set(translate("OEE", "Performance"),
                              shown.performance if shown else None)
        self.factors["q"].set(translate("OEE", "Quality"), shown.quality if shown else None)
        names = {k: v.name for k, v in self.ctx.config.stations.items()}
        cells = [f"<b>{names.get(o.name, o.name)}</b> {_pct(o.oee)}"
                 f" <small>(A {_pct(o.availability)} · P {_pct(o.performance)} · "
                 f"Q {_pct(o.quality)})</small>" for o in per_station]
        head = (translate("OEE", "Shift %1").replace("%1", name) if name
                else translate("OEE", "Last hours"))
        self.stations.setText(f"{head}:<br>" + "<br>".join(cells))
        self.pareto.set_items(shown.pareto() if shown else [])


register_panel(spec.OEE, OEEPanel)
