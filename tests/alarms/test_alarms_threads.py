"""The engine under the runtime's load: samples on one thread, actions on another."""

from __future__ import annotations

import random
import threading
import time

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmDefinition, AlarmKind, AlarmState
from app.auth.permissions import Role
from app.model import Sample


def test_samples_and_acks_from_two_threads_stay_consistent():
    defs = [AlarmDefinition(f"a{i}", AlarmKind.HIGH, tag=f"t/{i}", limit=50.0)
            for i in range(50)]
    engine = AlarmEngine(defs)
    delivered: list[int] = []
    engine.subscribe(lambda evs: delivered.append(len(evs)))
    stop = threading.Event()
    errors: list[BaseException] = []
    rng = random.Random(7)
    batches = [[Sample(f"t/{rng.randrange(100)}", 0.0, rng.uniform(0, 100))
                for _ in range(200)] for _ in range(300)]

    def acker() -> None:
        try:
            while not stop.is_set():
                engine.acknowledge_all([f"a{i}" for i in range(50)], actor="u",
                                       role=Role.OPERATOR)
        except BaseException as e:  # reported below, not swallowed
            errors.append(e)

    t = threading.Thread(target=acker)
    t.start()
    start = time.perf_counter()
    for b in batches:
        engine.on_samples(b)
    elapsed = time.perf_counter() - start
    stop.set()
    t.join(5)
    assert not errors
    # 60k samples, half of them on alarmed tags: far below the runtime's budget.
    assert 60_000 / elapsed > 5_000, f"only {60_000 / elapsed:.0f} samples/s"
    engine.acknowledge_all([f"a{i}" for i in range(50)], actor="u", role=Role.OPERATOR)
    for s in engine.statuses():
        assert s.state in (AlarmState.NORMAL, AlarmState.ACKED)
        assert (s.state is AlarmState.ACKED) == s.active
    assert sum(delivered) > 0
