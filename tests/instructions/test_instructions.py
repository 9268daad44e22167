"""Job assistance against real peers: instructions validated and shared with a second
terminal over Mosquitto, the steps following the car at the station, a measured value
out of limits held until a rework or a team lead's release, the build record, the
qualification check at sign-in, expiry warnings with a fake clock."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from support import wait_for

from app import config
from app.alarms.engine import AlarmEngine
from app.auth.permissions import PermissionDenied, Role
from app.auth.users import UserRepo
from app.config import ConfigError
from app.instructions.model import Vehicle, load_station
from app.instructions.service import InstructionsConfig, JobAssist, JobError, StationBinding
from app.instructions.skills import Level, SkillsCsvError, SkillsMatrix
from app.model import LinkState, Sample
from app.registers.replica import Replica
from app.runtime import Runtime
from app.scheduling.oee import OEEConfig, OEEService, StationOEE
from app.store import Store

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "instructions"
TAG = "p1/vehicles/robot3/current"
SITE = """
[site]
id = "p1"
name = "Plant 1"
terminal_id = "{terminal}"
topic_root = "p1"
broker = "uns"

[[sources]]
id = "uns"
kind = "mqtt"
host = "127.0.0.1"
port = {port}
reconnect_max_s = 0.5

[[tags]]
path = "{tag}"
source = "uns"
address = "{tag}"
type = "string"
"""


class Node:
    def __init__(self, tmp_path: Path, name: str, port: int, folder: Path) -> None:
        site = tmp_path / f"{name}.toml"
        site.write_text(SITE.format(terminal=name, port=port, tag=TAG))
        self.cfg = config.load(site)
        self.store = Store(tmp_path / name / "t.db", terminal_id=name).open()
        self.runtime = Runtime(self.cfg, self.store)
        self.replica = Replica(self.store, self.runtime, terminal_id=name, topic_root="p1")
        self.skills = SkillsMatrix(self.replica, time.time)
        self.users = UserRepo(self.store)
        self.engine = AlarmEngine(terminal_id=name)
        cfg = InstructionsConfig(folder, (StationBinding("robot2", None),
                                          StationBinding("robot3", TAG)))
        self.job = JobAssist(cfg, self.store, self.runtime, self.skills, self.engine,
                             self.users, terminal_id=name, topic_root="p1", shared=True)
        self.runtime.start()
        self.replica.start()
        self.job.start()

    def car(self, text: str) -> None:
        self.job.on_samples([Sample(TAG, time.time(), text)])

    def close(self) -> None:
        self.job.stop()
        self.replica.stop()
        self.runtime.stop()
        self.store.close()


@pytest.fixture
def nodes(tmp_path: Path, broker: Any):
    made: list[Node] = []

    def make(name: str, folder: Path) -> Node:
        n = Node(tmp_path, name, broker.port, folder)
        made.append(n)
        wait_for(lambda: n.runtime.links["uns"].state is LinkState.CONNECTED, what="online")
        return n

    yield make
    for n in made:
        n.close()


def test_the_demo_files_are_valid_and_a_broken_one_names_file_and_key(tmp_path) -> None:
    s = load_station(DEMO, "robot3")
    assert s.revision == 3 and s.approved_by == "tara"
    plain = s.steps_for(Vehicle("B-1", "suv"))
    roof = s.steps_for(Vehicle("B-2", "suv", frozenset({"sunroof"})))
    assert "sunroof-frame" not in [x.id for x in plain]
    assert [x.id for x in roof][2:4] == ["sunroof-frame", "sunroof-torque"]
    broken = tmp_path / "robot3"
    shutil.copytree(DEMO / "robot3", broken)
    text = (broken / "instructions.toml").read_text().replace("low = 8.5, high = 9.5",
                                                              "low = 9.5, high = 8.5")
    (broken / "instructions.toml").write_text(text)
    with pytest.raises(ConfigError, match=r"instructions.toml: steps\[3\].measure.high"):
        load_station(tmp_path, "robot3")


def test_instructions_reach_a_second_terminal_and_follow_the_car(nodes, tmp_path) -> None:
    a = nodes("A", DEMO)
    b = nodes("B", tmp_path / "no-files-here")  # a terminal without the files
    wait_for(lambda: "robot3" in b.job.sets, what="instructions on B")
    assert b.job.sets["robot3"].revision == 3
    img = b.job.image_path("robot3", b.job.sets["robot3"].steps[1])
    assert img is not None and img.read_bytes() == (DEMO / "robot3" / "roof-load.svg"
                                                     ).read_bytes()
    b.car("B-000100|sedan|")
    assert [s.id for s in b.job.steps("robot3")] == ["ppe", "roof-load", "seal", "release"]
    b.car("B-000101|suv|sunroof")  # the next car has a sunroof: its steps appear
    assert "sunroof-torque" in [s.id for s in b.job.steps("robot3")]
    assert a.job.sets["robot3"].folder.endswith("robot3")


def _watch_broker(host: str, port: int, topic_filter: str) -> tuple[Any, list[str]]:
    """A plain MQTT client subscribed to `topic_filter` (SUBACK awaited): the topics it got."""
    import paho.mqtt.client as mqtt
    from paho.mqtt.enums import CallbackAPIVersion

    got: list[str] = []
    subscribed: list[bool] = []
    c = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="build-record-watch")
    c.on_message = lambda _c, _u, m: got.append(m.topic)
    c.on_subscribe = lambda *_a: subscribed.append(True)
    c.on_connect = lambda cl, *_a: cl.subscribe(topic_filter, qos=1)
    c.connect(host, port)
    c.loop_start()
    wait_for(lambda: subscribed, 10, "the watcher's subscription")
    return c, got


def test_out_of_limits_needs_a_rework_or_a_release_and_all_is_recorded(nodes, broker) -> None:
    a = nodes("A", DEMO)
    watch, published = _watch_broker(broker.host, broker.port, "p1/build/#")
    a.car("B-000200|suv|sunroof")
    for step in ("ppe", "roof-load", "sunroof-frame"):
        assert a.job.open_step("robot3").id == step
        a.job.confirm("robot3", step, actor="anna")
    with pytest.raises(JobError, match="enter the measured torque"):
        a.job.confirm("robot3", "sunroof-torque", actor="anna")
    e = a.job.confirm("robot3", "sunroof-torque", actor="anna", value=10.2)
    assert e.status == "out_of_limits"
    assert a.job.open_step("robot3").id == "sunroof-torque"  # stays open
    with pytest.raises(PermissionDenied):
        a.job.release("robot3", "sunroof-torque", lead="anna", role=Role.OPERATOR)
    a.job.confirm("robot3", "sunroof-torque", actor="anna", value=9.0)  # rework
    a.job.confirm("robot3", "seal", actor="anna", value=5.0)
    rel = a.job.release("robot3", "seal", lead="tara", role=Role.TEAM_LEAD)
    assert rel.status == "released" and rel.released_by == "tara"
    a.job.confirm("robot3", "release", actor="anna")
    assert a.job.open_step("robot3") is None
    a.store.flush()
    record = a.job.entries("B-000200")
    assert [(x.step, x.status) for x in record] == [
        ("ppe", "done"), ("roof-load", "done"), ("sunroof-frame", "done"),
        ("sunroof-torque", "out_of_limits"), ("sunroof-torque", "ok"),
        ("seal", "out_of_limits"), ("seal", "released"), ("release", "done")]
    assert all(x.revision == 3 for x in record)
    # The build record goes out on the broker (the outbox deletes what the broker acked,
    # so the outbox table is no place to look for it).
    try:
        wait_for(lambda: published.count("p1/build/B-000200/robot3") == len(record), 10,
                 "every build record entry on the broker", detail=lambda: published)
    finally:
        watch.loop_stop()
        watch.disconnect()
    assert a.job.quality_counts(0) == {"out_of_limits": 2, "released": 1}

    # Where OEE runs, the check out of limits is the station's reject: one car of ten
    # produced this shift was not good first time, so the quality factor is 0.9.
    now = time.time()
    oee = OEEService(OEEConfig((StationOEE("robot3", 60.0, "p1/robot3/state",
                                           "p1/robot3/count"),)), None, None)
    oee.feed([Sample("p1/robot3/state", now - 3600, "running"),
              Sample("p1/robot3/count", now - 3600, 0), Sample("p1/robot3/count", now, 10)])
    assert oee.shift(now + 1)[0][0].quality == pytest.approx(1.0)  # not wired yet
    a.job.stop()
    a.job.reject_sink = oee.add_reject_source  # what the domain build does
    a.job.start()
    robot3 = oee.shift(now + 1)[0][0]
    assert robot3.good == 9 and robot3.quality == pytest.approx(0.9)


def test_sign_in_check_learning_mode_supervision_and_expiry(nodes) -> None:
    a = nodes("A", DEMO)
    a.users.add("tara", "Tara", "team_lead", "3333").result(5)
    a.users.add("anna", "Anna", "operator", "1111").result(5)
    today = dt.date.today()
    soon = (today + dt.timedelta(days=12)).isoformat()
    later = (today + dt.timedelta(days=400)).isoformat()
    csv = ("worker_id,name,station,level,expires,certificate,cert_expires\n"
           f"anna,Anna,robot3,qualified,{soon},first aid,{later}\n"
           "ben,Ben,robot3,learning,,,\n")
    with pytest.raises(SkillsCsvError, match="row 2, column level"):
        a.skills.import_csv(csv.replace("qualified", "expert"), actor="tara")
    assert a.skills.workers() == []  # nothing of a broken file
    assert a.skills.import_csv(csv, actor="tara") == 2
    assert a.job.check_worker("anna", "robot3").qualified
    ben = a.job.check_worker("ben", "robot3")
    assert ben.learning and not ben.qualified
    max_ = a.job.check_worker("max", "robot3")
    assert max_.level is Level.NONE
    with pytest.raises(JobError, match="not recognised"):
        a.job.confirm_supervised("max", "robot3", "tara", "9999")
    with pytest.raises(JobError, match="not a team lead"):
        a.job.confirm_supervised("max", "robot3", "anna", "1111")
    a.job.confirm_supervised("max", "robot3", "tara", "3333")
    a.job.check_expiry()
    alarm = a.engine.get("skills.anna.robot3")
    assert alarm.active and "lapses in 12 days" in alarm.message
    a.skills.set_station("anna", "robot3", "qualified", (today + dt.timedelta(300)
                                                         ).isoformat(), actor="tara")
    a.job.check_expiry()
    assert not a.engine.get("skills.anna.robot3").active
