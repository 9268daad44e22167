"""Setpoint flow: role check, limits, confirmation, write via a Future, read-back, audit."""

from __future__ import annotations

import concurrent.futures
import threading
import time
from dataclasses import dataclass

from guikit import STROKE
from PySide6.QtWidgets import QWidget

from app.auth.permissions import Role
from app.model import Sample
from app.writes import TagWrites
from widgets.overlay import mark_host
from widgets.panels import PanelContext
from widgets.setpoint import SetpointSheet, Step, open_setpoint


@dataclass
class Who:
    user_id: str
    name: str
    role: Role


class Session:
    def __init__(self, who):
        self.current = who


class FakeRuntime:
    """Completes writes on another thread, like the real runtime loop."""

    def __init__(self, readback=None, error=None):
        self.writes = []
        self.readback, self.error = readback, error

    def safety_write(self, path, value):
        self.writes.append((path, value))
        fut = concurrent.futures.Future()

        def finish():
            time.sleep(0.05)
            if self.error:
                fut.set_exception(self.error)
            else:
                rb = value if self.readback is None else self.readback
                fut.set_result(Sample(path, time.time(), rb))

        threading.Thread(target=finish, daemon=True).start()
        return fut


class Audit:
    def __init__(self):
        self.records = []

    def record(self, actor, action, target="", detail=""):
        self.records.append((actor, action, target, detail))
        done = concurrent.futures.Future()
        done.set_result(len(self.records))
        return done


class Store:
    def __init__(self):
        self.audit = Audit()


def ctx_for(site, bridge, role, runtime=None):
    who = None if role is None else Who("u7", "Anna", role)
    runtime, store = runtime or FakeRuntime(), Store()
    writes = TagWrites(site.tags, runtime, store.audit)
    return PanelContext(site, runtime, bridge, store, Session(who), services={TagWrites: writes})


def test_operator_may_not_write(qtbot, site, bridge):
    sheet = SetpointSheet(ctx_for(site, bridge, Role.OPERATOR), STROKE)
    qtbot.addWidget(sheet)
    assert sheet.step is Step.DENIED and "can change setpoints" in sheet.message.text()
    nobody = SetpointSheet(ctx_for(site, bridge, None), STROKE)
    qtbot.addWidget(nobody)
    assert nobody.step is Step.DENIED and "Sign in" in nobody.message.text()


def test_limits_are_enforced_with_a_clear_message(qtbot, site, bridge):
    ctx = ctx_for(site, bridge, Role.MAINTENANCE)
    sheet = SetpointSheet(ctx, STROKE)
    qtbot.addWidget(sheet)
    sheet.submit_entry("500")
    assert sheet.step is Step.ENTRY
    assert "above the highest allowed value 400" in sheet.message.text()
    sheet.submit_entry("abc")
    assert "not a number" in sheet.message.text()
    assert ctx.runtime.writes == []


def test_confirm_write_readback_and_audit(qtbot, site, bridge):
    bridge.push([Sample(STROKE, time.time(), 120.0)])
    bridge.tick()
    ctx = ctx_for(site, bridge, Role.TEAM_LEAD, FakeRuntime(readback=149.5))
    sheet = SetpointSheet(ctx, STROKE)
    qtbot.addWidget(sheet)
    sheet.keypad.set_text("150,0")  # a decimal comma is accepted
    sheet.keypad.ok.click()
    assert sheet.step is Step.CONFIRM
    assert "120.0 mm" in sheet.message.text() and "150.0 mm" in sheet.message.text()
    sheet.primary.click()
    assert sheet.step is Step.WRITING  # the GUI does not wait
    qtbot.waitUntil(lambda: sheet.step is Step.DONE, timeout=3000)
    assert ctx.runtime.writes == [(STROKE, 150.0)]
    assert "149.5" in sheet.message.text() and "did not take" in sheet.message.text()
    actor, action, target, detail = ctx.store.audit.records[0]
    assert (actor, action, target) == ("u7", "setpoint.write", STROKE)
    assert detail["old"] == 120.0 and detail["new"] == 150.0 and detail["read_back"] == 149.5


def test_failed_write_says_why_and_is_audited(qtbot, site, bridge):
    ctx = ctx_for(site, bridge, Role.SUPERVISOR, FakeRuntime(error=RuntimeError("PLC refused")))
    sheet = SetpointSheet(ctx, STROKE)
    qtbot.addWidget(sheet)
    sheet.submit_entry("200")
    sheet.confirm()
    qtbot.waitUntil(lambda: sheet.step is Step.FAILED, timeout=3000)
    assert "PLC refused" in sheet.message.text()
    assert ctx.store.audit.records[0][3]["ok"] is False


def test_sheet_opens_in_window_over_the_layout_area(qtbot, site, bridge):
    host = QWidget()
    mark_host(host)
    anchor = QWidget(host)
    qtbot.addWidget(host)
    host.resize(800, 600)
    host.show()
    ov = open_setpoint(anchor, ctx_for(site, bridge, Role.ADMIN), STROKE)
    assert ov.parentWidget() is host and ov.geometry() == host.rect()
    assert ov.isVisible() and not ov.isWindow()
