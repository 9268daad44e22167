"""Energy on the simulated plant (its OPC UA PLC, a real Mosquitto): the demo site's
meters fold into the ledger, and a recommendation is applied through the checked,
audited write: the PLC's saving mode reads back on, the audit log says who."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from support import wait_for

from app import config
from app.alarms.engine import AlarmEngine
from app.auth.permissions import PermissionDenied, Role
from app.energy import specs
from app.energy.advice import Recommendation, Savings
from app.energy.service import EnergyError
from app.runtime import Runtime
from app.services import ServiceContext
from app.store import Store
from app.writes import TagWrites

SAVING = "demo/body/line1/weld/robot4/energy_saving"


@pytest.mark.slow
def test_demo_meters_fold_and_apply_goes_through_the_audited_write(plant, tmp_path: Path
                                                                    ) -> None:
    cfg = config.load(plant.site_file, terminal_id="t1")
    store = Store(tmp_path / "t.db", terminal_id="t1").open()
    rt = Runtime(cfg, store)
    engine = AlarmEngine(terminal_id="t1")
    writes = TagWrites(cfg.tags, rt, store.audit)  # the one checked, audited write
    ctx = ServiceContext(cfg, rt, store, time.time, "t1", Role.SUPERVISOR,
                         services={AlarmEngine: engine, TagWrites: writes})
    svc = specs.SPEC.build(ctx)
    assert svc is not None
    svc.start()
    rt.start()
    try:
        wait_for(lambda: SAVING in rt.latest and rt.latest[SAVING].value is False,
                 what="robot 4's saving mode (off from the factory)")
        rec = Recommendation("idle_sleep:robot4", "idle_sleep", "robot4", "Welding robot 4",
                             "let it sleep", "evidence", Savings(10, 2.4, 3.6), tag=SAVING)
        with pytest.raises(PermissionDenied):
            svc.apply(rec, "anna", Role.OPERATOR)
        with pytest.raises(EnergyError):  # only the site's saving-mode tags
            svc.apply(replace(rec, tag="demo/body/line1/press/press1/stroke_rate_sp"),
                      "tara", Role.TEAM_LEAD)
        back = svc.apply(rec, "tara", Role.TEAM_LEAD).result(10)
        assert back.value is True  # the PLC's read-back
        assert plant.sim.values()["Robot4.EnergySaving"] is True
        audit = wait_for(lambda: store.audit.query(action="energy.apply"), what="audit")
        assert audit[0].actor == "tara" and audit[0].target == SAVING
        assert '"read_back": true' in audit[0].detail
        # the live ledger: every consumer draws, the grid meter and the line add up
        wait_for(lambda: all(kw is not None for kw, _ in svc.live().stations.values()),
                 what="every station's power")
        live = svc.live()
        assert live.grid_kw is not None and live.line_kw > 50
        wait_for(lambda: svc.ledger.flush() is None and svc.view("today").report.kwh > 0,
                 what="kWh in the ledger")
    finally:
        svc.stop()
        rt.stop()
        store.close()
