"""The gas leak of the simulated hall on two terminal windows: both alarm banners show
the priority-1 alarm; acknowledged in the alarm list on A, it shows as acknowledged on B
(shared over the broker)."""

from __future__ import annotations

from e2ekit import add_demo_users, open_window, sign_in
from PySide6.QtCore import Qt

from app.alarms.engine import AlarmEngine
from app.alarms.model import AlarmState
from widgets.alarm_table import AlarmTable
from widgets.overlay import Overlay

GAS_ALARMS = ("hall_gas_hihi", "hall_gas_hi")


def test_gas_leak_banner_and_ack_shared_between_terminals(qtbot, plant, two_terms) -> None:
    a, b = two_terms
    add_demo_users(a, "anna")
    twa, twb = open_window(qtbot, a), open_window(qtbot, b)
    try:
        sign_in(qtbot, twa, "anna")
        # (the demo plant may show its own lower alarms, e.g. demand near the contract)
        assert twa.banner.top is None or twa.banner.top.id not in GAS_ALARMS
        plant.sim.set_fault("gas_leak", True, 60)
        for tw in (twa, twb):
            qtbot.waitUntil(lambda tw=tw: tw.banner.top is not None
                            and tw.banner.top.id in GAS_ALARMS, timeout=20000)
            text = tw.banner.text.text()
            assert text.startswith("P1 ") and "Flammable gas in the hall" in text, text
            assert "Unacknowledged" in text and tw.banner.flashing
        # Both gas alarms (10 and 25 %LEL) before acknowledging.
        engine_a, engine_b = a.service(AlarmEngine), b.service(AlarmEngine)
        qtbot.waitUntil(lambda: all(engine_a.get(x).active for x in GAS_ALARMS), timeout=15000)

        # A tap on A's banner opens the alarm list; the operator acknowledges both.
        qtbot.mouseClick(twa.banner, Qt.MouseButton.LeftButton)
        sheets = [o for o in twa.window.findChildren(Overlay) if o.isVisible()
                  and isinstance(o.content, AlarmTable)]
        assert len(sheets) == 1, "a tap on the banner opens the alarm list"
        table = sheets[0].content
        for alarm_id in GAS_ALARMS:
            assert table.select(alarm_id), alarm_id
            assert table.ack_button.isEnabled()
            table.ack_button.click()
            qtbot.waitUntil(lambda x=alarm_id: engine_a.get(x).state is AlarmState.ACKED,
                            timeout=3000)
        assert engine_a.get("hall_gas_hi").last_ack.actor == "anna"

        # B, where nobody acknowledged anything, shows them acknowledged.
        qtbot.waitUntil(lambda: all(engine_b.get(x).state is AlarmState.ACKED
                                    for x in GAS_ALARMS), timeout=10000)
        def b_shows_acknowledged() -> None:
            top, text = twb.banner.top, twb.banner.text.text()
            assert top is not None, text
            if top.id in GAS_ALARMS:
                assert text.startswith("P1 ") and "Acknowledged" in text, text
                assert not twb.banner.flashing
            else:  # a newer unacknowledged alarm of the demo plant comes first
                assert top.state is AlarmState.UNACK and int(top.priority) > 1, text

        qtbot.waitUntil(b_shows_acknowledged, timeout=3000)
        assert engine_b.get("hall_gas_hi").last_ack.actor == "anna"
    finally:
        twa.close()
        twb.close()
