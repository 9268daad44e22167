"""`lineside energy --store STORE --site SITE --from ISO --to ISO [--json | --csv]`:
the energy ledger and KPIs of a period, from the store's hourly rollups.

`--json` prints one object (the contract):
  {"from", "to", "line": {kwh, idle_kwh, vehicles, kwh_per_vehicle, pv_kwh,
   renewable_share, recovered_kwh, grid_kwh, co2e_kg, co2e_kg_per_vehicle, cost, peak_kw},
   "stations": {meter id: {kwh, producing_kwh, idle_kwh, peak_kw, gap_minutes}},
   "ranking": [...], "recommendations": [...]}
`--csv` prints the ledger rows (one per meter and hour). Without either, a summary for
a person. Times without a zone are the site's local time (`[energy] timezone`).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import config


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("energy", help="energy ledger and KPIs of a period (kWh, per vehicle, "
                       "idle, PV, CO2e, cost, recommendations)")
    p.add_argument("--store", type=Path, required=True, help="the terminal's store file")
    p.add_argument("--site", required=True, help="the site file (TOML) with [energy]")
    p.add_argument("--from", dest="start", required=True, metavar="ISO",
                   help="start, e.g. 2026-12-01T06:00 (site local time unless a zone is given)")
    p.add_argument("--to", dest="end", required=True, metavar="ISO",
                   help="end (exclusive), e.g. 2026-12-01T14:00")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true", help="one JSON object")
    g.add_argument("--csv", action="store_true", help="the ledger rows as CSV")
    p.set_defaults(func=run)


def _when(text: str, tz: Any, what: str) -> float:
    try:
        d = datetime.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"lineside energy: --{what} {text!r} is not an ISO date/time "
                         "(e.g. 2026-12-01T06:00)") from None
    if d.tzinfo is None:
        d = d.replace(tzinfo=tz)
    return d.timestamp()


def _iso(ts: float, tz: Any) -> str:
    return datetime.fromtimestamp(ts, tz).isoformat(timespec="minutes")


def run(args: argparse.Namespace) -> int:
    from app.energy.advice import recommend
    from app.energy.config import energy_of
    from app.energy.kpis import baseline_of, compute
    from app.energy.ledger import read_rows
    from app.store import Store

    cfg = config.load(args.site)
    ecfg = energy_of(cfg)
    if ecfg is None:
        print(f"lineside energy: {args.site} has no [energy] section", file=sys.stderr)
        return 2
    if not args.store.exists():
        print(f"lineside energy: no store at {args.store}", file=sys.stderr)
        return 2
    tz = ecfg.tz()
    start, end = _when(args.start, tz, "from"), _when(args.end, tz, "to")
    if end <= start:
        print("lineside energy: --to must be after --from", file=sys.stderr)
        return 2
    store = Store(args.store, terminal_id=cfg.site.terminal_id).open()
    try:
        rows = read_rows(store, start, end)
        rep = compute(ecfg, rows, start, end, baseline_of(ecfg, store))
    finally:
        store.close()
    span = max(60.0, min(end, time.time()) - start)
    kinds = {k: v.kind for k, v in cfg.stations.items()}
    recs = recommend(ecfg, rep, span, kinds)
    if args.csv:
        w = csv.writer(sys.stdout)
        w.writerow(["hour", "meter", "kwh", "producing_kwh", "idle_kwh", "peak_kw",
                    "gap_minutes", "sleepable_kwh", "vehicles"])
        for r in rows:
            w.writerow([datetime.fromtimestamp(r.hour, UTC).isoformat(), r.meter,
                        round(r.kwh, 4), round(r.producing_kwh, 4), round(r.idle_kwh, 4),
                        round(r.peak_kw, 2), round(r.gap_s / 60, 1),
                        round(r.sleepable_kwh, 4), r.vehicles])
        return 0
    if args.json:
        out = {"from": _iso(start, tz), "to": _iso(end, tz), "line": rep.line_json(),
               "stations": rep.stations_json(),
               "ranking": [e.to_json() for e in rep.ranking],
               "recommendations": [r.to_json() for r in recs]}
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    _print_text(rep, recs, start, end, tz)
    return 0


def _f(x: float | None, nd: int = 1, unit: str = "") -> str:
    return "—" if x is None else f"{x:,.{nd}f}{unit}"


def _print_text(rep: Any, recs: list[Any], start: float, end: float, tz: Any) -> None:
    c = rep.currency
    print(f"Energy {_iso(start, tz)} to {_iso(end, tz)}")
    print(f"  line          {_f(rep.kwh)} kWh, {rep.vehicles} vehicles, "
          f"{_f(rep.kwh_per_vehicle, 2)} kWh/vehicle")
    if rep.enpi_pct is not None:
        word = "better" if rep.enpi_pct >= 0 else "worse"
        print(f"  EnPI          {abs(rep.enpi_pct):.1f} % {word} than the baseline "
              f"{rep.baseline_kwh_per_vehicle:.2f} kWh/vehicle")
    share = None if rep.idle_share is None else rep.idle_share * 100
    print(f"  idle          {_f(rep.idle_kwh)} kWh ({_f(share)} %)")
    ren = None if rep.renewable_share is None else rep.renewable_share * 100
    print(f"  PV            {_f(rep.pv_kwh)} kWh, renewable share {_f(ren)} %")
    print(f"  recovered     {_f(rep.recovered_kwh)} kWh of heat")
    print(f"  grid import   {_f(rep.grid_kwh)} kWh, peak {_f(rep.peak_kw)} kW"
          + (f" of {rep.contract_peak_kw:g} kW contract" if rep.contract_peak_kw else ""))
    print(f"  CO2e          {_f(rep.co2e_kg)} kg location-based "
          f"({_f(rep.co2e_kg_per_vehicle, 2)} kg/vehicle)"
          + (f", {_f(rep.co2e_market_kg)} kg market-based" if rep.co2e_market_kg is not None
             else ""))
    print(f"  cost          {_f(rep.cost, 2)} {c} ({_f(rep.cost_per_vehicle, 2)} {c}/vehicle)"
          + "".join(f"; {band} {v:.2f}" for band, v in rep.cost_by_band.items()))
    print("  stations (kWh, idle kWh, peak kW, gap min):")
    for m in sorted(rep.consumers, key=lambda m: m.kwh, reverse=True):
        print(f"    {m.name:22s} {m.kwh:9.2f} {m.idle_kwh:9.2f} {m.peak_kw:8.1f} "
              f"{m.gap_minutes:6.1f}")
    if recs:
        print("  recommendations (saving per week):")
        for r in recs:
            s = r.savings_per_week
            print(f"    - {r.title}: {s.kwh:.0f} kWh, {s.cost:.2f} {c}, {s.co2e_kg:.0f} kg CO2e"
                  + (" [can be applied]" if r.tag else ""))
            print(f"      {r.evidence}")
