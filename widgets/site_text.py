"""Strings from the site file in the worker's language: station names, tag descriptions
and alarm messages with their `name_de`/`name_zh_CN` (etc.) keys (app/config.py keeps
them in `SiteConfig.translations`). The terminal runs one site; the shell registers it
with `use_site`, and views ask here whenever they (re)draw, so a language switch shows
the site's own translations too. Without a translation the file's own text shows."""

from __future__ import annotations

from typing import Any

from widgets import i18n

_site: dict[str, Any] = {"config": None}


def use_site(config: Any) -> None:
    """Make `config` (a SiteConfig) the site whose strings the views translate."""
    _site["config"] = config


def site_text(key: str, default: str, config: Any = None) -> str:
    cfg = config if config is not None else _site["config"]
    if cfg is None or not hasattr(cfg, "text"):
        return default
    return str(cfg.text(key, default, i18n.current_language()))


def station_name(station: Any, config: Any = None) -> str:
    """A StationConfig's name in the current language."""
    return site_text(f"station.{station.id}.name", station.name, config)


def tag_description(tag: Any, config: Any = None) -> str:
    """A TagConfig's description in the current language."""
    return site_text(f"tag.{tag.path}.description", tag.description, config)


def alarm_message(status: Any, config: Any = None) -> str:
    """An alarm's message (AlarmStatus or AlarmDefinition) in the current language."""
    return site_text(f"alarm.{status.id}.message", status.message or status.id, config)
