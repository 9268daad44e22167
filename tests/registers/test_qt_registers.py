"""The register panels as a purchasing user, a supervisor and maintenance would use
them: import the ERP file by touch, see what lapses, act on a risk's early warning,
answer a message."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QPushButton

from app import config
from app.alarms.engine import AlarmEngine
from app.auth.session import SessionManager
from app.auth.users import UserRepo
from app.registers.demo_data import seed
from app.registers.replica import Replica
from app.registers.service import Registers, RegistersConfig
from app.runtime import Runtime
from app.store import Store
from widgets.channels import ChannelsPanel
from widgets.overlay import Overlay
from widgets.panels import PanelContext
from widgets.risks import RisksPanel
from widgets.suppliers import SuppliersPanel

SITE = '[site]\nid = "demo"\nname = "Demo"\nterminal_id = "t1"\n'


@pytest.fixture
def ctx(tmp_path: Path):
    site = tmp_path / "site.toml"
    site.write_text(SITE)
    cfg = config.load(site)
    with Store(tmp_path / "t.db", terminal_id="t1") as store:
        users = UserRepo(store)
        for uid, role, pin in (("paul", "purchasing", "7777"), ("sam", "supervisor", "6666"),
                               ("max", "maintenance", "4444"), ("anna", "operator", "1111")):
            users.add(uid, uid.title(), role, pin).result(5)
        session = SessionManager(users)
        runtime = Runtime(cfg, store)
        runtime.start()
        replica = Replica(store, None, terminal_id="t1", topic_root="demo")
        engine = AlarmEngine(terminal_id="t1")
        registers = Registers(replica, runtime, engine, RegistersConfig(), time.time,
                              tmp_path / "import")
        registers.start()
        seed(registers, registers.import_dir, dt.date.today())
        yield PanelContext(config=cfg, runtime=runtime, bridge=None, store=store,
                           session=session, services={Registers: registers,
                                                      AlarmEngine: engine})
        registers.stop()
        runtime.stop()


def button(w, text: str) -> QAbstractButton:
    return next(b for b in w.findChildren(QAbstractButton) if b.text() == text)


def overlay_of(panel) -> Overlay:
    o = [x for x in panel.window().findChildren(Overlay) if x.isVisible()]
    assert o, "no sheet open"
    return o[-1]


def test_purchasing_imports_the_erp_file_by_touch_and_sees_what_lapses(qtbot, ctx) -> None:
    panel = SuppliersPanel(ctx, {})
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    assert not panel.import_button.isEnabled()  # nobody signed in
    assert ctx.session.sign_in_pin("paul", "7777").ok
    qtbot.waitUntil(panel.import_button.isEnabled)
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    sheet = overlay_of(panel)
    qtbot.mouseClick(button(sheet, "erp-suppliers.csv"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.count() == 5)
    assert "5 suppliers imported" in panel.message.text()
    acme = panel.row_of("acme-steel")
    assert "ISO 14001 lapses in 20 days" in acme.text()
    lackwerk = panel.row_of("lackwerk")
    assert "lapsed 12 days ago" in lackwerk.text()
    qtbot.mouseClick(panel.soon, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.count() == 3)  # acme, nordglas (75 d), lackwerk
    detail = panel.open_detail("acme-steel")
    assert "Score" in detail.content.findChildren(type(panel.title))[1].text()


def test_a_supervisor_assigns_a_measure_after_the_early_warning(qtbot, ctx) -> None:
    registers = ctx.find(Registers)
    registers.suppliers.import_csv((registers.import_dir / "erp-suppliers.csv").read_text(),
                                   actor="paul")
    registers.watch.check()  # ACME's certificate: 20 days < 30 -> early warning
    panel = RisksPanel(ctx, {})
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitUntil(lambda: any("early warning" in panel.list.item(i).text()
                                for i in range(panel.list.count())))
    assert sum(panel.heat.counts.values()) == 3
    cell = panel.heat.cell_rect(2, 5).center().toPoint()  # steel supply: L2 x I5
    qtbot.mouseClick(panel.heat, Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert "Steel coil supply" in panel.list.item(0).text()
    assert ctx.session.sign_in_pin("sam", "6666").ok
    sheet = panel.open_detail("steel-supply")
    accept = button(sheet.content, "Accept")
    assert accept.isEnabled()
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: registers.risks.get("steel-supply").get("likelihood") == 3)
    sheet = overlay_of(panel)
    qtbot.mouseClick(button(sheet.content, "Assign a measure"), Qt.MouseButton.LeftButton)
    form = overlay_of(panel).content
    qtbot.mouseClick(form.edits["text"], Qt.MouseButton.LeftButton)
    for ch in "audit":  # typed on the on-screen keyboard
        qtbot.mouseClick(button(form, ch), Qt.MouseButton.LeftButton)
    form.edits["responsible"].setText("paul")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(registers.risks.get("steel-supply").get("measures")))
    [m] = registers.risks.get("steel-supply").get("measures")
    assert (m["text"], m["responsible"], m["status"]) == ("audit", "paul", "open")
    assert m["deadline"] == (dt.date.today() + dt.timedelta(days=14)).isoformat()


def test_maintenance_answers_a_message_from_production(qtbot, ctx) -> None:
    registers = ctx.find(Registers)
    assert ctx.session.sign_in_pin("anna", "1111").ok
    panel = ChannelsPanel(ctx, {"channel": "production"})
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.text.setText("Robot 2 gripper slips")
    panel.mention.setCurrentIndex(panel.mention.findData("maintenance"))
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    ctx.session.sign_out()
    assert ctx.session.sign_in_pin("max", "4444").ok
    maint = next(b for b in panel.findChildren(QPushButton)
                 if b.text().startswith("Maintenance"))
    qtbot.mouseClick(maint, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.count() == 1)  # the mention shows here too
    assert "Robot 2 gripper slips" in panel.list.item(0).text()
    panel.text.setText("On my way")
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.list.count() == 2)
    assert [m.author for m in registers.channels.messages("maintenance")] == ["anna", "max"]
    panel.show_channel("quality")
    assert not panel.send_button.isEnabled()  # maintenance does not write for quality


def test_a_supervisor_adds_a_risk_by_touch(qtbot, ctx) -> None:
    registers = ctx.find(Registers)
    panel = RisksPanel(ctx, {})
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    assert not panel.new_button.isEnabled()
    assert ctx.session.sign_in_pin("sam", "6666").ok
    qtbot.waitUntil(panel.new_button.isEnabled)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    form = overlay_of(panel).content
    qtbot.mouseClick(form.edits["title"], Qt.MouseButton.LeftButton)
    for ch in "robot":
        qtbot.mouseClick(button(form, ch), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(form, "technical"), Qt.MouseButton.LeftButton)
    likelihood = [b for b in form.findChildren(QPushButton)
                  if b.text() == "4" and b.isCheckable()]  # not the keyboard's 4
    qtbot.mouseClick(likelihood[0], Qt.MouseButton.LeftButton)  # the likelihood row
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: registers.risks.get("robot") is not None)
    rec = registers.risks.get("robot")
    assert (rec.get("category"), rec.get("likelihood"), rec.get("impact")) == (
        "technical", 4, 3)


def test_purchasing_adds_a_certificate_and_a_wrong_date_is_named(qtbot, ctx) -> None:
    registers = ctx.find(Registers)
    registers.suppliers.save("nordglas", {"name": "Nordglas AB"}, actor="paul")
    assert ctx.session.sign_in_pin("paul", "7777").ok
    panel = SuppliersPanel(ctx, {})
    qtbot.addWidget(panel)
    panel.resize(1100, 800)
    panel.show()
    form = panel.open_certificate("nordglas").content
    qtbot.mouseClick(button(form, "EMAS"), Qt.MouseButton.LeftButton)
    form.edits["valid_to"].setText("31.12.2028")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    assert "valid_to" in form.message.text() and "not a date" in form.message.text()
    form.edits["valid_to"].setText("2028-12-31")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(registers.suppliers.get("nordglas").get("certifications")))
    [c] = registers.suppliers.get("nordglas").get("certifications")
    assert (c["standard"], c["valid_to"]) == ("EMAS", "2028-12-31")
