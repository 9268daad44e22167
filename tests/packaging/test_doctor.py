"""`lineside doctor` against real peers: the simulator's OPC UA server as the PLC and
Mosquitto as the broker (one with passwords), a real store file, and the CLI's exit code.
Each check that should fail says what and how to fix it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest

from app import config, doctor, secrets
from app.doctor import Status
from app.local_broker import free_port
from app.local_broker import wait_listening as wait_port

ROOT = Path(__file__).resolve().parents[2]

SITE = """
[site]
id = "doc"
name = "Doctor plant"
line = "Line 2"

[[sources]]
id = "plc"
kind = "opcua"
endpoint = "{endpoint}"

[[sources]]
id = "mqtt"
kind = "mqtt"
host = "127.0.0.1"
port = {mqtt_port}
{mqtt_extra}

[[tags]]
path = "doc/press/pressure"
source = "plc"
address = "ns=2;s=Press.HydraulicPressure"
unit = "bar"

[[tags]]
path = "doc/press/temp"
source = "mqtt"
address = "doc/press/temp"
unit = "°C"
"""


def write_site(tmp: Path, endpoint: str, mqtt_port: int, mqtt_extra: str = "") -> Path:
    p = tmp / "site.toml"
    p.write_text(SITE.format(endpoint=endpoint, mqtt_port=mqtt_port, mqtt_extra=mqtt_extra),
                 encoding="utf-8")
    return p


@pytest.fixture
def sim(broker) -> Iterator[object]:
    from app.simulator import SimulatorThread
    s = SimulatorThread(opcua_port=free_port(), mqtt=(broker.host, broker.port))
    s.start()
    yield s
    s.stop()


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir(mode=0o750)
    d.chmod(0o750)
    return d


def by_name(checks: list[doctor.Check]) -> dict[str, doctor.Check]:
    return {c.name: c for c in checks}


def test_every_check_passes_against_a_running_plant(sim, broker, tmp_path, store_dir) -> None:
    site = write_site(tmp_path, sim.endpoint, broker.port)
    checks = by_name(doctor.run_checks(site, store_dir / "lineside.db", gui=False))
    failed = [c.line() for c in checks.values() if c.status is Status.FAIL]
    assert not failed, failed
    assert checks["site"].status is Status.PASS
    assert "OPC UA hello answered" in checks["source plc"].detail
    assert "MQTT connect accepted" in checks["source mqtt"].detail
    assert checks["clock plc"].status is Status.PASS  # the simulator's CurrentTime


def test_a_stopped_plc_and_broker_fail_with_the_port_to_open(broker, tmp_path,
                                                              store_dir) -> None:
    dead = free_port()
    site = write_site(tmp_path, f"opc.tcp://127.0.0.1:{dead}/x", broker.port)
    broker.stop()
    checks = by_name(doctor.run_checks(site, store_dir / "s.db", gui=False, timeout=0.5))
    plc = checks["source plc"]
    assert plc.status is Status.FAIL and "not reachable" in plc.detail
    assert f"TCP {dead}" in plc.fix
    assert checks["source mqtt"].status is Status.FAIL
    assert "clock plc" not in checks  # no clock check against a peer that is not there


def test_a_broker_on_the_plc_port_is_not_taken_for_a_plc(broker, tmp_path, store_dir) -> None:
    site = write_site(tmp_path, f"opc.tcp://127.0.0.1:{broker.port}/x", broker.port)
    cfg = config.load(site)
    c = doctor.check_source(cfg.sources["plc"], timeout=1.0)
    assert c.status is Status.FAIL
    assert "protocol" in c.detail or "OPC UA" in c.detail


@pytest.fixture
def secured_broker(tmp_path: Path) -> Iterator[int]:
    pw = tmp_path / "passwd"
    subprocess.run(["mosquitto_passwd", "-b", "-c", str(pw), "gateway", "s3cret"], check=True,
                   capture_output=True)
    port = free_port()
    conf = tmp_path / "secured.conf"
    # As root, Mosquitto drops to its own user, which cannot read a test's tmp folder.
    user = "user root\n" if os.geteuid() == 0 else ""
    conf.write_text(f"{user}listener {port} 127.0.0.1\nallow_anonymous false\n"
                    f"password_file {pw}\n")
    proc = subprocess.Popen(["mosquitto", "-c", str(conf)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    wait_port(port, proc)
    yield port
    proc.kill()
    proc.wait(5)


def test_broker_password_missing_wrong_and_right(secured_broker, tmp_path, monkeypatch,
                                                  store_dir) -> None:
    site = write_site(tmp_path, "opc.tcp://127.0.0.1:1/x", secured_broker,
                      'username = "gateway"')
    cfg = config.load(site)
    env = secrets.env_name("mqtt")
    monkeypatch.delenv(env, raising=False)
    [missing] = doctor.check_secrets(cfg)
    assert missing.status is Status.FAIL and env in missing.fix
    assert doctor.check_source(cfg.sources["mqtt"]).status is Status.FAIL

    monkeypatch.setenv(env, "wrong")
    wrong = doctor.check_source(cfg.sources["mqtt"])
    assert wrong.status is Status.FAIL
    assert "bad user name or password" in wrong.detail or "not authorised" in wrong.detail

    monkeypatch.setenv(env, "s3cret")
    [found] = doctor.check_secrets(cfg)
    assert found.status is Status.PASS and "environment" in found.detail
    assert doctor.check_source(cfg.sources["mqtt"]).status is Status.PASS


def test_a_skewed_publisher_clock_is_found_on_the_broker(broker, tmp_path) -> None:
    site = write_site(tmp_path, "opc.tcp://127.0.0.1:1/x", broker.port)
    cfg = config.load(site)
    pub = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    pub.connect(broker.host, broker.port)
    pub.loop_start()
    # A retained value is old by nature: it must not count as a clock reading.
    pub.publish("doc/press/temp", json.dumps({"v": 1, "ts": time.time() - 3600}),
                qos=1, retain=True).wait_for_publish(5)
    stop = threading.Event()

    def publish_live() -> None:  # a device whose clock is 30 s behind
        while not stop.wait(0.1):
            pub.publish("doc/press/temp", json.dumps({"v": 21.5, "ts": time.time() - 30}))

    t = threading.Thread(target=publish_live, daemon=True)
    t.start()
    try:
        [clock] = doctor.check_clock(cfg, {"mqtt"})
    finally:
        stop.set()
        t.join(5)
        pub.loop_stop()
        pub.disconnect()
    assert clock.status is Status.FAIL
    assert "-30." in clock.detail or "-29." in clock.detail, clock.detail
    assert "NTP" in clock.fix


def test_store_permissions_integrity_and_free_space(tmp_path, store_dir) -> None:
    db = store_dir / "lineside.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (1)")
    con.commit()
    con.close()
    db.chmod(0o640)
    [ok] = doctor.check_store(db)
    assert ok.status is Status.PASS and "integrity ok" in ok.detail

    store_dir.chmod(0o755)
    worried = doctor.check_store(db)
    assert any(c.status is Status.FAIL and "readable by every user" in c.detail
               for c in worried)
    store_dir.chmod(0o750)

    assert any(c.status is not Status.PASS and "MiB free" in c.detail
               for c in doctor.check_store(db, min_free=1 << 62))

    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    broken = doctor.check_store(db)
    assert any(c.status is Status.FAIL for c in broken), [c.line() for c in broken]

    [missing] = doctor.check_store(tmp_path / "nowhere" / "x.db")
    assert missing.status is Status.FAIL and "install -d" in missing.fix


def test_missing_qt_libraries_and_fonts_name_their_packages() -> None:
    libs = (("libxcb-cursor.so.0", "libxcb-cursor0"), ("libnot-there.so.9", "libnot-there9"))
    c = doctor.check_qt_libraries(libs, cache={"libxcb-cursor.so.0"})
    assert c.status is Status.FAIL
    assert "libnot-there.so.9" in c.detail and c.fix == "apt install libnot-there9"
    assert doctor.check_qt_libraries(libs[:1], cache={"libxcb-cursor.so.0"}).status \
        is Status.PASS
    f = doctor.check_fonts(families={"DejaVu Sans"})
    assert f.status is Status.FAIL and "fonts-noto-cjk" in f.fix
    assert doctor.check_fonts(families={"DejaVu Sans", "Noto Sans CJK SC"}).status \
        is Status.PASS


def test_this_machine_has_the_qt_libraries_the_tests_use() -> None:
    # CI installs them (.ci/run); the real ldconfig lookup must find what Qt loads here.
    assert doctor.check_qt_libraries((("libfontconfig.so.1", "libfontconfig1"),)).status \
        is Status.PASS


def test_cli_exit_code_and_lines(sim, broker, tmp_path, store_dir) -> None:
    site = write_site(tmp_path, sim.endpoint, broker.port)
    good = subprocess.run([sys.executable, "-m", "app.cli", "doctor", "--headless", "--site",
                           str(site), "--store", str(store_dir / "x.db")], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert good.returncode == 0, good.stdout + good.stderr
    assert good.stdout.splitlines()[0].startswith("PASS  site:")
    bad = subprocess.run([sys.executable, "-m", "app.cli", "doctor", "--headless", "--site",
                          str(tmp_path / "missing.toml"), "--store", str(store_dir / "x.db")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert "FAIL  site:" in bad.stdout and "fix:" in bad.stdout
