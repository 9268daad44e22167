"""Broker settings a site gets wrong or right: credentials, TLS; shared-state subscriptions."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import subprocess
import threading

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from mqttkit import site_text, wait_for

from app.model import LinkState, Quality

TEMP = "p1/body/press1/temp"


def _reconfigure(broker, text: str) -> None:
    """Restart the test broker with another configuration on the same port."""
    broker.stop()
    # Started as root, Mosquitto drops to the "mosquitto" user, which cannot read files
    # in pytest's private tmp_path.
    broker.conf.write_text(text + ("user root\n" if os.geteuid() == 0 else ""))
    broker.start()


@pytest.mark.parametrize("protocol", ["3.1.1", "5"])
def test_wrong_password_is_refused_with_a_clear_status(broker, tmp_path, start_runtime,
                                                       protocol):
    pw = tmp_path / "passwd"
    subprocess.run(["mosquitto_passwd", "-b", "-c", str(pw), "op", "s3cret"], check=True,
                   capture_output=True)
    _reconfigure(broker, f"listener {broker.port} 127.0.0.1\nallow_anonymous false\n"
                         f"password_file {pw}\npersistence false\n")
    user = 'username = "op"'
    rt, _ = start_runtime(site_text(broker.port, protocol=protocol, extra=user), secret="no",
                          name="wrong.toml")
    wait_for(lambda: rt.links["uns"].state is LinkState.OFFLINE, what="OFFLINE")
    detail = rt.links["uns"].detail
    assert f"broker 127.0.0.1:{broker.port} refused: " in detail
    assert "not authori" in detail or "password" in detail
    rt.stop()

    rt, _ = start_runtime(site_text(broker.port, protocol=protocol, extra=user),
                          secret="s3cret", name="right.toml")
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="CONNECTED")


def _certs(tmp_path):
    """A CA and a server certificate for 127.0.0.1, written as PEM files."""
    now = dt.datetime.now(dt.UTC)

    def cert(subject, issuer, pub, signer, *, ca: bool):
        b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
             .public_key(pub).serial_number(x509.random_serial_number())
             .not_valid_before(now - dt.timedelta(minutes=5))
             .not_valid_after(now + dt.timedelta(days=1))
             .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        if not ca:
            b = b.add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        return b.sign(signer, hashes.SHA256())

    def name(cn):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = cert(name("Test CA"), name("Test CA"), ca_key.public_key(), ca_key, ca=True)
    srv = cert(name("127.0.0.1"), name("Test CA"), key.public_key(), ca_key, ca=False)
    other_key = ec.generate_private_key(ec.SECP256R1())
    other = cert(name("Other CA"), name("Other CA"), other_key.public_key(), other_key, ca=True)
    files = {}
    for fname, obj in (("ca.pem", ca), ("server.pem", srv), ("other-ca.pem", other)):
        files[fname] = tmp_path / fname
        files[fname].write_bytes(obj.public_bytes(serialization.Encoding.PEM))
    files["server.key"] = tmp_path / "server.key"
    files["server.key"].write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption()))
    return files


def test_tls_connects_with_the_right_ca_and_refuses_a_wrong_one(broker, tmp_path, peers,
                                                                start_runtime):
    f = _certs(tmp_path)
    _reconfigure(broker, f"listener {broker.port} 127.0.0.1\nallow_anonymous true\n"
                         f"persistence false\ncafile {f['ca.pem']}\n"
                         f"certfile {f['server.pem']}\nkeyfile {f['server.key']}\n")
    wrong = f'tls = true\nca_file = "{f["other-ca.pem"]}"'
    rt, _ = start_runtime(site_text(broker.port, extra=wrong), name="wrong.toml")
    wait_for(lambda: rt.links["uns"].state is LinkState.OFFLINE, what="OFFLINE")
    assert "TLS" in rt.links["uns"].detail and "certificate" in rt.links["uns"].detail
    rt.stop()

    right = f'tls = true\nca_file = "{f["ca.pem"]}"'
    rt, _ = start_runtime(site_text(broker.port, extra=right), name="right.toml")
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="CONNECTED over TLS")
    src = rt.sources["uns"]
    # Values flow over TLS too (published through the terminal's own connection).
    rt.loop.call_soon_threadsafe(src._client.publish, TEMP, b"12.5", 1, True)
    wait_for(lambda: rt.latest.get(TEMP) is not None
             and rt.latest[TEMP].value == 12.5, what="a value over TLS")


def test_shared_state_subscriptions_run_on_the_loop_and_survive_reconnects(
        broker, peers, start_runtime):
    rt, _ = start_runtime(site_text(broker.port))
    got: list[tuple[str, bytes, str]] = []
    rt.subscribe_topic("p1/body/andon/#",
                       lambda t, p: got.append((t, p, threading.current_thread().name)))
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="CONNECTED")
    peer = peers(broker.port)
    peer.publish("p1/body/andon/a1", b'{"state":"open"}', retain=True)
    wait_for(lambda: got, what="the andon message")
    assert got[0] == ("p1/body/andon/a1", b'{"state":"open"}', "lineside-runtime")

    broker.restart()
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="CONNECTED again")
    wait_for(peer.client.is_connected, what="the peer to reconnect")
    peer.publish("p1/body/andon/a2", b'{"state":"taken"}', retain=True)
    wait_for(lambda: any(t == "p1/body/andon/a2" for t, _p, _n in got),
             what="a message after the reconnect")
    assert rt.latest.get(TEMP) is None or rt.latest[TEMP].quality is Quality.BAD
