"""A terminal as its own process, for the tests that kill it: a Runtime with a Store.

Usage: python mqtt_terminal_proc.py SITE.toml STORE.db
Prints "status <state>" on each link change. Reads commands from stdin:
  publish TOPIC LO HI   Runtime.publish {"n": i} for i in LO..HI-1, prints "stored" once
                        every message is committed to the store
  count                 prints "count <outbox messages>"
"""

from __future__ import annotations

import sys

from app import config
from app.runtime import Runtime
from app.store import Store


def main() -> None:
    site, db = sys.argv[1:3]
    cfg = config.load(site)
    store = Store(db, terminal_id=cfg.site.terminal_id).open()
    rt = Runtime(cfg, store)
    rt.subscribe_status(lambda st: print(f"status {st.state}", flush=True))
    rt.start()
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "publish":
            topic, lo, hi = args[0], int(args[1]), int(args[2])
            futures = [rt.publish(topic, {"n": i}) for i in range(lo, hi)]
            for f in futures:
                f.result(10)
            print("stored", flush=True)
        elif cmd == "count":
            print(f"count {store.outbox.count()}", flush=True)


if __name__ == "__main__":
    main()
