"""`python -m bench`: run the short suite (or one benchmark, or the soak) and write
bench/results/latest.json and latest.md (soak: soak.json and soak.md)."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from bench.common import RESULTS_DIR, Result, Scale, machine, write_results

# name -> module; the order of the short suite
BENCHMARKS = {
    "mqtt": "bench.mqtt_ingest",
    "opcua": "bench.opcua_ingest",
    "historian": "bench.historian",
    "rendering": "bench.rendering",
    "latency": "bench.latency",
    "startup": "bench.startup",
    "energy": "bench.energy",
    "environment": "bench.environment",
    "sparkplug": "bench.sparkplug",
    "screens": "bench.screens",
    "scheduling": "bench.scheduling",
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--only", choices=sorted(BENCHMARKS), action="append",
                   help="run only this benchmark (repeatable)")
    p.add_argument("--soak", action="store_true", help="run the soak instead of the suite")
    p.add_argument("--soak-minutes", type=float, default=60.0,
                   help="soak duration (default 60 = an 8-hour shift at 8x the data rate)")
    p.add_argument("--quick", action="store_true",
                   help="tiny sizes: checks the plumbing, the figures mean nothing")
    p.add_argument("--out", type=Path, default=RESULTS_DIR, help="results folder")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("bench").setLevel(logging.INFO)
    for noisy in ("asyncua", "app"):
        logging.getLogger(noisy).setLevel(logging.INFO if args.verbose else logging.ERROR)

    info = machine()
    info["command"] = "uv run python -m bench " + " ".join(argv if argv is not None
                                                          else sys.argv[1:])
    scale = Scale(quick=args.quick)
    results: list[Result] = []
    failed: list[str] = []
    t0 = time.monotonic()
    if args.soak:
        from bench import soak

        results = soak.run(args.soak_minutes)
        stem = "soak"
    else:
        stem = "latest" if not args.quick else "quick"
        for name in args.only or list(BENCHMARKS):
            t = time.monotonic()
            print(f"== {name}", flush=True)
            try:
                rows = importlib.import_module(BENCHMARKS[name]).run(scale)
            except Exception:
                traceback.print_exc()
                failed.append(name)
                rows = [Result(f"{name}: FAILED", None, None, "", notes="see the log")]
            for r in rows:
                ratio = f"{r.ratio:.2f}" if r.ratio is not None else "—"
                print(f"   {r.benchmark}: {r.lineside} vs {r.baseline} {r.unit} "
                      f"(ratio {ratio})", flush=True)
            results += rows
            print(f"   ({time.monotonic() - t:.0f} s)", flush=True)
    info["duration_s"] = round(time.monotonic() - t0)
    info["finished"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    jpath, mpath = write_results(results, info, args.out, stem)
    print(f"wrote {jpath} and {mpath}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
