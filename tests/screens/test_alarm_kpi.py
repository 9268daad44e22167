"""Alarm KPIs (ISA-18.2 / EEMUA 191) from journals whose answers were worked out by hand,
and once from a real journal in a SQLite store fed by the alarm engine."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.alarms import kpi
from app.alarms.kpi import Load, compute

T0 = 1_700_000_000.0
HOUR = 3600.0


@dataclass(frozen=True)
class E:
    ts: float
    alarm_id: str
    event: str = "activated"
    state: str | None = "unack"
    priority: int | None = 3
    message: str = ""


def test_rates_against_the_targets():
    # 6 alarms in one hour: 1 per 10 min, 6 per hour -> acceptable
    one = [E(T0 + 600 * i + 5, f"a{i}") for i in range(6)]
    k = compute(one, T0, T0 + HOUR)
    assert k.alarms == 6 and k.per_10min == pytest.approx(1.0)
    assert k.per_hour == pytest.approx(6.0) and k.load is Load.ACCEPTABLE
    # 12 in an hour: 2 per 10 min -> the most manageable; 13 -> overloaded
    twelve = [E(T0 + 300 * i, f"a{i}") for i in range(12)]
    assert compute(twelve, T0, T0 + HOUR).load is Load.MANAGEABLE
    assert compute([*twelve, E(T0 + 10, "x")], T0, T0 + HOUR).load is Load.OVERLOADED
    # two operators share the 12: 1 per 10 min each
    k2 = compute(twelve, T0, T0 + HOUR, operators=2)
    assert k2.per_10min == pytest.approx(1.0) and k2.load is Load.ACCEPTABLE


def test_not_annunciated_and_other_events_do_not_count():
    rows = [E(T0 + 1, "a"), E(T0 + 2, "a", "cleared", "normal"),
            E(T0 + 3, "a", "acknowledged", "normal"),
            E(T0 + 4, "b", state="shelved"), E(T0 + 5, "c", state="suppressed"),
            E(T0 + 6, "d", state="out_of_service"),
            E(T0 - 50, "old"), E(T0 + HOUR + 1, "later")]
    k = compute(rows, T0, T0 + HOUR)
    assert k.alarms == 1 and [f.alarm_id for f in k.top] == ["a"]


def test_time_in_flood():
    # Period 0 (0-10 min): 11 alarms -> flood. Period 1: exactly 10 -> not a flood.
    # Period 2: 12 -> flood. Window 30 min: 2 flood periods, 20 min, 66.7 %.
    rows = ([E(T0 + 10 + i, f"p0-{i}") for i in range(11)]
            + [E(T0 + 600 + 10 + i, f"p1-{i}") for i in range(10)]
            + [E(T0 + 1200 + 10 + i, f"p2-{i}") for i in range(12)])
    k = compute(rows, T0, T0 + 1800)
    assert k.periods == 3 and k.flood_periods == 2
    assert k.flood_s == pytest.approx(1200.0)
    assert k.flood_share == pytest.approx(100 * 1200 / 1800)
    assert k.peak_10min == 12
    # a partial last period counts only its own time: window 25 min, flood in the last 5
    k = compute([E(T0 + 1210 + i, f"x{i}") for i in range(11)], T0, T0 + 1500)
    assert k.periods == 3 and k.flood_s == pytest.approx(300.0)
    # per operator: with 2 operators, 12 in a period is 6 each: no flood
    assert compute(rows, T0, T0 + 1800, operators=2).flood_periods == 0


def test_chattering_is_three_in_a_minute():
    rows = [E(T0 + 0, "chat"), E(T0 + 30, "chat"), E(T0 + 59, "chat"),  # 3 within 59 s
            E(T0 + 0, "slow"), E(T0 + 40, "slow"), E(T0 + 101, "slow"),  # never 3 in 60 s
            *[E(T0 + 200 + 10 * i, "worse") for i in range(5)]]  # 5 within 40 s
    k = compute(rows, T0, T0 + HOUR)
    assert k.chattering == ("worse", "chat")


def test_stale_alarms_are_active_for_more_than_a_day():
    end = T0 + 30 * HOUR
    rows = [E(T0, "stale"),  # active 30 h, never cleared
            E(T0 + HOUR, "cleared_later"), E(T0 + 2 * HOUR, "cleared_later", "cleared", "normal"),
            E(T0 + 10 * HOUR, "recent"),  # active 20 h: not stale
            E(T0 + 2 * HOUR, "again"), E(T0 + 3 * HOUR, "again", "cleared", "normal"),
            E(T0 + 4 * HOUR, "again")]  # re-activated 26 h before the end: stale
    k = compute(rows, end - HOUR, end)
    assert k.stale == ("stale", "again")


def test_top_ten_and_priority_mix():
    rows: list[E] = []
    t = T0
    # 12 alarms with 12, 11, ..., 1 activations: 78 in all
    for i in range(12):
        for _ in range(12 - i):
            t += 1
            rows.append(E(t, f"a{i:02d}", priority=4, message=f"alarm {i}"))
    k = compute(rows, T0, T0 + HOUR)
    assert k.alarms == 78
    assert [f.alarm_id for f in k.top] == [f"a{i:02d}" for i in range(10)]
    assert k.top[0].count == 12 and k.top[0].message == "alarm 0"
    assert k.top_share == pytest.approx(100 * (78 - 2 - 1) / 78)
    # mix: 2 x P1, 3 x P2 (high: 5), 15 x P3 (medium), 80 x P4 (low) = 100
    mix = ([E(T0 + i, "h1", priority=1) for i in range(2)]
           + [E(T0 + 10 + i, "h2", priority=2) for i in range(3)]
           + [E(T0 + 20 + i, "m", priority=3) for i in range(15)]
           + [E(T0 + 100 + i, "l", priority=4) for i in range(80)])
    k = compute(mix, T0, T0 + HOUR)
    assert k.priority_mix == pytest.approx({"high": 5.0, "medium": 15.0, "low": 80.0})
    assert k.priority_counts == {1: 2, 2: 3, 3: 15, 4: 80}
    assert all(k.mix_ok(b) for b in ("high", "medium", "low"))
    bad = compute([E(T0 + i, "h", priority=1) for i in range(5)]
                  + [E(T0 + 10 + i, "l", priority=4) for i in range(5)], T0, T0 + HOUR)
    assert bad.priority_mix["high"] == 50.0 and not bad.mix_ok("high")
    assert not bad.mix_ok("low")


def test_shelved_and_out_of_service_at_the_end():
    rows = [E(T0 - 100, "a", "shelved", "shelved"),  # shelved before the window, still
            E(T0 + 10, "b", "shelved", "shelved"), E(T0 + 20, "b", "unshelved", "unack"),
            E(T0 + 30, "c", "shelved", "shelved"), E(T0 + 40, "c", "shelve_expired"),
            E(T0 + 50, "d", "shelved", "shelved"),
            E(T0 + 60, "e", "out_of_service", "out_of_service"),
            E(T0 + 70, "f", "out_of_service", "out_of_service"),
            E(T0 + 80, "f", "in_service", "normal")]
    k = compute(rows, T0, T0 + HOUR)
    assert (k.shelved, k.out_of_service, k.shelve_actions) == (2, 1, 3)


def test_bad_windows_are_programmer_errors():
    with pytest.raises(ValueError):
        compute([], T0, T0)
    with pytest.raises(ValueError):
        compute([], T0, T0 + 1, operators=0)
    empty = compute([], T0, T0 + HOUR)
    assert empty.alarms == 0 and empty.load is Load.ACCEPTABLE and empty.top == ()


def test_from_a_real_journal(tmp_path):
    """The engine journals into a real SQLite store; the KPIs read it back."""
    from app.alarms.engine import AlarmEngine
    from app.alarms.journal import AlarmJournal
    from app.alarms.model import AlarmDefinition, AlarmKind
    from app.store import Store

    clock = [T0]
    store = Store(tmp_path / "kpi.db", terminal_id="t1").open()
    try:
        engine = AlarmEngine([AlarmDefinition("door", AlarmKind.EXTERNAL, priority=2,
                                              message="door open")], clock=lambda: clock[0])
        journal = AlarmJournal(store)
        journal.attach(engine)
        for i in range(4):  # 4 activations within 45 s: chattering
            clock[0] = T0 + 15 * i
            engine.set_condition("door", True)
            clock[0] = T0 + 15 * i + 5
            engine.set_condition("door", False)
        store.flush()  # the writer thread has written every journal row
        k = kpi.from_journal(journal, T0 + HOUR, window_s=HOUR, summary=engine.summary())
        assert k is not None and k.alarms == 4
        assert k.chattering == ("door",) and k.top[0].message == "door open"
        assert k.priority_mix["high"] == 100.0
    finally:
        store.close()
