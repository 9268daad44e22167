"""Panel types as data: what a layout may place, declared once, without Qt.

A `PanelSpec` says a panel type's name, its title, who may place it, the smallest
size at which it is still usable and its settings (each a `SettingField` with the
editor kind: tag, tags, station, number, choice, text, bool). The layout validator
(`layouts.model`), the editor's forms (`widgets.layout_editor`) and the catalogue
all read it; the Qt factory that builds the panel registers against it in its
`widgets/` module (`widgets.panels.register_panel(SPEC, factory)`).

Every spec is listed once in `layouts.catalogue.PANELS`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation in `context` (found by lupdate); returns it as is.
    Views translate it with `QCoreApplication.translate(context, text)`."""
    return text


TITLE_CONTEXT = "panels"  # the translation context of PanelSpec.title
LABEL_CONTEXT = "LayoutEditor"  # ... and of SettingField.label


class FieldKind(StrEnum):
    """How the layout editor edits a setting (and what the validator accepts)."""

    TAG = "tag"  # one tag path
    TAGS = "tags"  # a non-empty list of tag paths
    STATION = "station"  # a station id
    NUMBER = "number"
    CHOICE = "choice"  # one of `choices`
    TEXT = "text"
    BOOL = "bool"


_MISSING = object()


@dataclass(frozen=True)
class SettingField:
    key: str
    label: str  # wrap in QT_TRANSLATE_NOOP(LABEL_CONTEXT, ...)
    kind: FieldKind
    required: bool = False
    default: Any = None  # put in a new panel's settings when not None
    minimum: float | None = None  # NUMBER
    maximum: float | None = None
    integer: bool = False  # NUMBER: whole numbers only
    noun: str = ""  # NUMBER: "seconds" -> "must be a number of seconds from ..."
    editor_scale: float = 1.0  # NUMBER: the editor shows value / editor_scale ...
    editor_unit: str = ""  # ... with this suffix (e.g. 60.0 and "min" for seconds)
    choices: tuple[str, ...] = ()  # CHOICE

    def problems(self, value: Any, where: str) -> list[str]:
        """What is wrong with `value` for this field ([] if fine or absent and optional)."""
        at = f"{where}.settings.{self.key}"
        if value is _MISSING:
            return [_required(self, at, None)] if self.required else []
        k = self.kind
        if k in (FieldKind.TAG, FieldKind.STATION, FieldKind.TEXT):
            if not isinstance(value, str) or (self.required and not value):
                return [_required(self, at, value) if self.required
                        else f"{at}: expected a string; got {value!r}"]
        elif k is FieldKind.TAGS:
            ok = isinstance(value, list) and all(isinstance(t, str) and t for t in value)
            if not ok or (self.required and not value):
                return [_required(self, at, value) if self.required
                        else f"{at}: expected a list of tag paths; got {value!r}"]
        elif k is FieldKind.NUMBER:
            is_num = isinstance(value, int | float) and not isinstance(value, bool)
            if (not is_num or (self.integer and not isinstance(value, int))
                    or (self.minimum is not None and value < self.minimum)
                    or (self.maximum is not None and value > self.maximum)):
                what = "a whole number" if self.integer else "a number"
                of = f" of {self.noun}" if self.noun else ""
                lo = "" if self.minimum is None else f" from {_num(self.minimum)}"
                hi = "" if self.maximum is None else f" to {_num(self.maximum)}"
                return [f"{at}: must be {what}{of}{lo}{hi}; got {value!r}"]
        elif k is FieldKind.CHOICE:
            if value not in self.choices:
                return [f"{at}: must be one of {', '.join(self.choices)}; got {value!r}"]
        elif k is FieldKind.BOOL and not isinstance(value, bool):
            return [f"{at}: expected true or false; got {value!r}"]
        return []


def _required(f: SettingField, at: str, value: Any) -> str:
    what = {FieldKind.TAGS: "a non-empty list of tag paths"}.get(f.kind, "a non-empty string")
    return f"{at}: required, {what}; got {value!r}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


SizeFn = Callable[[Mapping[str, Any]], tuple[int, int]]


@dataclass(frozen=True)
class PanelSpec:
    """One panel type, declared once (Qt-free)."""

    name: str  # the layout's "type"
    title: str  # wrap in QT_TRANSLATE_NOOP(TITLE_CONTEXT, ...)
    module: str  # the widgets module that registers the factory ("widgets.andon")
    min_size: tuple[int, int] = (200, 120)  # px at font scale 1.0, still usable
    settings: tuple[SettingField, ...] = ()
    roles: frozenset[str] | None = None  # who may place it; None: anyone
    min_size_of: SizeFn | None = None  # when the minimum depends on the settings

    def default_settings(self) -> dict[str, Any]:
        """The settings of a newly placed panel."""
        return {f.key: (list(f.default) if isinstance(f.default, list | tuple) else f.default)
                for f in self.settings if f.default is not None}

    def problems(self, settings: Mapping[str, Any], where: str) -> list[str]:
        """Every settings problem, each saying where. Keys no field declares are kept
        and not checked (a newer terminal may have added one)."""
        out: list[str] = []
        for f in self.settings:
            out += f.problems(settings.get(f.key, _MISSING), where)
        return out

    def minimum_px(self, settings: Mapping[str, Any]) -> tuple[int, int]:
        return self.min_size_of(settings) if self.min_size_of is not None else self.min_size

    def may_place(self, role: str | None) -> bool:
        return self.roles is None or (role is not None and role in self.roles)

    def field(self, key: str) -> SettingField | None:
        return next((f for f in self.settings if f.key == key), None)


DEFAULT_MIN_PX = (200, 120)  # a type without a spec (a layout from a newer terminal)

__all__ = ["DEFAULT_MIN_PX", "QT_TRANSLATE_NOOP", "FieldKind", "PanelSpec", "SettingField"]
