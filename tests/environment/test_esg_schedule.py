"""Scheduled ESG reports: the days and the month that are due, made once, made after
downtime, announced once through the outbox of a real store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from app import config, paths
from app.environment.reports import ReportScheduler, due
from app.store import Store


def at(text: str) -> float:
    return dt.datetime.fromisoformat(text).timestamp()


def test_due_lists_the_production_days_and_the_last_month() -> None:
    now = at("2026-12-03T07:30")
    got = due(now, set(), first_hour=6, days=3)
    assert [(label, kind) for label, kind, *_ in got] == [
        ("2026-11-30", "daily"), ("2026-12-01", "daily"), ("2026-12-02", "daily"),
        ("2026-11", "monthly")]
    day = got[-2]
    assert (day[2], day[3]) == (at("2026-12-02T06:00"), at("2026-12-03T06:00"))
    assert due(at("2026-12-03T05:30"), set(), first_hour=6, days=1)[0][0] == "2026-12-01"
    made = {label for label, *_ in got}
    assert due(now, made, first_hour=6, days=3) == []


def test_reports_missed_while_off_are_made_at_start_and_announced_once(tmp_path: Path):
    cfg = config.load(paths.DEMO_SITE)
    sent: list[tuple[str, dict]] = []
    now = [at("2026-12-03T07:30")]
    with Store(tmp_path / "t.db", terminal_id="t1") as store:
        def publish(label: str, payload: dict) -> None:
            store.outbox.enqueue(f"demo/reports/esg/{label}", payload).result(5)
            sent.append((label, payload))

        sched = ReportScheduler(cfg, store, publish, tmp_path / "reports", days=2, pdf=False,
                                clock=lambda: now[0])
        assert sched.catch_up() == []  # a new store: nothing to report on yet
        store.submit(lambda c: c.execute(  # the terminal has run since November
            "INSERT INTO env_minute (param, minute, weighted, covered_s) VALUES "
            "('voc', ?, 1800, 60)", (int(at("2026-11-20T10:00")),))).result(5)
        made = sched.catch_up()  # the terminal was off for two days
        assert [m.label for m in made] == ["2026-12-01", "2026-12-02", "2026-11"]
        assert sched.catch_up() == []
        folder = Path(made[1].folder)
        doc = json.loads((folder / "esg.json").read_text())
        assert doc["period"] == "2026-12-02" and (folder / "csv" / "emissions.csv").exists()
        again = sched.make("2026-12-02", "daily", made[1].start, made[1].end)  # on demand
        assert again.published and len(sent) == 3  # made again, announced once
        now[0] = at("2026-12-04T06:30")
        assert [m.label for m in sched.catch_up()] == ["2026-12-03"]
        with store.read() as conn:
            topics = [t for (t,) in conn.execute("SELECT topic FROM outbox ORDER BY seq")]
        assert topics == [f"demo/reports/esg/{x}" for x in
                          ("2026-12-01", "2026-12-02", "2026-11", "2026-12-03")]
