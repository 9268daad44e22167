"""The Environment and Reports panels as an operator and a team lead use them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from app.alarms.engine import AlarmEngine
from app.auth.session import SessionManager
from app.auth.users import UserRepo
from app.environment.config import EnvironmentConfig, Parameter, Rule
from app.environment.monitor import EnvironmentMonitor
from app.environment.reports import ReportScheduler
from app.environment.service import Environment
from app.model import Sample
from app.store import Store
from widgets.environment_panel import EnvironmentPanel
from widgets.overlay import Overlay
from widgets.panels import PanelContext

T0 = (int(time.time()) - 86400) // 1800 * 1800
VOC = Parameter("voc", "Booth VOC", "p/voc", "mg/m³", Rule.BLOCK_MEAN, window_min=30,
                high=50)
CFG = EnvironmentConfig((VOC,), max_gap_s=120, settle_s=5)


@pytest.fixture
def ctx(tmp_path: Path):
    from app import config, paths

    clock = [float(T0)]
    with Store(tmp_path / "t.db", terminal_id="t1") as store:
        users = UserRepo(store)
        users.add("anna", "Anna", "operator", "1111").result(5)
        users.add("tara", "Tara", "team_lead", "3333").result(5)
        engine = AlarmEngine(clock=lambda: clock[0], terminal_id="t1")
        mon = EnvironmentMonitor(CFG, store, engine, clock=lambda: clock[0])
        mon.define_alarms()
        mon._fold = {"voc": T0}
        store.historian.append([Sample("p/voc", T0 + t, 30.0 if t < 600 else 120.0)
                                for t in range(0, 1500, 10)])
        store.flush()
        clock[0] = T0 + 1506
        mon.tick()
        reports = ReportScheduler(config.load(paths.DEMO_SITE), store, lambda *_: None,
                                  tmp_path / "reports", pdf=False)
        env = Environment(mon, reports, None)  # type: ignore[arg-type]
        yield PanelContext(config=None, runtime=None, bridge=None, store=store,
                           session=SessionManager(users), services={Environment: env})


def button(w, text: str) -> QAbstractButton:
    return next(b for b in w.findChildren(QAbstractButton) if b.text() == text)


def test_the_exceedance_shows_in_colour_and_takes_the_operators_note(qtbot, ctx) -> None:
    panel = EnvironmentPanel(ctx, {})
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    card = panel.cards["voc"]
    assert card.state.text() == "EXCEEDED" and card.property("severity") == "alarm"
    assert "limit ≤ 50 mg/m³" in card.limit.text()
    assert len(card.spark.points) >= 20
    note = button(panel, "Note cause…")
    assert not note.isEnabled()  # nobody signed in
    assert ctx.session.sign_in_pin("anna", "1111").ok
    qtbot.waitUntil(lambda: button(panel, "Note cause…").isEnabled())
    qtbot.mouseClick(button(panel, "Note cause…"), Qt.MouseButton.LeftButton)
    form = next(o for o in panel.window().findChildren(Overlay) if o.isVisible()).content
    form.edits["cause"].setText("solvent valve open")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    assert "cause and what was done" in form.message.text()  # both are needed
    form.edits["action"].setText("valve closed, booth purged")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    env = ctx.find(Environment)
    ctx.store.flush()
    env.monitor.refresh_snapshot()
    qtbot.waitUntil(lambda: any("Cause: solvent valve open" in lbl.text()
                                for lbl in panel.findChildren(type(card.name))))
