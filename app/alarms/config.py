"""Site-file sections of the alarm engine: `[[alarms]]` and `[alarm_settings]`.

    [[alarms]]
    id = "press1_oil_temp_hi"
    tag = "demo/body/line1/press/press1/oil_temp"
    kind = "high"            # high, high_high, low, low_low, deviation, rate_of_change,
                             # discrete, bad_quality
    limit = 60.0
    priority = 2             # 1 (most urgent) .. 4
    deadband = 1.0
    on_delay_s = 2.0
    off_delay_s = 5.0
    message = "Press 1 oil temperature high"
    station = "press1"       # optional: its station's suppression rule applies
    area = "body"
    suppress_when = { tag = "demo/.../mode", equals = "maintenance" }   # optional

    [alarm_settings]
    chatter_count = 5
    audible = false
    [alarm_settings.station_suppression]
    press1 = { tag = "demo/body/line1/press/press1/mode", equals = "maintenance" }
"""

from __future__ import annotations

from typing import Any

from app.alarms.model import ANALOG_KINDS, AlarmDefinition, AlarmKind, Priority, SuppressRule
from app.alarms.settings import AlarmSettings
from app.config import SiteConfig, Table

_ID = r"[A-Za-z0-9_.\-]+"
_FILE_KINDS = tuple(k.value for k in AlarmKind if k is not AlarmKind.EXTERNAL)


def _tag(t: Table, name: str, cfg: SiteConfig, *, required: bool = False) -> str | None:
    value = t.str(name, required=required)
    if value is not None and value not in cfg.tags:
        raise t.error(name, f"unknown tag {value!r}")
    return value


def _scalar(t: Table, name: str) -> Any:
    value = t.raw(name)
    if value is not None and not isinstance(value, str | int | float | bool):
        raise t.error(name, f"expected a string, number or boolean; got {type(value).__name__}")
    return value


def _rule(t: Table, name: str, cfg: SiteConfig) -> SuppressRule | None:
    if name not in t.data:
        return None
    r = t.table(name)
    rule = SuppressRule(tag=_tag(r, "tag", cfg, required=True) or "",
                        equals=_scalar(r, "equals"))
    if rule.equals is None:
        raise r.error("equals", "is required")
    r.done()
    return rule


def parse_alarms(root: Table, cfg: SiteConfig) -> list[AlarmDefinition]:
    defs: list[AlarmDefinition] = []
    seen: set[str] = set()
    for t in root.tables("alarms"):
        aid = t.str("id", required=True, pattern=_ID)
        if aid in seen:
            raise t.error("id", f"alarm {aid!r} is defined twice")
        seen.add(aid)
        kind = AlarmKind(t.str("kind", required=True, choices=_FILE_KINDS))
        tag = _tag(t, "tag", cfg, required=True)
        limit = t.float("limit", required=kind in ANALOG_KINDS)
        if kind is AlarmKind.RATE_OF_CHANGE and limit is not None and limit <= 0:
            raise t.error("limit", "a rate of change limit must be above 0 (per second)")
        setpoint_tag = setpoint = None
        if kind is AlarmKind.DEVIATION:
            if "setpoint" not in t.data:
                raise t.error("setpoint", "is required for a deviation alarm "
                              "(a tag path or a number)")
            if isinstance(t.data["setpoint"], str):
                setpoint_tag = _tag(t, "setpoint", cfg)
            else:
                setpoint = t.float("setpoint")
        equals = not_equals = None
        if kind is AlarmKind.DISCRETE:
            equals, not_equals = _scalar(t, "equals"), _scalar(t, "not_equals")
            if (equals is None) == (not_equals is None):
                raise t.error("equals", "a discrete alarm needs exactly one of equals "
                              "or not_equals")
        station = t.str("station")
        if station is not None and station not in cfg.stations:
            known = ", ".join(cfg.stations) or "none defined"
            raise t.error("station", f"unknown station {station!r} (stations: {known})")
        unit = cfg.tags[tag].unit if tag else ""
        defs.append(AlarmDefinition(
            id=aid, kind=kind, tag=tag, limit=limit,
            priority=Priority(t.int("priority", 3, min=1, max=4)),
            message=t.str("message", "") or aid,
            deadband=t.float("deadband", 0.0, min=0.0),
            on_delay_s=t.float("on_delay_s", 0.0, min=0.0, max=3600.0),
            off_delay_s=t.float("off_delay_s", 0.0, min=0.0, max=3600.0),
            setpoint_tag=setpoint_tag, setpoint=setpoint, equals=equals, not_equals=not_equals,
            station=station, area=t.str("area", ""),
            suppress_when=_rule(t, "suppress_when", cfg), unit=unit,
        ))
        if texts := t.texts("message"):  # shown in the worker's language by the views
            cfg.translations["alarm." + aid + ".message"] = texts
        t.done()
    return defs


def parse_settings(root: Table, cfg: SiteConfig) -> AlarmSettings:
    t = root.table("alarm_settings")
    stations: dict[str, SuppressRule] = {}
    if "station_suppression" in t.data:
        st = t.table("station_suppression")
        for sid in list(st.data):
            if sid not in cfg.stations:
                raise st.error(sid, f"unknown station {sid!r}")
            rule = _rule(st, sid, cfg)
            assert rule is not None
            stations[sid] = rule
        st.done()
    d = AlarmSettings()
    settings = AlarmSettings(
        chatter_count=t.int("chatter_count", d.chatter_count, min=1),
        chatter_window_s=t.float("chatter_window_s", d.chatter_window_s, min=1.0),
        flood_count=t.int("flood_count", d.flood_count, min=1),
        flood_end_count=t.int("flood_end_count", d.flood_end_count, min=0),
        flood_window_s=t.float("flood_window_s", d.flood_window_s, min=1.0),
        first_out_window_s=t.float("first_out_window_s", d.first_out_window_s, min=0.0),
        ack_tolerance_s=t.float("ack_tolerance_s", d.ack_tolerance_s, min=0.0),
        max_shelve_s=t.float("max_shelve_s", d.max_shelve_s, min=60.0),
        audible=t.bool("audible", d.audible),
        station_suppression=stations,
    )
    if settings.flood_end_count > settings.flood_count:
        raise t.error("flood_end_count", f"must not exceed flood_count "
                      f"({settings.flood_count})")
    t.done()
    return settings


def definitions_of(cfg: SiteConfig) -> list[AlarmDefinition]:
    return list(cfg.sections.get("alarms", []))


def settings_of(cfg: SiteConfig) -> AlarmSettings:
    return cfg.sections.get("alarm_settings") or AlarmSettings()
