"""Which OPC UA servers this terminal trusts: a PKI directory as OPC UA Part 4 / Part 12
describe it, and the check of a server's certificate at session creation.

    <pki>/trusted/   certificates trusted as they are (a PLC's self-signed one) or as
                     issuing CAs; *.der or *.pem, optional CRLs in trusted/crl/
    <pki>/issuers/   intermediate CA certificates needed to build a chain (not trusted
                     on their own); CRLs in issuers/crl/
    <pki>/rejected/  certificates this terminal refused, for plant IT to inspect

The default directory is `<data dir>/pki` (source key `pki` overrides it). A server
certificate is accepted only when it is in date, trusted (itself, or through a CA in
trusted/), not revoked, names the server's application URI and the endpoint's host
name (or IP address) in its subject alternative names. Otherwise it is stored in
rejected/ and the link detail says how to trust it: `lineside trust FILE`, or moving
the file to trusted/. The hook is asyncua's `Client.certificate_validator`, which runs
in CreateSession, before this terminal sends a user name or password.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import logging
import os
import re
import shutil
from pathlib import Path
from typing import Any

from app.sources.base import SourceError

log = logging.getLogger(__name__)


class CertificateRejected(SourceError):
    """The server's certificate failed the check; the message says why and what to do."""


class Pki:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.trusted = self.root / "trusted"
        self.issuers = self.root / "issuers"
        self.rejected = self.root / "rejected"

    def ensure(self) -> Pki:
        from app.paths import secure_dir

        for d in (self.root, self.trusted, self.issuers, self.rejected):
            secure_dir(d)
        return self

    # --- reading ----------------------------------------------------------------------

    @staticmethod
    def _load_dir(d: Path) -> list[Any]:
        from cryptography import x509

        out = []
        for f in sorted(d.glob("*")) if d.is_dir() else []:
            if not f.is_file() or f.suffix.lower() not in (".der", ".pem", ".crt", ".cer"):
                continue
            data = f.read_bytes()
            try:
                out.append(x509.load_pem_x509_certificate(data) if b"-----BEGIN" in data
                           else x509.load_der_x509_certificate(data))
            except ValueError as e:
                log.warning("pki: %s is not a certificate (%s); ignored", f, e)
        return out

    @staticmethod
    def _load_crls(d: Path) -> list[Any]:
        from cryptography import x509

        out = []
        for f in sorted(d.glob("*")) if d.is_dir() else []:
            if f.is_file():
                data = f.read_bytes()
                try:
                    out.append(x509.load_pem_x509_crl(data) if b"-----BEGIN" in data
                               else x509.load_der_x509_crl(data))
                except ValueError as e:
                    log.warning("pki: %s is not a CRL (%s); ignored", f, e)
        return out

    def trusted_certs(self) -> list[Any]:
        return self._load_dir(self.trusted)

    def issuer_certs(self) -> list[Any]:
        return self._load_dir(self.issuers)

    def revoked_serials(self) -> set[int]:
        return {r.serial_number for d in (self.trusted / "crl", self.issuers / "crl")
                for crl in self._load_crls(d) for r in crl}

    # --- writing ----------------------------------------------------------------------

    def reject(self, cert: Any) -> Path:
        """Store a refused certificate in rejected/ (DER), named after CN and thumbprint."""
        from cryptography.hazmat.primitives.serialization import Encoding

        self.ensure()
        der = cert.public_bytes(Encoding.DER)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", common_name(cert) or "server")[:60]
        path = self.rejected / f"{name} [{hashlib.sha1(der).hexdigest()[:16]}].der"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(der)
        return path

    def trust(self, name: str) -> Path:
        """Move a rejected certificate (file name, path, or a unique part of its name)
        to trusted/. Raises FileNotFoundError naming what is there."""
        p = Path(name)
        if not p.is_file():
            p = self.rejected / name
        if not p.is_file():
            matches = [f for f in self.rejected.glob("*") if name in f.name]
            if len(matches) != 1:
                there = ", ".join(f.name for f in sorted(self.rejected.glob("*"))) or "none"
                raise FileNotFoundError(f"no single rejected certificate matches {name!r} "
                                        f"in {self.rejected} (there: {there})")
            p = matches[0]
        self.ensure()
        dest = self.trusted / p.name
        shutil.move(str(p), dest)
        return dest


def common_name(cert: Any) -> str:
    from cryptography.x509.oid import NameOID

    cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(cn[0].value) if cn else ""


def thumbprint(cert: Any) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding

    return hashlib.sha1(cert.public_bytes(Encoding.DER)).hexdigest().upper()


def _san(cert: Any) -> tuple[list[str], list[str], list[str]]:
    """(URIs, DNS names, IP addresses) of the subject alternative names."""
    from cryptography import x509

    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return [], [], []
    return (san.get_values_for_type(x509.UniformResourceIdentifier),
            [d.lower() for d in san.get_values_for_type(x509.DNSName)],
            [str(i) for i in san.get_values_for_type(x509.IPAddress)])


def _host_matches(host: str, dns: list[str], ips: list[str]) -> bool:
    try:
        return str(ipaddress.ip_address(host)) in ips
    except ValueError:
        h = host.lower().rstrip(".")
        return any(h == d or (d.startswith("*.") and h.endswith(d[1:])
                              and h.count(".") == d.count(".")) for d in dns)


class ServerCertificateCheck:
    """asyncua's `certificate_validator` hook for one source (an async callable)."""

    def __init__(self, pki: Pki, endpoint: str, host: str, source_id: str) -> None:
        self.pki = pki
        self.endpoint = endpoint
        self.host = host
        self.source_id = source_id

    def problems(self, cert: Any, application_uri: str) -> list[str]:
        """What is wrong with `cert` for this server ([] when it is acceptable)."""
        from cryptography import x509

        out: list[str] = []
        now = dt.datetime.now(dt.UTC)
        if not (cert.not_valid_before_utc <= now <= cert.not_valid_after_utc):
            out.append(f"BadCertificateTimeInvalid: valid {cert.not_valid_before_utc:%Y-%m-%d}"
                       f" to {cert.not_valid_after_utc:%Y-%m-%d}")
        uris, dns, ips = _san(cert)
        if application_uri not in uris:
            out.append(f"BadCertificateUriInvalid: the server says it is {application_uri!r}, "
                       f"the certificate names {', '.join(uris) or 'no application URI'}")
        if not _host_matches(self.host, dns, ips):
            out.append(f"BadCertificateHostNameInvalid: the endpoint's host {self.host!r} is "
                       f"not among the certificate's names ({', '.join(dns + ips) or 'none'})")
        if not self._trusted(cert, x509):
            out.append("BadCertificateUntrusted: neither the certificate nor its issuer is in "
                       f"{self.pki.trusted}")
        elif cert.serial_number in self.pki.revoked_serials():
            out.append("BadCertificateRevoked: its serial number is in a CRL of the trust list")
        return out

    def _trusted(self, cert: Any, x509: Any) -> bool:
        trusted = self.pki.trusted_certs()
        if any(t == cert for t in trusted):  # trusted as it is (a PLC's self-signed one)
            return True
        anchors = [t for t in trusted if _is_ca(t, x509)]
        if not anchors:
            return False
        from cryptography.x509 import verification as v

        policy = (v.PolicyBuilder().store(v.Store(anchors))
                  .extension_policies(ca_policy=v.ExtensionPolicy.webpki_defaults_ca(),
                                      ee_policy=v.ExtensionPolicy.permit_all()))
        try:
            policy.build_client_verifier().verify(cert, self.pki.issuer_certs())
            return True
        except (v.VerificationError, ValueError):
            return False

    async def __call__(self, cert: Any, app_description: Any) -> None:
        problems = self.problems(cert, str(app_description.ApplicationUri or ""))
        if not problems:
            log.debug("opcua %s: server certificate CN=%s accepted", self.source_id,
                      common_name(cert))
            return
        path = self.pki.reject(cert)
        only_trust = all(p.startswith("BadCertificateUntrusted") for p in problems)
        advice = (f"If plant IT confirms this is the PLC's certificate, trust it with "
                  f"`lineside trust \"{path.name}\"` (or move the file to {self.pki.trusted}/)."
                  if only_trust else
                  "Trusting it would not help: the certificate does not fit this server "
                  "or endpoint; have the PLC's certificate or the endpoint fixed.")
        raise CertificateRejected(
            f"{self.endpoint}: the server's certificate was rejected: {'; '.join(problems)}. "
            f"Certificate CN={common_name(cert) or '?'}, SHA-1 {thumbprint(cert)}, saved to "
            f"{path}. {advice}")


def _is_ca(cert: Any, x509: Any) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False
