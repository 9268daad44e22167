"""The PLC of the OPC UA source tests (an asyncua Server in its own thread and event loop,
on a fixed free port, that a test can stop and start again on the same port), the site
file the tests load, and a started Runtime to look at."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from asyncua import Server, ua
from asyncua.crypto.permission_rules import User, UserRole
from support import wait_for

from app.config import SiteConfig
from app.model import LinkState, Quality, Sample
from app.runtime import Runtime

NS_URI = "urn:lineside:test-plc"
SERVER_URI = "urn:lineside:test-plc:server"
CLIENT_URI = "urn:lineside:test-terminal"

# name -> (variant type, initial value, writable)
VARIABLES: dict[str, tuple[ua.VariantType, Any, bool]] = {
    "Temperature": (ua.VariantType.Double, 21.5, False),   # read-only
    "Setpoint": (ua.VariantType.Float, 20.0, True),
    "Count": (ua.VariantType.Int32, 7, True),
    "Running": (ua.VariantType.Boolean, True, True),
    "State": (ua.VariantType.String, "RUN", False),
    "Mode": (ua.VariantType.LocalizedText, ua.LocalizedText("Automatic", "en"), False),
    "Profile": (ua.VariantType.Double, [1.0, 2.5, 4.0], False),  # an array
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Security:
    """Certificates for Basic256Sha256 and the one user the server accepts."""

    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path
    user: str = "operator"
    password: str = "s3cret"
    pki: Path | None = None  # the terminal's trust list (trusted/ holds server_cert)


class _OneUser:
    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user, password

    def get_user(self, iserver: Any, username: str | None = None, password: str | None = None,
                 certificate: Any = None) -> User | None:
        if username == self.user and password == self.password:
            return User(role=UserRole.User)
        return None


class PlcServer:
    """An asyncua Server as the PLC; `stop()` and `start()` keep the same port."""

    def __init__(self, security: Security | None = None) -> None:
        self.port = free_port()
        self.endpoint = f"opc.tcp://127.0.0.1:{self.port}/plc/"
        self.security = security
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="test-plc",
                                        daemon=True)
        self._thread.start()
        self.server: Server | None = None
        self.nodes: dict[str, Any] = {}
        self.ns = 0

    def node_id(self, name: str) -> str:
        return f"ns={self.ns};s=Line1.{name}"

    def _run(self, coro: Any, timeout: float = 10.0) -> Any:
        fut: Future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        return fut.result(timeout)

    def start(self) -> None:
        self._run(self._start(), timeout=45.0)  # init takes 1.5-8 s on a loaded machine

    async def _start(self) -> None:
        sec = self.security
        user_manager = _OneUser(sec.user, sec.password) if sec else None
        server = Server(user_manager=user_manager)
        await server.init()
        server.set_endpoint(self.endpoint)
        server.set_server_name("LineSide test PLC")
        await server.set_application_uri(SERVER_URI)
        if sec:
            await server.load_certificate(str(sec.server_cert))
            await server.load_private_key(str(sec.server_key))
            server.set_security_policy([ua.SecurityPolicyType.Basic256Sha256_SignAndEncrypt])
            server.set_identity_tokens([ua.UserNameIdentityToken])
        else:
            server.set_security_policy([ua.SecurityPolicyType.NoSecurity])
        self.ns = await server.register_namespace(NS_URI)
        line = await server.nodes.objects.add_object(ua.NodeId("Line1", self.ns), "Line1")
        self.nodes = {}
        for name, (vtype, value, writable) in VARIABLES.items():
            var = await line.add_variable(ua.NodeId(f"Line1.{name}", self.ns), name,
                                          ua.Variant(value, vtype))
            if writable:
                await var.set_writable()
            self.nodes[name] = var
        await server.start()
        self.server = server

    def stop(self) -> None:
        if self.server is not None:
            self._run(self.server.stop())
            self.server = None

    def set(self, name: str, value: Any) -> None:
        """Change a value on the PLC side (as its program would)."""
        vtype = VARIABLES[name][0]
        self._run(self.nodes[name].write_value(ua.DataValue(
            ua.Variant(value, vtype), SourceTimestamp=datetime.now(UTC))))

    def reset(self) -> None:
        """Every variable back to its initial value."""
        for name, (_vtype, value, _w) in VARIABLES.items():
            self.set(name, value)

    def sessions(self) -> set[str]:
        """Ids of the sessions the server holds (a client that vanished leaves its session
        until the session timeout)."""
        if self.server is None:
            return set()
        return self._run(self._sessions())

    async def _sessions(self) -> set[str]:
        return {str(k) for k in self.server.iserver._external_sessions}

    def set_status(self, name: str, status: int) -> None:
        """Keep the value but change its status code (as a PLC does for a failed sensor)."""
        vtype = VARIABLES[name][0]
        value = self._run(self.nodes[name].read_data_value(raise_on_bad_status=False)).Value.Value
        assert self.server is not None
        self._run(self.server.write_attribute_value(self.nodes[name].nodeid, ua.DataValue(
            ua.Variant(value, vtype), StatusCode=ua.StatusCode(status),
            SourceTimestamp=datetime.now(UTC))))

    def get(self, name: str) -> ua.Variant:
        return self._run(self.nodes[name].read_data_value()).Value

    def close(self) -> None:
        self.stop()

        async def cancel_leftovers() -> None:
            # the server leaves session watchdog tasks behind after stop()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        self._run(cancel_leftovers())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        self.loop.close()


class FreezingProxy:
    """A TCP relay in front of the PLC that can go silent without closing anything, as a
    pulled cable or a hung PLC does (the client only notices through its keep-alive)."""

    def __init__(self, plc: PlcServer) -> None:
        self.plc = plc
        self.port = free_port()
        self.endpoint = f"opc.tcp://127.0.0.1:{self.port}/plc/"
        self._running = asyncio.Event()
        self._writers: list[asyncio.StreamWriter] = []
        self._server: asyncio.base_events.Server | None = None
        plc._run(self._start())

    async def _start(self) -> None:
        self._running.set()
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_r, up_w = await asyncio.open_connection("127.0.0.1", self.plc.port)
        except OSError:
            writer.close()
            return
        self._writers += [writer, up_w]

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError):
                while data := await src.read(65536):
                    await self._running.wait()  # frozen: hold the bytes, keep the socket
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pump(reader, up_w), pump(up_r, writer))

    def freeze(self) -> None:
        self.plc.loop.call_soon_threadsafe(self._running.clear)

    def close(self) -> None:
        async def stop() -> None:
            if self._server is not None:
                self._server.close()
            for w in self._writers:
                w.close()
            self._running.set()

        self.plc._run(stop())


def site_toml(plc: PlcServer, tags: dict[str, str], **options: Any) -> str:
    """A site file with one OPC UA source `plc` and tags `line1/<key>` -> address."""
    opts = {"keepalive_ms": 500, "timeout_s": 2.0, "reconnect_max_s": 1.0,
            "publishing_interval_ms": 50, **options}
    lines = ['[site]', 'id = "test"', 'name = "Test plant"', "",
             "[[sources]]", 'id = "plc"', 'kind = "opcua"', f'endpoint = "{plc.endpoint}"']
    for k, v in opts.items():
        lines.append(f"{k} = {v!r}" if not isinstance(v, str) else f'{k} = "{v}"')
    kinds = {"Temperature": "float", "Setpoint": "float", "Count": "int", "Running": "bool",
             "State": "string", "Mode": "string"}
    for key, address in tags.items():
        name = address.rsplit(".", 1)[-1]
        lines += ["", "[[tags]]", f'path = "line1/{key}"', 'source = "plc"',
                  f'address = "{address}"', f'type = "{kinds.get(name, "float")}"',
                  "sampling_ms = 50",
                  f"writable = {'true' if VARIABLES.get(name, (0, 0, False))[2] else 'false'}"]
    return "\n".join(lines) + "\n"


class RuntimeProbe:
    """A started Runtime plus what the tests look at: latest values and link states."""

    def __init__(self, config: SiteConfig, secret: str | None = None) -> None:
        self.runtime = Runtime(config, secrets=lambda _sid: secret)
        self.batches: list[list[Sample]] = []
        self.runtime.subscribe(self.batches.append)
        self.runtime.start()

    def value(self, path: str) -> Sample | None:
        return self.runtime.latest.get(f"line1/{path}")

    def wait_value(self, path: str, pred: Callable[[Sample], bool], timeout: float = 5.0,
                   what: str = "") -> Sample:
        return wait_for(lambda: (s := self.value(path)) is not None and pred(s) and s,
                        timeout, what or f"line1/{path}")

    def wait_state(self, state: LinkState, timeout: float = 5.0) -> str:
        link = wait_for(lambda: (ln := self.runtime.links.get("plc")) is not None
                        and ln.state is state and ln, timeout, f"link state {state}")
        return link.detail

    def all_quality(self, quality: Quality) -> bool:
        tags = self.runtime.config.tags
        return all((s := self.runtime.latest.get(p)) is not None and s.quality is quality
                   for p in tags)

    def stop(self) -> None:
        self.runtime.stop()


def make_cert(key_path: Path, cert_path: Path, cn: str, uri: str, names: list[str],
              ips: list[str], uses: list) -> None:
    """A self-signed OPC UA application certificate (DER) and its key (PEM)."""
    import ipaddress

    from asyncua.crypto import cert_gen
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    key = cert_gen.generate_private_key()
    san = [x509.UniformResourceIdentifier(uri), *(x509.DNSName(n) for n in names),
           *(x509.IPAddress(ipaddress.ip_address(i)) for i in ips)]
    cert = cert_gen.generate_self_signed_app_certificate(key, cn, {}, san, uses)
    key_path.write_bytes(cert_gen.dump_private_key_as_pem(key))
    cert_path.write_bytes(cert.public_bytes(Encoding.DER))
