"""LineSide's benchmark suite: each module measures one figure of LineSide against a raw
baseline measured in the same run, so ratios hold on a noisy shared machine.

Run `uv run python -m bench` (short suite), `--only NAME`, or `--soak [--soak-minutes N]`.
Results go to bench/results/latest.json and latest.md. Not collected by pytest.
"""
