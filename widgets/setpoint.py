"""Setpoint write from a station panel: role check, keypad entry within the engineering
limits, confirmation (old -> new), the write, the PLC's read-back, an audit record.

Everything happens in an in-window Overlay (the e-stop in the frame stays usable).
The sheet only asks the domain: `TagWrites.check` while the worker types (role, type,
limits: the refusal is shown in their language) and `TagWrites.write(path, value,
actor)`, which checks again, writes and records the audit. Its Future's result comes
back to the GUI thread through a queued signal; the GUI never waits on it.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
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
from app.model import Quality, Sample
from app.writes import Refusal, TagWrites, WriteRefused
from widgets import theme
from widgets.overlay import Overlay
from widgets.permission_text import denied_text
from widgets.value_tile import format_value

log = logging.getLogger(__name__)


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class Step(StrEnum):
    DENIED = "denied"
    ENTRY = "entry"
    CONFIRM = "confirm"
    WRITING = "writing"
    DONE = "done"
    FAILED = "failed"


class SetpointKeypad(QWidget):
    """Digits, decimal point, sign, backspace, OK: large keys for gloved fingers."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.display = QLineEdit()
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.display.returnPressed.connect(lambda: self.submitted.emit(self.display.text()))
        grid = QGridLayout()
        grid.setSpacing(6)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3", "±", "0", "."]
        for i, k in enumerate(keys):
            b = QPushButton(k)
            b.setMinimumSize(theme.px(64), theme.px(56))
            b.clicked.connect(lambda _c=False, key=k: self._key(key))
            grid.addWidget(b, i // 3, i % 3)
        self.back = QPushButton("⌫")
        self.back.setMinimumSize(theme.px(64), theme.px(56))
        self.back.clicked.connect(lambda: self.display.setText(self.display.text()[:-1]))
        self.ok = QPushButton(translate("Setpoint", "OK"))
        self.ok.setProperty("role", "primary")
        self.ok.setMinimumSize(theme.px(64), theme.px(56))
        self.ok.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.ok.clicked.connect(lambda: self.submitted.emit(self.display.text()))
        grid.addWidget(self.back, 0, 3)
        grid.addWidget(self.ok, 1, 3, 3, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.display)
        box.addLayout(grid)

    def _key(self, key: str) -> None:
        text = self.display.text()
        if key == "±":
            text = text[1:] if text.startswith("-") else "-" + text
        elif key == "." and "." in text:
            return
        else:
            text += key
        self.display.setText(text)

    def set_text(self, text: str) -> None:
        self.display.setText(text)


def _same(readback: Any, wanted: float | None) -> bool:
    if wanted is None or not isinstance(readback, int | float) or isinstance(readback, bool):
        return True  # nothing numeric to compare
    # PLC REALs are float32: compare with the precision a float32 holds.
    return abs(float(readback) - wanted) <= 1e-6 * max(1.0, abs(wanted))


def parse_number(text: str) -> float | None:
    """Operator input as a number; a decimal comma (German keyboards) is accepted."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


class _WriteResult(QObject):
    done = Signal(object, object)  # Sample | None, error text | None


class SetpointSheet(QWidget):
    """The content of the setpoint overlay; drives the steps of one write."""

    finished = Signal(object)  # the read-back Sample, or None

    def __init__(self, ctx: Any, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.path = ctx, path
        tc = ctx.config.tags[path]
        self.tag = tc
        self.label = tc.description or tc.name
        self.old: Sample | None = ctx.bridge.latest(path) if ctx.bridge is not None else None
        self.new_value: float | None = None
        self.readback: Sample | None = None
        self.user = ctx.session.current if ctx.session is not None else None
        self.writes: TagWrites | None = ctx.find(TagWrites)
        self._result = _WriteResult()
        self._result.done.connect(self._on_written)

        self.message = QLabel()
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        self.keypad = SetpointKeypad()
        self.keypad.submitted.connect(self.submit_entry)
        self.primary = QPushButton()
        self.primary.setProperty("role", "primary")
        self.primary.clicked.connect(self._primary)
        self.secondary = QPushButton()
        self.secondary.clicked.connect(self._secondary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.secondary)
        buttons.addWidget(self.primary)
        box = QVBoxLayout(self)
        box.addWidget(self.message)
        box.addWidget(self.keypad)
        box.addLayout(buttons)

        if (self.user is None or self.writes is None
                or not allowed(self.user.role, Action.SETPOINT_WRITE)):
            self._go(Step.DENIED)
        else:
            if self.old is not None and self.old.quality is not Quality.BAD:
                self.keypad.set_text(format_value(self.old.value))
            self._go(Step.ENTRY)

    # --- steps -------------------------------------------------------------------------

    def _limits_text(self) -> str:
        lo = "—" if self.tag.low is None else format_value(self.tag.low)
        hi = "—" if self.tag.high is None else format_value(self.tag.high)
        return (
            translate("Setpoint", "Allowed: {low} to {high} {unit}")
            .format(low=lo, high=hi, unit=self.tag.unit)
            .strip()
        )

    def _old_text(self) -> str:
        if self.old is None:
            return translate("Setpoint", "unknown")
        if self.old.quality is Quality.BAD:
            return translate("Setpoint", "BAD (no valid value)")
        return f"{format_value(self.old.value)} {self.tag.unit}".strip()

    def _go(self, step: Step, error: str = "") -> None:
        self.step = step
        self.keypad.setVisible(step is Step.ENTRY)
        self.primary.setEnabled(True)
        self.secondary.setEnabled(True)
        sev = "alarm" if error or step in (Step.DENIED, Step.FAILED) else ""
        theme.set_state_property(self.message, "severity", sev)
        if step is Step.DENIED:
            if self.user is None:
                text = translate("Setpoint", "Sign in to change setpoints.")
            else:
                text = denied_text(Action.SETPOINT_WRITE, self.user.role)
            self.message.setText(text)
            self.primary.hide()
            self.secondary.setText(translate("Setpoint", "Close"))
        elif step is Step.ENTRY:
            text = translate("Setpoint", "{name}: now {old}.").format(
                name=self.label, old=self._old_text()
            )
            text += "\n" + self._limits_text()
            if error:
                text = error + "\n" + text
            self.message.setText(text)
            self.primary.hide()
            self.secondary.setText(translate("Setpoint", "Cancel"))
        elif step is Step.CONFIRM:
            self.message.setText(
                translate("Setpoint", "Change {name}\nfrom {old}\nto {new} {unit}?").format(
                    name=self.label,
                    old=self._old_text(),
                    new=format_value(self.new_value),
                    unit=self.tag.unit,
                )
            )
            self.primary.show()
            self.primary.setText(translate("Setpoint", "Confirm"))
            self.secondary.setText(translate("Setpoint", "Back"))
        elif step is Step.WRITING:
            self.message.setText(
                translate("Setpoint", "Writing {new} {unit} to the PLC…").format(
                    new=format_value(self.new_value), unit=self.tag.unit
                )
            )
            self.primary.setEnabled(False)
            self.secondary.setEnabled(False)
        elif step is Step.DONE:
            rb = self.readback
            got = f"{format_value(rb.value)} {self.tag.unit}".strip() if rb else "?"
            text = translate("Setpoint", "Done. The PLC reads back {value}.").format(value=got)
            if rb is not None and not _same(rb.value, self.new_value):
                text += "\n" + translate(
                    "Setpoint", "Note: the PLC did not take the requested value {new}."
                ).format(new=format_value(self.new_value))
                theme.set_state_property(self.message, "severity", "alarm")
            self.message.setText(text)
            self.primary.hide()
            self.secondary.setText(translate("Setpoint", "Close"))
        elif step is Step.FAILED:
            self.message.setText(
                translate(
                    "Setpoint", "The write failed: {error}\nThe setpoint is unchanged ({old})."
                ).format(error=error, old=self._old_text())
            )
            self.primary.show()
            self.primary.setText(translate("Setpoint", "Try again"))
            self.secondary.setText(translate("Setpoint", "Close"))

    def submit_entry(self, text: str) -> None:
        value = parse_number(text)
        if value is None:
            self._go(
                Step.ENTRY, translate("Setpoint", "“{text}” is not a number.").format(text=text)
            )
            return
        try:
            assert self.writes is not None  # else the sheet shows DENIED
            self.writes.check(self.path, value, self.user)
        except PermissionDenied:
            self._go(Step.DENIED)
            return
        except WriteRefused as e:
            self._go(Step.ENTRY, self._refusal_text(e, value))
            return
        self.new_value = value
        self._go(Step.CONFIRM)

    def _refusal_text(self, e: WriteRefused, value: float) -> str:
        """The domain's refusal in the worker's language."""
        if e.kind is Refusal.BELOW:
            return translate(
                "Setpoint", "{value} is below the lowest allowed value {low} {unit}."
            ).format(value=format_value(value), low=format_value(e.limit), unit=self.tag.unit)
        if e.kind is Refusal.ABOVE:
            return translate(
                "Setpoint", "{value} is above the highest allowed value {high} {unit}."
            ).format(value=format_value(value), high=format_value(e.limit), unit=self.tag.unit)
        return str(e)

    def _primary(self) -> None:
        if self.step in (Step.CONFIRM, Step.FAILED):
            self.confirm()

    def _secondary(self) -> None:
        if self.step is Step.CONFIRM:
            self._go(Step.ENTRY)
        else:
            self.finished.emit(self.readback)

    def confirm(self) -> None:
        """Send the write; the result arrives later on the GUI thread."""
        self._go(Step.WRITING)
        old = None if self.old is None else self.old.value
        path, result = self.path, self._result
        try:
            assert self.writes is not None and self.new_value is not None
            # Checked, written and audited by the domain (app.writes); the audit is
            # recorded even if the operator closes the sheet meanwhile.
            fut = self.writes.write(path, self.new_value, self.user, old=old,
                                    via="setpoint sheet")
        except Exception as e:
            log.warning("setpoint write of %s not sent: %s", path, e)
            self._on_written(None, str(e))
            return

        def done(f: Any) -> None:  # on the runtime thread
            err = f.exception()
            sample = None if err else f.result()
            result.done.emit(sample, None if err is None else (str(err) or type(err).__name__))

        fut.add_done_callback(done)

    def _on_written(self, sample: Sample | None, error: str | None) -> None:
        self.readback = sample
        if error is not None:
            self._go(Step.FAILED, error)
        else:
            self._go(Step.DONE)


def open_setpoint(anchor: QWidget, ctx: Any, path: str) -> Overlay:
    """Open the setpoint sheet for `path` over the layout area holding `anchor`."""
    sheet = SetpointSheet(ctx, path)
    tc = ctx.config.tags[path]
    overlay = Overlay.open(
        anchor,
        sheet,
        title=translate("Setpoint", "Change setpoint: {name}").format(
            name=tc.description or tc.name
        ),
    )
    sheet.finished.connect(overlay.close_with)
    return overlay
