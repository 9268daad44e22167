"""A broker for the demo when the plant's is not reachable: Mosquitto if installed,
otherwise amqtt in-process (MQTT 3.1.1 only, so the demo then speaks 3.1.1)."""

from __future__ import annotations

import asyncio
import logging
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def reachable(host: str, port: int, timeout: float = 0.3) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


@dataclass
class LocalBroker:
    host: str
    port: int
    protocol: str  # "5" or "3.1.1"
    kind: str  # "existing", "mosquitto" or "amqtt"
    _proc: subprocess.Popen | None = None
    _thread: threading.Thread | None = None
    _loop: asyncio.AbstractEventLoop | None = None
    _broker: Any = None  # amqtt.broker.Broker (untyped), when the fallback runs

    @classmethod
    def ensure(cls, host: str = "127.0.0.1", port: int = 1883) -> LocalBroker:
        """Use a broker already listening at host:port, else start one on a free port."""
        if reachable(host, port):
            return cls(host, port, "5", "existing")
        binary = shutil.which("mosquitto") or next(
            (p for p in ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto") if Path(p).exists()),
            None)
        if binary:
            return cls._start_mosquitto(binary)
        return cls._start_amqtt()

    @classmethod
    def _start_mosquitto(cls, binary: str) -> LocalBroker:
        port = free_port()
        conf = Path(tempfile.mkdtemp(prefix="lineside-broker-")) / "mosquitto.conf"
        conf.write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\n")
        proc = subprocess.Popen([binary, "-c", str(conf)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        wait_listening(port, proc)
        log.info("started Mosquitto on 127.0.0.1:%d", port)
        return cls("127.0.0.1", port, "5", "mosquitto", _proc=proc)

    @classmethod
    def _start_amqtt(cls) -> LocalBroker:
        from amqtt.broker import Broker

        port = free_port()
        loop = asyncio.new_event_loop()
        made: dict[str, object] = {}
        started = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                # amqtt binds futures to the current loop at construction: build it here,
                # on its own loop, not on whatever thread called us.
                broker = Broker({
                    "listeners": {"default": {"type": "tcp", "bind": f"127.0.0.1:{port}"}},
                    "plugins": {"amqtt.plugins.authentication.AnonymousAuthPlugin":
                                {"allow_anonymous": True}},
                }, loop=loop)
                loop.run_until_complete(broker.start())
                made["broker"] = broker
            except Exception as e:
                made["error"] = e
                return
            finally:
                started.set()
            loop.run_forever()

        thread = threading.Thread(target=run, name="lineside-amqtt", daemon=True)
        thread.start()
        started.wait(10)
        if "broker" not in made:
            raise RuntimeError(f"the built-in broker did not start: {made.get('error')}")
        wait_listening(port)
        log.info("no Mosquitto on this machine; started the built-in broker (amqtt, MQTT "
                 "3.1.1) on 127.0.0.1:%d", port)
        return cls("127.0.0.1", port, "3.1.1", "amqtt", _thread=thread, _loop=loop,
                   _broker=made["broker"])

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(3)
            except subprocess.TimeoutExpired:
                self._proc.kill()
            self._proc = None
        if self._loop is not None and self._broker is not None:
            fut = asyncio.run_coroutine_threadsafe(self._broker.shutdown(), self._loop)
            try:
                fut.result(3)
            except Exception:  # shutting down anyway; nothing to save
                log.debug("amqtt shutdown", exc_info=True)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._loop = None


def wait_listening(port: int, proc: subprocess.Popen | None = None,
                   timeout: float = 10.0) -> None:
    """Return once something listens on 127.0.0.1:`port`; fail early if `proc` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if reachable("127.0.0.1", port, 0.2):
            return
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the process for port {port} exited at start "
                               f"(code {proc.returncode})")
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")
