"""The demo site file matches what the simulator serves, and passes check-config."""

from __future__ import annotations

from pathlib import Path

from app import cli, config
from app.simulator.model import PlantModel
from app.simulator.signals import BY_NAME, SIGNALS

SITE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "site.toml"
TYPES = {"Double": "float", "Int32": "int", "Boolean": "bool", "String": "string"}


def test_demo_site_passes_check_config(capsys) -> None:
    assert cli.main(["check-config", str(SITE)]) == 0
    assert "OK" in capsys.readouterr().out


def test_every_simulated_node_has_a_matching_tag() -> None:
    cfg = config.load(SITE)
    assert (cfg.site.id, cfg.site.name, cfg.site.broker) == (
        "demo", "Demo Plant Wolfsburg", "plant-mqtt")
    opcua = {t.address: t for t in cfg.tags_of("plc-body")}
    assert set(opcua) == {s.node_id for s in SIGNALS}
    for address, tag in opcua.items():
        sig = BY_NAME[address.removeprefix("ns=2;s=")]
        assert tag.path == sig.uns_path
        assert str(tag.type) == TYPES[sig.vtype], address
        assert tag.writable == sig.writable, address
        assert tag.unit == sig.unit, address


def test_every_mqtt_tag_is_published_and_wearables_are_not_tags() -> None:
    cfg = config.load(SITE)
    published = {f"demo/body/line1/{t}" for t in PlantModel(seed=1).mqtt_values()}
    topics = {t.address for t in cfg.tags_of("plant-mqtt")}
    # Vitals and positions are personal: the health and zone monitors read them from
    # their raw topics; as general tags they would land in the historian for everyone.
    assert topics == {t for t in published if "/wearables/" not in t}
    assert all(t.path == t.address for t in cfg.tags_of("plant-mqtt"))


def test_stations_cover_the_line_with_setpoints_and_power() -> None:
    cfg = config.load(SITE)
    assert set(cfg.stations) == {"press1", "robot1", "robot2", "robot3", "robot4",
                                 "booth1", "conveyor1"}
    for st in cfg.stations.values():
        assert st.state_tag and st.power_tag and st.setpoints and st.values, st.id
