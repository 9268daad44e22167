"""SIGKILL during heavy writes: nothing committed is lost and the file stays sound."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.store import Store

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from app.model import Sample
from app.store import Store

store = Store(sys.argv[1], terminal_id="K1").open()
per_tag = 500
i = 0
while True:
    store.historian.append([Sample(f"k/tag{k}", float(i * per_tag + j), float(j))
                            for k in range(4) for j in range(per_tag)])
    futs = [store.outbox.enqueue("k/out", {"i": i, "n": n}) for n in range(10)]
    for f in futs:
        # the samples appended before these messages are committed with or before them
        print(f.result(10).msg_id, (i + 1) * per_tag, flush=True)
    i += 1
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_stream_loses_nothing_committed(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    deadline = time.monotonic() + 30
    try:
        while len(lines) < 300:
            line = proc.stdout.readline()  # type: ignore[union-attr]
            if not line:
                pytest.fail(f"writer child ended early: {proc.stderr.read()}")  # type: ignore[union-attr]
            lines.append(line)
            assert time.monotonic() < deadline, "child too slow"
        os.kill(proc.pid, signal.SIGKILL)
        rest, _err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    lines += rest.splitlines()
    printed = [ln.split() for ln in lines if ln.strip()]
    printed_ids = [p[0] for p in printed]
    min_per_tag = max(int(p[1]) for p in printed)

    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    with Store(db, terminal_id="K1") as store:
        pending = {m.msg_id for m in store.outbox.pending(limit=1_000_000)}
        missing = [i for i in printed_ids if i not in pending]
        assert not missing, f"{len(missing)} acknowledged messages lost, e.g. {missing[:3]}"
        for k in range(4):
            ts = [s.ts for s in store.historian.samples(f"k/tag{k}", 0, 1e12)]
            # committed in order: a gap-free, duplicate-free prefix of what was appended
            assert ts == [float(x) for x in range(len(ts))]
            assert len(ts) >= min_per_tag
        nxt = store.outbox.enqueue("k/out", {}).result(5)  # still writable after the crash
        assert nxt.msg_id not in pending
