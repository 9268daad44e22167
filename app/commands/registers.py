"""`lineside suppliers import|export|list` and `lineside risks list`: the plant registers
for plant IT and the ERP interface.

They work on a terminal's store (`--store`, beside a running terminal too): an import is
stored and put in the store's outbox, so the terminal shares it with every other
terminal when its broker link runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app import config, paths


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("suppliers", help="the green supplier register: import, export, list")
    acts = s.add_subparsers(dest="suppliers_command", metavar="ACTION")
    imp = acts.add_parser("import", help="import suppliers from a CSV file (all or nothing)")
    imp.add_argument("file", type=Path)
    _common(imp)
    imp.set_defaults(func=_import)
    exp = acts.add_parser("export", help="write every supplier as CSV (standard output)")
    exp.add_argument("--out", type=Path, help="file to write instead of standard output")
    _common(exp)
    exp.set_defaults(func=_export)
    lst = acts.add_parser("list", help="list suppliers with score and certificates")
    _common(lst)
    lst.add_argument("--json", action="store_true", help="one JSON document")
    lst.set_defaults(func=_list_suppliers)
    s.set_defaults(func=lambda _a: s.print_help() or 2)

    r = sub.add_parser("risks", help="the risk register")
    racts = r.add_subparsers(dest="risks_command", metavar="ACTION")
    rl = racts.add_parser("list", help="risks by score, with indicators and measures")
    _common(rl)
    rl.add_argument("--json", action="store_true", help="one JSON document")
    rl.set_defaults(func=_list_risks)
    r.set_defaults(func=lambda _a: r.print_help() or 2)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", type=Path, default=paths.DEMO_SITE, help="site file")
    p.add_argument("--store", type=Path, default=None,
                   help="local store file (default: <data dir>/lineside.db)")


@contextmanager
def _registers(args: argparse.Namespace) -> Iterator[Any]:
    from app.registers.replica import OutboxPublisher, Replica
    from app.registers.risks import RiskRegister
    from app.registers.suppliers import SupplierRegister
    from app.store import Store

    cfg = config.load(args.site)
    path = args.store or paths.data_dir() / "lineside.db"
    store = Store(path, terminal_id=cfg.site.terminal_id).open()
    try:
        replica = Replica(store, OutboxPublisher(store), terminal_id=cfg.site.terminal_id,
                          topic_root=cfg.site.topic_root)
        suppliers = SupplierRegister(replica, time.time)
        risks = RiskRegister(replica, time.time, supplier_days=suppliers.min_days_left)
        replica.start()
        yield suppliers, risks
        store.flush()
    finally:
        store.close()


def _import(args: argparse.Namespace) -> int:
    from app.registers.suppliers import CsvError

    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except OSError as e:
        print(f"lineside: {args.file}: cannot be read: {e.strerror}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"lineside: {args.file}: not UTF-8 text (export the CSV as UTF-8)",
              file=sys.stderr)
        return 2
    with _registers(args) as (suppliers, _risks):
        try:
            n = suppliers.import_csv(text, actor=f"cli:{getpass.getuser()}")
        except CsvError as e:
            print(f"lineside: {args.file}: {e}; nothing was imported", file=sys.stderr)
            return 2
    print(f"{args.file}: {n} suppliers imported")
    return 0


def _export(args: argparse.Namespace) -> int:
    with _registers(args) as (suppliers, _risks):
        text = suppliers.export_csv()
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _list_suppliers(args: argparse.Namespace) -> int:
    from app.registers.suppliers import SCORE_FORMULA, certificates, overdue_actions, score

    with _registers(args) as (suppliers, _risks):
        today = suppliers.today()
        rows = [{"id": r.id, **r.values(), "score": score(r, today),
                 "certificates_status": [
                     {"standard": c.standard, "valid_to": c.valid_to.isoformat(),
                      "days_left": c.days_left, "lapsed": c.lapsed}
                     for c in certificates(r, today)],
                 "overdue_actions": len(overdue_actions(r, today)),
                 "conflicts": len(r.open_conflicts())} for r in suppliers.all()]
    if args.json:
        print(json.dumps({"date": today.isoformat(), "score_formula": SCORE_FORMULA,
                          "suppliers": rows}, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        first = row["certificates_status"][0] if row["certificates_status"] else None
        cert = (f"{first['standard']} {'LAPSED' if first['lapsed'] else 'valid'} "
                f"to {first['valid_to']}" if first else "no certificates")
        print(f"{row['id']:<16} {row.get('name', ''):<28} score {row['score']:>5}  {cert}")
    return 0


def _list_risks(args: argparse.Namespace) -> int:
    from app.registers.risks import band, score_of

    with _registers(args) as (_suppliers, risks):
        rows = []
        for r in risks.all():
            s = score_of(r)
            rows.append({"id": r.id, **r.values(), "score": s, "band": band(s),
                         "readings": [{"indicator": x.indicator, "value": x.value,
                                       "threshold": x.threshold, "crossed": x.crossed}
                                      for x in risks.readings(r)],
                         "overdue_measures": [m.measure for m in risks.overdue(r)]})
    if args.json:
        print(json.dumps({"date": dt.date.today().isoformat(), "risks": rows},
                         ensure_ascii=False, indent=1, default=str))
        return 0
    for row in rows:
        print(f"{row['id']:<16} {row.get('title', ''):<36} {row['score']:>2} {row['band']}")
    return 0
