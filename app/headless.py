"""A live text view of the terminal for machines without a screen (and `demo --headless`)."""

from __future__ import annotations

import sys
import time
from typing import IO

from app.model import Quality
from app.terminal import Terminal


def format_value(value: object, unit: str) -> str:
    if isinstance(value, float):
        return f"{value:.2f} {unit}".strip()
    return f"{value} {unit}".strip()


def render(term: Terminal) -> str:
    rt = term.runtime
    assert rt is not None
    cfg = term.config
    lines = [f"{cfg.site.name} — {cfg.site.line} — terminal {cfg.site.terminal_id} — "
             f"{time.strftime('%H:%M:%S')}"]
    if term.store is not None and not term.store.health.ok:
        lines.append(f"  STORE PROBLEM: {term.store.health.message}")
    for link in rt.links.values():
        age = f", last data {time.time() - link.last_data:.0f} s ago" if link.last_data else ""
        lines.append(f"  link {link.source}: {link.state}{age} {link.detail}".rstrip())
    for st in cfg.stations.values():
        parts = []
        for path in ((st.state_tag,) if st.state_tag else ()) + st.values[:3]:
            s = rt.latest.get(path)
            tag = cfg.tags[path]
            if s is None:
                parts.append(f"{tag.name}=…")
            elif s.quality is Quality.BAD:
                parts.append(f"{tag.name}=BAD")
            else:
                parts.append(f"{tag.name}={format_value(s.value, tag.unit)}")
        lines.append(f"  {st.name:<22} " + "  ".join(parts))
    engine = term.services.get("alarms")
    if engine is not None:
        for a in engine.active()[:5]:
            lines.append(f"  ALARM P{a.definition.priority} {a.state}: {a.definition.message}")
    estop = term.services.get("estop")
    if estop is not None:
        lines.append(f"  e-stop: {estop.status.circuit} ({estop.status.request})")
    return "\n".join(lines)


def run(term: Terminal, seconds: float | None, out: IO[str] = sys.stdout,
        interval: float = 2.0) -> None:
    deadline = None if seconds is None else time.monotonic() + seconds
    clear = "\x1b[2J\x1b[H" if out.isatty() else ""
    while deadline is None or time.monotonic() < deadline:
        out.write(clear + render(term) + "\n\n")
        out.flush()
        time.sleep(interval if deadline is None else
                   max(0.0, min(interval, deadline - time.monotonic())))
