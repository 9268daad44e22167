"""Trust through a CA: a server certificate issued by a CA in trusted/ (with an
intermediate in issuers/) is accepted without being listed itself; one issued by
another CA is not; a revoked one (CRL in trusted/crl/) is refused."""

from __future__ import annotations

import datetime as dt
import ipaddress

from asyncua.crypto import cert_gen
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.sources.opcua_trust import Pki, ServerCertificateCheck

URI = "urn:plant:plc1"
NOW = dt.datetime.now(dt.UTC)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _ca(cn: str, key, issuer=None, issuer_key=None):
    b = (x509.CertificateBuilder().subject_name(_name(cn))
         .issuer_name(issuer.subject if issuer else _name(cn)).public_key(key.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(NOW - dt.timedelta(days=1))
         .not_valid_after(NOW + dt.timedelta(days=30))
         .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
         .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False,
                                      False), critical=True)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False))
    if issuer is not None:
        b = b.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            issuer_key.public_key()), False)
    return b.sign(issuer_key or key, hashes.SHA256())


def _leaf(issuer, issuer_key, serial=None):
    key = cert_gen.generate_private_key()
    return (x509.CertificateBuilder().subject_name(_name("plc1"))
            .issuer_name(issuer.subject).public_key(key.public_key())
            .serial_number(serial or x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=1))
            .not_valid_after(NOW + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([
                x509.UniformResourceIdentifier(URI), x509.DNSName("plc1.plant.local"),
                x509.IPAddress(ipaddress.ip_address("10.0.0.5"))]), False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
            .add_extension(x509.KeyUsage(True, True, True, True, False, False, False, False,
                                         False), True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH,
                                                  ExtendedKeyUsageOID.CLIENT_AUTH]), False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                issuer_key.public_key()), False)
            .sign(issuer_key, hashes.SHA256()))


def _save(path, cert) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(cert.public_bytes(Encoding.DER))


def test_chain_through_a_trusted_ca_and_its_crl(tmp_path) -> None:
    root_key, mid_key, other_key = (cert_gen.generate_private_key() for _ in range(3))
    root = _ca("Plant Root CA", root_key)
    mid = _ca("Plant Issuing CA", mid_key, root, root_key)
    other = _ca("Someone else", other_key)
    pki = Pki(tmp_path / "pki").ensure()
    _save(pki.trusted / "root.der", root)
    _save(pki.issuers / "issuing.der", mid)
    check = ServerCertificateCheck(pki, "opc.tcp://plc1.plant.local:4840", "plc1.plant.local",
                                   "plc1")
    good = _leaf(mid, mid_key)
    assert check.problems(good, URI) == []
    by_ip = ServerCertificateCheck(pki, "opc.tcp://10.0.0.5:4840", "10.0.0.5", "plc1")
    assert by_ip.problems(good, URI) == []
    stranger = _leaf(other, other_key)
    assert [p.split(":")[0] for p in check.problems(stranger, URI)] == [
        "BadCertificateUntrusted"]
    # Revoked by the issuing CA's CRL.
    crl = (x509.CertificateRevocationListBuilder().issuer_name(mid.subject)
           .last_update(NOW - dt.timedelta(hours=1)).next_update(NOW + dt.timedelta(days=1))
           .add_revoked_certificate(x509.RevokedCertificateBuilder()
                                    .serial_number(good.serial_number)
                                    .revocation_date(NOW - dt.timedelta(minutes=5)).build())
           .sign(mid_key, hashes.SHA256()))
    (pki.issuers / "crl").mkdir()
    (pki.issuers / "crl" / "issuing.crl").write_bytes(crl.public_bytes(Encoding.DER))
    assert [p.split(":")[0] for p in check.problems(good, URI)] == ["BadCertificateRevoked"]
