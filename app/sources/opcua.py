"""OPC UA source (asyncua): monitored items in subscriptions, reconnect, write + read-back.

Built on the OPC UA services (Part 4), not on one server's habits, so that it works the
same against a Siemens S7-1500, Beckhoff, B&R, KEPServerEX or Prosys server:

- Subscriptions are grouped by publishing interval (a tag is published as often as it
  is sampled, never faster than `publishing_interval_ms`); monitored items use queue
  size 1, discard oldest, and an absolute deadband filter where the tag has one (a
  server that rejects the filter gets the item without it; the runtime applies the
  deadband on the client side anyway).
- One `deliver()` per notification message, not per item.
- Liveness: each subscription's keep-alive is about half of `keepalive_ms`, and a
  watchdog reads the server state whenever the session has been silent for half a
  keep-alive period, so a dead server or a broken socket is noticed within two
  keep-alive periods. Then RECONNECTING (the runtime marks every tag BAD), a fresh
  client with exponential backoff and jitter, and new subscriptions.
- Writes go straight to the session (the e-stop uses this path), with the node's own
  variant type, followed by a read-back.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import math
import os
import random
import socket
import struct
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.config import DataType, Table, TagConfig
from app.model import LinkState, Quality, Sample, Value, now
from app.sources.base import Source, SourceError
from app.sources.payload import EPOCH_2000, MAX_SKEW_S
from app.sources.registry import register
from app.values import BadValue, to_tag_type

log = logging.getLogger(__name__)

POLICIES = ("None", "Basic256Sha256", "Aes128Sha256RsaOaep", "Aes256Sha256RsaPss")
MODES = ("None", "Sign", "SignAndEncrypt")

# Status codes (Part 6, StatusCode.csv), compared without their info bits (low 16 bits);
# numeric so that loading a site file does not import asyncua.
_BAD_USER_ACCESS_DENIED = 0x801F0000
_BAD_IDENTITY_TOKEN_INVALID = 0x80200000
_BAD_IDENTITY_TOKEN_REJECTED = 0x80210000
_BAD_USER_SIGNATURE_INVALID = 0x80570000
_BAD_NOT_WRITABLE = 0x803B0000
_BAD_NOT_READABLE = 0x803A0000
_BAD_NODE_ID_UNKNOWN = 0x80340000
_BAD_TYPE_MISMATCH = 0x80740000
_BAD_OUT_OF_RANGE = 0x803C0000
_BAD_TOO_MANY_OPERATIONS = 0x80100000
_FILTER_REJECTED = {
    0x80430000,  # BadMonitoredItemFilterInvalid
    0x80440000,  # BadMonitoredItemFilterUnsupported
    0x80450000,  # BadFilterNotAllowed
    0x808E0000,  # BadDeadbandFilterInvalid
}
_SESSION_GONE = {
    0x80250000,  # BadSessionIdInvalid
    0x80260000,  # BadSessionClosed
    0x80270000,  # BadSessionNotActivated
    0x80860000,  # BadSecureChannelClosed
    0x80220000,  # BadSecureChannelIdInvalid
    0x800E0000,  # BadServerHalted
    0x800C0000,  # BadShutdown
}
_NOT_WRITABLE = {_BAD_USER_ACCESS_DENIED, _BAD_NOT_WRITABLE}
_AUTH_REJECTED = {_BAD_USER_ACCESS_DENIED, _BAD_IDENTITY_TOKEN_INVALID,
                  _BAD_IDENTITY_TOKEN_REJECTED, _BAD_USER_SIGNATURE_INVALID}
_SERVER_STATE = "i=2259"  # Server_ServerStatus_State: the probe every server has
_MAX_ITEMS_PER_CALL = "i=11714"  # ServerCapabilities.OperationLimits.MaxMonitoredItemsPerCall
_NAMESPACE_ARRAY = "i=2255"
_DEFAULT_ITEMS_PER_CALL = 1000
_MIN_SESSION_TIMEOUT_MS = 30_000
_INT_RANGES = {  # VariantType name -> (low, high)
    "SByte": (-(2**7), 2**7 - 1), "Byte": (0, 2**8 - 1),
    "Int16": (-(2**15), 2**15 - 1), "UInt16": (0, 2**16 - 1),
    "Int32": (-(2**31), 2**31 - 1), "UInt32": (0, 2**32 - 1),
    "Int64": (-(2**63), 2**63 - 1), "UInt64": (0, 2**64 - 1),
}
_FLOAT32_MAX = 3.4028234663852886e38


@dataclass(frozen=True)
class OpcUaOptions:
    endpoint: str
    security_policy: str = "None"
    security_mode: str = "None"
    username: str | None = None
    certificate: str | None = None  # client certificate (DER or PEM) path
    private_key: str | None = None
    server_certificate: str | None = None
    pki: str | None = None  # trust list directory (app/sources/opcua_trust.py)
    keepalive_ms: int = 1000
    timeout_s: float = 4.0
    publishing_interval_ms: int = 100
    reconnect_max_s: float = 2.0  # a PLC on the plant network: back within seconds


class _LinkLost(Exception):
    """The session died; the message says how (for the link status detail)."""


@dataclass
class _Group:
    """One subscription: the tags published at one interval."""

    interval_ms: int
    handles: list[int]
    subscription_id: int = 0
    stale_after_s: float = math.inf  # no publish response for this long: the sub is dead
    last_publish: float = field(default_factory=time.monotonic)


@dataclass
class _Session:
    """What one connection holds; dropped whole on reconnect."""

    client: Any
    nodes: dict[int, Any] = field(default_factory=dict)  # handle -> ua.NodeId
    groups: dict[int, _Group] = field(default_factory=dict)  # subscription id -> group
    variant_types: dict[str, Any] = field(default_factory=dict)  # node id -> VariantType
    last_alive: float = field(default_factory=time.monotonic)
    lost: asyncio.Event = field(default_factory=asyncio.Event)
    lost_detail: str = ""

    def mark_lost(self, detail: str) -> None:
        if not self.lost.is_set():
            self.lost_detail = detail
            self.lost.set()


@register("opcua")
class OpcUaSource(Source):
    @classmethod
    def parse_options(cls, t: Table) -> OpcUaOptions:
        o = OpcUaOptions(
            endpoint=t.str("endpoint", required=True, pattern=r"opc\.tcp://.+"),
            security_policy=t.str("security_policy", "None", choices=POLICIES),
            security_mode=t.str("security_mode", "None", choices=MODES),
            username=t.str("username"),
            certificate=t.str("certificate"),
            private_key=t.str("private_key"),
            server_certificate=t.str("server_certificate"),
            pki=t.str("pki"),
            keepalive_ms=t.int("keepalive_ms", 1000, min=100, max=600_000),
            timeout_s=t.float("timeout_s", 4.0, min=0.1, max=600),
            publishing_interval_ms=t.int("publishing_interval_ms", 100, min=0, max=600_000),
            reconnect_max_s=t.float("reconnect_max_s", cls.DEFAULT_RECONNECT_MAX_S, min=0.1,
                                    max=3600),
        )
        if (o.security_policy == "None") != (o.security_mode == "None"):
            raise t.error("security_mode", "security_policy and security_mode must both be "
                          "None or both be set")
        if o.security_policy != "None" and not (o.certificate and o.private_key):
            raise t.error("certificate", f"security_policy {o.security_policy} needs "
                          "certificate and private_key")
        return o

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options: OpcUaOptions = self.config.options
        self._session: _Session | None = None
        self._connected = False
        self._warned: set[tuple[str, str]] = set()  # (tag path, what): log once per tag
        self.bad_timestamps: collections.Counter[str] = collections.Counter()

    # --- run: connect, stream, reconnect ---------------------------------------------------

    async def run(self) -> None:
        o = self.options
        delay = 0.5
        ever_connected = False
        while True:
            try:
                await self._connect_and_stream()
            except asyncio.CancelledError:
                raise
            except _LinkLost as e:
                detail = str(e)
            except Exception as e:
                detail = self._describe(e)
            if self._connected:
                ever_connected, delay = True, 0.5
            self._connected = False
            wait = min(delay, o.reconnect_max_s) * random.uniform(0.8, 1.2)
            delay = min(delay * 2, o.reconnect_max_s)
            log.warning("opcua %s: %s; retrying in %.1f s", self.id, detail, wait)
            state = LinkState.RECONNECTING if ever_connected else LinkState.OFFLINE
            self.set_state(state, f"{detail}; retrying in {wait:.1f} s")
            if await self.backoff_sleep(wait):
                log.info("opcua %s: reconnecting now (asked at the terminal)", self.id)
                delay = 0.5

    async def _connect_and_stream(self) -> None:
        """One connection: returns (raises _LinkLost) when it dies."""
        from asyncua import Client

        o = self.options
        client = Client(o.endpoint, timeout=o.timeout_s,
                        # our own watchdog below decides liveness; asyncua's supervisor only
                        # reports socket loss (at once, through connection_lost_callback)
                        watchdog_intervall=max(30.0, o.keepalive_ms / 100))
        client.session_timeout = max(_MIN_SESSION_TIMEOUT_MS, 10 * o.keepalive_ms)
        # the PLC's diagnostics list sessions by name: say which terminal and source
        client.name = "LineSide HMI"
        client.description = f"LineSide HMI {self.id}"
        session = _Session(client)

        async def on_lost(exc: Exception) -> None:
            session.mark_lost(f"connection to {o.endpoint} lost ({self._describe(exc, bare=True)})")

        client.connection_lost_callback = on_lost
        try:
            await self._configure(client)
            await asyncio.wait_for(client.connect(), o.timeout_s * 4)
            self._session = session
            await self._subscribe(session)
            self._connected = True
            self.set_state(LinkState.CONNECTED)
            log.info("opcua %s: connected to %s, %d tags in %d subscriptions", self.id,
                     o.endpoint, len(self.tags), len(session.groups))
            await self._watch(session)
        except _LinkLost as e:
            # Say so before the (bounded) close: the runtime marks the tags BAD now.
            session.mark_lost(str(e))
            self._session = None
            self.set_state(LinkState.RECONNECTING, str(e))
            raise
        finally:
            self._session = None
            await self._close(client, graceful=not session.lost.is_set())

    async def _configure(self, client: Any) -> None:
        o = self.options
        if o.username:
            client.set_user(o.username)
            if self.secret is None:
                from app.secrets import where_looked

                self._warn_once("", "no-password", "opcua %s: user %r: %s; trying an empty "
                                "password", self.id, o.username, where_looked(self.id))
            client.set_password(self.secret or "")
        if o.security_policy == "None":
            return
        from asyncua import ua
        from asyncua.crypto import security_policies, uacrypto

        for what, path in (("certificate", o.certificate), ("private_key", o.private_key),
                           ("server_certificate", o.server_certificate)):
            if path and not os.path.isfile(path):
                raise SourceError(f"{what} file {path} of source {self.id!r} does not exist")
        try:
            cert = await uacrypto.load_certificate(o.certificate)
        except (OSError, ValueError) as e:
            raise SourceError(f"cannot load the client certificate {o.certificate}: {e}") from None
        # Servers check that the session's ApplicationUri is the certificate's URI.
        uri = _certificate_uri(cert)
        if uri:
            client.application_uri = uri
        policy = getattr(security_policies, f"SecurityPolicy{o.security_policy}")
        mode = getattr(ua.MessageSecurityMode, o.security_mode)
        try:
            await asyncio.wait_for(
                client.set_security(policy, o.certificate, o.private_key,
                                    server_certificate=o.server_certificate, mode=mode),
                o.timeout_s * 2)
        except ua.UaError as e:
            if "No matching endpoints" in str(e):
                raise SourceError(f"{o.endpoint} offers no endpoint with security "
                                  f"{o.security_policy}/{o.security_mode}") from None
            raise
        # The server's certificate is checked against the trust list in CreateSession,
        # before any user name or password is sent.
        from urllib.parse import urlparse

        from app.paths import data_dir
        from app.sources.opcua_trust import Pki, ServerCertificateCheck

        pki = Pki(o.pki or data_dir() / "pki").ensure()
        client.certificate_validator = ServerCertificateCheck(
            pki, o.endpoint, urlparse(o.endpoint).hostname or "", self.id)

    async def _watch(self, s: _Session) -> None:
        """Return only by raising _LinkLost: socket gone, server silent, or sub expired."""
        from asyncua import ua
        from asyncua.client.ua_client import UaClientState

        o = self.options
        period = o.keepalive_ms / 1000
        probe = s.client.get_node(_SERVER_STATE)
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(s.lost.wait(), period / 4)
            if s.lost.is_set():
                raise _LinkLost(s.lost_detail)
            if s.client.uaclient.state is not UaClientState.CONNECTED:
                raise _LinkLost(f"connection to {o.endpoint} lost")
            t = time.monotonic()
            for g in s.groups.values():
                if t - g.last_publish > g.stale_after_s:
                    raise _LinkLost(f"{o.endpoint} stopped publishing subscription "
                                    f"{g.subscription_id}")
            if t - s.last_alive >= period / 2:
                try:
                    # worst case: silent for period/2 + one tick + this = within 2 periods
                    await asyncio.wait_for(probe.read_value(), period * 0.75)
                except ua.UaStatusCodeError as e:
                    # the server answered; only a lost session or channel is fatal
                    if _code(e.code) in _SESSION_GONE:
                        raise _LinkLost(f"{o.endpoint} closed the session "
                                        f"({ua.StatusCode(e.code).name})") from None
                    log.debug("opcua %s: keep-alive read: %s", self.id, e)
                except (TimeoutError, OSError, ua.UaError) as e:
                    if s.lost.is_set():
                        raise _LinkLost(s.lost_detail) from None
                    if s.last_alive > t:
                        continue  # a slow read, but publish responses still come
                    what = ("no answer" if isinstance(e, TimeoutError)
                            else self._describe(e, bare=True))
                    raise _LinkLost(f"{o.endpoint} is not answering ({what} to the "
                                    f"keep-alive within {period * 0.75:g} s)") from None
                s.last_alive = time.monotonic()

    async def _close(self, client: Any, graceful: bool) -> None:
        """Close the session politely if the link is alive, else just drop the socket.

        Bounded so that a runtime stop returns within about a second even when the
        server does not answer.
        """
        try:
            if graceful:
                await asyncio.wait_for(client.disconnect(), 0.8)
                return
        except Exception as e:
            log.debug("opcua %s: disconnect: %r", self.id, e)
        with contextlib.suppress(Exception):
            client.uaclient.request_disconnect()
            await asyncio.wait_for(client.close_session(), 0.2)
        with contextlib.suppress(Exception):
            client.disconnect_socket()

    # --- subscriptions -------------------------------------------------------------------

    async def _subscribe(self, s: _Session) -> None:
        from asyncua import ua

        o = self.options
        bad: list[Sample] = []
        ns_array: list[str] | None = None
        if any("nsu=" in t.address for t in self.tags):
            ns_array = await s.client.get_node(_NAMESPACE_ARRAY).read_value()
        groups: dict[int, list[int]] = {}
        for handle, tag in enumerate(self.tags):
            try:
                s.nodes[handle] = _node_id(tag.address, ns_array)
            except ValueError as e:
                self._warn_once(tag.path, "nodeid", "opcua %s: tag %s: %s", self.id, tag.path, e)
                bad.append(Sample(tag.path, now(), None, Quality.BAD))
                continue
            interval = max(o.publishing_interval_ms, tag.sampling_ms)
            groups.setdefault(interval, []).append(handle)
        per_call = await self._items_per_call(s)
        for interval, handles in sorted(groups.items()):
            g = _Group(interval, handles)
            keepalive = max(1, o.keepalive_ms // (2 * max(interval, 1)))
            lifetime = max(3 * keepalive, math.ceil(s.client.session_timeout / max(interval, 1)))
            params = ua.CreateSubscriptionParameters(
                RequestedPublishingInterval=float(interval),
                RequestedLifetimeCount=min(lifetime, 2**32 - 1),
                RequestedMaxKeepAliveCount=keepalive,
                MaxNotificationsPerPublish=0,
                PublishingEnabled=True,
                Priority=0,
            )
            result = await s.client.uaclient.create_subscription(
                params, lambda r, g=g: self._on_publish(s, g, r))
            g.subscription_id = result.SubscriptionId
            # Part 4: a keep-alive is due every interval * keepalive count; allow three.
            g.stale_after_s = max(3 * result.RevisedPublishingInterval
                                  * max(result.RevisedMaxKeepAliveCount, 1) / 1000, 2.0)
            g.last_publish = time.monotonic()
            s.groups[g.subscription_id] = g
            for i in range(0, len(handles), per_call):
                bad += await self._create_items(s, g, handles[i:i + per_call], with_filter=True)
        self.deliver(bad)

    async def _items_per_call(self, s: _Session) -> int:
        """The server's MaxMonitoredItemsPerCall (0 or unreadable: our default)."""
        try:
            limit = int(await s.client.get_node(_MAX_ITEMS_PER_CALL).read_value() or 0)
        except Exception as e:
            log.debug("opcua %s: no MaxMonitoredItemsPerCall (%r)", self.id, e)
            limit = 0
        return min(limit, _DEFAULT_ITEMS_PER_CALL) if limit > 0 else _DEFAULT_ITEMS_PER_CALL

    async def _create_items(self, s: _Session, g: _Group, handles: list[int],
                            with_filter: bool) -> list[Sample]:
        """Create monitored items; returns BAD samples of the tags the server refused."""
        from asyncua import ua

        requests = []
        for h in handles:
            tag = self.tags[h]
            mp = ua.MonitoringParameters(ClientHandle=h, SamplingInterval=float(tag.sampling_ms),
                                         QueueSize=1, DiscardOldest=True)
            if with_filter and tag.deadband > 0 and tag.type in (DataType.FLOAT, DataType.INT):
                mp.Filter = ua.DataChangeFilter(Trigger=ua.DataChangeTrigger.StatusValue,
                                                DeadbandType=1,  # absolute
                                                DeadbandValue=float(tag.deadband))
            requests.append(ua.MonitoredItemCreateRequest(
                ItemToMonitor=ua.ReadValueId(NodeId=s.nodes[h], AttributeId=ua.AttributeIds.Value),
                MonitoringMode=ua.MonitoringMode.Reporting,
                RequestedParameters=mp,
            ))
        params = ua.CreateMonitoredItemsParameters(
            SubscriptionId=g.subscription_id, TimestampsToReturn=ua.TimestampsToReturn.Both,
            ItemsToCreate=requests)
        try:
            results = await s.client.uaclient.create_monitored_items(params)
        except ua.UaStatusCodeError as e:
            if _code(e.code) == _BAD_TOO_MANY_OPERATIONS and len(handles) > 1:
                half = len(handles) // 2
                return (await self._create_items(s, g, handles[:half], with_filter)
                        + await self._create_items(s, g, handles[half:], with_filter))
            raise
        bad: list[Sample] = []
        retry: list[int] = []
        for h, req, res in zip(handles, requests, results, strict=True):
            tag = self.tags[h]
            code = _code(res.StatusCode.value)
            if code & 0x80000000 == 0:
                continue
            if code in _FILTER_REJECTED and isinstance(req.RequestedParameters.Filter,
                                                        ua.DataChangeFilter):
                self._warn_once(tag.path, "deadband",
                                "opcua %s: server rejected the deadband filter of %s (%s): "
                                "subscribing without it", self.id, tag.path,
                                res.StatusCode.name)
                retry.append(h)
                continue
            self._warn_once(tag.path, "item", "opcua %s: tag %s: node %s cannot be monitored: "
                            "%s (%s)", self.id, tag.path, tag.address, res.StatusCode.name,
                            res.StatusCode.doc)
            bad.append(Sample(tag.path, now(), None, Quality.BAD))
        if retry:
            bad += await self._create_items(s, g, retry, with_filter=False)
        return bad

    def _on_publish(self, s: _Session, g: _Group, result: Any) -> None:
        """One notification message (or keep-alive) from the publish loop: one batch."""
        from asyncua import ua

        t = time.monotonic()
        s.last_alive = g.last_publish = t
        data = result.NotificationMessage.NotificationData
        if not data:
            return  # keep-alive
        batch: list[Sample] = []
        for notif in data:
            if isinstance(notif, ua.DataChangeNotification):
                for item in notif.MonitoredItems:
                    h = item.ClientHandle
                    if 0 <= h < len(self.tags):
                        batch.append(self._sample(self.tags[h], item.Value))
            elif isinstance(notif, ua.StatusChangeNotification):
                status = notif.Status
                if status.is_bad():
                    s.mark_lost(f"{self.options.endpoint} ended subscription "
                                f"{g.subscription_id} ({status.name})")
        if batch:
            self.deliver(batch)

    # --- values --------------------------------------------------------------------------

    def _sample(self, tag: TagConfig, dv: Any) -> Sample:
        received = now()
        ts = _epoch(dv.SourceTimestamp) or _epoch(dv.ServerTimestamp) or received
        if not EPOCH_2000 <= ts <= received + MAX_SKEW_S:
            # A PLC clock that is off (a flat RTC battery: 1970; a wrong year): the value
            # is kept, at the time it came, never stored at an impossible time; counted.
            self.bad_timestamps[tag.path] += 1
            self._warn_once(tag.path, "timestamp", "opcua %s: tag %s (%s): source time %s "
                            "is impossible (before 2000 or more than %g s ahead); using the "
                            "time received (%d so far)", self.id, tag.path, tag.address,
                            dv.SourceTimestamp, MAX_SKEW_S, self.bad_timestamps[tag.path])
            ts = received
        quality = _quality(dv.StatusCode.value if dv.StatusCode is not None else 0)
        value, error = _convert(dv.Value, tag)
        if error:
            self._warn_once(tag.path, "value", "opcua %s: tag %s (%s): %s", self.id,
                            tag.path, tag.address, error)
            return Sample(tag.path, ts, None, Quality.BAD)
        if quality is Quality.BAD and dv.StatusCode is not None:
            self._warn_once(tag.path, f"status-{dv.StatusCode.value}",
                            "opcua %s: tag %s (%s) is bad: %s", self.id, tag.path,
                            tag.address, dv.StatusCode.name)
        return Sample(tag.path, ts, value, quality)

    # --- writes --------------------------------------------------------------------------

    async def write(self, tag: TagConfig, value: Value) -> Sample:
        """Write with the node's own variant type, then read back. Raises SourceError."""
        from asyncua import ua

        s = self._session
        where = f"{tag.path} ({tag.address})"
        if s is None or not self._connected:
            raise SourceError(f"cannot write {where}: not connected to {self.options.endpoint}"
                              + (f" ({self.status.detail})" if self.status.detail else ""))
        try:
            return await asyncio.wait_for(self._write(s, tag, value, where),
                                          self.options.timeout_s)
        except TimeoutError:
            raise SourceError(f"no answer from the PLC within {self.options.timeout_s:g} s "
                              f"writing {where}") from None
        except ua.UaStatusCodeError as e:
            raise SourceError(f"writing {where} failed: {self._describe(e, bare=True)}") from None
        except (ConnectionError, OSError) as e:
            raise SourceError(f"writing {where} failed: connection lost ({e})") from None

    async def _write(self, s: _Session, tag: TagConfig, value: Value, where: str) -> Sample:
        from asyncua import ua

        try:
            node = _node_id(tag.address, None)
        except ValueError as e:
            raise SourceError(f"cannot write {tag.path}: {e}") from None
        if isinstance(node, ua.ExpandedNodeId):
            node = next((n for h, n in s.nodes.items() if self.tags[h].address == tag.address),
                        None)
            if node is None:
                raise SourceError(f"cannot write {where}: namespace URI not resolved")
        vtype = await self._variant_type(s, node, where)
        variant = ua.Variant(_to_variant_value(value, vtype, where), vtype)
        wv = ua.WriteValue(NodeId=node, AttributeId=ua.AttributeIds.Value,
                           Value=ua.DataValue(variant))  # no timestamps: S7 refuses them
        (status,) = await s.client.uaclient.write(ua.WriteParameters(NodesToWrite=[wv]))
        code = _code(status.value)
        if code & 0x80000000:
            if code in _NOT_WRITABLE:
                msg = f"PLC refused the write to {where}: not writable ({status.name})"
            elif code == _BAD_TYPE_MISMATCH:
                msg = (f"PLC refused the write to {where}: type mismatch (sent {vtype.name} "
                       f"{value!r})")
            elif code == _BAD_OUT_OF_RANGE:
                msg = f"PLC refused the write to {where}: {value!r} is out of range"
            else:
                msg = f"PLC refused the write to {where}: {status.name} ({status.doc})"
            raise SourceError(msg)
        (dv,) = await s.client.uaclient.read(ua.ReadParameters(
            NodesToRead=[ua.ReadValueId(NodeId=node, AttributeId=ua.AttributeIds.Value)],
            TimestampsToReturn=ua.TimestampsToReturn.Both))
        return self._sample(tag, dv)

    async def _variant_type(self, s: _Session, node: Any, where: str) -> Any:
        """The node's variant type, read once per connection: the current value's type,
        else the built-in type its DataType attribute names."""
        from asyncua import ua

        key = node.to_string()
        if key in s.variant_types:
            return s.variant_types[key]
        value_dv, type_dv = await s.client.uaclient.read(ua.ReadParameters(NodesToRead=[
            ua.ReadValueId(NodeId=node, AttributeId=ua.AttributeIds.Value),
            ua.ReadValueId(NodeId=node, AttributeId=ua.AttributeIds.DataType)]))
        vtype = None
        if value_dv.StatusCode.is_good() and value_dv.Value is not None \
                and value_dv.Value.VariantType is not ua.VariantType.Null:
            vtype = value_dv.Value.VariantType
        elif type_dv.StatusCode.is_good() and type_dv.Value is not None:
            dt = type_dv.Value.Value
            if isinstance(dt, ua.NodeId) and dt.NamespaceIndex == 0 \
                    and isinstance(dt.Identifier, int) and 1 <= dt.Identifier <= 25:
                vtype = ua.VariantType(dt.Identifier)
        if vtype is None:
            status = type_dv.StatusCode if type_dv.StatusCode.is_bad() else value_dv.StatusCode
            if status.is_bad() and _code(status.value) in _NOT_WRITABLE | {_BAD_NODE_ID_UNKNOWN,
                                                                             _BAD_NOT_READABLE}:
                raise SourceError(f"cannot write {where}: {status.name} ({status.doc})")
            raise SourceError(f"cannot write {where}: its data type cannot be determined")
        s.variant_types[key] = vtype
        return vtype

    # --- messages --------------------------------------------------------------------------

    def _describe(self, e: BaseException, bare: bool = False) -> str:
        """A message a user can act on; `bare` leaves out 'cannot connect to <endpoint>'."""
        from asyncua import ua

        ep = self.options.endpoint
        pre = "" if bare else f"cannot connect to {ep}: "
        if isinstance(e, SourceError):
            return str(e)
        if isinstance(e, ua.UaStatusCodeError):
            status = ua.StatusCode(e.code)
            code = _code(e.code)
            if code in _AUTH_REJECTED and not bare:
                who = f"user {self.options.username!r}" if self.options.username else "anonymous"
                if self.options.username and self.secret is None:
                    from app.secrets import where_looked

                    return f"{ep} refused {who} ({status.name}): {where_looked(self.id)}"
                return (f"{ep} refused {who}: wrong user name or password, or no access "
                        f"({status.name})")
            if status.name.startswith("BadCertificate") or status.name.startswith("BadSecurity"):
                return (f"{pre}{status.name}: the PLC does not trust this terminal's certificate "
                        "or security settings (trust it on the PLC)")
            return f"{pre}{status.name} ({status.doc})"
        if isinstance(e, ConnectionRefusedError):
            return f"{pre}connection refused"
        if isinstance(e, socket.gaierror):
            return f"{pre}unknown host ({e.strerror})"
        if isinstance(e, TimeoutError):
            return f"{pre}no answer within {self.options.timeout_s:g} s"
        if isinstance(e, OSError):
            return f"{pre}{e.strerror or e}"
        if isinstance(e, ConnectionError | ua.UaError):
            return f"{pre}{e}"
        log.exception("opcua %s: unexpected error", self.id, exc_info=e)
        return f"{pre}{type(e).__name__}: {e}"

    def _warn_once(self, path: str, what: str, msg: str, *args: Any) -> None:
        if (path, what) not in self._warned:
            self._warned.add((path, what))
            log.warning(msg, *args)


# --- helpers ------------------------------------------------------------------------------

def _code(value: int) -> int:
    """A status code without its info bits."""
    return int(value) & 0xFFFF0000


def _quality(status: int) -> Quality:
    """The severity bits (30-31) of a status code: 00 Good, 01 Uncertain, 1x Bad."""
    severity = (int(status) >> 30) & 0b11
    return Quality.GOOD if severity == 0 else Quality.UNCERTAIN if severity == 1 else Quality.BAD


def _epoch(ts: datetime | None) -> float | None:
    if ts is None:
        return None
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    t = ts.timestamp()
    return t if t > 0 else None  # 1601-01-01 (the OPC UA "null" time) means no timestamp


def _node_id(address: str, ns_array: Sequence[str] | None) -> Any:
    """Parse `ns=2;s=...` or `nsu=<uri>;s=...` (resolved with the server's namespaces)."""
    from asyncua import ua

    try:
        node = ua.NodeId.from_string(address.strip())
    except Exception:
        raise ValueError(f"{address!r} is not a valid OPC UA node id (e.g. ns=3;s=Line1.Speed)"
                         ) from None
    if isinstance(node, ua.ExpandedNodeId) and node.NamespaceUri:
        if ns_array is None:
            return node
        if node.NamespaceUri not in ns_array:
            raise ValueError(f"namespace {node.NamespaceUri!r} of {address!r} is not on the server")
        return ua.NodeId(node.Identifier, ns_array.index(node.NamespaceUri), node.NodeIdType)
    return node


def _certificate_uri(cert: Any) -> str | None:
    from cryptography import x509

    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return None
    uris = san.value.get_values_for_type(x509.UniformResourceIdentifier)
    return uris[0] if uris else None


def _shortest_float32(v: float) -> float:
    """A Float as the PLC's tools show it (21.3, not 21.299999237060547)."""
    if not math.isfinite(v):
        return v
    for digits in range(6, 10):
        candidate = float(f"{v:.{digits}g}")
        if struct.unpack("f", struct.pack("f", candidate))[0] == v:
            return candidate
    return v


def _convert(variant: Any, tag: TagConfig) -> tuple[Value, str | None]:
    """A variant as a tag value, or (None, why not)."""
    from asyncua import ua

    if variant is None or variant.Value is None:
        return None, None
    v = variant.Value
    if variant.is_array or isinstance(v, list | tuple):
        return None, "arrays are not supported; address one element or a scalar variable"
    if isinstance(v, ua.LocalizedText):
        v = v.Text or ""
    elif not isinstance(v, bool | int | float | str):
        return None, f"data type {variant.VariantType.name} is not supported"
    if variant.VariantType is ua.VariantType.Float and isinstance(v, float):
        v = _shortest_float32(v)
    return _as_tag_type(v, tag.type), None


def _as_tag_type(v: bool | int | float | str, kind: DataType) -> Value:
    """The one conversion (app.values): a PLC Int16 on a float tag is shown as 21.0.
    A value it cannot convert (2.5 on an int tag) is shown as it came, not guessed."""
    try:
        return to_tag_type(v, kind)
    except BadValue:
        return v


def _to_variant_value(value: Value, vtype: Any, where: str) -> Any:
    """Convert a value to what the node's variant type carries, or raise SourceError."""
    from asyncua import ua

    name = vtype.name
    if value is None:
        raise SourceError(f"cannot write an empty value to {where}")
    if name == "Boolean":
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        raise SourceError(f"{value!r} is not a boolean for {where} (Boolean)")
    if name in _INT_RANGES:
        if isinstance(value, bool):
            value = int(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int):
            raise SourceError(f"{value!r} is not a whole number for {where} ({name})")
        lo, hi = _INT_RANGES[name]
        if not lo <= value <= hi:
            raise SourceError(f"{value} is outside the range of {where} ({name}: {lo}..{hi})")
        return value
    if name in ("Float", "Double"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SourceError(f"{value!r} is not a number for {where} ({name})")
        value = float(value)
        if name == "Float" and math.isfinite(value) and abs(value) > _FLOAT32_MAX:
            raise SourceError(f"{value} is outside the range of {where} (Float)")
        return value
    if name == "String":
        return str(value)
    if name == "LocalizedText":
        return ua.LocalizedText(str(value))
    raise SourceError(f"cannot write {where}: its data type {name} is not supported")
