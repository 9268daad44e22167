"""A PLC that comes back is used within seconds: the OPC UA reconnect backoff is capped
low by default (plant network), whatever the length of the outage."""

from __future__ import annotations

import socket
import time
from urllib.parse import urlparse

import pytest
from e2ekit import wait_for

from app.model import LinkState

PLC = "plc-body"


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


@pytest.mark.slow
def test_plc_back_after_an_outage_is_used_within_seconds(plant, term) -> None:
    rt = term.runtime
    wait_for(lambda: rt.links[PLC].state is LinkState.CONNECTED, 20, "PLC session")
    assert rt.sources[PLC].options.reconnect_max_s <= 3.0
    url = urlparse(plant.endpoint)
    # 18 s: with the old 30 s cap the attempts fell at ~0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s
    plant.sim.set_fault("plc_offline", True, 18)
    wait_for(lambda: rt.links[PLC].state is not LinkState.CONNECTED, 5, "link lost")
    wait_for(lambda: not _listening(url.hostname, url.port), 5, "the PLC stopped listening")
    wait_for(lambda: _listening(url.hostname, url.port), 30, "the PLC listening again")
    back = time.monotonic()
    wait_for(lambda: rt.links[PLC].state is LinkState.CONNECTED, 15, "reconnected",
             detail=lambda: rt.links[PLC])
    assert time.monotonic() - back < 4.0, rt.links[PLC]
