"""An asyncua server in its own process with N Double variables (ns=2;s=V<i>) that all
change as fast as the server can write them. Prints `ready <ns>` once it serves, then
`changes <total>` once a second. Stops when stdin closes (the benchmark ends).

    python -m bench.opcua_server PORT N
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
from datetime import UTC, datetime


async def main(port: int, n: int) -> None:
    from asyncua import Server, ua

    logging.basicConfig(level=logging.ERROR)
    server = Server()
    await server.init()
    server.set_endpoint(f"opc.tcp://127.0.0.1:{port}/bench/")
    server.set_security_policy([ua.SecurityPolicyType.NoSecurity])
    ns = await server.register_namespace("urn:lineside:bench")
    obj = await server.nodes.objects.add_object(ua.NodeId("Bench", ns), "Bench")
    ids = []
    for i in range(n):
        node = await obj.add_variable(ua.NodeId(f"V{i}", ns), f"V{i}",
                                      ua.Variant(0.0, ua.VariantType.Double))
        ids.append(node.nodeid)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    threading.Thread(target=lambda: (sys.stdin.read(), loop.call_soon_threadsafe(stop.set)),
                     daemon=True).start()
    async with server:
        print(f"ready {ns}", flush=True)
        changes, k, last = 0, 0, time.monotonic()
        write = server.iserver.aspace.write_attribute_value
        while not stop.is_set():
            k += 1
            ts = datetime.now(UTC)
            for i, nid in enumerate(ids):
                await write(nid, ua.AttributeIds.Value,
                      ua.DataValue(ua.Variant(float(k + i), ua.VariantType.Double),
                                   SourceTimestamp=ts, ServerTimestamp=ts))
                if i % 500 == 499:
                    await asyncio.sleep(0)  # let the server answer publish requests
            changes += len(ids)
            await asyncio.sleep(0)
            if time.monotonic() - last >= 1.0:
                last = time.monotonic()
                print(f"changes {changes}", flush=True)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
