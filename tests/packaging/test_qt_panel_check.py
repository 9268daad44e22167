"""`lineside doctor --panels`: one panel of every catalogue type is built and shown in a
real terminal window; a type the site does not configure is a warning with the reason."""

from __future__ import annotations

from pathlib import Path

from app.doctor import Status
from layouts import catalogue
from widgets.panel_check import check_panels

SITE = Path(__file__).with_name("site_min.toml")


def test_every_panel_type_gets_a_line_and_the_station_panels_show(qtbot,
                                                                   tmp_path: Path) -> None:
    checks = {c.name: c for c in check_panels(SITE, store=tmp_path / "p.db", seconds=0.3)}
    assert set(checks) == {f"panel {s.name}" for s in catalogue.PANELS}
    for name in ("station", "trend", "alarms", "andon"):
        assert checks[f"panel {name}"].status is Status.PASS, checks[f"panel {name}"]
    assert not [c for c in checks.values() if c.status is Status.FAIL]
    # site_min has no [health]: the vitals panel says so instead of failing the install.
    vitals = checks.get("panel vitals")
    if vitals is not None:
        assert vitals.status is Status.WARN and "site" in vitals.fix
