"""The site file: a TOML description of sources, tags and stations, validated on load.

A wrong file gives one `ConfigError` naming the file, the key and what is wrong.
Files may split with `include = ["alarms.toml", ...]` (paths relative to the file);
tables merge, arrays of tables concatenate, a key set twice is an error.

Sections owned by domains (alarms, zones, health, ...) are declared by the domain's
`ServiceSpec` (`sections=(ConfigSection("energy", parse_energy),)`, listed in
`app.domains.DOMAINS`); `load` runs every parser, so every section is validated at
load time, and a top-level key nobody owns is an "unknown key" naming the file.
"""

from __future__ import annotations

import builtins
import re
import socket
import threading
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """A site file problem a user can fix: says which file, which key and what."""

    def __init__(self, file: Path | str, key: str, message: str) -> None:
        self.file, self.key, self.message = str(file), key, message
        super().__init__(f"{file}: {key}: {message}" if key else f"{file}: {message}")


TRANSLATED_KEYS = ("name", "description", "message")  # site strings with name_de etc.


class Table:
    """Typed, path-aware reads from a TOML table; every error names file and key.

    Keys not read by the parser are reported by `done()` as unknown (catches typos).
    """

    def __init__(self, data: dict[str, Any], file: Path | str, path: str = "") -> None:
        if not isinstance(data, dict):
            raise ConfigError(file, path, f"expected a table, got {_kind(data)}")
        # A table read from an included file names that file and its own key there
        # (alarms.toml: alarms[2]), not the merged site (site.toml: alarms[9]).
        file, path = _origin_of(data) or (file, path)
        self.data, self.file, self.path = data, file, path
        self._seen: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def error(self, name: str, message: str) -> ConfigError:
        # A key merged into this table from an included file is that file's mistake.
        file = _key_origin_of(self.data, name.split("[", 1)[0]) or self.file
        return ConfigError(file, self.key(name) if name else self.path, message)

    def _get(self, name: str, types: tuple[type, ...], what: str, default: Any, required: bool):
        self._seen.add(name)
        if name not in self.data:
            if required:
                raise self.error(name, "is required")
            return default
        value = self.data[name]
        if isinstance(value, bool) and bool not in types:
            raise self.error(name, f"expected {what}, got a boolean")
        if not isinstance(value, types):
            raise self.error(name, f"expected {what}, got {_kind(value)} {value!r}")
        return value

    def str(self, name: str, default: str | None = None, *, required: bool = False,
            choices: tuple[str, ...] | None = None, pattern: str | None = None) -> Any:
        value = self._get(name, (str,), "a string", default, required)
        if value is not None and choices is not None and value not in choices:
            raise self.error(name, f"must be one of {', '.join(choices)}; got {value!r}")
        if value is not None and pattern is not None and not re.fullmatch(pattern, value):
            raise self.error(name, f"{value!r} does not match the expected form {pattern}")
        return value

    def int(self, name: builtins.str, default: builtins.int | None = None, *,
            required: builtins.bool = False,
            min: builtins.int | None = None, max: builtins.int | None = None) -> Any:
        value = self._get(name, (int,), "a whole number", default, required)
        _check_range(self, name, value, min, max)
        return value

    def float(self, name: builtins.str, default: builtins.float | None = None, *,
              required: builtins.bool = False,
              min: builtins.float | None = None, max: builtins.float | None = None) -> Any:
        value = self._get(name, (int, float), "a number", default, required)
        value = None if value is None else float(value)
        _check_range(self, name, value, min, max)
        return value

    def bool(self, name: builtins.str, default: builtins.bool | None = None, *,
             required: builtins.bool = False) -> Any:
        return self._get(name, (bool,), "true or false", default, required)

    def list(self, name: builtins.str, default: builtins.list[Any] | None = None, *,
             required: builtins.bool = False,
             of: type | None = None) -> Any:
        value = self._get(name, (list,), "a list", default, required)
        if value is not None and of is not None:
            for i, item in enumerate(value):
                ok = isinstance(item, of) and not (isinstance(item, bool) and of is not bool)
                if not ok:
                    raise self.error(f"{name}[{i}]", f"expected {of.__name__}, got {_kind(item)}")
        return list(value) if value is not None else None

    def table(self, name: builtins.str, *, required: builtins.bool = False) -> Table:
        value = self._get(name, (dict,), "a table", {}, required)
        return Table(value, self.file, self.key(name))

    def tables(self, name: builtins.str) -> Iterator[Table]:
        """Items of an array of tables (`[[name]]`)."""
        items = self._get(name, (list,), "an array of tables ([[...]])", [], False)
        for i, item in enumerate(items):
            yield Table(item, self.file, f"{self.key(name)}[{i}]")

    def raw(self, name: builtins.str, default: Any = None) -> Any:
        self._seen.add(name)
        return self.data.get(name, default)

    def texts(self, name: builtins.str) -> dict[builtins.str, builtins.str]:
        """The translations of text key `name`: `name_de = "..."`, `name_zh_CN = "..."`
        (one key per language of the terminal), as {language: text}. A key for a
        language the terminal does not have is left unread, so `done()` reports it."""
        from layouts.model import LANGUAGES  # lazily: layouts imports app modules

        out: dict[builtins.str, builtins.str] = {}
        for lang in LANGUAGES:
            key = f"{name}_{lang}"
            if key in self.data:
                text = self.str(key)
                if not text or not text.strip():
                    raise self.error(key, "must not be empty (leave the key out to show "
                                     f"the {name} of the default language)")
                out[lang] = text
        return out

    def done(self) -> None:
        unknown = sorted(set(self.data) - self._seen)
        if unknown:
            key = unknown[0]
            base, _, lang = key.partition("_")
            if base in TRANSLATED_KEYS and lang:
                from layouts.model import LANGUAGES

                raise self.error(key, f"unknown language {lang!r}; a translation is "
                                 f"{base}_<language>, languages: "
                                 f"{', '.join(x for x in LANGUAGES if x != 'en')}")
            raise self.error(key, "unknown key (misspelt?)")


def _kind(value: Any) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "a boolean",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _check_range(t: Table, name: str, value: Any, lo: Any, hi: Any) -> None:
    if value is None:
        return
    if lo is not None and value < lo:
        raise t.error(name, f"must be at least {lo}; got {value}")
    if hi is not None and value > hi:
        raise t.error(name, f"must be at most {hi}; got {value}")


# --- the site model -------------------------------------------------------------------

PATH_RE = r"[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-]+)*"


class DataType(StrEnum):
    FLOAT = "float"
    INT = "int"
    BOOL = "bool"
    STRING = "string"


@dataclass(frozen=True)
class SiteInfo:
    id: str
    name: str
    line: str
    terminal_id: str
    topic_root: str  # unified-namespace prefix of what this terminal publishes
    broker: str | None = None  # id of the MQTT source this terminal publishes through


@dataclass(frozen=True)
class SourceConfig:
    id: str
    kind: str
    options: Any  # the kind's own frozen dataclass, parsed by its registered parser


@dataclass(frozen=True)
class TagConfig:
    """A signal: a path in the plant hierarchy (also its UNS topic) bound to a source."""

    path: str
    source: str
    address: str  # OPC UA node id or MQTT topic
    type: DataType = DataType.FLOAT
    unit: str = ""
    low: float | None = None  # engineering range
    high: float | None = None
    deadband: float = 0.0
    sampling_ms: int = 500
    writable: bool = False
    description: str = ""

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class StationConfig:
    """What a station panel shows; a site adds stations here, not in code."""

    id: str
    name: str
    kind: str
    state_tag: str | None = None
    cycle_tag: str | None = None
    values: tuple[str, ...] = ()
    trend: tuple[str, ...] = ()
    setpoints: tuple[str, ...] = ()
    power_tag: str | None = None


@dataclass(frozen=True)
class SiteConfig:
    file: Path
    site: SiteInfo
    sources: dict[str, SourceConfig]
    tags: dict[str, TagConfig]
    stations: dict[str, StationConfig]
    sections: dict[str, Any] = field(default_factory=dict)
    # With load(..., strict_sections=False): the sections that did not parse, and why.
    # Their services are reported as not running; everything else starts.
    section_errors: dict[str, ConfigError] = field(default_factory=dict)

    # Translated site strings: "station.<id>.name", "tag.<path>.description",
    # "alarm.<id>.message" -> {language: text}; views pick the worker's language.
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def text(self, key: str, default: str, language: str) -> str:
        """The site string `key` in `language`, else `default` (the file's own)."""
        return self.translations.get(key, {}).get(language, default)

    def tags_of(self, source_id: str) -> list[TagConfig]:
        return [t for t in self.tags.values() if t.source == source_id]


SectionParser = Callable[[Table, "SiteConfig"], Any]


def load(path: Path | str, *, terminal_id: str | None = None,
         source_overrides: dict[str, dict[str, Any]] | None = None,
         strict_sections: bool = True) -> SiteConfig:
    """Read, merge includes, validate. Raises ConfigError with file and key.

    `source_overrides` replaces keys of sources by id before validation, e.g.
    {"plc": {"endpoint": "opc.tcp://127.0.0.1:4841"}} (demo ports, commissioning).
    `strict_sections=False` (a running terminal) keeps a domain section that does not
    parse in `section_errors` instead of raising; the site, sources, tags and stations
    are always strict.
    """
    from app.domains import config_sections
    from app.sources import registry
    from app.sources.broker import is_broker_kind

    parsers = config_sections()
    path = Path(path)
    data = _read_merged(path, set())
    for sid, values in (source_overrides or {}).items():
        matches = [t for t in data.get("sources", []) if isinstance(t, dict) and t.get("id") == sid]
        if not matches:
            raise ConfigError(path, "sources", f"no source {sid!r} to override")
        matches[0].update(values)
    root = Table(data, path)
    root.raw("include")
    s = root.table("site", required=True)
    site = SiteInfo(
        id=s.str("id", required=True, pattern=r"[A-Za-z0-9_\-]+"),
        name=s.str("name", required=True),
        line=s.str("line", ""),
        terminal_id=terminal_id or s.str("terminal_id") or socket.gethostname(),
        topic_root=s.str("topic_root", "", pattern=r"|" + PATH_RE) or s.data["id"],
        broker=s.str("broker"),
    )

    sources: dict[str, SourceConfig] = {}
    for t in root.tables("sources"):
        sid = t.str("id", required=True, pattern=r"[A-Za-z0-9_\-]+")
        kind = t.str("kind", required=True, choices=tuple(registry.kinds()))
        if sid in sources:
            raise t.error("id", f"source {sid!r} is defined twice")
        sources[sid] = SourceConfig(sid, kind, registry.get(kind).parse_options(t))
        t.done()

    if site.broker is not None and site.broker not in sources:
        raise s.error("broker", f"unknown source {site.broker!r}")
    if site.broker is not None and not is_broker_kind(registry.get(sources[site.broker].kind)):
        raise s.error("broker", f"source {site.broker!r} is not a broker source (such as "
                      "an MQTT source)")
    s.done()

    texts: dict[str, dict[str, str]] = {}
    tags: dict[str, TagConfig] = {}
    for t in root.tables("tags"):
        tag = _parse_tag(t, sources)
        if tag.path in tags:
            raise t.error("path", f"tag {tag.path!r} is defined twice")
        tags[tag.path] = tag
        texts["tag." + tag.path + ".description"] = t.texts("description")
        t.done()

    stations: dict[str, StationConfig] = {}
    for t in root.tables("stations"):
        st = _parse_station(t, tags)
        if st.id in stations:
            raise t.error("id", f"station {st.id!r} is defined twice")
        stations[st.id] = st
        texts["station." + st.id + ".name"] = t.texts("name")
        t.done()

    cfg = SiteConfig(path, site, sources, tags, stations, {},
                     translations={k: v for k, v in texts.items() if v})
    for name, parser in parsers.items():
        if name in data:
            root.raw(name)
            try:
                cfg.sections[name] = parser(Table({name: data[name]}, path), cfg)
            except ConfigError as e:
                # A running terminal (strict_sections=False) keeps going without this
                # domain: a mistake in [energy] must not take the e-stop down.
                if strict_sections:
                    raise
                cfg.section_errors[name] = e
    root.done()
    return cfg


def _parse_tag(t: Table, sources: dict[str, SourceConfig]) -> TagConfig:
    source = t.str("source", required=True)
    if source not in sources:
        known = ", ".join(sources) or "none defined"
        raise t.error("source", f"unknown source {source!r} (sources: {known})")
    low, high = t.float("low"), t.float("high")
    if low is not None and high is not None and low >= high:
        raise t.error("high", f"must be above low ({low}); got {high}")
    return TagConfig(
        path=t.str("path", required=True, pattern=PATH_RE),
        source=source,
        address=t.str("address", required=True),
        type=DataType(t.str("type", "float", choices=tuple(DataType))),
        unit=t.str("unit", ""),
        low=low,
        high=high,
        deadband=t.float("deadband", 0.0, min=0.0),
        sampling_ms=t.int("sampling_ms", 500, min=0, max=3_600_000),
        writable=t.bool("writable", False),
        description=t.str("description", ""),
    )


def _parse_station(t: Table, tags: dict[str, TagConfig]) -> StationConfig:
    def tag_ref(name: str) -> str | None:
        value = t.str(name)
        if value is not None and value not in tags:
            raise t.error(name, f"unknown tag {value!r}")
        return value

    def tag_refs(name: str) -> tuple[str, ...]:
        values = t.list(name, [], of=str)
        for i, v in enumerate(values):
            if v not in tags:
                raise t.error(f"{name}[{i}]", f"unknown tag {v!r}")
        return tuple(values)

    st = StationConfig(
        id=t.str("id", required=True, pattern=r"[A-Za-z0-9_\-]+"),
        name=t.str("name", required=True),
        kind=t.str("kind", "generic"),
        state_tag=tag_ref("state_tag"),
        cycle_tag=tag_ref("cycle_tag"),
        values=tag_refs("values"),
        trend=tag_refs("trend"),
        setpoints=tag_refs("setpoints"),
        power_tag=tag_ref("power_tag"),
    )
    for i, sp in enumerate(st.setpoints):
        if not tags[sp].writable:
            raise t.error(f"setpoints[{i}]", f"tag {sp!r} is not writable (set writable = true)")
    return st


MAX_SITE_BYTES = 8 * 2**20  # a site of 10,000 tags is about 2 MB; more is a wrong file

# Where each table of the site being loaded came from, so an error names the file that
# holds the mistake: id(table) -> (the table, file, its key path in that file), and
# (id(table), key) -> file for keys merged into a table of another file. Per thread;
# reset when a load starts (the tables are held, so their ids stay unique till then).
_origins = threading.local()


def _origin_of(data: dict[str, Any]) -> tuple[Path, str] | None:
    found = getattr(_origins, "tables", {}).get(id(data))
    return (found[1], found[2]) if found is not None and found[0] is data else None


def _key_origin_of(data: dict[str, Any], key: str) -> Path | None:
    return getattr(_origins, "keys", {}).get((id(data), key))


def _note_origins(value: Any, file: Path, path: str) -> None:
    tables = _origins.tables
    if isinstance(value, dict):
        tables.setdefault(id(value), (value, file, path))
        for k, v in value.items():
            if isinstance(v, dict | list):
                _note_origins(v, file, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict | list):
                _note_origins(item, file, f"{path}[{i}]")


def _read_merged(path: Path, seen: set[Path]) -> dict[str, Any]:
    if not seen:  # a new load: forget the last one's tables
        _origins.tables, _origins.keys = {}, {}
    real = path.resolve()
    if real in seen:
        raise ConfigError(path, "include", "includes itself (a cycle)")
    seen = seen | {real}
    try:
        if path.is_dir():
            raise ConfigError(path, "", "is a directory, not a site file")
        size = path.stat().st_size
        if size > MAX_SITE_BYTES:
            raise ConfigError(path, "", f"is {size / 2**20:.1f} MB, more than a site file "
                              f"may be ({MAX_SITE_BYTES // 2**20} MB): is it the right file?")
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(path, "", "file not found") from None
    except UnicodeDecodeError as e:
        raise ConfigError(path, "", f"not UTF-8 text ({e.reason} at byte {e.start})") from None
    except OSError as e:
        raise ConfigError(path, "", f"cannot be read: {e.strerror}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(path, "", f"not valid TOML: {e}") from None
    _note_origins(data, path, "")
    includes = data.get("include", [])
    if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
        raise ConfigError(path, "include", "expected a list of file names")
    for i, inc in enumerate(includes):
        target = path.parent / inc
        key = f"include[{i}]"
        if not target.exists():
            raise ConfigError(path, key, f"{inc!r} not found (looked for {target})")
        if target.is_dir():
            raise ConfigError(path, key, f"{inc!r} is a directory ({target}), not a site "
                              "file")
        try:
            included = _read_merged(target, seen)
        except ConfigError as e:
            if e.file == str(path) or "(included by " in e.message:
                raise
            raise ConfigError(e.file, e.key, f"{e.message} (included by {path}: {key})") \
                from None
        _merge(data, included, target, "")
    data.pop("include", None)
    return data


def _merge(into: dict[str, Any], other: dict[str, Any], file: Path, prefix: str) -> None:
    for k, v in other.items():
        key = f"{prefix}.{k}" if prefix else k
        if k not in into:
            into[k] = v
            _origins.keys[(id(into), k)] = file  # a key the including file did not set
        elif isinstance(into[k], dict) and isinstance(v, dict):
            _merge(into[k], v, file, key)
        elif isinstance(into[k], list) and isinstance(v, list):
            into[k] = into[k] + v
        else:
            raise ConfigError(file, key, "already set by the including file")
