"""The ESG report's content for a period, from rollups and journals only (Qt-free).

Environment: energy and CO2e from the energy ledger, each emission against its limit
with exceedances, early warnings and data completeness, and per day (`esg_daily`),
waste by category with the recycling share, anomalies. Social: safety figures without
personal data (e-stops, hazard alarms, safety andon reports, health alerts counted per
shift, time to acknowledge). Governance: the exceedance journal with its notes, alarm management
figures, the audit summary, and the green supplier status.

The report is tables of plain values; `to_json`, `write_csv` and the PDF renderer
(`widgets.esg_pdf`) all present the same tables. Titles and column names are English
source texts marked for translation (context "EsgReport").
"""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import json
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The tables the report reads, registered by their owners (a store opened only for
# the report still has them, empty).
import app.alarms.journal
import app.andon
import app.energy.ledger
import app.registers.replica  # noqa: F401
from app.environment.config import EnvironmentConfig
from app.environment.rollups import aggregate_sql


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation (the PDF shows translate(context, text))."""
    return text


CTX = "EsgReport"

# The headline figures of each section, as the PDF names them.
FIGURE_LABELS = {
    "kwh": QT_TRANSLATE_NOOP("EsgReport", "energy (kWh)"),
    "vehicles": QT_TRANSLATE_NOOP("EsgReport", "vehicles"),
    "kwh_per_vehicle": QT_TRANSLATE_NOOP("EsgReport", "kWh per vehicle"),
    "co2e_t_location": QT_TRANSLATE_NOOP("EsgReport", "t CO2e (location-based)"),
    "co2e_t_market": QT_TRANSLATE_NOOP("EsgReport", "t CO2e (market-based)"),
    "co2e_kg_per_vehicle": QT_TRANSLATE_NOOP("EsgReport", "kg CO2e per vehicle"),
    "renewable_share_pct": QT_TRANSLATE_NOOP("EsgReport", "renewable share %"),
    "recovered_kwh": QT_TRANSLATE_NOOP("EsgReport", "recovered kWh"),
    "idle_share_pct": QT_TRANSLATE_NOOP("EsgReport", "idle share %"),
    "waste_kg": QT_TRANSLATE_NOOP("EsgReport", "waste (kg)"),
    "recycling_share_pct": QT_TRANSLATE_NOOP("EsgReport", "recycled %"),
    "exceedances": QT_TRANSLATE_NOOP("EsgReport", "exceedances"),
    "estops": QT_TRANSLATE_NOOP("EsgReport", "emergency stops"),
    "hazard_alarms": QT_TRANSLATE_NOOP("EsgReport", "hazard alarms"),
    "safety_andon": QT_TRANSLATE_NOOP("EsgReport", "safety reports"),
    "health_alerts": QT_TRANSLATE_NOOP("EsgReport", "health alerts"),
    "ack_median_s": QT_TRANSLATE_NOOP("EsgReport", "median s to acknowledge"),
    "noted_exceedances": QT_TRANSLATE_NOOP("EsgReport", "exceedances with a note"),
    "setpoint_changes": QT_TRANSLATE_NOOP("EsgReport", "setpoint changes"),
}
SHIFTS_DEFAULT = (("early", 6, 14), ("late", 14, 22), ("night", 22, 6))


@dataclass
class Table:
    key: str  # file name of its CSV
    title: str  # English source, QT_TRANSLATE_NOOP("EsgReport", ...)
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""


@dataclass
class Section:
    key: str  # environment | social | governance
    title: str
    tables: list[Table]
    figures: dict[str, Any] = field(default_factory=dict)  # headline numbers


@dataclass
class EsgReport:
    site: str
    line: str
    label: str  # "2026-11", "2026-11-30", or "from .. to .."
    start: float
    end: float
    generated: float
    sections: list[Section]
    energy_by_day: list[tuple[str, float, float]] = field(default_factory=list)  # kWh, CO2e

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables]

    def to_json(self) -> dict[str, Any]:
        return {
            "report": "esg",
            "site": self.site,
            "line": self.line,
            "period": self.label,
            "from": _iso(self.start),
            "to": _iso(self.end),
            "generated": _iso(self.generated),
            "sections": {
                s.key: {
                    "figures": s.figures,
                    "tables": {
                        t.key: [dict(zip(t.columns, r, strict=True)) for r in t.rows]
                        for t in s.tables
                    },
                }
                for s in self.sections
            },
            "energy_by_day": [{"day": d, "kwh": k, "co2e_kg": c} for d, k, c in self.energy_by_day],
        }

    def write_json(self, path: Path) -> None:
        path.write_text(
            json.dumps(self.to_json(), ensure_ascii=False, indent=1, default=str), encoding="utf-8"
        )

    def write_csv(self, folder: Path) -> list[Path]:
        """One CSV per table (UTF-8 with BOM, so spreadsheets read the umlauts)."""
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for t in self.tables():
            p = folder / f"{t.key}.csv"
            with p.open("w", newline="", encoding="utf-8-sig") as fh:
                w = csv.writer(fh)
                w.writerow(t.columns)
                w.writerows(t.rows)
            out.append(p)
        return out


def _iso(t: float) -> str:
    return dt.datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds")


def month_bounds(period: str) -> tuple[float, float]:
    """'2026-11' -> local midnight of the first to the first of the next month."""
    try:
        first = dt.datetime.strptime(period, "%Y-%m")
    except ValueError:
        raise ValueError(f"period {period!r}: expected YYYY-MM, e.g. 2026-11") from None
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    return first.timestamp(), nxt.timestamp()


# --- building ---------------------------------------------------------------------------


def build(
    site: Any,
    store: Any,
    start: float,
    end: float,
    *,
    label: str,
    environment: EnvironmentConfig | None,
    energy: Any = None,
    hazards: Any = None,
    now: float | None = None,
) -> EsgReport:
    """`site`: the SiteConfig; `energy`: its EnergyConfig (or None). Data completeness
    counts only the part of the period that has passed at `now`."""
    made = now if now is not None else dt.datetime.now().timestamp()
    sections = [
        _environment(store, start, end, environment, energy, made),
        _social(store, start, end, hazards, energy),
        _governance(store, start, end, environment),
    ]
    rep = EsgReport(
        site.site.name,
        site.site.line,
        label,
        start,
        end,
        made,
        sections,
    )
    if energy is not None:
        rep.energy_by_day = _energy_days(energy, store, start, end)
    return rep


def _r(x: float | None, nd: int = 1) -> float | None:
    return None if x is None else round(float(x), nd)


def _environment(
    store: Any,
    start: float,
    end: float,
    env: EnvironmentConfig | None,
    energy: Any,
    now: float,
) -> Section:
    tables: list[Table] = []
    figures: dict[str, Any] = {}
    if energy is not None:
        from app.energy.kpis import report

        r = report(energy, store, start, end)
        figures.update(
            {
                "kwh": _r(r.kwh),
                "vehicles": r.vehicles,
                "kwh_per_vehicle": _r(r.kwh_per_vehicle, 2),
                "co2e_t_location": _r(r.co2e_kg / 1000, 3),
                "co2e_t_market": _r((r.co2e_market_kg or 0) / 1000, 3)
                if r.co2e_market_kg is not None
                else None,
                "co2e_kg_per_vehicle": _r(r.co2e_kg_per_vehicle, 2),
                "renewable_share_pct": _r(100 * (r.renewable_share or 0)),
                "recovered_kwh": _r(r.recovered_kwh),
                "idle_share_pct": _r(100 * (r.idle_share or 0)),
            }
        )
        t = Table(
            "energy",
            QT_TRANSLATE_NOOP("EsgReport", "Energy and greenhouse gases"),
            [
                QT_TRANSLATE_NOOP("EsgReport", "figure"),
                QT_TRANSLATE_NOOP("EsgReport", "value"),
                QT_TRANSLATE_NOOP("EsgReport", "unit"),
            ],
        )
        t.rows = [
            [QT_TRANSLATE_NOOP("EsgReport", "energy used"), _r(r.kwh), "kWh"],
            [QT_TRANSLATE_NOOP("EsgReport", "vehicles produced"), r.vehicles, ""],
            [QT_TRANSLATE_NOOP("EsgReport", "energy per vehicle"), _r(r.kwh_per_vehicle, 2), "kWh"],
            [
                QT_TRANSLATE_NOOP("EsgReport", "idle energy (nothing produced)"),
                _r(r.idle_kwh),
                "kWh",
            ],
            [
                QT_TRANSLATE_NOOP("EsgReport", "renewable share (own PV)"),
                _r(100 * (r.renewable_share or 0)),
                "%",
            ],
            [QT_TRANSLATE_NOOP("EsgReport", "recovered heat"), _r(r.recovered_kwh), "kWh"],
            [QT_TRANSLATE_NOOP("EsgReport", "grid import"), _r(r.grid_kwh), "kWh"],
            [QT_TRANSLATE_NOOP("EsgReport", "CO2e location-based"), _r(r.co2e_kg), "kg"],
            [QT_TRANSLATE_NOOP("EsgReport", "CO2e market-based"), _r(r.co2e_market_kg), "kg"],
            [
                QT_TRANSLATE_NOOP("EsgReport", "CO2e per vehicle (location)"),
                _r(r.co2e_kg_per_vehicle, 2),
                "kg",
            ],
            [QT_TRANSLATE_NOOP("EsgReport", "peak demand"), _r(r.peak_kw), "kW"],
        ]
        t.note = (
            "CO2e: grid kWh x the location-based (grid average) or market-based "
            "(supply contract) factor; behind-the-meter PV counts as zero."
        )
        tables.append(t)
    if env is not None:
        span = max(0.0, min(end, now) - start)
        emis = Table(
            "emissions",
            QT_TRANSLATE_NOOP("EsgReport", "Emissions against permit limits"),
            [
                QT_TRANSLATE_NOOP("EsgReport", "parameter"),
                QT_TRANSLATE_NOOP("EsgReport", "rule"),
                QT_TRANSLATE_NOOP("EsgReport", "limit"),
                QT_TRANSLATE_NOOP("EsgReport", "unit"),
                QT_TRANSLATE_NOOP("EsgReport", "period value"),
                QT_TRANSLATE_NOOP("EsgReport", "maximum"),
                QT_TRANSLATE_NOOP("EsgReport", "exceedances"),
                QT_TRANSLATE_NOOP("EsgReport", "early warnings"),
                QT_TRANSLATE_NOOP("EsgReport", "good data %"),
            ],
        )
        waste = Table(
            "waste",
            QT_TRANSLATE_NOOP("EsgReport", "Waste by category"),
            [
                QT_TRANSLATE_NOOP("EsgReport", "category"),
                QT_TRANSLATE_NOOP("EsgReport", "kg"),
                QT_TRANSLATE_NOOP("EsgReport", "recycled"),
            ],
        )
        counts = _event_counts(store, start, end)
        by_cat: dict[str, list[float]] = {}
        with store.read() as conn:
            for p in env.parameters:
                a = aggregate_sql(conn, p.id, start, end)
                value = a.delta if p.rule.is_total else a.mean
                emis.rows.append(
                    [
                        p.name,
                        str(p.rule),
                        p.limit_text(),
                        p.unit,
                        _r(value, 2),
                        _r(a.vmax, 2),
                        counts.get((p.id, "exceedance"), 0),
                        counts.get((p.id, "warning"), 0),
                        _r(100 * a.completeness(span)),
                    ]
                )
                if p.category == "waste":
                    cat = p.waste_category or p.name
                    tot = by_cat.setdefault(cat, [0.0, 0.0])
                    tot[0] += a.delta
                    tot[1] += a.delta if p.recycled else 0.0
        waste.rows = [[c, _r(v[0]), _r(v[1])] for c, v in sorted(by_cat.items())]
        total = sum(v[0] for v in by_cat.values())
        figures["waste_kg"] = _r(total)
        figures["recycling_share_pct"] = (
            _r(100 * sum(v[1] for v in by_cat.values()) / total) if total else None
        )
        figures["exceedances"] = sum(n for (_p, k), n in counts.items() if k == "exceedance")
        from app.environment import esg_daily

        with store.read() as conn:
            daily = esg_daily.table(conn, env, start, end)
        tables += [emis, daily, waste]
        anomalies = Table(
            "anomalies",
            QT_TRANSLATE_NOOP("EsgReport", "Anomalies found"),
            [
                QT_TRANSLATE_NOOP("EsgReport", "found"),
                QT_TRANSLATE_NOOP("EsgReport", "parameter"),
                QT_TRANSLATE_NOOP("EsgReport", "kind"),
                QT_TRANSLATE_NOOP("EsgReport", "evidence"),
                QT_TRANSLATE_NOOP("EsgReport", "status"),
                QT_TRANSLATE_NOOP("EsgReport", "reason"),
            ],
        )
        names = {p.id: p.name for p in env.parameters}
        with store.read() as conn:
            for found, param, kind, evidence, status, reason in conn.execute(
                "SELECT found, param, kind, evidence, status, reason FROM env_anomalies "
                "WHERE found >= ? AND found < ? ORDER BY found",
                (start, end),
            ):
                anomalies.rows.append(
                    [_iso(found), names.get(param, param), kind, evidence, status, reason]
                )
        tables.append(anomalies)
    return Section("environment", QT_TRANSLATE_NOOP("EsgReport", "Environment"), tables, figures)


def _event_counts(store: Any, start: float, end: float) -> Counter[tuple[str, str]]:
    with store.read() as conn:
        rows = conn.execute(
            "SELECT param, kind FROM env_events WHERE start < ? AND (end IS NULL OR end >= ?)",
            (end, start),
        ).fetchall()
    return Counter((p, k) for p, k in rows)


def _activations(store: Any, start: float, end: float) -> list[tuple[float, str, int]]:
    with store.read() as conn:
        return conn.execute(
            "SELECT ts, alarm_id, COALESCE(priority, 3) FROM alarm_journal WHERE event = "
            "'activated' AND origin = 'local' AND ts >= ? AND ts < ? ORDER BY ts",
            (start, end),
        ).fetchall()


def _shift_name(ts: float, energy: Any) -> str:
    if energy is not None and energy.shifts:
        found = energy.shift_of(ts)
        return found[0].name if found else "outside shifts"
    h = dt.datetime.fromtimestamp(ts).hour
    return next(n for n, a, b in SHIFTS_DEFAULT if (a <= h < b if a < b else (h >= a or h < b)))


def _social(store: Any, start: float, end: float, hazards: Any, energy: Any) -> Section:
    acts = _activations(store, start, end)
    patterns = tuple(getattr(hazards, "alarms", ("zone.*",)))
    estops = sum(1 for _t, aid, _p in acts if aid == "line.estop")
    kinds: Counter[str] = Counter()
    for _t, aid, _p in acts:
        if any(fnmatch.fnmatchcase(aid, pat) for pat in patterns) or aid.startswith("zone."):
            kinds[
                QT_TRANSLATE_NOOP("EsgReport", "danger-zone intrusions")
                if aid.startswith("zone.")
                else QT_TRANSLATE_NOOP("EsgReport", "hazardous gas alarms")
                if "gas" in aid
                else QT_TRANSLATE_NOOP("EsgReport", "smoke alarms")
                if "smoke" in aid
                else QT_TRANSLATE_NOOP("EsgReport", "other hazard alarms")
            ] += 1
    health: Counter[str] = Counter(
        _shift_name(t, energy) for t, aid, _p in acts if aid.startswith("health.")
    )
    with store.read() as conn:
        safety_andon = sum(
            1
            for (body,) in conn.execute("SELECT body FROM andon_items")
            if _andon_safety(body, start, end)
        )
    ack = _time_to_ack(store, start, end)
    t = Table(
        "safety",
        QT_TRANSLATE_NOOP("EsgReport", "Safety (no personal data)"),
        [QT_TRANSLATE_NOOP("EsgReport", "figure"), QT_TRANSLATE_NOOP("EsgReport", "count")],
    )
    t.rows = [
        [QT_TRANSLATE_NOOP("EsgReport", "emergency stops"), estops],
        *[[k, n] for k, n in sorted(kinds.items())],
        [QT_TRANSLATE_NOOP("EsgReport", "safety problems reported (andon)"), safety_andon],
    ]
    h = Table(
        "health_alerts",
        QT_TRANSLATE_NOOP("EsgReport", "Health alerts per shift"),
        [QT_TRANSLATE_NOOP("EsgReport", "shift"), QT_TRANSLATE_NOOP("EsgReport", "alerts")],
        [[s, n] for s, n in sorted(health.items())],
        note="Counted only: no worker is named or pseudonymised in this report.",
    )
    a = Table(
        "acknowledge",
        QT_TRANSLATE_NOOP("EsgReport", "Time to acknowledge alarms"),
        [QT_TRANSLATE_NOOP("EsgReport", "figure"), QT_TRANSLATE_NOOP("EsgReport", "value")],
        [
            [QT_TRANSLATE_NOOP("EsgReport", "alarms activated"), ack["count"]],
            [QT_TRANSLATE_NOOP("EsgReport", "median seconds"), ack["median_s"]],
            [QT_TRANSLATE_NOOP("EsgReport", "90th percentile seconds"), ack["p90_s"]],
            [QT_TRANSLATE_NOOP("EsgReport", "never acknowledged"), ack["unacked"]],
        ],
    )
    figures = {
        "estops": estops,
        "hazard_alarms": sum(kinds.values()),
        "safety_andon": safety_andon,
        "health_alerts": sum(health.values()),
        "ack_median_s": ack["median_s"],
    }
    return Section("social", QT_TRANSLATE_NOOP("EsgReport", "Social"), [t, h, a], figures)


def _andon_safety(body: str, start: float, end: float) -> bool:
    try:
        d = json.loads(body)
    except ValueError:
        return False
    return d.get("category") == "safety" and start <= float(d.get("created", 0)) < end


def _time_to_ack(store: Any, start: float, end: float) -> dict[str, Any]:
    with store.read() as conn:
        rows = conn.execute(
            "SELECT ts, alarm_id, event FROM alarm_journal WHERE ts >= ? AND ts < ? AND "
            "event IN ('activated', 'acknowledged') ORDER BY ts",
            (start, end + 86400),
        ).fetchall()
    open_: dict[str, float] = {}
    waits: list[float] = []
    count = 0
    for ts, alarm, event in rows:
        if event == "activated" and ts < end:
            open_[alarm] = ts
            count += 1
        elif event == "acknowledged" and alarm in open_:
            waits.append(ts - open_.pop(alarm))
    waits.sort()
    return {
        "count": count,
        "median_s": _r(statistics.median(waits)) if waits else None,
        "p90_s": _r(waits[int(0.9 * (len(waits) - 1))]) if waits else None,
        "unacked": len(open_),
    }


def _governance(store: Any, start: float, end: float, env: EnvironmentConfig | None) -> Section:
    names = {p.id: p.name for p in env.parameters} if env is not None else {}
    j = Table(
        "exceedance_journal",
        QT_TRANSLATE_NOOP("EsgReport", "Exceedances and early warnings"),
        [
            QT_TRANSLATE_NOOP("EsgReport", "from"),
            QT_TRANSLATE_NOOP("EsgReport", "to"),
            QT_TRANSLATE_NOOP("EsgReport", "parameter"),
            QT_TRANSLATE_NOOP("EsgReport", "kind"),
            QT_TRANSLATE_NOOP("EsgReport", "value"),
            QT_TRANSLATE_NOOP("EsgReport", "limit"),
            QT_TRANSLATE_NOOP("EsgReport", "cause"),
            QT_TRANSLATE_NOOP("EsgReport", "action"),
            QT_TRANSLATE_NOOP("EsgReport", "noted by"),
        ],
    )
    with store.read() as conn:
        for s, e, p, k, v, lim, cause, action, by in conn.execute(
            "SELECT start, end, param, kind, value, limit_value, cause, action, noted_by "
            "FROM env_events WHERE start < ? AND (end IS NULL OR end >= ?) ORDER BY start",
            (end, start),
        ):
            j.rows.append(
                [
                    _iso(s),
                    _iso(e) if e else "open",
                    names.get(p, p),
                    k,
                    _r(v, 2),
                    lim,
                    cause,
                    action,
                    by,
                ]
            )
        audit = Counter(
            a
            for (a,) in conn.execute(
                "SELECT action FROM audit WHERE ts >= ? AND ts < ?", (start, end)
            )
        )
    from app.alarms.kpi import compute

    entries = _journal_entries(store, start, end)
    kpi = compute(entries, start, end) if end > start else None
    al = Table(
        "alarm_management",
        QT_TRANSLATE_NOOP("EsgReport", "Alarm management (ISA-18.2)"),
        [QT_TRANSLATE_NOOP("EsgReport", "figure"), QT_TRANSLATE_NOOP("EsgReport", "value")],
    )
    if kpi is not None:
        al.rows = [
            [QT_TRANSLATE_NOOP("EsgReport", "alarms per operator hour"), _r(kpi.per_hour, 2)],
            [QT_TRANSLATE_NOOP("EsgReport", "time in flood %"), _r(kpi.flood_share)],
            [QT_TRANSLATE_NOOP("EsgReport", "chattering alarms"), len(kpi.chattering)],
            [QT_TRANSLATE_NOOP("EsgReport", "stale alarms"), len(kpi.stale)],
            [QT_TRANSLATE_NOOP("EsgReport", "shelved"), kpi.shelved],
            [QT_TRANSLATE_NOOP("EsgReport", "out of service"), kpi.out_of_service],
        ]
    au = Table(
        "audit",
        QT_TRANSLATE_NOOP("EsgReport", "Audit summary"),
        [QT_TRANSLATE_NOOP("EsgReport", "action"), QT_TRANSLATE_NOOP("EsgReport", "count")],
        [[a, n] for a, n in sorted(audit.items())],
    )
    tables = [j, al, au]
    suppliers = _suppliers(store, end)
    if suppliers.rows:
        tables.append(suppliers)
    figures = {
        "noted_exceedances": sum(1 for r in j.rows if r[6]),
        "exceedances": len(j.rows),
        "setpoint_changes": audit.get("setpoint.write", 0),
    }
    return Section("governance", QT_TRANSLATE_NOOP("EsgReport", "Governance"), tables, figures)


@dataclass
class _Entry:
    ts: float
    alarm_id: str
    event: str
    priority: int | None
    actor: str = ""
    state: str | None = None
    message: str = ""


def _journal_entries(store: Any, start: float, end: float) -> list[_Entry]:
    with store.read() as conn:
        rows = conn.execute(
            "SELECT ts, alarm_id, event, priority, actor, state FROM alarm_journal "
            "WHERE ts >= ? AND ts < ? ORDER BY ts",
            (start - 86400 - 600, end),
        ).fetchall()
    return [_Entry(*r) for r in rows]


def _suppliers(store: Any, at: float) -> Table:
    """Green supplier status from the replicated register, where there is one."""
    from app.registers.records import Record, RecordError
    from app.registers.suppliers import certificates, score

    t = Table(
        "suppliers",
        QT_TRANSLATE_NOOP("EsgReport", "Green supplier status"),
        [
            QT_TRANSLATE_NOOP("EsgReport", "supplier"),
            QT_TRANSLATE_NOOP("EsgReport", "score"),
            QT_TRANSLATE_NOOP("EsgReport", "environmental certificate"),
            QT_TRANSLATE_NOOP("EsgReport", "valid to"),
            QT_TRANSLATE_NOOP("EsgReport", "status"),
        ],
    )
    today = dt.datetime.fromtimestamp(at).date()
    with store.read() as conn:
        bodies = conn.execute(
            "SELECT body FROM register_records WHERE kind = 'supplier'"
        ).fetchall()
    for (body,) in bodies:
        try:
            rec = Record.loads(body)
        except RecordError:
            continue
        if rec.deleted:
            continue
        env = [c for c in certificates(rec, today) if c.standard in ("ISO 14001", "EMAS")]
        c = env[0] if env else None
        t.rows.append(
            [
                rec.get("name", rec.id),
                score(rec, today),
                c.standard if c else "none",
                c.valid_to.isoformat() if c else "",
                "lapsed"
                if c and c.lapsed
                else "lapses within 90 days"
                if c and c.days_left <= 90
                else "valid"
                if c
                else "missing",
            ]
        )
    return t


def _energy_days(
    energy: Any, store: Any, start: float, end: float
) -> list[tuple[str, float, float]]:
    from app.energy.kpis import compute
    from app.energy.ledger import read_rows

    rows = read_rows(store, start, end)
    out = []
    day = dt.datetime.fromtimestamp(start).replace(hour=0, minute=0, second=0, microsecond=0)
    while day.timestamp() < end:
        nxt = day + dt.timedelta(days=1)
        a, b = max(start, day.timestamp()), min(end, nxt.timestamp())
        part = [r for r in rows if a <= r.hour < b]
        r = compute(energy, part, a, b)
        out.append((day.date().isoformat(), round(r.kwh, 1), round(r.co2e_kg, 1)))
        day = nxt
    return out
