"""Energy management: the hourly ledger per meter, KPIs, rankings and recommendations.

Qt-free. `config` parses the `[energy]` section, `ledger` folds samples into hourly
rows in the store, `kpis` computes a period's figures from those rows, `advice` turns
them into recommendations with savings, and `service` wires them to the runtime, the
alarm engine, the outbox and the checked write path.
"""
