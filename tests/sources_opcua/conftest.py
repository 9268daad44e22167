"""Fixtures of the OPC UA source tests: the PLC (plain and secured) and a runtime factory."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID
from opcua_plc import CLIENT_URI, SERVER_URI, PlcServer, RuntimeProbe, Security, make_cert

from app.config import load


@pytest.fixture(autouse=True)
def _quiet_asyncua() -> None:
    # asyncua logs every request at INFO; keep failures readable.
    logging.getLogger("asyncua").setLevel(logging.WARNING)


@pytest.fixture(scope="session")
def _shared_plc() -> Iterator[PlcServer]:
    # Server.init() takes about 1.5 s (it loads the standard address space): one PLC
    # for the session, reset before each test.
    server = PlcServer()
    server.start()
    yield server
    server.close()


@pytest.fixture
def plc(_shared_plc: PlcServer) -> PlcServer:
    if _shared_plc.server is None:  # a previous test stopped it
        _shared_plc.start()
    _shared_plc.reset()
    return _shared_plc


@pytest.fixture(scope="session")
def security(tmp_path_factory: pytest.TempPathFactory) -> Security:
    d = tmp_path_factory.mktemp("pki")
    sec = Security(d / "server.der", d / "server.pem", d / "client.der", d / "client.pem",
                   pki=d / "trust")
    host = socket.gethostname()
    make_cert(sec.server_key, sec.server_cert, "LineSide test PLC", SERVER_URI,
              [host, "localhost"], ["127.0.0.1"],
              [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH])
    make_cert(sec.client_key, sec.client_cert, "LineSide terminal", CLIENT_URI, [host], [],
              [ExtendedKeyUsageOID.CLIENT_AUTH])
    # The terminal's trust list holds the test PLC's certificate (as plant IT sets it up).
    (sec.pki / "trusted").mkdir(parents=True)
    (sec.pki / "trusted" / "test-plc.der").write_bytes(sec.server_cert.read_bytes())
    return sec


@pytest.fixture(scope="session")
def secure_plc(security: Security) -> Iterator[PlcServer]:
    server = PlcServer(security)
    server.start()
    yield server
    server.close()


@pytest.fixture
def make_runtime(tmp_path: Path) -> Iterator[Callable[..., RuntimeProbe]]:
    started: list[RuntimeProbe] = []

    def make(toml: str, secret: str | None = None) -> RuntimeProbe:
        path = tmp_path / "site.toml"
        path.write_text(toml)
        probe = RuntimeProbe(load(path, terminal_id="t1"), secret)
        started.append(probe)
        return probe

    yield make
    for p in started:
        p.stop()
