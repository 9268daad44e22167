"""`lineside trust`: the OPC UA trust list (PKI directory) for plant IT.

    lineside trust                  list rejected and trusted server certificates
    lineside trust "plc [ab12].der" trust a rejected certificate (moves it to trusted/)
    lineside trust --pki DIR ...    another PKI directory (the source key `pki`)
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("trust", help="list or trust OPC UA server certificates (PKI)")
    p.add_argument("certificate", nargs="?",
                   help="a file in rejected/ (name, part of it, or a path) to trust")
    p.add_argument("--pki", help="PKI directory (default: <data dir>/pki)")
    p.set_defaults(func=run)


def _show(title: str, d: Path) -> None:
    from cryptography import x509

    from app.sources.opcua_trust import common_name, thumbprint

    files = sorted(f for f in d.glob("*") if f.is_file())
    print(f"{title} ({d}):" if files else f"{title} ({d}): none")
    for f in files:
        data = f.read_bytes()
        try:
            cert = (x509.load_pem_x509_certificate(data) if b"-----BEGIN" in data
                    else x509.load_der_x509_certificate(data))
        except ValueError:
            print(f"  {f.name}: not a certificate")
            continue
        print(f"  {f.name}: CN={common_name(cert)}, SHA-1 {thumbprint(cert)}, valid to "
              f"{cert.not_valid_after_utc:%Y-%m-%d}")


def run(args: argparse.Namespace) -> int:
    from app.paths import data_dir
    from app.sources.opcua_trust import Pki

    pki = Pki(args.pki or data_dir() / "pki").ensure()
    if args.certificate:
        try:
            dest = pki.trust(args.certificate)
        except FileNotFoundError as e:
            print(f"lineside trust: {e}")
            return 1
        print(f"trusted: {dest} (the terminal uses it at its next connection attempt)")
        return 0
    _show("rejected", pki.rejected)
    _show("trusted", pki.trusted)
    _show("issuers", pki.issuers)
    return 0
