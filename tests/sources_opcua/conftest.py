"""Fixtures of the OPC UA source tests: the PLC (plain and secured) and a runtime factory."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from asyncua.crypto import cert_gen
from cryptography.x509.oid import ExtendedKeyUsageOID
from opcua_plc import CLIENT_URI, SERVER_URI, PlcServer, RuntimeProbe, Security

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
    sec = Security(d / "server.der", d / "server.pem", d / "client.der", d / "client.pem")

    async def make() -> None:
        host = socket.gethostname()
        await cert_gen.setup_self_signed_certificate(
            sec.server_key, sec.server_cert, SERVER_URI, host,
            [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH], {})
        await cert_gen.setup_self_signed_certificate(
            sec.client_key, sec.client_cert, CLIENT_URI, host,
            [ExtendedKeyUsageOID.CLIENT_AUTH], {})

    asyncio.run(make())
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
