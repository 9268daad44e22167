"""The plant mimic: built from the site file, ISA-101 looks from a real bridge batch,
car bodies from the conveyor tags, the e-stop shown as stopped, a touch opens the
station's panel."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPointF, Qt

from app.model import Quality, Sample
from layouts.mimic import Look

L1 = "demo/body/line1"


def _s(tag: str, value, quality: Quality = Quality.GOOD) -> Sample:
    return Sample(f"{L1}/{tag}", time.time(), value, quality)


def _view(qtbot, ctx, compact=False):
    from widgets.mimic import LineMimicWidget

    w = LineMimicWidget(ctx, compact=compact)
    qtbot.addWidget(w)
    w.resize(1200, 300)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def ctx(demo_site, demo_bridge):
    from widgets.panels import PanelContext

    return PanelContext(demo_site, None, demo_bridge)


def _border(w, sid) -> str:
    """The colour of a station box's border, read from the painted pixels."""
    img = w.grab().toImage()
    r = w.rects[sid]
    return img.pixelColor(int(r.center().x()), round(r.top()) + 2).name()


def test_state_colours_from_a_bridge_batch(qtbot, ctx, demo_bridge):
    from widgets import theme

    w = _view(qtbot, ctx)
    demo_bridge.push([_s("press/press1/state", "running"), _s("weld/robot1/state", "idle"),
                      _s("weld/robot2/state", "fault"), _s("paint/booth1/state", "maintenance"),
                      _s("weld/robot3/state", "running", Quality.BAD),
                      _s("press/press1/cycle_count", 1234),
                      _s("conveyor/conveyor1/state", "running"),
                      _s("conveyor/conveyor1/speed", 6.0),
                      _s("conveyor/conveyor1/carrier_count", 17)])
    demo_bridge.tick()
    looks = {sid: show.look for sid, show in w.state.stations.items()}
    assert looks == {"press1": Look.NORMAL, "robot1": Look.IDLE, "robot2": Look.FAULT,
                     "robot3": Look.NO_DATA, "robot4": Look.NO_DATA, "booth1": Look.WARNING}
    assert w.state.stations["press1"].count == 1234
    c = theme.colors()
    # ISA-101: normal is grey (the border colour), colour only for abnormal
    assert _border(w, "press1") == c.border and _border(w, "robot1") == c.border
    assert _border(w, "robot2") == c.alarm
    assert _border(w, "booth1") == c.warning
    assert _border(w, "robot3") == c.bad
    # bodies move from the conveyor tags
    assert w.state.speed == 6.0 and w.state.carriers == 17
    assert len(w.body_positions()) == 6 and w._anim.isActive()
    # the e-stop circuit opens: every station says STOPPED, the bodies stop
    demo_bridge.push([_s("safety/estop/circuit_state", "stopped")])
    demo_bridge.tick()
    assert w.state.line_stopped and _border(w, "press1") == c.alarm
    assert not w._anim.isActive()


def test_station_alarms_are_marked(qtbot, demo_site, demo_bridge):
    from app.alarms.config import definitions_of
    from app.alarms.engine import AlarmEngine
    from widgets.panels import PanelContext

    engine = AlarmEngine(definitions_of(demo_site))
    ctx = PanelContext(demo_site, None, demo_bridge, services={AlarmEngine: engine})
    w = _view(qtbot, ctx)
    robot2 = next(d for d in definitions_of(demo_site) if d.station == "robot2")
    engine.on_samples([Sample(robot2.tag, time.time(), robot2.equals
                              if robot2.equals is not None else 10_000.0)])
    qtbot.waitUntil(lambda: w.state.stations["robot2"].alarms == 1, timeout=3000)
    show = w.state.stations["robot2"]
    assert show.top_priority == int(robot2.priority) and show.unacked
    assert w.state.stations["press1"].alarms == 0


def test_touching_a_station_opens_its_panel(qtbot, ctx, demo_bridge):
    from PySide6.QtWidgets import QWidget

    from widgets.overlay import Overlay, mark_host
    from widgets.station_panel import StationPanel

    host = QWidget()
    mark_host(host)
    qtbot.addWidget(host)
    host.resize(1280, 800)
    from widgets.mimic import LineMimicWidget

    w = LineMimicWidget(ctx, compact=True, parent=host)
    w.setGeometry(0, 0, 1280, 160)
    host.show()
    qtbot.waitExposed(host)
    w._layout()
    center = w.rects["robot3"].center()
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=center.toPoint())
    sheet = host.findChild(Overlay)
    assert sheet is not None and sheet.isVisible()
    panel = sheet.content
    assert isinstance(panel, StationPanel) and panel.station.id == "robot3"
    # a touch on the band between stations opens nothing
    sheet.close_with(None)
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=QPointF(2, 150).toPoint())
    assert not [o for o in host.findChildren(Overlay) if o.isVisible()]


def test_caption_names_the_conveyor_in_the_workers_language(qtbot, ctx, demo_bridge, themed):
    from widgets import i18n
    from widgets.site_text import use_site

    use_site(ctx.config)
    w = _view(qtbot, ctx)
    demo_bridge.push([_s("conveyor/conveyor1/state", "running"),
                      _s("conveyor/conveyor1/carrier_count", 17)])
    demo_bridge.tick()
    assert w.caption_text().startswith("Conveyor: RUNNING")
    try:
        assert i18n.set_language(themed, "de")
        assert w.caption_text().startswith("Förderband: LÄUFT"), w.caption_text()
        assert "17 Karossen fertig" in w.caption_text()
    finally:
        i18n.set_language(themed, "en")


@pytest.mark.parametrize("scale", [2.0, 1.0])
@pytest.mark.parametrize("language", ["zh_CN", "de", "en"])
def test_station_texts_stay_in_their_boxes_at_200_percent(qtbot, ctx, demo_bridge, themed,
                                                         language, scale):
    """The operator screen (1280 px wide, compact) at 200 % (and 100 %) text: every station's name,
    state, count and alarm count lie inside its box, off the band and apart."""
    from itertools import combinations

    from widgets import i18n, theme
    from widgets.mimic import LineMimicWidget, StationShow
    from widgets.site_text import use_site

    use_site(ctx.config)
    try:
        theme.apply_theme(themed, "light", scale)
        assert i18n.set_language(themed, language)
        w = LineMimicWidget(ctx, compact=True)
        qtbot.addWidget(w)
        # as tall as the layout lets it be: its minimum, which follows the text size
        w.resize(1280, w.minimumSizeHint().height())
        w.show()
        qtbot.waitExposed(w)
        assert w.minimumHeight() >= w.minimumSizeHint().height()
        if scale > 1:
            assert w.minimumSizeHint().height() > 96 + 46  # its least at 100 %
        demo_bridge.push([_s("press/press1/state", "running"),
                          _s("press/press1/cycle_count", 123456),
                          _s("weld/robot1/state", "maintenance"),
                          _s("weld/robot2/state", "fault"),
                          _s("weld/robot3/cycle_count", 98765),
                          _s("conveyor/conveyor1/state", "running"),
                          _s("conveyor/conveyor1/carrier_count", 17)])
        demo_bridge.tick()
        w.show_station("robot4", StationShow(Look.FAULT, "fault", 4321, alarms=3,
                                             top_priority=1, unacked=True))
        w.grab()  # painted once, at this size
        for st in w.line.stations:
            box = w.box_rect(st.id)
            texts = w.text_rects(st.id)
            assert {"name", "state"} <= texts.keys(), (st.id, texts)
            assert texts["name"].width() > 0 and texts["state"].width() > 0
            for what, r in texts.items():
                assert box.contains(r), (language, st.id, what, r, box)
                assert not r.intersects(w.band), (language, st.id, what, r, w.band)
            for (a, ra), (b, rb) in combinations(texts.items(), 2):
                assert not ra.intersects(rb), (language, st.id, a, b, ra, rb)
            # a tap on the box still opens that station
            assert w.station_at(box.center()) == st.id
        # the counts have room (a narrow box with an alarm marker and its number may
        # leave its count out, never draw it over them)
        assert "count" in w.text_rects("press1") and "count" in w.text_rects("robot3")
        assert "many" in w.text_rects("robot4")
        # the caption stays under the band, inside the widget
        assert w.caption.top() >= w.band.bottom() and w.caption.bottom() <= w.height()
    finally:
        i18n.set_language(themed, "en")
        theme.apply_theme(themed, "light", 1.0)
