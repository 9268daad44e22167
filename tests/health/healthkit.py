"""Health test kit: a real store and alarm engine, a stand-in runtime (health needs only
its change stream and broker subscription), and a clock the test moves."""

from __future__ import annotations

from dataclasses import dataclass

from support import FakeClock as Clock

from app.alarms.engine import AlarmEngine
from app.health.config import HealthConfig
from app.health.monitor import HealthMonitor
from app.safety.wearables import TopicPattern
from app.store import Store


@dataclass
class Health:
    monitor: HealthMonitor
    engine: AlarmEngine
    store: Store
    clock: Clock


CONFIG = HealthConfig(topic=TopicPattern("t/wearables/{worker}/{signal}"),
                      consent=frozenset({"W-3F7A", "W-5D9E"}), retention_hours=24.0)


def rows(store: Store, sql: str) -> list[tuple]:
    store.flush()
    with store.read() as conn:
        return list(conn.execute(sql))
