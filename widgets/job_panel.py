"""The Job view: the car at the station and the next ones, its steps with the current one
large (text, drawing, key values, PPE), confirm by touch, a measured value on a keypad
checked against its limits, a team lead's release, and the car's build record so far.
It follows the line without a touch. At sign-in it checks the worker's qualification:
a worker not qualified is told so and a team lead confirms a supervised session with
their PIN; a learner sees every step in full.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.auth.permissions import Action, PermissionDenied, allowed
from app.instructions.model import Step
from app.instructions.service import JobAssist, JobError
from layouts.panels import job as specs
from widgets import icons
from widgets.keypad import NumericKeypad
from widgets.overlay import Overlay
from widgets.panels import PanelContext, register_panel
from widgets.permission_text import user_message
from widgets.register_views import add_row, big_button, touch_list

translate = QCoreApplication.translate
CONFIRM_PX = 72


class ValuePad(QWidget):
    """Digits, a decimal point and delete, 64 px keys: a measured value by glove."""

    submitted = Signal(float)

    def __init__(self, hint: str) -> None:
        super().__init__()
        self.display = QLineEdit()
        self.display.setReadOnly(True)
        self.display.setPlaceholderText(hint)
        self.display.setMinimumHeight(64)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        for i, key in enumerate("789456123.0⌫"):
            b = QPushButton(key)
            b.setMinimumSize(72, 64)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, k=key: self._key(k))
            grid.addWidget(b, i // 3, i % 3)
        self.ok = big_button(translate("Job", "OK"), role="primary")
        self.ok.clicked.connect(self._ok)
        box = QVBoxLayout(self)
        box.addWidget(self.display)
        box.addLayout(grid)
        box.addWidget(self.ok)

    def _key(self, k: str) -> None:
        t = self.display.text()
        if k == "⌫":
            self.display.setText(t[:-1])
        elif not (k == "." and "." in t) and len(t) < 8:
            self.display.setText(t + k)

    def _ok(self) -> None:
        try:
            self.submitted.emit(float(self.display.text()))
        except ValueError:
            self.display.clear()


class _Relay(QObject):
    changed = Signal()


class JobPanel(QWidget):
    def __init__(self, ctx: PanelContext, settings: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("JobPanel")
        self.ctx = ctx
        self.job: JobAssist | None = ctx.find(JobAssist)
        self.station = settings.get("station") or (
            self.job.config.stations[0].station if self.job and self.job.config.stations
            else "")
        st = ctx.config.stations.get(self.station) if ctx.config is not None else None
        self.station_name = st.name if st else self.station
        self.learning = False
        self.vehicle = QLabel()
        self.vehicle.setProperty("role", "value")
        self.vehicle.setWordWrap(True)
        self.next = QLabel()
        self.next.setProperty("role", "caption")
        self.next.setWordWrap(True)  # never widens the panel: the layout decides its width
        self.next.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.mode = QLabel()
        self.mode.setProperty("role", "status")
        self.mode.setWordWrap(True)
        self.steps = touch_list("JobSteps")
        self.steps.setMaximumWidth(320)
        self.step_text = QLabel()
        self.step_text.setProperty("role", "big")
        self.step_text.setWordWrap(True)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumSize(QSize(200, 120))
        self.values = QLabel()
        self.values.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setProperty("role", "caption")
        self.confirm = QPushButton()
        self.confirm.setMinimumHeight(CONFIRM_PX)
        self.confirm.setProperty("role", "primary")
        icons.set_icon(self.confirm, "done", size=32)
        self.confirm.clicked.connect(self._confirm)
        self.release = big_button(translate("Job", "Release (team lead)"))
        self.release.clicked.connect(self._release)
        self.details_button = big_button(translate("Job", "Details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(lambda _on: self.refresh())
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.record = touch_list("BuildRecord")
        self.record.setMaximumHeight(160)
        head = QHBoxLayout()
        head.addWidget(self.vehicle, 3)
        head.addWidget(self.next, 2)
        current = QVBoxLayout()
        current.addWidget(self.step_text)
        current.addWidget(self.image, 1)
        current.addWidget(self.values)
        current.addWidget(self.detail)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm, 2)
        buttons.addWidget(self.release, 1)
        buttons.addWidget(self.details_button)
        current.addLayout(buttons)
        current.addWidget(self.message)
        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addLayout(current, 1)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.mode)
        box.addLayout(body, 1)
        box.addWidget(self.record)
        self._relay = _Relay(self)
        self._relay.changed.connect(self.refresh, Qt.ConnectionType.QueuedConnection)
        alive = [True]
        relay = self._relay
        removers = []
        if self.job is not None:
            removers.append(self.job.subscribe(lambda: alive[0] and relay.changed.emit()))
        if ctx.session is not None:
            removers.append(ctx.session.add_observer(self._session_changed))
        self._alive = alive

        def detach(*_: Any) -> None:
            alive[0] = False
            for remove in removers:
                remove()

        self._relay.destroyed.connect(detach)
        self._last_user = ""
        self.refresh()

    # --- who is here ---------------------------------------------------------------------

    def _user(self) -> tuple[str, Any]:
        who = self.ctx.session.current if self.ctx.session is not None else None
        return (who.user_id, who.role) if who else ("", None)

    def _session_changed(self, *_: Any) -> None:
        if self._alive[0]:
            self._relay.changed.emit()

    def _check_worker(self, user: str) -> None:
        """At sign-in: qualified, learning (full steps), or not (a lead confirms)."""
        if self.job is None or not user:
            self.learning = False
            return
        c = self.job.check_worker(user, self.station)
        self.learning = c.learning
        if c.qualified and c.days_left is not None and c.days_left <= 30:
            self.message.setText(translate("Job", "Your qualification for %1 lapses in %2 "
                                                  "days: book the refresher.")
                                 .replace("%1", self.station_name).replace("%2",
                                                                          str(c.days_left)))
        if not c.qualified and not c.learning:
            self.open_supervision(user)

    def open_supervision(self, worker: str) -> Overlay | None:
        if self.job is None:
            return None
        sheet = QWidget()
        box = QVBoxLayout(sheet)
        note = QLabel(translate("Job", "You are not qualified for %1. A team lead must "
                                       "confirm that you work here supervised.")
                      .replace("%1", self.station_name))
        note.setWordWrap(True)
        note.setProperty("severity", "warning")
        lead = QLineEdit()
        lead.setPlaceholderText(translate("Job", "Team lead's user id"))
        lead.setMinimumHeight(56)
        pad = NumericKeypad(masked=True)
        msg = QLabel("")
        msg.setWordWrap(True)
        for w in (note, lead, pad, msg):
            box.addWidget(w)
        overlay = Overlay.open(self, sheet, title=translate("Job", "Supervised session"))
        job = self.job

        def submit(pin: str) -> None:
            try:
                job.confirm_supervised(worker, self.station, lead.text().strip(), pin)
            except JobError as e:
                msg.setText(str(e))
                return
            self.message.setText(translate("Job", "Supervised session confirmed by %1")
                                 .replace("%1", lead.text().strip()))
            overlay.close_with(True)

        pad.submitted.connect(submit)
        return overlay

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        user, role = self._user()
        if user != self._last_user:
            self._last_user = user
            self._check_worker(user)
        if self.job is None:
            self.vehicle.setText(translate("Job", "No job assistance configured"))
            return
        car = self.job.current.get(self.station)
        self.vehicle.setText(f"{self.station_name}: " + (car.label() if car else translate(
            "Job", "no car")))
        nxt = self.job.next_vehicles(self.station)
        self.next.setText(translate("Job", "next: %1").replace(
            "%1", "  ·  ".join(v.label() for v in nxt)) if nxt else "")
        self.mode.setText(translate("Job", "Learning mode: every step in full, each one "
                                           "confirmed") if self.learning else "")
        steps = self.job.steps(self.station)
        entries = list(self.job.record_of(car.id, self.station)) if car else []
        done = {e.step for e in entries if e.closes}
        held = {e.step for e in entries if e.status == "out_of_limits"} - done
        current = self.job.open_step(self.station)
        self.steps.clear()
        for s in steps:
            mark = "✓ " if s.id in done else "! " if s.id in held else (
                "▶ " if current and s.id == current.id else "   ")
            add_row(self.steps, mark + s.text, s.id,
                    "ok" if s.id in done else "alarm" if s.id in held else "")
        self._show_step(current, held)
        self.record.clear()
        texts = {st.id: st.text for st in steps}
        for e in reversed(entries):
            when = dt.datetime.fromtimestamp(e.ts).strftime("%H:%M:%S")
            value = "" if e.value is None else f" {e.value:g}"
            status = {"done": translate("Job", "done"), "ok": translate("Job", "in limits"),
                      "out_of_limits": translate("Job", "OUT OF LIMITS"),
                      "released": translate("Job", "released by %1").replace(
                          "%1", e.released_by)}.get(e.status, e.status)
            add_row(self.record, f"{when}  {texts.get(e.step, e.step)}{value}  {status}  "
                    f"({e.actor})", e.step,
                    "alarm" if e.status == "out_of_limits" else "")
        self.confirm.setEnabled(bool(current and user))
        self.release.setVisible(bool(current and current.id in held))
        self.release.setEnabled(allowed(role, Action.STEP_RELEASE))

    def _show_step(self, step: Step | None, held: set[str]) -> None:
        if step is None:
            car = self.job.current.get(self.station) if self.job else None
            self.step_text.setText(translate("Job", "All steps done for this car") if car
                                   else translate("Job", "Waiting for the next car"))
            for w in (self.values, self.detail):
                w.setText("")
            self.image.clear()
            self.confirm.setText(translate("Job", "Confirm"))
            return
        self.step_text.setText(step.text)
        parts = [f"<b>{k}</b> {v}" for k, v in step.values]
        if step.ppe:
            parts.append("<b>" + translate("Job", "PPE") + "</b> " + ", ".join(step.ppe))
        if step.measure:
            parts.append("<b>" + translate("Job", "limits") + "</b> " + step.measure.limits())
        self.values.setText("  ·  ".join(parts))
        full = self.learning or self.details_button.isChecked()
        self.detail.setText(step.detail if full else "")
        path = self.job.image_path(self.station, step) if self.job else None
        if path is not None:
            pm = QPixmap(str(path))
            size = self.image.size() if self.image.width() > 50 else QSize(320, 200)
            self.image.setPixmap(pm.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
        else:
            self.image.clear()
        if step.measure is not None:
            self.confirm.setText(translate("Job", "Enter %1").replace("%1", step.measure.name))
        else:
            self.confirm.setText(translate("Job", "Confirm step"))
        if step.id in held:
            self.message.setText(translate("Job", "Out of limits: rework and measure again, "
                                                  "or a team lead releases it"))

    # --- acting -----------------------------------------------------------------------------

    def _confirm(self) -> None:
        if self.job is None:
            return
        step = self.job.open_step(self.station)
        user, _ = self._user()
        if step is None:
            return
        if step.measure is not None:
            self.open_value(step)
            return
        self._do(lambda: self.job.confirm(self.station, step.id, actor=user))  # type: ignore

    def open_value(self, step: Step) -> Overlay | None:
        assert step.measure is not None
        pad = ValuePad(step.measure.limits())
        overlay = Overlay.open(self, pad, title=f"{step.text}: {step.measure.name}")
        user, _ = self._user()

        def got(value: float) -> None:
            overlay.close_with(value)
            self._do(lambda: self.job.confirm(  # type: ignore[union-attr]
                self.station, step.id, actor=user, value=value))

        pad.submitted.connect(got)
        return overlay

    def _release(self) -> None:
        if self.job is None:
            return
        step = self.job.open_step(self.station)
        user, role = self._user()
        if step is not None:
            self._do(lambda: self.job.release(  # type: ignore[union-attr]
                self.station, step.id, lead=user, role=role))

    def _do(self, fn: Any) -> None:
        try:
            e = fn()
        except (JobError, PermissionDenied) as err:
            self.message.setText(user_message(err))
            return
        self.message.setText(translate("Job", "Out of limits: rework and measure again, or "
                                              "a team lead releases it")
                             if e.status == "out_of_limits" else "")
        self.refresh()


def add_job_view(panel: Any, ctx: PanelContext, station: str) -> QPushButton | None:
    """A "Job" button in a station panel's header that opens the Job view of the station
    over the layout (it then follows the line by itself); None without instructions."""
    job = ctx.find(JobAssist)
    if job is None or station not in {b.station for b in job.config.stations} \
            or station not in job.sets:
        return None
    button = QPushButton(translate("Job", "Job"))
    button.setObjectName("JobButton")
    button.setMinimumHeight(48)
    icons.set_icon(button, "journal")

    def open_view() -> None:
        view = JobPanel(ctx, {"station": station})
        view.setMinimumSize(900, 560)
        Overlay.open(panel, view, title=translate("Job", "Job: %1").replace(
            "%1", view.station_name))

    button.clicked.connect(open_view)
    panel.add_header_widget(button)
    return button


register_panel(specs.JOB, JobPanel)
