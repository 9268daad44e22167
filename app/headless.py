"""What a terminal without a screen prints (`run --headless`, `demo --headless`).

On a terminal (a TTY) it is a live text view, redrawn every `interval` seconds. When
the output is not a terminal (a systemd service writing to journald, a pipe), there is
no redraw: one line per change (a link's state, the store's health, an alarm raised or
cleared, the e-stop circuit) and a one-line summary every `summary_s` seconds, so the
journal holds events, not screens."""

from __future__ import annotations

import sys
import time
from typing import IO

from app.alarms.engine import AlarmEngine
from app.model import Quality
from app.safety.estop import EStopController
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
    if term.store is not None and term.store.recovery is not None:
        lines.append(f"  STORE REPLACED: {term.store.recovery.summary()}")
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
    engine = term.find(AlarmEngine)
    if engine is not None:
        for a in engine.active()[:5]:
            lines.append(f"  ALARM P{a.definition.priority} {a.state}: {a.definition.message}")
    estop = term.find(EStopController)
    if estop is not None:
        lines.append(f"  e-stop: {estop.status.circuit} ({estop.status.request})")
    return "\n".join(lines)


def run(term: Terminal, seconds: float | None, out: IO[str] = sys.stdout,
        interval: float = 2.0, summary_s: float = 300.0) -> None:
    deadline = None if seconds is None else time.monotonic() + seconds
    tty = out.isatty()
    seen: dict[str, str] = {}
    next_summary = time.monotonic() + min(summary_s, 30.0)  # once the links settled
    while deadline is None or time.monotonic() < deadline:
        if tty:
            out.write("\x1b[2J\x1b[H" + render(term) + "\n\n")
        else:
            now_state = state(term)
            for line in changes(seen, now_state):
                out.write(line + "\n")
            seen = now_state
            if time.monotonic() >= next_summary:
                out.write(summary(term) + "\n")
                next_summary = time.monotonic() + summary_s
        out.flush()
        time.sleep(interval if deadline is None else
                   max(0.0, min(interval, deadline - time.monotonic())))


def state(term: Terminal) -> dict[str, str]:
    """What the journal reports when it changes: key -> description."""
    rt = term.runtime
    assert rt is not None
    now: dict[str, str] = {}
    for link in rt.links.values():
        now[f"link {link.source}"] = f"{link.state} {link.detail}".strip()
    if term.store is not None:
        h = term.store.health
        now["store"] = "ok" if h.ok else f"PROBLEM: {h.message}"
        if term.store.recovery is not None:
            now["store replaced"] = term.store.recovery.summary()
    engine = term.find(AlarmEngine)
    if engine is not None:
        for a in engine.active():
            d = a.definition
            now[f"alarm {getattr(d, 'id', d.message)}"] = f"P{d.priority} {a.state}: {d.message}"
    estop = term.find(EStopController)
    if estop is not None:
        now["e-stop"] = f"{estop.status.circuit} ({estop.status.request})"
    return now


def changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    lines = [f"{key}: {value}" for key, value in after.items() if before.get(key) != value]
    lines += [f"{key}: cleared" for key in before if key not in after
              and key.startswith("alarm ")]
    return lines


def summary(term: Terminal) -> str:
    rt = term.runtime
    assert rt is not None
    links = ", ".join(f"{lk.source} {lk.state}" for lk in rt.links.values()) or "no links"
    bad = sum(1 for s in rt.latest.values() if s.quality is Quality.BAD)
    engine = term.find(AlarmEngine)
    alarms = len(engine.active()) if engine is not None else 0
    return (f"summary: terminal {term.config.site.terminal_id}: {links}; "
            f"{len(rt.latest)} tags ({bad} bad); {alarms} active alarms")
