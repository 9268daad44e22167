"""The link indicator's touch action: a touch on a lost link reconnects at once instead
of waiting out the backoff (a real broker, a real Runtime, the real frame)."""

from __future__ import annotations

import time

from mqttkit import site_text, wait_for
from PySide6.QtCore import Qt

from app.model import LinkState
from widgets.panels import PanelContext
from widgets.shell import MainWindow


def test_touching_a_lost_link_reconnects_now(qtbot, broker, start_runtime) -> None:
    rt, _ = start_runtime(site_text(broker.port).replace("reconnect_max_s = 1.0",
                                                         "reconnect_max_s = 60"))
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, what="connected")
    w = MainWindow(PanelContext(rt.config, rt, None, None, None))
    qtbot.addWidget(w)
    w.show()
    broker.stop()
    wait_for(lambda: rt.links["uns"].state is LinkState.RECONNECTING, what="lost")
    w.set_link(rt.links["uns"])
    ind = w.links["uns"]
    assert ind.down and "reconnect now" in ind.toolTip()
    assert ind.height() >= 48  # a gloved finger hits it
    time.sleep(8)  # the backoff has grown to several seconds
    broker.start()
    t0 = time.monotonic()
    qtbot.mouseClick(ind, Qt.MouseButton.LeftButton)
    wait_for(lambda: rt.links["uns"].state is LinkState.CONNECTED, 2, "reconnected at once")
    assert time.monotonic() - t0 < 1.5
