"""The simulated PLC: an asyncua Server serving the signal table, applying client writes.

Nodes are "ns=2;s=<Group>.<Signal>" under one object per group (Press, Robot1, ...), in
namespace urn:lineside:simulator. Writable nodes carry the CurrentWrite access level;
a client write is handed to the model and the node is then refreshed with the model's
read-back at once, so a rejected or latched write shows the PLC's value, not the request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from asyncua import Server, ua
from asyncua.common.callback import CallbackType, ServerItemCallback
from asyncua.server.binary_server_asyncio import BinaryServer

from app.simulator.signals import NAMESPACE_URI, SIGNALS, Signal, endpoint_url

log = logging.getLogger(__name__)

Value = float | int | bool | str
VARIANT = {"Double": ua.VariantType.Double, "Int32": ua.VariantType.Int32,
           "Boolean": ua.VariantType.Boolean, "String": ua.VariantType.String}
INITIAL = {"Double": 0.0, "Int32": 0, "Boolean": False, "String": ""}


def _use_spec_deadband() -> None:
    """Make asyncua's server apply an absolute deadband as OPC UA Part 4 (7.22.2) says:
    against the last value *reported* to the client, not the previous sample.

    With the library's rule (asyncua 2.1) a value that drifts by less than the deadband
    per sample is never reported: the terminal showed the demo's press oil and hall
    temperatures frozen, as GOOD, for minutes. Idempotent; affects servers only.
    """
    from asyncua.server.monitored_item_service import MonitoredItemService

    original = MonitoredItemService._is_deadband_exceeded
    if getattr(original, "lineside_spec", False):
        return

    def exceeded(self: Any, values: Any, flt: ua.DataChangeFilter) -> bool:
        cur, last = values.get_current_datavalue(), getattr(values, "lineside_reported", None)
        if (flt.DeadbandType != ua.DeadbandType.Absolute or last is None or cur is None
                or cur.Value is None or last.Value is None):
            passed = original(self, values, flt)
        else:
            try:
                passed = abs(cur.Value.Value - last.Value.Value) > flt.DeadbandValue
            except TypeError:  # not a number: any change is reported
                passed = True
        if passed:  # the caller reports it now (the data-change check ran first)
            values.lineside_reported = cur
        return passed

    exceeded.lineside_spec = True  # type: ignore[attr-defined]
    MonitoredItemService._is_deadband_exceeded = exceeded  # type: ignore[method-assign]


class PlcServer:
    """One run of the OPC UA server; build a new one to come back after `stop()`."""

    def __init__(self, port: int, values: Callable[[], dict[str, Value]],
                 on_write: Callable[[str, Value], None], host: str = "127.0.0.1") -> None:
        self.port = port
        self.endpoint = endpoint_url(port, host)
        self._values = values
        self._on_write = on_write
        self._server: Server | None = None
        self._nodes: dict[str, tuple[ua.NodeId, ua.VariantType]] = {}
        self._writable: dict[str, str] = {}  # node id string -> signal name
        self._last: dict[str, Value] = {}

    async def start(self) -> None:
        """Build the address space and listen. Raises OSError if the port is taken."""
        _use_spec_deadband()
        server = Server()
        await server.init()
        server.set_endpoint(self.endpoint)
        server.set_server_name("LineSide plant simulator")
        server.set_security_policy([ua.SecurityPolicyType.NoSecurity])
        idx = await server.register_namespace(NAMESPACE_URI)
        groups: dict[str, Any] = {}
        for sig in SIGNALS:
            group, short = sig.name.split(".", 1)
            if group not in groups:
                groups[group] = await server.nodes.objects.add_object(
                    ua.NodeId(group, idx), ua.QualifiedName(group, idx))
            await self._add_variable(groups[group], idx, sig, short)
        server.subscribe_server_callback(CallbackType.PostWrite, self._post_write)
        try:
            await server.start()
        except OSError as e:
            await server.iserver.stop()
            raise OSError(e.errno, f"cannot serve OPC UA on port {self.port}: {e.strerror}"
                          " (is another simulator or PLC using it?)") from e
        self._server = server
        await self.publish(force=True)
        log.info("OPC UA simulator serving %s", self.endpoint)

    async def _add_variable(self, parent: Any, idx: int, sig: Signal, short: str) -> None:
        vt = VARIANT[sig.vtype]
        node_id = ua.NodeId(sig.name, idx)
        var = await parent.add_variable(node_id, ua.QualifiedName(short, idx),
                                        ua.Variant(INITIAL[sig.vtype], vt))
        if sig.writable:
            await var.set_writable()
            self._writable[sig.name] = sig.name
        if sig.unit or sig.description:
            text = f"{sig.description} [{sig.unit}]" if sig.unit else sig.description
            await var.write_attribute(ua.AttributeIds.Description,
                                      ua.DataValue(ua.Variant(ua.LocalizedText(text))))
        self._nodes[sig.name] = (node_id, vt)

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.bserver is not None

    async def stop_listening(self) -> None:
        """Drop every connection and the listening socket; the address space stays.

        This is the plc_offline fault: to clients the PLC is gone, and it comes back in
        milliseconds (rebuilding asyncua's address space takes seconds).
        """
        server = self._server
        if server is not None and server.bserver is not None:
            await server.bserver.stop()
            server.bserver = None
            log.info("OPC UA simulator offline (%s)", self.endpoint)

    async def start_listening(self) -> None:
        server = self._server
        if server is None or server.bserver is not None:
            return
        # asyncua has no public "listen again"; this repeats what Server.start() does.
        host, port = server._get_bind_socket_info()
        bserver = BinaryServer(server.iserver, host, port, server.limits)
        bserver.set_policies(server._policies)
        await bserver.start()
        server.bserver = bserver
        log.info("OPC UA simulator back online (%s)", self.endpoint)

    async def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            if server.bserver is None:  # offline: nothing listens, stop the rest
                await server.iserver.stop()
            else:
                await server.stop()
            log.info("OPC UA simulator stopped (%s)", self.endpoint)

    async def publish(self, force: bool = False) -> None:
        """Write the model's current values into the nodes (only changed ones unless forced)."""
        server = self._server
        if server is None:
            return
        ts = datetime.now(UTC)
        for name, value in self._values().items():
            if not force and self._last.get(name) == value:
                continue
            node_id, vt = self._nodes[name]
            dv = ua.DataValue(ua.Variant(value, vt), SourceTimestamp=ts, ServerTimestamp=ts)
            await server.write_attribute_value(node_id, dv)
            self._last[name] = value

    async def _post_write(self, event: ServerItemCallback, _dispatcher: Any) -> None:
        if not event.is_external:
            return
        applied = False
        for wv, status in zip(event.request_params.NodesToWrite, event.response_params,
                              strict=False):
            name = wv.NodeId.Identifier if isinstance(wv.NodeId.Identifier, str) else None
            if name not in self._writable or wv.AttributeId != ua.AttributeIds.Value:
                continue
            if not status.is_good():
                log.warning("client write to %s refused: %s", name, status.name)
                continue
            value = wv.Value.Value.Value if wv.Value and wv.Value.Value else None
            try:
                self._on_write(name, value)
            except ValueError as e:
                log.warning("client write to %s not applied: %s", name, e)
            applied = True
        if applied:
            # Read-back at once: an e-stop shows "stopped" without waiting for the next tick.
            await self.publish(force=True)
