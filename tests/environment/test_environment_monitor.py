"""The monitor on a real store: rollups folded from the historian by the samples' time,
late data folded into its own minute, a restart that counts nothing twice, the early
warning before the exceedance, the note on it, anomalies raised and dismissed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmState
from app.environment.config import EnvironmentConfig, Parameter, Rule
from app.environment.monitor import EnvironmentError, EnvironmentMonitor
from app.model import Sample
from app.store import Store

# A half-hour boundary two days ago: the historian refuses samples from the future.
T0 = (int(time.time()) - 2 * 86400) // 1800 * 1800
VOC = Parameter("voc", "Booth VOC", "p/voc", "mg/m³", Rule.BLOCK_MEAN, window_min=30,
                high=50)
COD = Parameter("cod", "COD", "p/cod", "mg/l", Rule.DAILY_MEAN, high=400)
CFG = EnvironmentConfig((VOC, COD), max_gap_s=120, settle_s=5)


class Clock:
    def __init__(self) -> None:
        self.t = float(T0)

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def env(tmp_path: Path):
    clock = Clock()
    store = Store(tmp_path / "t.db", terminal_id="t1").open()
    engine = AlarmEngine(clock=clock, terminal_id="t1")
    mon = EnvironmentMonitor(CFG, store, engine, clock=clock)
    mon.define_alarms()
    yield clock, store, engine, mon
    store.close()


def feed(store: Store, tag: str, t0: float, t1: float, value, every: float = 10.0) -> None:
    t = t0
    batch = []
    while t < t1:
        batch.append(Sample(tag, t, value(t) if callable(value) else value))
        t += every
    store.historian.append(batch)
    store.flush()


def run_to(clock: Clock, mon: EnvironmentMonitor, t: float) -> None:
    clock.t = t
    mon.tick()


def test_excursion_warns_first_then_exceeds_and_takes_a_note(env) -> None:
    clock, store, engine, mon = env
    mon._fold = {"voc": T0, "cod": T0}
    feed(store, "p/voc", T0, T0 + 600, 30.0)
    run_to(clock, mon, T0 + 600 + 6)
    assert mon.status["voc"].level == "normal"
    feed(store, "p/voc", T0 + 600, T0 + 900, 120.0)  # the solvent valve opens
    run_to(clock, mon, T0 + 900 + 6)
    assert engine.get("env.voc.warning").state is AlarmState.UNACK
    assert not engine.get("env.voc.exceedance").active
    feed(store, "p/voc", T0 + 900, T0 + 1500, 120.0)
    run_to(clock, mon, T0 + 1500 + 6)
    assert engine.get("env.voc.exceedance").active  # the half-hour mean cannot recover
    feed(store, "p/voc", T0 + 1500, T0 + 1900, 30.0)
    run_to(clock, mon, T0 + 1900 + 6)  # the block is over
    ex = [e for e in mon.events() if e.kind == "exceedance"]
    assert len(ex) == 1 and ex[0].start == T0 and ex[0].end == T0 + 1800
    # the completed half hour: 10 min at 30, 15 at 120, 5 at 30
    assert ex[0].value == pytest.approx((10 * 30 + 15 * 120 + 5 * 30) / 30, rel=0.02)
    warn = [e for e in mon.events() if e.kind == "warning"]
    assert warn and warn[-1].start < ex[0].start + 1500  # warned before it was certain
    with pytest.raises(EnvironmentError, match="cause and what was done"):
        mon.note(ex[0].id, "valve", "", actor="anna")
    mon.note(ex[0].id, "solvent valve left open", "closed valve, booth purged", actor="anna")
    store.flush()
    e = next(x for x in mon.events() if x.id == ex[0].id)
    assert (e.cause, e.noted_by) == ("solvent valve left open", "anna")
    store.flush()
    with store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'environment.note'"
                            ).fetchone()[0] == 1


def test_late_data_lands_in_its_minute_and_a_restart_counts_nothing_twice(env, tmp_path):
    clock, store, engine, mon = env
    mon._fold = {"voc": T0, "cod": T0}
    feed(store, "p/cod", T0, T0 + 300, 200.0)  # then the link drops for 5 minutes
    run_to(clock, mon, T0 + 600 + 6)
    before = mon.rows("cod", T0, T0 + 600)
    # the last sample at 290 s holds for max_gap_s (120 s), then the rest is a gap
    assert sum(r.covered_s for r in before) == pytest.approx(290 + 120)
    late = [Sample("p/cod", T0 + t, 260.0) for t in range(300, 600, 10)]
    store.historian.append(late)  # an edge device forwards its buffer
    store.flush()
    mon.on_samples(late)
    run_to(clock, mon, T0 + 620)
    after = mon.rows("cod", T0, T0 + 600)
    assert sum(r.covered_s for r in after) == pytest.approx(600)
    assert after[7].mean == pytest.approx(260.0)
    # a new monitor on the same store continues where the fold stopped
    again = EnvironmentMonitor(CFG, store, engine, clock=clock)
    again.start()
    again.stop()
    n_rows = len(again.rows("cod", T0, T0 + 3600))
    run_to(clock, again, T0 + 630)
    assert len(again.rows("cod", T0, T0 + 3600)) == n_rows
    assert again.rows("cod", T0, T0 + 600) == after


def test_catch_up_after_downtime_folds_what_the_historian_kept(env) -> None:
    clock, store, _engine, mon = env
    mon._fold = {"voc": T0, "cod": T0}
    feed(store, "p/cod", T0, T0 + 7200, 210.0, every=30)
    run_to(clock, mon, T0 + 7200 + 10)  # the terminal was off; one tick catches up
    rows = mon.rows("cod", T0, T0 + 7200)
    assert len(rows) == 120 and all(r.mean == pytest.approx(210.0) for r in rows)


def test_a_stuck_sensor_raises_an_advisory_anomaly_that_can_be_dismissed(env) -> None:
    clock, store, engine, mon = env
    import random

    rng = random.Random(1)
    start = T0 - 26 * 3600
    mon._fold = {"voc": start, "cod": start}
    feed(store, "p/cod", start, T0 - 1200, lambda _t: 200 + rng.gauss(0, 5), every=20)
    feed(store, "p/cod", T0 - 1200, T0, 203.4, every=20)  # the probe repeats itself
    run_to(clock, mon, T0 + 10)
    found = [a for a in mon.anomalies(open_only=True) if a.param == "cod"]
    [a] = found
    assert a.kind == "stuck" and "203.4" in a.evidence
    assert engine.get("env.cod.anomaly").active
    with pytest.raises(EnvironmentError):
        mon.dismiss(a.id, " ", actor="tara")
    mon.dismiss(a.id, "probe replaced, known offset", actor="tara")
    store.flush()
    mon._last_anomaly_check = 0
    run_to(clock, mon, T0 + 20)
    assert not engine.get("env.cod.anomaly").active
    assert mon.anomalies()[0].status == "dismissed"


def test_an_unusual_hour_of_an_energy_meter_is_an_advisory_anomaly(env) -> None:
    import app.energy.ledger  # noqa: F401 (its table)

    clock, store, engine, mon = env
    hour = int(clock.t // 3600 * 3600) - 3600
    rows = [("press1", hour - d * 86400, 40.0 + d % 3) for d in range(1, 15)]
    rows += [("press1", hour, 95.0), ("robot1", hour, 5.0), ("_line", hour, 0.0)]
    rows += [("robot1", hour - d * 86400, 5.0 + 0.1 * (d % 2)) for d in range(1, 15)]
    store.submit(lambda c: c.executemany(
        "INSERT INTO energy_ledger (meter, hour, kwh) VALUES (?, ?, ?)", rows)).result(5)
    mon._check_energy(clock.t)
    [a] = [x for x in mon.anomalies(open_only=True) if x.param.startswith("energy.")]
    assert a.param == "energy.press1" and a.kind == "seasonal" and a.observed == 95.0
    assert "comparable days" in a.evidence
    assert engine.get("env.energy.anomaly").active
