"""The maintenance forecast: each health indicator's remaining useful life with its band
and how it was fitted, the window planned for it, and the work orders to take and close.
Reads `PredictiveMaintenance` and `WorkOrders`; roles are checked there."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton

from app.auth.permissions import Action, PermissionDenied, allowed
from app.scheduling.maintenance import Forecast, PredictiveMaintenance
from app.scheduling.workorders import WorkOrderError, WorkOrders, WorkStatus
from layouts.panels import scheduling as spec
from widgets.panel_frame import PanelFrame
from widgets.panels import PanelContext, register_panel
from widgets.permission_text import user_message

translate = QCoreApplication.translate


def _hhmm(t: float) -> str:
    return datetime.fromtimestamp(t).strftime("%H:%M")


def _dur(s: float) -> str:
    if s < 5400:
        return translate("Maintenance", "%1 min").replace("%1", f"{s / 60:.0f}")
    return translate("Maintenance", "%1 h").replace("%1", f"{s / 3600:.1f}")


def forecast_text(f: Forecast, station_name: str) -> str:
    e = f.estimate
    head = f"{f.spec.name} ({station_name})"
    if e is None:
        return head + ": " + translate("Maintenance", "not enough data yet")
    if e.rul_s is None:
        return head + ": " + translate("Maintenance", "no wear trend toward the limit")
    band = ""
    if e.rul_low_s is not None:
        hi = _dur(e.rul_high_s) if e.rul_high_s is not None else "∞"
        band = f" ({_dur(e.rul_low_s)}–{hi})"
    text = head + ": " + translate("Maintenance", "limit in %1").replace(
        "%1", _dur(e.rul_s)) + band
    if f.window is not None:
        text += " · " + translate("Maintenance", "planned %1–%2, %3").replace(
            "%1", _hhmm(f.window.start)).replace("%2", _hhmm(f.window.end)).replace("%3", f.why)
    return text


class _Relay(QObject):
    changed = Signal()


class MaintenancePanel(PanelFrame):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__(translate("panels", "Maintenance forecast"))
        self.setObjectName("MaintenancePanel")
        self.ctx = ctx
        self.station = settings.get("station") or ""
        self.pdm: PredictiveMaintenance | None = ctx.find(PredictiveMaintenance)
        self.orders: WorkOrders | None = ctx.find(WorkOrders)
        self.forecast = QListWidget()
        self.forecast.setObjectName("Forecasts")
        self.forecast.setWordWrap(True)
        self.forecast.setStyleSheet("QListWidget::item { min-height: 48px; }")
        self.forecast.currentItemChanged.connect(lambda *_: self._explain())
        self.explain = QLabel("")
        self.explain.setWordWrap(True)
        self.explain.setProperty("role", "caption")
        self.work = QListWidget()
        self.work.setObjectName("WorkOrders")
        self.work.setStyleSheet("QListWidget::item { min-height: 48px; }")
        self.work.currentItemChanged.connect(lambda *_: self._buttons())
        self.new_button, self.take_button, self.close_button = (QPushButton(), QPushButton(),
                                                                QPushButton())
        for b in (self.new_button, self.take_button, self.close_button):
            b.setMinimumHeight(56)
        self.new_button.clicked.connect(self._new)
        self.take_button.clicked.connect(lambda: self._act("take"))
        self.close_button.clicked.connect(lambda: self._act("close"))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.work_caption = QLabel("")
        self.work_caption.setProperty("role", "caption")
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.take_button)
        row.addWidget(self.close_button)
        self.body.addWidget(self.forecast, 2)
        self.body.addWidget(self.explain)
        self.body.addWidget(self.work_caption)
        self.body.addWidget(self.work, 1)
        self.body.addLayout(row)
        self.body.addWidget(self.message)
        relay = _Relay(self)
        relay.changed.connect(self.refresh, Qt.ConnectionType.QueuedConnection)
        alive = [True]

        def poke(*_: Any) -> None:
            if alive[0]:
                relay.changed.emit()

        removers = []
        if self.pdm is not None:
            removers.append(self.pdm.subscribe(poke))
        if self.orders is not None:
            removers.append(self.orders.subscribe(poke))
        if ctx.session is not None:
            removers.append(ctx.session.add_observer(poke))

        def detach(*_: Any) -> None:
            alive[0] = False
            for r in removers:
                r()

        relay.destroyed.connect(detach)
        self._retranslate()

    def _retranslate(self) -> None:
        self.set_title(translate("panels", "Maintenance forecast"))
        self.work_caption.setText(translate("Maintenance", "Work orders"))
        self.new_button.setText(translate("Maintenance", "New work order"))
        self.take_button.setText(translate("Maintenance", "Take"))
        self.close_button.setText(translate("Maintenance", "Close as done"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _names(self) -> dict[str, str]:
        return {k: v.name for k, v in self.ctx.config.stations.items()}

    def refresh(self) -> None:
        names = self._names()
        sel = self.forecast.currentRow()
        self.forecast.clear()
        if self.pdm is None:
            self.forecast.addItem(translate("Maintenance", "No predictive maintenance "
                                                           "configured ([maintenance])"))
        else:
            for f in self.pdm.forecasts():
                if self.station and f.spec.station != self.station:
                    continue
                item = QListWidgetItem(forecast_text(f, names.get(f.spec.station,
                                                                  f.spec.station)))
                item.setData(Qt.ItemDataRole.UserRole, f.spec.id)
                self.forecast.addItem(item)
            if 0 <= sel < self.forecast.count():
                self.forecast.setCurrentRow(sel)
        wsel = self._selected()
        self.work.clear()
        if self.orders is not None:
            for w in self.orders.items():
                if self.station and w.station != self.station:
                    continue
                status = {WorkStatus.OPEN: translate("Maintenance", "open"),
                          WorkStatus.TAKEN: translate("Maintenance", "taken"),
                          WorkStatus.CLOSED: translate("Maintenance", "closed")}[w.status]
                text = f"[{status}] {names.get(w.station, w.station)}: {w.task}"
                if w.window_start:
                    text += " · " + _hhmm(w.window_start)
                if w.taken_by:
                    text += " (" + translate("Maintenance", "taken by %1").replace(
                        "%1", w.taken_by) + ")"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, w.id)
                self.work.addItem(item)
                if w.id == wsel:
                    self.work.setCurrentItem(item)
        self._explain()
        self._buttons()

    def _explain(self) -> None:
        row = self.forecast.currentItem()
        if row is None or self.pdm is None:
            self.explain.setText(translate("Maintenance", "Touch a forecast to see how it "
                                                          "was estimated"))
            return
        fid = row.data(Qt.ItemDataRole.UserRole)
        f = next((x for x in self.pdm.forecasts() if x.spec.id == fid), None)
        self.explain.setText(f.estimate.explanation if f is not None and f.estimate else "")

    def _selected(self) -> str | None:
        row = self.work.currentItem()
        return row.data(Qt.ItemDataRole.UserRole) if row is not None else None

    def _who(self) -> tuple[str | None, Any]:
        who = self.ctx.session.current if self.ctx.session is not None else None
        return (who.user_id, who.role) if who else (None, None)

    def _buttons(self) -> None:
        _, role = self._who()
        w = self.orders.get(self._selected() or "") if self.orders else None
        may_take = allowed(role, Action.MAINTENANCE_TAKE)
        self.take_button.setEnabled(bool(w and may_take and w.status is WorkStatus.OPEN))
        self.close_button.setEnabled(bool(w and allowed(role, Action.MAINTENANCE_CLOSE)))
        self.new_button.setEnabled(self.orders is not None and may_take)
        why = "" if may_take else translate(
            "Maintenance", "Sign in as maintenance or team lead to handle work orders")
        for b in (self.take_button, self.close_button, self.new_button):
            b.setToolTip(why)

    def _act(self, what: str) -> None:
        user, role = self._who()
        wid = self._selected()
        if not wid or self.orders is None:
            return
        try:
            if what == "take":
                self.orders.take(wid, user or "", role)
            else:
                self.orders.close(wid, user or "", role)
        except (WorkOrderError, PermissionDenied) as e:
            self.message.setText(user_message(e))
            return
        self.message.setText("")
        self.refresh()

    def _new(self) -> None:
        """A work order by hand for the station of the forecast touched (or the panel's)."""
        user, role = self._who()
        if self.orders is None:
            return
        row = self.forecast.currentItem()
        station, task = self.station, translate("Maintenance", "Inspection")
        if row is not None and self.pdm is not None:
            f = next((x for x in self.pdm.forecasts()
                      if x.spec.id == row.data(Qt.ItemDataRole.UserRole)), None)
            if f is not None:
                station, task = f.spec.station, f.spec.task
        station = station or next(iter(self.ctx.config.stations), "")
        try:
            self.orders.create(station, task, actor=user or "", role=role)
        except (WorkOrderError, PermissionDenied) as e:
            self.message.setText(user_message(e))
            return
        self.refresh()


register_panel(spec.MAINTENANCE, MaintenancePanel)
