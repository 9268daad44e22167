"""MQTT source (paho-mqtt 2.x): tag topics in, the terminal's outbox out.

One paho client per connection attempt, its socket driven by the runtime's asyncio loop
(add_reader / add_writer), so every callback, delivery and outbox step runs on the loop
thread; only the blocking TCP/TLS connect runs in a short-lived thread.

Ingest: each tag's address is a topic (QoS 1); payloads are parsed by
`app.sources.payload`; all samples read in one socket wake-up go out in one `deliver`.
Bad payloads (any error while reading one, within size, depth and time limits checked
before parsing) are counted per topic in `malformed` and logged once a minute per topic;
the stream goes on. Raw handlers (shared state) are dispatched in one place, `_flush`:
what a handler raises is counted in `handler_errors`, and what it logs while it runs is
rate-limited per subscription the same way (`HandlerLogLimit`), so every topic handler,
including new domains', is flood-proof without code of its own.

The terminal's broker (`attach_outbox`) also carries:
- presence: a retained `{topic_root}/terminals/{terminal_id}/status` message, online on
  each connect, offline on a clean stop, and the same offline message as last will;
- store-and-forward: outbox messages are sent in seq order with a bounded in-flight
  window, acked in the store on PUBACK, and resent from the oldest un-acked one after
  every reconnect or restart (receivers drop repeats by the payload's "msg_id");
- raw subscriptions (`add_subscription`) for shared state, restored on every reconnect.
Every session starts clean (clean start / clean session): resending is the outbox's
job, not the broker's session, so it works the same against any broker.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import dataclasses
import itertools
import json
import logging
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from app.config import Table
from app.model import LinkState, Quality, Sample, now
from app.sources import payload
from app.sources.base import SampleSink, Source, StatusSink
from app.sources.registry import register

if TYPE_CHECKING:
    from app.config import SiteInfo, SourceConfig, TagConfig

log = logging.getLogger(__name__)

Handler = Callable[[str, bytes], None]

WINDOW = 100  # outbox messages in flight at most (less if the broker's Receive Maximum is)
SUBSCRIBE_CHUNK = 100  # filters per SUBSCRIBE packet (some brokers cap it)
READ_BUDGET_S = 0.02  # reading per socket wake-up at most, so a flood cannot starve the loop
CONNACK_TIMEOUT_S = 10.0
CONNECT_TIMEOUT_S = 5.0
STOP_FLUSH_S = 0.5  # how long a stop waits for the broker to confirm "offline"
MALFORMED_LOG_EVERY_S = 60.0
STABLE_S = 1.0  # a connection that lasted this long resets the reconnect backoff


# CONNACK codes for "this broker does not speak the requested protocol version":
# 0x84 (MQTT 5 reason code) and 1 (MQTT 3.1.1 return code, sent by 3.1.1-only brokers).
UNSUPPORTED_VERSION = frozenset({0x84, 1})


@dataclass(frozen=True)
class MqttOptions:
    host: str
    port: int = 1883
    protocol: str = "5"  # "3.1.1" or "5"
    tls: bool = False
    ca_file: str | None = None
    certfile: str | None = None
    keyfile: str | None = None
    tls_insecure: bool = False
    username: str | None = None
    client_id: str | None = None
    keepalive_s: int = 30
    reconnect_max_s: float = 2.0  # a broker on the plant network: back within seconds
    max_payload: int = 256 * 1024
    max_clock_skew_s: float = payload.MAX_SKEW_S  # a sample's time may be this far ahead
    connack_timeout_s: float = CONNACK_TIMEOUT_S  # silence after CONNECT = no broker there


class HandlerLogLimit(logging.Filter):
    """Warnings and errors a topic handler logs while the source dispatches a message to
    it: each kind (subscription, logging call) at most once a minute, the next one
    saying how many were held back. Installed on the handler's module logger and on
    this module's; records logged outside a dispatch pass untouched."""

    def __init__(self, every_s: float = 60.0) -> None:
        super().__init__("mqtt-handler-log-limit")
        self.every_s = every_s
        self.current = threading.local()  # .filter: (source no., subscription) dispatched
        self._last: dict[tuple[int, str, str, str], float] = {}
        self._held: collections.Counter[tuple[int, str, str, str]] = collections.Counter()
        # Warnings and errors per "source:filter", logged or held back: what went wrong.
        self.problems: collections.Counter[str] = collections.Counter()

    def install(self, logger_name: str) -> None:
        logger = logging.getLogger(logger_name)
        if self not in logger.filters:
            logger.addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        current = getattr(self.current, "filter", None)
        if current is None or record.levelno < logging.WARNING:
            return True
        source_no, sub = current  # each source instance counts on its own
        # By call site, not text: a handler that logs f-strings is limited all the same.
        key = (source_no, sub, record.name, f"{record.pathname}:{record.lineno}")
        self.problems[sub] += 1
        t = time.monotonic()
        last = self._last.get(key)
        if last is not None and t - last < self.every_s:
            self._held[key] += 1
            return False
        if len(self._last) > 10_000:  # a bound, not a cache policy: forget and go on
            self._last.clear()
        self._last[key] = t
        held = self._held.pop(key, 0)
        if held:
            note = f" ({held} more like this on {sub} in the last {self.every_s:g} s not logged)"
            # getMessage() %-formats only when there are args.
            record.msg = str(record.msg) + (note.replace("%", "%%") if record.args else note)
        return True


HANDLER_LOG_LIMIT = HandlerLogLimit(MALFORMED_LOG_EVERY_S)
_INSTANCES = itertools.count(1)
HANDLER_LOG_LIMIT.install(__name__)


@dataclass(frozen=True)
class _End:
    """How a connection attempt or session ended."""

    detail: str
    refused: bool = False  # the broker said no: a setting to fix, not a network fault
    no_connack: bool = False  # TCP worked but no CONNACK came: maybe a 3.1.1-only broker


@register("mqtt")
class MqttSource(Source):
    @classmethod
    def parse_options(cls, t: Table) -> MqttOptions:
        tls = t.bool("tls", False)
        return MqttOptions(
            host=t.str("host", required=True),
            port=t.int("port", 8883 if tls else 1883, min=1, max=65535),
            protocol=t.str("protocol", "5", choices=("3.1.1", "5")),
            tls=tls,
            ca_file=t.str("ca_file"),
            certfile=t.str("certfile"),
            keyfile=t.str("keyfile"),
            tls_insecure=t.bool("tls_insecure", False),
            username=t.str("username"),
            client_id=t.str("client_id"),
            keepalive_s=t.int("keepalive_s", 30, min=1, max=65535),
            reconnect_max_s=t.float("reconnect_max_s", cls.DEFAULT_RECONNECT_MAX_S, min=0.1,
                                    max=3600),
            max_payload=t.int("max_payload", 256 * 1024, min=16, max=256 * 1024 * 1024),
            max_clock_skew_s=t.float("max_clock_skew_s", payload.MAX_SKEW_S, min=0.0,
                                     max=366 * 86400.0),
            connack_timeout_s=t.float("connack_timeout_s", CONNACK_TIMEOUT_S, min=0.2,
                                      max=300.0),
        )

    def __init__(self, config: SourceConfig, tags: Sequence[TagConfig], sink: SampleSink,
                 on_status: StatusSink, secret: str | None = None) -> None:
        super().__init__(config, tags, sink, on_status, secret)
        self.options: MqttOptions = config.options
        # The protocol spoken now: "5" falls back to "3.1.1" for a broker that refuses
        # MQTT 5 as an unsupported version (MQTT 5 spec 3.1.2.2; older brokers).
        self.protocol = self.options.protocol
        self.malformed: collections.Counter[str] = collections.Counter()
        self._malformed_logged: dict[str, float] = {}
        self.handler_errors: collections.Counter[str] = collections.Counter()
        self._instance = next(_INSTANCES)  # keeps its log limits apart from other sources
        self._exact: dict[str, list[TagConfig]] = {}
        self._wild: list[tuple[str, TagConfig]] = []
        for tag in self.tags:
            if "+" in tag.address or "#" in tag.address:
                self._wild.append((tag.address, tag))
            else:
                self._exact.setdefault(tag.address, []).append(tag)
        self._handlers: list[tuple[str, Handler]] = []
        self._outbox: Any = None
        self._site: SiteInfo | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: paho.Client | None = None
        self._online = False  # CONNACK accepted and not lost since
        self._connack: asyncio.Future[None] | None = None
        self._ended: asyncio.Future[_End] | None = None
        self._refusal: str | None = None
        self._up_since = 0.0
        self._rx: list[Sample] = []
        self._packets_in = 0  # messages and acks read: tells _readable the socket ran dry
        self._rx_raw: list[tuple[str, Handler, str, bytes]] = []
        self._sub_mids: dict[int, list[str]] = {}
        self._subscribed: set[str] = set()
        self._window = WINDOW
        self._inflight: dict[int, Any] = {}  # paho mid -> OutboxMessage
        self._sent_seq = 0  # highest outbox seq handed to paho on this connection
        self._acking: set[str] = set()  # acked by the broker, delete not yet committed
        self._pump_scheduled = False
        self._status_mid: int | None = None
        self._status_acked: asyncio.Future[None] | None = None

    # --- what the runtime calls ----------------------------------------------------------

    @property
    def address(self) -> str:
        return f"{self.options.host}:{self.options.port}"

    def attach_outbox(self, outbox: Any, site: SiteInfo | None = None) -> None:
        """Make this the terminal's broker: presence, last will and store-and-forward."""
        self._outbox = outbox
        self._site = site

    @property
    def status_topic(self) -> str | None:
        if self._site is None:
            return None
        return f"{self._site.topic_root}/terminals/{self._site.terminal_id}/status"

    def client_id(self) -> str:
        if self.options.client_id:
            return self.options.client_id
        # Client ids must be unique per broker: two terminals sharing one would keep
        # disconnecting each other. The terminal id tells terminals apart (two may run
        # on one host); the host name stays in for ids of sources without one.
        terminal = self._site.terminal_id if self._site is not None else self.terminal_id
        if terminal:
            return f"lineside-{terminal}-{self.id}"
        return f"lineside-{socket.gethostname()}-{self.id}"

    def kick(self) -> None:
        """Send what the outbox holds (loop thread); a no-op while disconnected."""
        if self._outbox is None or not self._online or self._pump_scheduled:
            return
        self._pump_scheduled = True
        assert self._loop is not None
        self._loop.call_soon(self._pump)

    def add_subscription(self, topic_filter: str, handler: Handler) -> None:
        """Call `handler(topic, payload)` on the loop thread for each matching message."""
        if not topic_filter or "\0" in topic_filter:
            raise ValueError(f"invalid MQTT topic filter {topic_filter!r}")
        self._handlers.append((topic_filter, handler))
        HANDLER_LOG_LIMIT.install(getattr(handler, "__module__", None) or __name__)
        owner = getattr(handler, "__self__", None)  # a subclass logs under its own module
        if owner is not None:
            HANDLER_LOG_LIMIT.install(type(owner).__module__)
        if self._online and self._client is not None:
            self._subscribe(self._client, [topic_filter])

    def remove_subscription(self, topic_filter: str, handler: Handler) -> None:
        """Stop calling `handler` for `topic_filter` (loop thread). The broker
        subscription stays until reconnect: another handler may share the filter."""
        if (topic_filter, handler) in self._handlers:
            self._handlers.remove((topic_filter, handler))

    async def run(self) -> None:
        self._loop = asyncio.get_running_loop()
        delay = 0.5
        silent = 0  # consecutive MQTT 5 attempts that got no CONNACK at all
        closed = False
        try:
            while True:
                end, up_for = await self._session()
                if up_for >= STABLE_S:
                    delay = 0.5
                silent = silent + 1 if end.no_connack and self.protocol == "5" else 0
                if silent >= 2 and self.options.protocol == "5":
                    # A 3.1.1-only server may just close on an MQTT 5 CONNECT (MQTT 5
                    # spec 3.1.2.2) instead of answering 0x84; speak 3.1.1 from now on.
                    log.warning("MQTT source %s: broker %s gave no CONNACK to MQTT 5 twice; "
                                "trying MQTT 3.1.1", self.id, self.address)
                    self.protocol, silent = "3.1.1", 0
                state = LinkState.OFFLINE if end.refused else LinkState.RECONNECTING
                if (state, end.detail) != (self.status.state, self.status.detail):
                    log.warning("MQTT source %s: %s; retrying in %.1f s", self.id, end.detail,
                                delay)
                self.set_state(state, end.detail)
                if await self.backoff_sleep(min(delay, self.options.reconnect_max_s)):
                    log.info("MQTT source %s: reconnecting now (asked at the terminal)",
                             self.id)
                    delay = 0.5
                else:
                    delay = min(delay * 2, self.options.reconnect_max_s)
        except GeneratorExit:
            # Closed (by the garbage collector, after its loop stopped without cancelling
            # it): nothing can be awaited any more; drop the socket and say so.
            closed = True
            if self._client is not None:
                self._abort(self._client)
                self._client = None
            raise
        finally:
            if not closed:
                await self._close()
            self.set_state(LinkState.OFFLINE, "stopped")

    # --- one connection ------------------------------------------------------------------

    async def _session(self) -> tuple[_End, float]:
        """Connect, run until the link ends; returns how it ended and how long it was up."""
        loop = self._loop
        assert loop is not None
        try:
            client = self._new_client()
        except (OSError, ssl.SSLError, ValueError) as e:
            return _End(f"cannot set up the client for broker {self.address}: {e}", True), 0.0
        self._client = client
        self._refusal = None
        self._up_since = 0.0
        self._connack = loop.create_future()
        self._ended = loop.create_future()
        try:
            await self._connect_in_thread(client)
        except (OSError, ssl.SSLError, ssl.CertificateError, ValueError) as e:
            self._client = None
            return _End(self._connect_error(e), isinstance(e, ssl.SSLError | ValueError)), 0.0
        misc = loop.create_task(self._housekeeping(client))
        try:
            sock = client.socket()
            if sock is not None:
                loop.add_reader(sock, self._readable, client)
                if client.want_write():
                    loop.add_writer(sock, self._writable, client)
            wait_s = self.options.connack_timeout_s
            try:
                await asyncio.wait_for(asyncio.shield(self._connack), wait_s)
            except TimeoutError:
                self._abort(client)
                self._end(client, _End(f"broker {self.address} did not answer CONNECT within "
                                       f"{wait_s:g} s (not an MQTT port?)"))
            end = await self._ended
        except asyncio.CancelledError:
            misc.cancel()
            raise  # run() calls _close(): offline status, DISCONNECT
        misc.cancel()
        up_for = (time.monotonic() - self._up_since) if self._up_since else 0.0
        self._went_offline()
        self._client = None
        return end, up_for

    def _new_client(self) -> paho.Client:
        o = self.options
        v5 = self.protocol == "5"
        kwargs: dict[str, Any] = {} if v5 else {"clean_session": True}
        client = paho.Client(CallbackAPIVersion.VERSION2, client_id=self.client_id(),
                             protocol=paho.MQTTv5 if v5 else paho.MQTTv311, **kwargs)
        client.connect_timeout = CONNECT_TIMEOUT_S
        client.max_inflight_messages_set(WINDOW)
        if o.username or self.secret:
            client.username_pw_set(o.username or "", self.secret)
        if o.tls:
            for key in ("ca_file", "certfile", "keyfile"):
                path = getattr(o, key)
                if path and not Path(path).is_file():
                    raise ValueError(f"{key} {path} does not exist")
            client.tls_set(ca_certs=o.ca_file, certfile=o.certfile, keyfile=o.keyfile)
            client.tls_insecure_set(o.tls_insecure)
        if self.status_topic is not None:
            client.will_set(self.status_topic, self._presence(False), qos=1, retain=True)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        client.on_publish = self._on_publish
        client.on_subscribe = self._on_subscribe
        client.on_socket_register_write = self._on_register_write
        client.on_socket_unregister_write = self._on_unregister_write
        client.on_socket_close = self._on_socket_close
        return client

    async def _connect_in_thread(self, client: paho.Client) -> None:
        """paho's connect blocks on DNS, TCP and TLS: keep that off the loop thread."""
        loop = self._loop
        assert loop is not None
        fut: asyncio.Future[None] = loop.create_future()
        o = self.options

        def settle(exc: BaseException | None) -> None:
            if fut.cancelled():  # stopped meanwhile: nobody will use this socket
                sock = client.socket()
                if sock is not None:
                    sock.close()
            elif exc is not None:
                fut.set_exception(exc)
            else:
                fut.set_result(None)

        def work() -> None:
            exc: BaseException | None = None
            try:
                if self.protocol == "5":
                    client.connect(o.host, o.port, o.keepalive_s, clean_start=True)
                else:
                    client.connect(o.host, o.port, o.keepalive_s)
            except BaseException as e:
                exc = e
            try:
                loop.call_soon_threadsafe(settle, exc)
            except RuntimeError:  # the loop is gone (process stopping)
                sock = client.socket()
                if sock is not None:
                    sock.close()

        threading.Thread(target=work, name=f"mqtt-connect-{self.id}", daemon=True).start()
        await fut

    def _connect_error(self, e: BaseException) -> str:
        if isinstance(e, ssl.SSLError | ssl.CertificateError):
            return f"TLS with broker {self.address} failed: {e}"
        if isinstance(e, TimeoutError | socket.timeout):
            return f"broker {self.address} unreachable: no answer within {CONNECT_TIMEOUT_S} s"
        if isinstance(e, OSError):
            return f"broker {self.address} unreachable: {e.strerror or e}"
        return f"cannot connect to broker {self.address}: {e}"

    async def _housekeeping(self, client: paho.Client) -> None:
        """Keepalive pings and the keepalive timeout (paho's loop_misc)."""
        while True:
            await asyncio.sleep(1.0)
            if client.loop_misc() != MQTTErrorCode.MQTT_ERR_SUCCESS:
                return

    def _went_offline(self) -> None:
        self._online = False
        self._inflight.clear()
        self._sub_mids.clear()
        self._subscribed.clear()
        self._sent_seq = 0

    def _abort(self, client: paho.Client) -> None:
        sock = client.socket()
        if sock is not None and self._loop is not None:
            self._loop.remove_reader(sock)
            self._loop.remove_writer(sock)
            sock.close()

    async def _close(self) -> None:
        """Stop: say offline (if we are the terminal's broker), then DISCONNECT."""
        client = self._client
        if client is None:
            return
        try:
            if self._online and self.status_topic is not None and self._loop is not None:
                self._status_acked = self._loop.create_future()
                info = client.publish(self.status_topic, self._presence(False), qos=1,
                                      retain=True)
                self._status_mid = info.mid
                try:
                    await asyncio.wait_for(self._status_acked, STOP_FLUSH_S)
                except TimeoutError:
                    log.warning("MQTT source %s: broker did not confirm the offline status "
                                "within %.1f s", self.id, STOP_FLUSH_S)
            self._went_offline()
            client.disconnect()
            client.loop_write()  # send DISCONNECT now; paho closes the socket after it
        except Exception:
            log.exception("MQTT source %s: error while disconnecting", self.id)
        finally:
            self._abort(client)
            self._client = None
            self._status_mid = self._status_acked = None

    # --- socket events (loop thread) -----------------------------------------------------

    def _readable(self, client: paho.Client) -> None:
        try:
            deadline = time.monotonic() + READ_BUDGET_S
            while time.monotonic() < deadline:
                before = self._packets_in
                rc = client.loop_read()
                sock = client.socket()
                if rc != MQTTErrorCode.MQTT_ERR_SUCCESS or sock is None:
                    break
                # TLS may hold whole packets in its buffer, which the selector cannot see.
                if isinstance(sock, ssl.SSLSocket) and sock.pending():
                    continue
                # No message or ack came out: the socket ran dry (or a ping was read, and
                # the level-triggered reader calls again if more is waiting).
                if self._packets_in == before:
                    break
        except Exception:
            log.exception("MQTT source %s: error reading from the broker", self.id)
            self._abort(client)
            self._end(client, _End(f"connection to broker {self.address} failed"))
        self._flush()

    def _writable(self, client: paho.Client) -> None:
        try:
            client.loop_write()
        except Exception:
            log.exception("MQTT source %s: error writing to the broker", self.id)
            self._abort(client)
            self._end(client, _End(f"connection to broker {self.address} failed"))

    def _on_register_write(self, client: paho.Client, userdata: Any, sock: Any) -> None:
        # During connect this runs in the connect thread; _session checks want_write().
        if self._loop is not None and _on_loop_thread(self._loop):
            self._loop.add_writer(sock, self._writable, client)

    def _on_unregister_write(self, client: paho.Client, userdata: Any, sock: Any) -> None:
        if self._loop is not None and _on_loop_thread(self._loop):
            self._loop.remove_writer(sock)

    def _on_socket_close(self, client: paho.Client, userdata: Any, sock: Any) -> None:
        if self._loop is not None and _on_loop_thread(self._loop):
            # paho may call this from its destructor after the socket closed (fd -1):
            # then the selector holds nothing of it any more.
            with contextlib.suppress(ValueError, KeyError):
                self._loop.remove_reader(sock)
                self._loop.remove_writer(sock)

    # --- protocol events (loop thread, inside paho) --------------------------------------

    def _on_connect(self, client: paho.Client, userdata: Any, flags: Any, reason: Any,
                    properties: Any) -> None:
        if client is not self._client:
            return
        if reason.is_failure and self.protocol == "5" and reason.value in UNSUPPORTED_VERSION:
            # Not a setting to fix: the broker only speaks 3.1.1. Retry at once in 3.1.1.
            log.warning("MQTT source %s: broker %s does not support MQTT 5; using 3.1.1",
                        self.id, self.address)
            self.protocol = "3.1.1"
        elif reason.is_failure:
            self._refusal = f"broker {self.address} refused: {str(reason).lower()}"
            # 0x86 bad user name or password, 0x87 not authorized (MQTT 5 reason codes;
            # paho maps the 3.1.1 return codes 4 and 5 onto them)
            if reason.value in (0x86, 0x87) and self.secret is None and self.options.username:
                from app.secrets import where_looked

                self._refusal += f" — {where_looked(self.id)}"
        else:
            receive_max = getattr(properties, "ReceiveMaximum", None)
            self._window = min(WINDOW, receive_max) if receive_max else WINDOW
            self._online = True
            self._up_since = time.monotonic()
            assert self._loop is not None
            self._loop.call_soon(self._connected, client)
        if self._connack is not None and not self._connack.done():
            self._connack.set_result(None)

    def _connected(self, client: paho.Client) -> None:
        if client is not self._client or not self._online:
            return
        log.info("MQTT source %s: connected to %s as %s (MQTT %s)", self.id, self.address,
                 self.client_id(), self.protocol)
        self.set_state(LinkState.CONNECTED, f"broker {self.address}")
        filters = list(dict.fromkeys([t.address for t in self.tags]
                                     + [f for f, _ in self._handlers]))
        if filters:
            self._subscribe(client, filters)
        if self.status_topic is not None:
            client.publish(self.status_topic, self._presence(True), qos=1, retain=True)
        self.kick()  # _sent_seq is 0: resend from the oldest message the store holds

    def _on_disconnect(self, client: paho.Client, userdata: Any, flags: Any, reason: Any,
                       properties: Any) -> None:
        if self._refusal is not None:
            end = _End(self._refusal, refused=True)
        elif flags.is_disconnect_packet_from_server:
            end = _End(f"broker {self.address} closed the connection: {reason}")
        elif self._online:
            end = _End(f"connection to broker {self.address} lost")
        else:
            end = _End(f"broker {self.address} closed the connection before CONNACK")
        self._end(client, end)

    def _end(self, client: paho.Client, end: _End) -> None:
        if client is not self._client:
            return
        if not self._online and not end.refused:  # the socket worked, no CONNACK came
            end = dataclasses.replace(end, no_connack=True)
        self._online = False
        if self._connack is not None and not self._connack.done():
            self._connack.set_result(None)
        if self._ended is not None and not self._ended.done():
            self._ended.set_result(end)

    def _on_message(self, client: paho.Client, userdata: Any, msg: paho.MQTTMessage) -> None:
        self._packets_in += 1
        topic = msg.topic
        data = bytes(msg.payload)  # paho types it bytes | bytearray; bytes(b) is b itself
        tags = self._exact.get(topic)
        if self._wild:
            extra = [t for f, t in self._wild if paho.topic_matches_sub(f, topic)]
            tags = [*(tags or ()), *extra] if extra else tags
        if tags:
            received = now()
            for tag in tags:
                try:
                    value, ts, quality = payload.parse(
                        data, tag.type, received=received, max_size=self.options.max_payload,
                        max_skew_s=self.options.max_clock_skew_s)
                except Exception as e:  # parse raises MalformedPayload; anything else too
                    self._malformed(topic, str(e) or type(e).__name__)
                    break
                self._rx.append(Sample(tag.path, ts, value, quality))
        for topic_filter, handler in self._handlers:
            if topic_filter == topic or paho.topic_matches_sub(topic_filter, topic):
                self._rx_raw.append((topic_filter, handler, topic, data))

    def _flush(self) -> None:
        """Hand over what one wake-up read: one batch of samples, then raw handlers."""
        if self._rx:
            batch, self._rx = self._rx, []
            self.deliver(batch)
        if self._rx_raw:
            raw, self._rx_raw = self._rx_raw, []
            limit = HANDLER_LOG_LIMIT.current
            for topic_filter, handler, topic, data in raw:
                limit.filter = (self._instance, f"{self.id}:{topic_filter}")
                try:
                    handler(topic, data)
                except Exception:
                    self.handler_errors[topic_filter] += 1
                    log.exception("MQTT source %s: handler %s failed on %s (%d so far on %s)",
                                  self.id, getattr(handler, "__qualname__", handler), topic,
                                  self.handler_errors[topic_filter], topic_filter)
                finally:
                    limit.filter = None

    def _malformed(self, topic: str, reason: str) -> None:
        self.malformed[topic] += 1
        t = time.monotonic()
        last = self._malformed_logged.get(topic)
        if last is None or t - last >= MALFORMED_LOG_EVERY_S:
            self._malformed_logged[topic] = t
            log.warning("MQTT source %s: malformed payload on topic %s: %s (%d so far)",
                        self.id, topic, reason, self.malformed[topic])

    def _subscribe(self, client: paho.Client, filters: list[str]) -> None:
        todo = [f for f in filters if f not in self._subscribed]
        for i in range(0, len(todo), SUBSCRIBE_CHUNK):
            chunk = todo[i:i + SUBSCRIBE_CHUNK]
            try:
                rc, mid = client.subscribe([(f, 1) for f in chunk])
            except ValueError as e:
                log.error("MQTT source %s: cannot subscribe to %s: %s", self.id, chunk, e)
                continue
            if rc == MQTTErrorCode.MQTT_ERR_SUCCESS and mid is not None:
                self._sub_mids[mid] = chunk
                self._subscribed.update(chunk)

    def _on_subscribe(self, client: paho.Client, userdata: Any, mid: int, reasons: list[Any],
                      properties: Any) -> None:
        chunk = self._sub_mids.pop(mid, [])
        bad: list[Sample] = []
        for topic_filter, reason in zip(chunk, reasons, strict=False):
            if not reason.is_failure:
                continue
            log.error("MQTT source %s: broker %s refused the subscription to %s: %s",
                      self.id, self.address, topic_filter, reason)
            self._subscribed.discard(topic_filter)
            bad += [Sample(t.path, now(), None, Quality.BAD) for t in self.tags
                    if t.address == topic_filter]
        self._rx.extend(bad)

    # --- store-and-forward ---------------------------------------------------------------

    def _pump(self) -> None:
        self._pump_scheduled = False
        client = self._client
        if self._outbox is None or not self._online or client is None:
            return
        v5 = self.protocol == "5"
        while (room := self._window - len(self._inflight)) > 0:
            try:
                batch = self._outbox.pending(limit=room, after_seq=self._sent_seq)
            except Exception:
                log.exception("MQTT source %s: cannot read the outbox; retrying on the next "
                              "message", self.id)
                return
            for m in batch:
                self._sent_seq = m.seq
                if m.msg_id in self._acking:
                    continue
                props = None
                if v5:
                    props = Properties(PacketTypes.PUBLISH)
                    props.UserProperty = ("msg_id", m.msg_id)
                    props.PayloadFormatIndicator = 1
                    props.ContentType = "application/json"
                try:
                    info = client.publish(m.topic, m.payload, qos=m.qos, retain=m.retain,
                                          properties=props)
                except ValueError as e:  # e.g. larger than MQTT allows: can never be sent
                    log.error("MQTT source %s: cannot send message %s on %s: %s", self.id,
                              m.msg_id, m.topic, e)
                    continue
                if info.rc == MQTTErrorCode.MQTT_ERR_NO_CONN:
                    return  # the link just went; the reconnect resends from the oldest
                if info.rc != MQTTErrorCode.MQTT_ERR_SUCCESS:
                    # Kept in the store and tried again after the next reconnect.
                    log.error("MQTT source %s: cannot send message %s on %s: %s", self.id,
                              m.msg_id, m.topic, paho.error_string(info.rc))
                    continue
                self._inflight[info.mid] = m
            if len(batch) < room:
                return

    def _on_publish(self, client: paho.Client, userdata: Any, mid: int, reason: Any,
                    properties: Any) -> None:
        self._packets_in += 1
        if client is not self._client:
            return
        if mid == self._status_mid and self._status_acked is not None:
            if not self._status_acked.done():
                self._status_acked.set_result(None)
            return
        m = self._inflight.pop(mid, None)
        if m is None:
            return
        if reason.is_failure:
            # Kept in the store: resent after the next reconnect (the broker may have a
            # passing reason, e.g. quota); the error says what the broker did not accept.
            log.error("MQTT source %s: broker %s rejected message %s on %s: %s", self.id,
                      self.address, m.msg_id, m.topic, reason)
        else:
            self._ack(m)
        self.kick()

    def _ack(self, m: Any) -> None:
        loop = self._loop
        assert loop is not None
        self._acking.add(m.msg_id)

        def done(f: Any) -> None:
            self._acking.discard(m.msg_id)
            if f.exception() is not None:
                log.error("MQTT source %s: could not mark %s as sent (%s); it will be sent "
                          "again", self.id, m.msg_id, f.exception())

        try:
            fut = self._outbox.ack(m.msg_id)
        except Exception:
            log.exception("MQTT source %s: could not mark %s as sent", self.id, m.msg_id)
            self._acking.discard(m.msg_id)
            return

        def on_done(f: Any) -> None:
            # A closed loop (stopping) is fine: the store keeps it and it is resent later.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(done, f)

        fut.add_done_callback(on_done)

    def _presence(self, online: bool) -> bytes:
        site = self._site
        assert site is not None
        return json.dumps({"online": online, "terminal": site.terminal_id, "line": site.line,
                           "ts": now()},
                          separators=(",", ":")).encode()


def _on_loop_thread(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False
