"""The floor map as a drawing: to scale, zone words inside their zone or in a callout,
and no two labels (zone words, worker names) ever overlapping, even for workers who
stand close together."""

from __future__ import annotations

import time
from itertools import combinations

import pytest

from app.safety.zones import FloorSnapshot, WorkerPosition, ZoneView


@pytest.fixture
def snapshot(demo_site):
    zones = demo_site.sections["zones"]
    now = time.time()
    zv = (ZoneView(zones[0], "running", True, (), False),
          ZoneView(zones[1], "idle", False, (), False),
          ZoneView(zones[2], "running", True, ("W-8C21",), True),
          ZoneView(zones[3], None, False, (), False))
    # two at the fence of cell 3, three within half a metre of each other
    ws = (WorkerPosition("W-8C21", 30.0, 10.0, now), WorkerPosition("W-3F7A", 30.6, 10.3, now),
          WorkerPosition("W-81C2", 8.0, 16.0, now), WorkerPosition("W-5D9E", 8.4, 16.2, now),
          WorkerPosition("W-A14B", 8.2, 15.6, now), WorkerPosition("W-62F0", 45.0, 4.0, now))
    return FloorSnapshot(zv, ws)


@pytest.mark.parametrize("size", [(900, 420), (600, 300), (1900, 500)])
def test_labels_never_overlap(qtbot, themed, snapshot, size):
    from widgets.floor_map import FloorMap

    fm = FloorMap(lambda: snapshot)
    qtbot.addWidget(fm)
    fm.resize(*size)
    fm.show()
    fm.grab()  # paints
    labels = list(fm.worker_labels.values()) + list(fm.label_rects)
    assert len(fm.worker_labels) == 6 and len(fm.label_rects) == 4
    for a, b in combinations(labels, 2):
        assert not a.intersects(b), (a, b)
    for r in labels:
        assert fm.rect().contains(r.toRect())
    # to scale: a 6 m x 7 m cell keeps its proportions
    z = fm.zone_boxes[0][1]
    assert z.height() / z.width() == pytest.approx(7 / 6, rel=0.02)


def test_intrusion_is_red_and_said(qtbot, themed, snapshot):
    from widgets import theme
    from widgets.floor_map import FloorMap

    fm = FloorMap(lambda: snapshot)
    qtbot.addWidget(fm)
    fm.resize(900, 420)
    fm.show()
    img = fm.grab().toImage()
    assert "INTRUSION" in fm.zone_text(snapshot.zones[2])
    pt = fm.to_px(30.0, 10.0)  # the intruder's marker, drawn on top of its neighbour
    assert img.pixelColor(int(pt.x()) - 3, int(pt.y()) + 3).name() == theme.colors().alarm
