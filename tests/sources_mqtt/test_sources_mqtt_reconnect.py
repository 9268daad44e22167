"""Reconnecting: exponential backoff against a bad peer, and a quick stop in any state."""

from __future__ import annotations

import socket
import threading
import time

from mqttkit import site_text, wait_for

from app.model import LinkState


class FakePeer:
    """A TCP port that accepts connections and either drops them or never answers."""

    def __init__(self, *, answer_with_close: bool) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[float] = []
        self.held: list[socket.socket] = []
        self.close_at_once = answer_with_close
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(time.monotonic())
            if self.close_at_once:
                conn.close()
            else:
                self.held.append(conn)

    def close(self) -> None:
        self.sock.close()
        for c in self.held:
            c.close()


def test_reconnect_backs_off_exponentially_up_to_the_maximum(start_runtime):
    peer = FakePeer(answer_with_close=True)
    try:
        rt, _ = start_runtime(site_text(peer.port))  # reconnect_max_s = 1.0
        wait_for(lambda: len(peer.accepted) >= 4, timeout=10, what="four attempts")
        gaps = [b - a for a, b in zip(peer.accepted, peer.accepted[1:], strict=False)]
        assert 0.45 <= gaps[0] < 0.95, gaps  # 0.5 s first
        assert 0.95 <= gaps[1] < 1.6, gaps  # doubled to 1.0 s, the maximum
        assert 0.95 <= gaps[2] < 1.6, gaps  # capped
        st = rt.links["uns"]
        assert st.state is LinkState.RECONNECTING
        assert f"127.0.0.1:{peer.port}" in st.detail and "closed the connection" in st.detail
    finally:
        peer.close()


def test_stop_is_quick_while_waiting_for_a_silent_broker(start_runtime):
    peer = FakePeer(answer_with_close=False)  # TCP accepted, no CONNACK ever
    try:
        rt, _ = start_runtime(site_text(peer.port))
        wait_for(lambda: peer.accepted, what="the connection attempt")
        t0 = time.monotonic()
        rt.stop()
        assert time.monotonic() - t0 < 1.2
        assert rt.links["uns"].state is LinkState.OFFLINE
    finally:
        peer.close()


def test_stop_is_quick_while_connected(broker, start_runtime):
    rt, _ = start_runtime(site_text(broker.port, protocol="3.1.1"))
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="CONNECTED")
    t0 = time.monotonic()
    rt.stop()
    # within the 2 s a service manager gives after SIGTERM (0.1-0.3 s on a quiet machine)
    assert time.monotonic() - t0 < 2.0
    assert rt.links["uns"].state is LinkState.OFFLINE
