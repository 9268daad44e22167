"""Links to the broker come back within seconds, at once on request, never clash
between terminals on one host, and a missing password says where it was looked for."""

from __future__ import annotations

import os
import subprocess
import time

from mqttkit import site_text, wait_for

from app.model import LinkState


def _site(port: int, terminal_id: str, extra: str = "") -> str:
    """A terminal with its broker source and a second, plain MQTT source ("feed")."""
    return f"""
[site]
id = "p1"
name = "Plant 1"
terminal_id = "{terminal_id}"
topic_root = "p1/body"
broker = "uns"

[[sources]]
id = "uns"
kind = "mqtt"
host = "127.0.0.1"
port = {port}
{extra}

[[sources]]
id = "feed"
kind = "mqtt"
host = "127.0.0.1"
port = {port}
{extra}

[[tags]]
path = "p1/body/feed/temp"
source = "feed"
address = "p1/body/feed/temp"
"""


def test_two_terminals_on_one_host_keep_their_sessions(broker, start_runtime) -> None:
    a, _ = start_runtime(_site(broker.port, "term-a"), name="a.toml")
    b, _ = start_runtime(_site(broker.port, "term-b"), name="b.toml")
    for rt in (a, b):
        wait_for(lambda rt=rt: all(s.state is LinkState.CONNECTED for s in rt.links.values()),
                 what="both sources connected")
    ids = {rt.sources[s].client_id() for rt in (a, b) for s in ("uns", "feed")}
    assert len(ids) == 4 and "lineside-term-a-feed" in ids, ids
    seen: list = []
    for rt in (a, b):
        rt.subscribe_status(seen.append)
    time.sleep(3)  # with one client id they took each other's session several times here
    assert [s for s in seen if s.state is not LinkState.CONNECTED] == []


def test_backoff_is_capped_at_a_few_seconds_by_default(broker, start_runtime) -> None:
    rt, _ = start_runtime(_site(broker.port, "t1"))
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="connected")
    assert rt.sources["uns"].options.reconnect_max_s <= 3.0
    broker.stop()
    wait_for(lambda: rt.links["uns"].state is LinkState.RECONNECTING, what="lost")
    time.sleep(12)  # long enough for a 30 s cap to have grown the delay to 8 s
    broker.start()
    t0 = time.monotonic()
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, 10, "reconnected")
    assert time.monotonic() - t0 < 3.5


def test_reconnect_now_skips_the_backoff(broker, start_runtime) -> None:
    rt, _ = start_runtime(_site(broker.port, "t1", "reconnect_max_s = 60"))
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="connected")
    broker.stop()
    wait_for(lambda: rt.links["uns"].state is LinkState.RECONNECTING, what="lost")
    time.sleep(8)  # the configured backoff is now 4-8 s and growing
    broker.start()
    t0 = time.monotonic()
    assert rt.reconnect_now("uns").result(2) is True
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, 2, "reconnected at once")
    assert time.monotonic() - t0 < 1.5


def test_a_missing_password_says_which_secret_and_where(broker, tmp_path, start_runtime):
    pw = tmp_path / "passwd"
    subprocess.run(["mosquitto_passwd", "-b", "-c", str(pw), "op", "s3cret"], check=True,
                   capture_output=True)
    broker.stop()
    broker.conf.write_text(f"listener {broker.port} 127.0.0.1\nallow_anonymous false\n"
                           f"password_file {pw}\npersistence false\n"
                           + ("user root\n" if os.geteuid() == 0 else ""))
    broker.start()
    rt, _ = start_runtime(site_text(broker.port, extra='username = "op"'), secret=None)
    wait_for(lambda: rt.links["uns"].state is LinkState.OFFLINE, what="OFFLINE")
    detail = rt.links["uns"].detail
    assert "refused" in detail
    assert "no password (secret) for source 'uns'" in detail
    assert "LINESIDE_SECRET_UNS" in detail and "keyring" in detail
