"""Soak: an 8-hour shift compressed honestly — the shift's data volume at 8x the rate over
1/8 of the time (default 60 min at 8 x 1,000 changes/s), through the runtime, the
historian and a GUI of 8 trend plots and 24 value tiles, shown on the offscreen platform
(Qt paints them there as on a screen). The store is capped at STORE_CAP_BYTES so that its
size retention runs under load, as it does on a terminal that has run for weeks.
Every sample interval (60 s; shorter for short runs): RSS (psutil), GUI-thread stalls over
250 ms (a 50 ms QTimer heartbeat), store size, samples waiting for the writer. Memory
levels off when the RSS slope over the second half is small (< 2% of RSS per compressed
hour)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import Result, log, site_config

PLANT_RATE = 1_000.0  # changes/s of a busy line terminal
COMPRESSION = 8.0
STALL_S = 0.25
HEARTBEAT_MS = 50
STORE_CAP_BYTES = 512 * 2**20  # reached after about a third of the shift


def _store_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def run(minutes: float) -> list[Result]:
    import psutil
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QGridLayout, QWidget

    from app.runtime import Runtime
    from app.store import Store
    from bench import qt
    from bench.loadgen import generator
    from widgets.bridge import Bridge
    from widgets.trend import TrendPlot
    from widgets.value_tile import ValueTile

    rate = PLANT_RATE * COMPRESSION
    seconds = minutes * 60
    interval = 60.0 if minutes >= 12 else max(2.0, seconds / 12)
    proc = psutil.Process()
    qt.app()
    with tempfile.TemporaryDirectory(prefix="bench-soak-") as tmp:
        db = Path(tmp) / "soak.db"
        src, tags = generator(rate, 1000)
        store = Store(db, terminal_id="bench-soak", max_bytes=STORE_CAP_BYTES).open()
        rt = Runtime(site_config([src], tags), store)
        bridge = Bridge(rt)
        host = QWidget()
        grid = QGridLayout(host)
        paths = [t.path for t in tags]
        for p in range(8):
            grid.addWidget(TrendPlot(bridge, paths[p * 10:(p + 1) * 10], store=store,
                                     window_s=600), p // 2, p % 2)
        for i in range(24):
            grid.addWidget(ValueTile(bridge, paths[100 + i]), 4 + i // 6, i % 6)
        host.resize(1920, 1080)
        host.show()
        stalls: list[float] = []
        last = [time.monotonic()]

        def beat() -> None:
            t = time.monotonic()
            gap = t - last[0]
            last[0] = t
            if gap > STALL_S + HEARTBEAT_MS / 1000:
                stalls.append(gap)

        hb = QTimer()
        hb.setInterval(HEARTBEAT_MS)
        hb.timeout.connect(beat)
        hb.start()
        rt.start()
        samples: list[dict] = []
        t0 = time.monotonic()
        next_sample = t0
        try:
            while (now := time.monotonic()) - t0 < seconds:
                if now >= next_sample:
                    samples.append({"t_s": round(now - t0, 1),
                                    "rss_mb": round(proc.memory_info().rss / 2**20, 1),
                                    "store_mb": round(_store_bytes(db) / 2**20, 1),
                                    "stalls": len(stalls),
                                    "queued": store.writer.queued})
                    log.info("soak %s", samples[-1])
                    next_sample += interval
                qt.process(0.05)
        finally:
            hb.stop()
            rt.stop(5)
            bridge.stop()
            store.flush(120)
            accepted, dropped = store.writer.appended, store.writer.dropped
            store.close(30)
            qt.dispose(host)
    t = np.array([s["t_s"] for s in samples]) / 3600
    rss = np.array([s["rss_mb"] for s in samples])
    half = t >= t[-1] / 2
    slope = float(np.polyfit(t[half], rss[half], 1)[0]) if half.sum() >= 2 else float("nan")
    levels_off = bool(abs(slope) < 0.02 * rss[-1]) if slope == slope else False
    shift_h = seconds * COMPRESSION / 3600
    notes = (f"{minutes:g} min at {rate:,.0f} changes/s = {shift_h:g} h of a "
             f"{PLANT_RATE:,.0f}/s terminal; RSS slope over the second half "
             f"{slope:+.1f} MB/h -> {'levels off' if levels_off else 'still growing'}")
    extra = {"samples": samples, "slope_mb_per_h": slope, "levels_off": levels_off,
             "stall_gaps_s": [round(g, 3) for g in stalls[:50]],
             "samples_accepted": accepted, "samples_dropped": dropped}
    queue_max = max(s["queued"] for s in samples)
    return [
        Result("Soak: RSS at end", float(rss[-1]), None, "MB", higher_is_better=False,
               notes=notes + f"; RSS at start {rss[0]:.0f} MB", extra=extra),
        Result("Soak: RSS slope, second half", slope, None, "MB/h", higher_is_better=False,
               notes="levels off" if levels_off else "still growing"),
        Result("Soak: GUI stalls > 250 ms", float(len(stalls)), None, "count",
               higher_is_better=False,
               notes=f"longest {max(stalls, default=0) * 1000:.0f} ms"),
        Result("Soak: store size at end", samples[-1]["store_mb"], None, "MB",
               higher_is_better=False,
               notes=f"{accepted:,} samples stored, {dropped:,} dropped; capped at "
                     f"{STORE_CAP_BYTES / 2**20:.0f} MB by size retention (oldest first); "
                     f"at most {queue_max:,} samples waited for the writer"),
    ]
