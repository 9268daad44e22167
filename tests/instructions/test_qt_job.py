"""The Job view as an operator uses it: the sunroof car arrives and its steps show, the
steps are confirmed by touch, a torque is typed on the pad, the build record lists
them; a learner sees every step in full; an untrained worker is stopped at sign-in
until a team lead confirms a supervised session."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from app import config
from app.alarms.engine import AlarmEngine
from app.auth.session import SessionManager
from app.auth.users import UserRepo
from app.instructions.demo_data import seed
from app.instructions.service import InstructionsConfig, JobAssist, StationBinding
from app.instructions.skills import SkillsMatrix
from app.model import Sample
from app.registers.replica import Replica
from app.runtime import Runtime
from app.store import Store
from widgets.job_panel import JobPanel, ValuePad
from widgets.keypad import NumericKeypad
from widgets.overlay import Overlay
from widgets.panels import PanelContext

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "instructions"
TAG = "demo/body/line1/vehicles/robot3/current"


@pytest.fixture
def ctx(tmp_path: Path):
    site = tmp_path / "site.toml"
    site.write_text('[site]\nid = "demo"\nname = "Demo"\nterminal_id = "t1"\n')
    cfg = config.load(site)
    with Store(tmp_path / "t.db", terminal_id="t1") as store:
        users = UserRepo(store)
        for uid, role, pin in (("anna", "operator", "1111"), ("ben", "operator", "2222"),
                               ("max", "maintenance", "4444"), ("tara", "team_lead", "3333")):
            users.add(uid, uid.title(), role, pin).result(5)
        runtime = Runtime(cfg, store)
        runtime.start()
        replica = Replica(store, None, terminal_id="t1", topic_root="demo")
        skills = SkillsMatrix(replica, time.time)
        replica.start()
        seed(skills, dt.date.today())
        job = JobAssist(InstructionsConfig(DEMO, (StationBinding("robot2", None),
                                                  StationBinding("robot3", TAG))),
                        store, runtime, skills, AlarmEngine(terminal_id="t1"), users,
                        terminal_id="t1", topic_root="demo", shared=False)
        job.start()
        yield PanelContext(config=cfg, runtime=runtime, bridge=None, store=store,
                           session=SessionManager(users), services={JobAssist: job})
        job.stop()
        runtime.stop()


def sheet(panel) -> Overlay | None:
    shown = [o for o in panel.window().findChildren(Overlay) if o.isVisible()]
    return shown[-1] if shown else None


def test_the_sunroof_car_arrives_and_the_operator_confirms_its_steps(qtbot, ctx) -> None:
    job = ctx.find(JobAssist)
    panel = JobPanel(ctx, {"station": "robot3"})
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    assert ctx.session.sign_in_pin("anna", "1111").ok
    job.on_samples([Sample(TAG, time.time(), "B-000300|suv|sunroof")])
    qtbot.waitUntil(lambda: "B-000300" in panel.vehicle.text())
    texts = [panel.steps.item(i).text().strip() for i in range(panel.steps.count())]
    assert any("Fit the sunroof frame" in t for t in texts)
    assert panel.step_text.text() == "Gloves and glasses on"
    assert panel.detail.text() == ""  # a qualified worker gets the compact view
    for expected in ("Gloves and glasses on", "Load the roof panel, hooks engaged",
                     "Fit the sunroof frame"):
        assert panel.step_text.text() == expected
        qtbot.mouseClick(panel.confirm, Qt.MouseButton.LeftButton)
    assert panel.confirm.text() == "Enter torque"
    qtbot.mouseClick(panel.confirm, Qt.MouseButton.LeftButton)
    pad = sheet(panel).content
    assert isinstance(pad, ValuePad)
    for key in "9.1":
        qtbot.mouseClick(next(b for b in pad.findChildren(QAbstractButton)
                              if b.text() == key), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.step_text.text() == "Seal bead along the roof seam")
    record = [panel.record.item(i).text() for i in range(panel.record.count())]
    assert any("Torque the frame bolts 9.1  in limits  (anna)" in r for r in record)
    assert len(record) == 4


def test_a_learner_sees_every_step_in_full(qtbot, ctx) -> None:
    job = ctx.find(JobAssist)
    job.on_samples([Sample(TAG, time.time(), "B-000301|sedan|")])
    panel = JobPanel(ctx, {"station": "robot3"})
    qtbot.addWidget(panel)
    panel.show()
    assert ctx.session.sign_in_pin("ben", "2222").ok
    qtbot.waitUntil(lambda: "Learning mode" in panel.mode.text())
    assert "class C" in panel.detail.text()  # the full explanation, not only the line


def test_an_untrained_worker_is_warned_and_a_team_lead_confirms(qtbot, ctx) -> None:
    panel = JobPanel(ctx, {"station": "robot3"})
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    assert ctx.session.sign_in_pin("max", "4444").ok
    qtbot.waitUntil(lambda: sheet(panel) is not None)
    s = sheet(panel)
    assert "not qualified for robot3" in s.content.findChildren(type(panel.mode))[0].text()
    s.content.findChild(QLineEdit).setText("tara")
    pad = s.content.findChild(NumericKeypad)
    for d in "3333":
        qtbot.mouseClick(pad.keys[d], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_key, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Supervised session confirmed by tara" in panel.message.text())
    ctx.store.flush()
    with ctx.store.read() as conn:
        assert conn.execute("SELECT worker, station, lead FROM supervised_sessions"
                            ).fetchall() == [("max", "robot3", "tara")]


def test_a_station_panel_opens_the_job_view_that_follows_the_line(qtbot, ctx) -> None:
    from widgets.job_panel import add_job_view
    from widgets.panel_frame import PanelFrame

    frame = PanelFrame("Robot 3")
    qtbot.addWidget(frame)
    frame.resize(1200, 800)
    frame.show()
    assert add_job_view(frame, ctx, "robot2") is None  # no instructions for robot 2
    button = add_job_view(frame, ctx, "robot3")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view = sheet(frame).content
    assert isinstance(view, JobPanel)
    ctx.find(JobAssist).on_samples([Sample(TAG, time.time(), "B-000400|estate|sunroof")])
    qtbot.waitUntil(lambda: "B-000400" in view.vehicle.text())  # no touch needed
