"""The energy panel on a real store: figures from the ledger, the flow picture, the
Pareto bars, and recommendations whose Apply needs a permitted role."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.auth.session import SessionManager
from app.auth.users import UserRepo
from app.config import SiteInfo, StationConfig
from app.energy.config import EnergyConfig, Meter, MeterKind
from app.energy.service import EnergyService
from app.model import Sample
from app.store import Store
from widgets.energy_panel import EnergyPanel, EnergyTile, RecommendationRow
from widgets.panels import PanelContext


def _config() -> EnergyConfig:
    meters = (Meter("press", MeterKind.CONSUMER, "Press 1", "press", power="p/press/kw",
                    energy="p/press/kwh", saving_mode="p/press/saving"),
              Meter("pv", MeterKind.PV, "PV", power="p/pv/kw"))
    return EnergyConfig(production_counter="p/count", meters=meters,
                        grid_co2e_kg_per_kwh=0.363, timezone="UTC",
                        baseline_kwh_per_vehicle=0.8, sleep_after_min=1,
                        station_state_tags={"press": "p/press/state"})


@pytest.fixture
def ctx(tmp_path: Path):
    with Store(tmp_path / "t.db", terminal_id="t1") as store:
        users = UserRepo(store)
        users.add("op7", "Olga Operator", "operator", "1111").result(5)
        users.add("tl1", "Tara Lead", "team_lead", "3333").result(5)
        session = SessionManager(users)
        site = SimpleNamespace(site=SiteInfo("p", "Plant", "Line 1", "t1", "p"),
                               stations={"press": StationConfig("press", "Press 1", "press")})
        # noon yesterday: "today" on this clock holds the whole 20 minutes at any hour
        now = (int(time.time()) // 86400 - 1) * 86400 + 12 * 3600
        svc = EnergyService(_config(), site, None, store, clock=lambda: now)
        svc.start()
        t0 = now - 1200  # the last 20 minutes: running, then standing for 10
        batch = [Sample("p/press/state", t0, "running"), Sample("p/count", t0, 0),
                 Sample("p/press/state", t0 + 600, "idle"), Sample("p/count", t0 + 590, 12)]
        batch += [Sample("p/press/kwh", t0 + 60 * i, 0.5 * i) for i in range(21)]
        batch += [Sample("p/press/kw", t0 + 60 * i, 30.0) for i in range(21)]
        batch += [Sample("p/pv/kw", t0 + 60 * i, 6.0) for i in range(21)]
        svc.ledger.on_samples(batch)
        svc.ledger.flush()
        store.flush()
        yield PanelContext(config=site, runtime=None, bridge=None, store=store,
                           session=session, services={EnergyService: svc})
        svc.stop()


def test_panel_shows_the_ledger_and_apply_needs_a_role(qtbot, ctx) -> None:
    panel = EnergyPanel(ctx, {"period": "today"})
    qtbot.addWidget(panel)
    panel.resize(1280, 480)
    panel.show()
    qtbot.waitUntil(lambda: panel._view is not None, timeout=5000)
    r = panel._view.report
    # 20 min at 30 kW (10 kWh), 12 vehicles; it stands since 10 min: idle 5 kWh
    assert r.kwh == pytest.approx(10.0)
    assert r.idle_kwh == pytest.approx(5.0)
    assert panel.kpis[0].value.text() == f"{10 / 12:.2f}"
    assert "30.0 kW" in panel.kpis[1].value.text()  # idle now: the press stands at 30 kW
    assert panel.flow._live is not None and panel.flow._live.idle_kw == pytest.approx(30.0)
    rows = panel.findChildren(RecommendationRow)
    press = next(row for row in rows if row.rec.meter == "press")
    assert press.apply_button.text() == "Apply"
    assert not press.apply_button.isEnabled()  # nobody signed in
    assert press.apply_button.minimumHeight() >= 48
    for b in panel.period_buttons.values():
        assert b.minimumHeight() >= 48
    assert ctx.session.sign_in_pin("tl1", "3333").ok
    qtbot.waitUntil(lambda: any(row.apply_button.isEnabled() for row in
                                panel.findChildren(RecommendationRow)), timeout=5000)
    ctx.session.sign_out()
    assert ctx.session.sign_in_pin("op7", "1111").ok
    qtbot.waitUntil(lambda: not any(row.apply_button.isEnabled() for row in
                                    panel.findChildren(RecommendationRow)), timeout=5000)


def test_station_tile_shows_kwh_per_vehicle_and_idle_now(qtbot, ctx) -> None:
    tile = EnergyTile(ctx, {"station": "press"})
    qtbot.addWidget(tile)
    tile.show()
    qtbot.waitUntil(lambda: "kWh/vehicle" in tile.per_vehicle.text()
                    and "—" not in tile.per_vehicle.text(), timeout=5000)
    assert f"{10 / 12:.2f}" in tile.per_vehicle.text()
    assert "Idle now" in tile.idle_now.text() and "30.0" in tile.idle_now.text()
