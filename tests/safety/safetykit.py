"""Safety test kit: a small e-stop PLC as a source kind ("estop_plc") behind a real
Runtime and a real local store, so the controller runs its real threads and loop.

The fake PLC behaves like the simulator's stop circuit: a stop request latches the
circuit "stopped" after `stop_delay_s`; a reset is accepted only while healthy and
leaves the circuit "ready"; only a start request makes it "running" again. A test
can make it unreachable (writes hang, then the link drops) or refuse writes.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from support import wait_for  # noqa: F401 (re-exported)

from app import config
from app.model import LinkState, Quality, Sample
from app.runtime import Runtime
from app.sources.base import Source, SourceError
from app.sources.registry import register
from app.store import Store


@register("estop_plc")
class EStopPlc(Source):
    """The PLC's stop circuit, in memory."""

    instances: dict[str, EStopPlc] = {}  # noqa: RUF012

    @classmethod
    def parse_options(cls, table: config.Table) -> dict:
        return {"stop_delay_s": table.float("stop_delay_s", 0.05)}

    async def run(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.circuit, self.healthy, self.latched = "running", True, False
        self.mode = "ok"  # "ok", "hang" (unreachable), "refuse"
        self.offline = False
        self.unblock = asyncio.Event()
        self.writes: list[tuple[str, object]] = []
        self.set_state(LinkState.CONNECTED)
        self._publish()
        EStopPlc.instances[self.id] = self
        await asyncio.Event().wait()

    def _publish(self) -> None:
        if self.offline:
            return
        t = time.time()
        self.deliver([Sample("t/safety/estop/circuit_state", t, self.circuit),
                      Sample("t/safety/estop/healthy", t, self.healthy)])

    async def write(self, tag: config.TagConfig, value):
        if self.mode == "hang":
            # Like a request to a PLC that no longer answers; released at teardown.
            await asyncio.wait_for(self.unblock.wait(), 30)
            raise SourceError("PLC did not answer")
        if self.mode == "refuse":
            raise SourceError("PLC unreachable (connection refused)")
        self.writes.append((tag.address, value))
        if tag.address == "stop" and value:
            self.latched = True
            self.loop.call_later(self.config.options["stop_delay_s"], self._stop)
        elif tag.address == "reset" and value and self.healthy and self.circuit == "stopped":
            self.latched, self.circuit = False, "ready"  # a reset never starts the line
            self._publish()
        elif tag.address == "start" and value and self.healthy and self.circuit == "ready":
            self.circuit = "running"
            self._publish()
        return Sample(tag.path, time.time(), value, Quality.GOOD)

    def _stop(self) -> None:
        self.circuit = "stopped"
        self._publish()

    # called from the test thread
    def set_healthy(self, healthy: bool) -> None:
        def apply() -> None:
            self.healthy = healthy
            self._publish()
        self.loop.call_soon_threadsafe(apply)

    def push(self, samples: list[Sample]) -> None:
        self.loop.call_soon_threadsafe(self.deliver, samples)

    def lose_link(self) -> None:
        def apply() -> None:
            self.offline, self.mode = True, "hang"
            self.set_state(LinkState.OFFLINE, "PLC unreachable")
        self.loop.call_soon_threadsafe(apply)


SITE = """
[site]
id = "t"
name = "Safety test"
topic_root = "t"

[[sources]]
id = "plc"
kind = "estop_plc"

[[tags]]
path = "t/safety/estop/stop_request"
source = "plc"
address = "stop"
type = "bool"
writable = true

[[tags]]
path = "t/safety/estop/reset_request"
source = "plc"
address = "reset"
type = "bool"
writable = true

[[tags]]
path = "t/line/horn"
source = "plc"
address = "horn"
type = "bool"
writable = true

[[tags]]
path = "t/line/start_request"
source = "plc"
address = "start"
type = "bool"
writable = true

[[tags]]
path = "t/safety/estop/circuit_state"
source = "plc"
address = "circuit"
type = "string"

[[tags]]
path = "t/safety/estop/healthy"
source = "plc"
address = "healthy"
type = "bool"

[[tags]]
path = "t/weld/robot3/state"
source = "plc"
address = "robot3_state"
type = "string"

[[tags]]
path = "t/weld/robot3/safe_speed"
source = "plc"
address = "robot3_safe_speed"
type = "bool"
writable = true

[positions]
topic = "t/wearables/{worker}/{signal}"
x = "pos_x"
y = "pos_y"
stale_after_s = 5

[[zones]]
id = "robot3"
name = "Robot cell 3"
polygon = [[27, 6.5], [33, 6.5], [33, 13.5], [27, 13.5]]
robot_state_tag = "t/weld/robot3/state"
active_values = ["running"]
safe_speed_tag = "t/weld/robot3/safe_speed"
priority = 1
hysteresis_m = 0.5

[hazards]
alarms = ["zone.*", "hall_*"]

[estop]
stop_request_tag = "t/safety/estop/stop_request"
circuit_state_tag = "t/safety/estop/circuit_state"
healthy_tag = "t/safety/estop/healthy"
reset_tag = "t/safety/estop/reset_request"
stopped_value = "stopped"
confirm_timeout_ms = 500
start_tag = "t/line/start_request"
prestart_warning_s = 1
prestart_horn_tag = "t/line/horn"
"""


@dataclass
class Rig:
    runtime: Runtime
    plc: EStopPlc
    store: Store
    published: list[tuple[str, dict]]
    cfg: config.SiteConfig


def audit_actions(store: Store) -> list[str]:
    store.flush()
    with store.read() as conn:
        return [r[0] for r in conn.execute("SELECT action FROM audit ORDER BY id")]
