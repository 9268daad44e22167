"""Personal data end to end: a whole terminal on the simulator never keeps vitals of a
worker without consent, in any table, while consenting workers' vitals are kept."""

from __future__ import annotations

import time
from pathlib import Path

from app import config
from app.health.monitor import HealthMonitor
from app.terminal import Terminal

NO_CONSENT = "W-8C21"  # demo worker without recorded consent (resources/demo/safety.toml)
CONSENT = "W-3F7A"


def test_no_table_holds_vitals_of_a_worker_without_consent(plant, tmp_path: Path) -> None:
    term = Terminal(config.load(plant.site_file, terminal_id="t-p"),
                    store_path=tmp_path / "p.db").start()
    try:
        health = term.service(HealthMonitor)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            health.flush()
            term.store.flush()
            with term.store.read() as c:
                if c.execute("SELECT count(*) FROM health_vitals WHERE worker = ?",
                             (CONSENT,)).fetchone()[0]:
                    break
            time.sleep(0.2)
        else:
            raise AssertionError("no vitals stored for the consenting worker")
        with term.store.read() as c:
            tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master "
                                              "WHERE type = 'table'")]
            for table in tables:
                cols = [r[1] for r in c.execute(f"PRAGMA table_info({table})")]
                for col in cols:
                    hits = c.execute(f"SELECT count(*) FROM {table} WHERE CAST({col} AS TEXT) "
                                     "LIKE ?", (f"%{NO_CONSENT}%",)).fetchone()[0]
                    assert hits == 0, f"{NO_CONSENT} found in {table}.{col}"
    finally:
        term.stop()
