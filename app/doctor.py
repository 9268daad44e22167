"""`lineside doctor`: what plant IT checks after an install, one check at a time.

Each check returns `Check` lines (PASS / WARN / FAIL / SKIP) with the fix for anything
that is not PASS. Checks run without Qt (the platform libraries are looked up as shared
objects, not loaded through Qt), so the doctor also runs on a gateway without a screen.

- site: the site file loads, with its includes;
- qt-libs / fonts: the shared libraries Qt's xcb platform plugin loads, and the fonts;
- store: its folder, permissions (not world-readable: it holds health data), free disk,
  and SQLite's integrity check, read-only (a running terminal is not disturbed);
- secrets: every source with a user name has a password in the environment or keyring;
- each source: TCP reachable in a short timeout, then the protocol's hello (OPC UA
  HEL/ACK, MQTT CONNECT/CONNACK with the configured user);
- clock: skew against each OPC UA server (its CurrentTime) and against timestamped
  messages the broker carries, where there are any.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sqlite3
import ssl
import stat
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app import config as site_config
from app import secrets
from app.config import ConfigError, SiteConfig, SourceConfig


class Status(StrEnum):
    PASS = "PASS"
    WARN = "WARN"
    FAIL = "FAIL"
    SKIP = "SKIP"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str = ""

    def line(self) -> str:
        text = f"{self.status.value:<4}  {self.name}: {self.detail}"
        if self.fix and self.status is not Status.PASS:
            text += f"\n      fix: {self.fix}"
        return text


# Shared objects Qt's xcb platform plugin (and its GL/font stack) loads, with the Debian
# package that ships each (the .deb depends on all of them).
QT_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-xinerama.so.0", "libxcb-xinerama0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
FONTS: tuple[tuple[str, str], ...] = (
    ("DejaVu Sans", "fonts-dejavu-core"),
    ("Noto Sans CJK", "fonts-noto-cjk"),  # Chinese (zh_CN)
)
MIN_FREE_BYTES = 1 << 30  # below 1 GiB a day of a busy line's history may not fit
MAX_SKEW_S = 2.0  # timestamps further apart than this make trends and alarms misleading


# --- site ---------------------------------------------------------------------------------

def check_site(path: Path) -> tuple[Check, SiteConfig | None]:
    if not path.exists():
        return Check("site", Status.FAIL, f"{path} does not exist",
                     "create it from the template (Debian: /etc/lineside/site.toml) or "
                     "pass --site FILE"), None
    try:
        cfg = site_config.load(path)
    except ConfigError as e:
        return Check("site", Status.FAIL, str(e),
                     f"correct the file, then run `lineside check-config {path}`"), None
    except OSError as e:
        return Check("site", Status.FAIL, f"{path}: {e.strerror}",
                     "make it readable by the lineside user (0640 root:lineside)"), None
    return Check("site", Status.PASS,
                 f"{path}: site {cfg.site.id}, {len(cfg.sources)} sources, "
                 f"{len(cfg.tags)} tags, {len(cfg.stations)} stations"), cfg


# --- Qt platform libraries and fonts ------------------------------------------------------

def _ldconfig_names() -> set[str] | None:
    """The sonames in the dynamic linker's cache, or None when there is no ldconfig."""
    for exe in ("ldconfig", "/sbin/ldconfig", "/usr/sbin/ldconfig"):
        found = shutil.which(exe) or (exe if os.path.isabs(exe) and os.path.exists(exe)
                                      else None)
        if not found:
            continue
        try:
            out = subprocess.run([found, "-p"], capture_output=True, text=True, timeout=10,
                                 check=False).stdout
        except (OSError, subprocess.TimeoutExpired):
            continue
        return {line.split()[0] for line in out.splitlines()[1:] if line.strip()}
    return None


def _loadable(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        return False


def check_qt_libraries(libraries: Iterable[tuple[str, str]] = QT_LIBRARIES,
                       cache: set[str] | None = None) -> Check:
    if not sys.platform.startswith("linux"):
        return Check("qt-libs", Status.SKIP, "only Linux needs system libraries for Qt")
    names = cache if cache is not None else _ldconfig_names()
    missing = [(so, pkg) for so, pkg in libraries
               if not ((names is not None and so in names) or _loadable(so))]
    if missing:
        return Check("qt-libs", Status.FAIL,
                     "missing " + ", ".join(so for so, _ in missing) +
                     " (the GUI aborts: could not load the Qt platform plugin \"xcb\")",
                     "apt install " + " ".join(dict.fromkeys(p for _, p in missing)))
    return Check("qt-libs", Status.PASS, f"{len(tuple(libraries))} xcb/GL/font libraries found")


def _font_families() -> set[str] | None:
    fc = shutil.which("fc-list")
    if fc is None:
        return None
    try:
        out = subprocess.run([fc, ":", "family"], capture_output=True, text=True, timeout=20,
                             check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {f.strip() for line in out.splitlines() for f in line.split(",") if f.strip()}


def check_fonts(fonts: Iterable[tuple[str, str]] = FONTS,
                families: set[str] | None = None) -> Check:
    if not sys.platform.startswith("linux"):
        return Check("fonts", Status.SKIP, "Windows ships the fonts the terminal uses")
    have = families if families is not None else _font_families()
    if have is None:
        return Check("fonts", Status.FAIL, "fontconfig's fc-list is not installed",
                     "apt install fontconfig " + " ".join(p for _, p in fonts))
    missing = [(name, pkg) for name, pkg in fonts
               if not any(f.lower().startswith(name.lower()) for f in have)]
    if missing:
        return Check("fonts", Status.FAIL, "missing " + ", ".join(n for n, _ in missing),
                     "apt install " + " ".join(p for _, p in missing))
    return Check("fonts", Status.PASS, ", ".join(n for n, _ in fonts) + " installed")


# --- store --------------------------------------------------------------------------------

def check_store(path: Path, min_free: int = MIN_FREE_BYTES) -> list[Check]:
    checks: list[Check] = []
    folder = path.parent
    if not folder.is_dir():
        return [Check("store", Status.FAIL, f"folder {folder} does not exist",
                      f"create it: install -d -m 0750 -o lineside -g lineside {folder}")]
    if not os.access(folder, os.W_OK | os.X_OK):
        checks.append(Check("store", Status.FAIL, f"{folder} is not writable by this user "
                            f"(uid {os.getuid() if hasattr(os, 'getuid') else '?'})",
                            "run the doctor as the terminal's user (sudo -u lineside "
                            "lineside doctor), or chown the folder to it"))
    if os.name == "posix":
        for p in (folder, path):
            if p.exists() and p.stat().st_mode & stat.S_IRWXO:
                checks.append(Check("store", Status.FAIL,
                                    f"{p} is readable by every user (mode "
                                    f"{stat.S_IMODE(p.stat().st_mode):04o}); the store "
                                    f"holds users, the audit log and health data",
                                    f"chmod o-rwx {p} (the service's UMask=0027 keeps new "
                                    f"files so)"))
    free = shutil.disk_usage(folder).free
    if free < min_free:
        checks.append(Check("store", Status.FAIL if free < min_free // 4 else Status.WARN,
                            f"{free / 2**20:.0f} MiB free on {folder}",
                            "free disk space or lower the history retention"))
    if not path.exists():
        checks.append(Check("store", Status.PASS, f"{path} will be created at first start "
                            f"({free / 2**30:.1f} GiB free)"))
        return checks
    try:
        # Read-only and no WAL recovery on our side: a running terminal keeps writing.
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            result = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
        finally:
            con.close()
    except sqlite3.Error as e:
        checks.append(Check("store", Status.FAIL, f"{path} cannot be read: {e}",
                            "check its owner and mode; a corrupt store is moved aside "
                            "by the terminal at its next start"))
        return checks
    if result != ["ok"]:
        checks.append(Check("store", Status.FAIL, f"{path} integrity: {'; '.join(result[:3])}",
                            "stop the terminal; it moves a corrupt store aside and starts "
                            "a new one at its next start"))
    elif not any(c.status is Status.FAIL for c in checks):
        size = path.stat().st_size
        checks.append(Check("store", Status.PASS, f"{path}: integrity ok, "
                            f"{size / 2**20:.1f} MiB, {free / 2**30:.1f} GiB free"))
    return checks


# --- secrets --------------------------------------------------------------------------------

def _needs_secret(sc: SourceConfig) -> bool:
    return bool(getattr(sc.options, "username", None))


def check_secrets(cfg: SiteConfig,
                  lookup: Callable[[str], str | None] = secrets.get_secret) -> list[Check]:
    needing = [sc for sc in cfg.sources.values() if _needs_secret(sc)]
    if not needing:
        return [Check("secrets", Status.PASS, "no source needs a password")]
    out = []
    for sc in needing:
        if lookup(sc.id) is None:
            out.append(Check(f"secrets {sc.id}", Status.FAIL,
                             f"no password for user {sc.options.username!r}",
                             f"add {secrets.env_name(sc.id)}=... to /etc/lineside/environment "
                             f"(services) or run `lineside secrets set {sc.id}` (desktop)"))
        else:
            where = ("environment" if secrets.env_name(sc.id) in os.environ else "keyring")
            out.append(Check(f"secrets {sc.id}", Status.PASS, f"password found ({where})"))
    return out


# --- reachability ---------------------------------------------------------------------------

def source_address(sc: SourceConfig) -> tuple[str, int] | None:
    o = sc.options
    endpoint = getattr(o, "endpoint", None)
    if endpoint:
        u = urlsplit(endpoint)
        return (u.hostname or "127.0.0.1", u.port or 4840)
    host = getattr(o, "host", None)
    if host:
        return host, int(getattr(o, "port", 1883) or 1883)
    return None


def opcua_hello(sock: socket.socket, endpoint: str) -> str:
    """Send OPC UA Hello; return the server's answer kind ("ACK" when it speaks OPC UA)."""
    url = endpoint.encode()
    body = struct.pack("<IIIII", 0, 65536, 65536, 0, 0) + struct.pack("<i", len(url)) + url
    sock.sendall(b"HELF" + struct.pack("<I", 8 + len(body)) + body)
    head = _recv(sock, 8)
    return head[:3].decode("ascii", "replace")


def mqtt_hello(sock: socket.socket, username: str | None, password: str | None,
               client_id: str = "lineside-doctor") -> int:
    """MQTT 3.1.1 CONNECT; return CONNACK's return code (0 accepted, 4/5 refused auth)."""
    def s(text: str) -> bytes:
        raw = text.encode()
        return struct.pack("!H", len(raw)) + raw

    flags = 0x02
    payload = s(client_id)
    if username:
        flags |= 0x80
        payload += s(username)
        if password is not None:
            flags |= 0x40
            payload += s(password)
    variable = s("MQTT") + bytes([4, flags]) + struct.pack("!H", 10)
    rest = variable + payload
    length = b""
    n = len(rest)
    while True:
        byte, n = n % 128, n // 128
        length += bytes([byte | (0x80 if n else 0)])
        if not n:
            break
    sock.sendall(b"\x10" + length + rest)
    ack = _recv(sock, 4)
    if ack[0] != 0x20:
        raise OSError(f"not an MQTT broker (answer 0x{ack[0]:02x})")
    with contextlib.suppress(OSError):
        sock.sendall(b"\xe0\x00")  # DISCONNECT
    return ack[3]


def _recv(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise OSError("the peer closed the connection")
        data += chunk
    return data


MQTT_REFUSED = {1: "protocol version refused", 2: "client id refused",
                3: "server unavailable", 4: "bad user name or password",
                5: "not authorised"}


def check_source(sc: SourceConfig, timeout: float = 2.0,
                 lookup: Callable[[str], str | None] = secrets.get_secret) -> Check:
    name = f"source {sc.id}"
    addr = source_address(sc)
    if addr is None:
        return Check(name, Status.SKIP, f"{sc.kind}: no network address to check")
    host, port = addr
    where = f"{sc.kind} {host}:{port}"
    t0 = time.monotonic()
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except OSError as e:
        return Check(name, Status.FAIL, f"{where} not reachable: {e.strerror or e}",
                     f"check the address in the site file, the network and firewall "
                     f"(TCP {port}), and that the {'PLC' if sc.kind == 'opcua' else 'broker'} "
                     f"runs")
    ms = (time.monotonic() - t0) * 1000
    try:
        with sock:
            sock.settimeout(timeout)
            o = sc.options
            if sc.kind == "opcua":
                answer = opcua_hello(sock, o.endpoint)
                if answer != "ACK":
                    return Check(name, Status.FAIL, f"{where}: answered {answer!r} to the "
                                 f"OPC UA hello", "is this port an OPC UA server?")
                return Check(name, Status.PASS, f"{where}: OPC UA hello answered "
                             f"({ms:.0f} ms to connect)")
            if sc.kind in ("mqtt", "sparkplug") or hasattr(o, "keepalive_s"):
                conn: socket.socket = sock
                if getattr(o, "tls", False):
                    ctx = ssl.create_default_context(cafile=getattr(o, "ca_file", None))
                    if getattr(o, "tls_insecure", False):
                        ctx.check_hostname = False
                        ctx.verify_mode = ssl.CERT_NONE
                    if getattr(o, "certfile", None):
                        ctx.load_cert_chain(o.certfile, getattr(o, "keyfile", None))
                    conn = ctx.wrap_socket(sock, server_hostname=host)
                rc = mqtt_hello(conn, getattr(o, "username", None), lookup(sc.id)
                                if getattr(o, "username", None) else None)
                if rc != 0:
                    return Check(name, Status.FAIL, f"{where}: broker refused: "
                                 f"{MQTT_REFUSED.get(rc, f'code {rc}')}",
                                 "check the user name in the site file and its password "
                                 f"({secrets.env_name(sc.id)} or `lineside secrets set "
                                 f"{sc.id}`)")
                return Check(name, Status.PASS, f"{where}: MQTT connect accepted "
                             f"({ms:.0f} ms to connect)")
            return Check(name, Status.PASS, f"{where}: TCP reachable ({ms:.0f} ms)")
    except ssl.SSLError as e:
        return Check(name, Status.FAIL, f"{where}: TLS failed: {e}",
                     "check ca_file / certfile / keyfile in the site file")
    except OSError as e:
        return Check(name, Status.FAIL, f"{where}: TCP reachable but no protocol answer "
                     f"({e})", "is the port right, and is it the protocol of the source?")


# --- clock ----------------------------------------------------------------------------------

def opcua_skew(sc: SourceConfig, timeout: float = 3.0,
               lookup: Callable[[str], str | None] = secrets.get_secret) -> float | None:
    """Server time minus our time, in seconds (None when it cannot be read)."""
    import asyncio

    from asyncua import Client, ua

    o = sc.options
    if getattr(o, "security_policy", "None") != "None":
        return None

    async def read() -> float:
        client = Client(o.endpoint, timeout=timeout)
        if o.username:
            client.set_user(o.username)
            client.set_password(lookup(sc.id) or "")
        await client.connect()
        try:
            t0 = time.time()
            server = await client.get_node(
                ua.NodeId(ua.Int32(ua.ObjectIds.Server_ServerStatus_CurrentTime))).read_value()
            t1 = time.time()
        finally:
            await client.disconnect()
        return server.timestamp() - (t0 + t1) / 2

    try:
        return asyncio.run(asyncio.wait_for(read(), timeout * 2))
    except Exception:  # unreachable or refused: the source check already says why
        return None


def mqtt_skew(sc: SourceConfig, topics: list[str], listen_s: float = 1.5,
              lookup: Callable[[str], str | None] = secrets.get_secret) -> float | None:
    """Median of (message "ts" minus our time) over the live timestamped messages that
    arrive on `topics` within `listen_s`. None when none carries a ts."""
    import statistics
    import threading

    import paho.mqtt.client as mqtt

    from app.sources import payload

    o = sc.options
    skews: list[float] = []
    done = threading.Event()

    def on_connect(client: Any, _u: Any, _f: Any, rc: Any, _p: Any = None) -> None:
        for t in topics[:50]:
            client.subscribe(t)

    def on_message(_c: Any, _u: Any, msg: Any) -> None:
        if msg.retain:
            return  # a retained value is as old as its last change, not a clock reading
        now = time.time()
        try:
            _v, ts, _q = payload.parse_any(msg.payload, received=now, max_size=65536,
                                           max_skew_s=1e9)
        except payload.MalformedPayload:
            return
        if ts != now:
            skews.append(ts - now)

    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="lineside-doctor-clock",
                         protocol=mqtt.MQTTv311)
    if o.username:
        client.username_pw_set(o.username, lookup(sc.id))
    if o.tls:
        client.tls_set(ca_certs=o.ca_file, certfile=o.certfile, keyfile=o.keyfile)
        client.tls_insecure_set(o.tls_insecure)
    client.on_connect = on_connect
    client.on_message = on_message
    try:
        client.connect(o.host, o.port, keepalive=10)
    except OSError:
        return None
    client.loop_start()
    done.wait(listen_s)
    client.loop_stop()
    with contextlib.suppress(Exception):
        client.disconnect()
    return statistics.median(skews) if skews else None


def check_clock(cfg: SiteConfig, reachable: set[str]) -> list[Check]:
    out = []
    for sc in cfg.sources.values():
        if sc.id not in reachable:
            continue
        if sc.kind == "opcua":
            skew = opcua_skew(sc)
            peer = "PLC clock"
        elif sc.kind == "mqtt":
            topics = [t.address for t in cfg.tags_of(sc.id)]
            skew = mqtt_skew(sc, topics) if topics else None
            peer = "the clock of the broker's publishers"
        else:
            continue
        name = f"clock {sc.id}"
        if skew is None:
            out.append(Check(name, Status.SKIP, f"{peer}: not measurable here"))
        elif abs(skew) > MAX_SKEW_S:
            out.append(Check(name, Status.FAIL, f"{peer} is {skew:+.1f} s from this machine's",
                             "synchronise both with the plant's NTP server "
                             "(timedatectl set-ntp true; chrony or systemd-timesyncd)"))
        else:
            out.append(Check(name, Status.PASS, f"{peer} within {abs(skew):.2f} s"))
    return out


# --- all ------------------------------------------------------------------------------------

def run_checks(site: Path, store: Path, *, gui: bool = True, timeout: float = 2.0) -> list[Check]:
    checks: list[Check] = []
    site_check, cfg = check_site(site)
    checks.append(site_check)
    if gui:
        checks += [check_qt_libraries(), check_fonts()]
    checks += check_store(store)
    if cfg is not None:
        checks += check_secrets(cfg)
        sources = [check_source(sc, timeout) for sc in cfg.sources.values()]
        checks += sources
        ok = {sc.id for sc, c in zip(cfg.sources.values(), sources, strict=True)
              if c.status is Status.PASS}
        checks += check_clock(cfg, ok)
    return checks
