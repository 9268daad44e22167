"""The OPC UA client validates server certificates against its trust list (a PKI
directory: trusted/, issuers/, rejected/): a self-signed `CN=evil-plc` is refused and
kept in rejected/ with a message saying how to trust it; `lineside trust` does; a
certificate that names another application URI or host is refused even when trusted.
Real asyncua servers with self-signed certificates made here with `cryptography`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID
from opcua_plc import SERVER_URI, PlcServer, Security, make_cert, site_toml

from app import cli
from app.model import LinkState, Quality

pytestmark = pytest.mark.slow  # two secured servers start here (1.5-8 s each)


def _server(tmp_path: Path, security: Security, name: str, uri: str, dns: list[str],
            ips: list[str]) -> PlcServer:
    d = tmp_path / name
    d.mkdir()
    sec = Security(d / "server.der", d / "server.pem", security.client_cert,
                   security.client_key)
    make_cert(sec.server_key, sec.server_cert, name, uri, dns, ips,
              [ExtendedKeyUsageOID.SERVER_AUTH])
    server = PlcServer(sec)
    server.start()
    return server


@pytest.fixture
def evil(tmp_path, security) -> Iterator[PlcServer]:
    s = _server(tmp_path, security, "evil-plc", SERVER_URI, ["localhost"], ["127.0.0.1"])
    yield s
    s.close()


def _site(server: PlcServer, security: Security, pki: Path) -> str:
    return site_toml(server, {"count": server.node_id("Count")},
                     security_policy="Basic256Sha256", security_mode="SignAndEncrypt",
                     certificate=str(security.client_cert),
                     private_key=str(security.client_key), pki=str(pki),
                     username=security.user)


def test_untrusted_server_is_refused_kept_and_trusted_on_request(
        evil, security, make_runtime, tmp_path, capsys) -> None:
    pki = tmp_path / "pki"
    rt = make_runtime(_site(evil, security, pki), secret=security.password)
    detail = rt.wait_state(LinkState.OFFLINE, timeout=20)
    assert "BadCertificateUntrusted" in detail and "CN=evil-plc" in detail
    assert "lineside trust" in detail and f"{pki / 'trusted'}" in detail
    rejected = list((pki / "rejected").glob("*.der"))
    assert len(rejected) == 1 and rejected[0].name.startswith("evil-plc [")
    assert str(rejected[0]) in detail
    assert rt.value("count").quality is Quality.BAD

    # Plant IT checks the thumbprint and trusts it; the terminal connects by itself.
    assert cli.main(["trust", "--pki", str(pki)]) == 0
    listing = capsys.readouterr().out
    assert "evil-plc [" in listing and "SHA-1" in listing
    assert cli.main(["trust", "--pki", str(pki), "evil-plc"]) == 0
    assert (pki / "trusted" / rejected[0].name).exists() and not rejected[0].exists()
    rt.wait_state(LinkState.CONNECTED, timeout=20)
    rt.wait_value("count", lambda s: s.quality is Quality.GOOD)


def test_a_trusted_certificate_for_another_host_and_uri_is_refused(
        tmp_path, security, make_runtime) -> None:
    other = _server(tmp_path, security, "other-plc", "urn:somewhere:else",
                    ["plc.example.com"], [])
    try:
        pki = tmp_path / "pki"
        (pki / "trusted").mkdir(parents=True)
        (pki / "trusted" / "other.der").write_bytes(
            (tmp_path / "other-plc" / "server.der").read_bytes())
        rt = make_runtime(_site(other, security, pki), secret=security.password)
        detail = rt.wait_state(LinkState.OFFLINE, timeout=20)
        assert "BadCertificateUriInvalid" in detail and "urn:somewhere:else" in detail
        assert "BadCertificateHostNameInvalid" in detail and "'127.0.0.1'" in detail
        assert "BadCertificateUntrusted" not in detail
        assert "Trusting it would not help" in detail
    finally:
        other.close()


def test_a_missing_password_names_the_secret_and_where_it_was_looked_for(
        secure_plc, security, make_runtime) -> None:
    rt = make_runtime(_site(secure_plc, security, security.pki), secret=None)
    detail = rt.wait_state(LinkState.OFFLINE, timeout=20)
    assert "refused user 'operator'" in detail
    assert "no password (secret) for source 'plc' was found" in detail
    assert "LINESIDE_SECRET_PLC" in detail and "keyring" in detail
