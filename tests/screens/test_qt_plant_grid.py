"""The supervisor's plant grid: a line's published summary (built by the real
`summarize` from the demo site, sent through the directory's JSON path) becomes a card
with a small mimic of the line and its key figures; an old summary is said to be old."""

from __future__ import annotations

import json
import time

from app.model import Quality, Sample
from app.overview import PlantDirectory, summarize

L1 = "demo/body/line1"


def _latest(**states):
    now = time.time()
    out = {}
    for sid, st in states.items():
        tag = {"press1": f"{L1}/press/press1/state", "robot2": f"{L1}/weld/robot2/state",
               "conveyor1": f"{L1}/conveyor/conveyor1/state"}[sid]
        out[tag] = Sample(tag, now, st, Quality.GOOD)
    for tag, v in ((f"{L1}/conveyor/conveyor1/speed", 6.0),
                   (f"{L1}/conveyor/conveyor1/carrier_count", 42),
                   (f"{L1}/press/press1/cycle_count", 1234),
                   (f"{L1}/press/press1/power", 80.0)):
        out[tag] = Sample(tag, now, v, Quality.GOOD)
    return out


def test_a_line_on_the_broker_becomes_a_small_mimic(qtbot, themed, demo_site):
    from widgets.mimic import MimicView
    from widgets.overview import LineCard, OverviewPanel
    from widgets.panels import PanelContext

    summary = summarize(demo_site, _latest(press1="running", robot2="fault",
                                           conveyor1="running"),
                        alarms={"p1": 1, "unacked": 1},
                        station_alarms={"robot2": (1, 1, True)})
    directory = PlantDirectory(runtime=None)
    ctx = PanelContext(demo_site, None, None, services={PlantDirectory: directory})
    panel = OverviewPanel(ctx, {})
    qtbot.addWidget(panel)
    panel.resize(1270, 450)
    panel.show()
    directory._on_summary("demo/lines/body-shop-line-1/summary",
                          json.dumps(summary.to_json()).encode())
    qtbot.waitUntil(lambda: bool(panel.cards), timeout=3000)
    card: LineCard = next(iter(panel.cards.values()))
    assert isinstance(card.view, MimicView)
    shows = card.view.state.stations
    assert shows["press1"].count == 1234 and shows["robot2"].alarms == 1
    assert shows["robot2"].look.value == "fault" and shows["press1"].look.value == "normal"
    assert card.view.state.carriers == 42 and card.view.state.speed == 6.0
    assert "80.0 kW" in card.figures.text() and "unacknowledged: 1" in card.figures.text()
    assert card.figures.property("severity") == "alarm"
    # a summary three heartbeats old: the mimic greys out and the card says so
    old = json.loads(json.dumps(summary.to_json()))
    old["ts"] = time.time() - 600
    directory._on_summary("demo/lines/body-shop-line-1/summary", json.dumps(old).encode())
    qtbot.waitUntil(lambda: card.view.state.stale, timeout=3000)
    assert "OLD DATA" in card.figures.text()


def test_many_terminals_never_widen_the_card(qtbot, themed, demo_site):
    from widgets.overview import OverviewPanel
    from widgets.panels import PanelContext

    directory = PlantDirectory(runtime=None)
    panel = OverviewPanel(PanelContext(demo_site, None, None,
                                       services={PlantDirectory: directory}), {})
    qtbot.addWidget(panel)
    summary = summarize(demo_site, _latest(press1="running", robot2="running",
                                           conveyor1="running"))
    directory._on_summary("demo/lines/x/summary", json.dumps(summary.to_json()).encode())
    for i in range(12):  # test rigs and old demos leave their retained presence behind
        body = {"online": i < 4, "ts": time.time() - 60 * i, "line": "Body shop line 1"}
        directory._on_status(f"demo/terminals/terminal-with-a-long-name-{i}/status",
                             json.dumps(body).encode())
    qtbot.waitUntil(lambda: bool(panel.cards), timeout=3000)
    panel.refresh()
    card = next(iter(panel.cards.values()))
    assert card.minimumSizeHint().width() < 700
    assert "8 OFFLINE" in card.terminals.text() and "+1 online" in card.terminals.text()
