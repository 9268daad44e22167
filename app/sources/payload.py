"""Incoming MQTT payloads: the forms a broker carries, parsed into (value, ts, quality).

Accepted forms (what vendors' gateways and the unified namespace send):
- a JSON object `{"v": value, "ts": time, "q": quality}`; `ts` and `q` are optional,
  other keys are ignored. `ts` is epoch seconds, milliseconds, microseconds or
  nanoseconds (told apart by magnitude), or an ISO-8601 string (UTC when it names no
  zone). `q` is "good" / "uncertain" / "bad" (any case) or an OPC UA numeric
  StatusCode (its two severity bits decide).
- a bare value: a number, `true` / `false` (also 1/0, on/off), or, for string tags,
  the text itself (a JSON string literal is unquoted).
A payload starting with `{` is always read as the JSON object form.

Limits are checked before parsing, so no payload can exhaust the parser: the size
(`max_size`), the nesting depth of JSON (`MAX_DEPTH`) and the digits of a number
(`MAX_DIGITS`). Timestamps before 2000 or more than `max_skew_s` ahead of the
receiver's clock are refused: a sample must not be stored at an impossible time.

Anything else raises `MalformedPayload` with a reason a person can act on; `parse`
raises nothing else, whatever the bytes (a source counts these and goes on).
`parse_any` reads a payload without a tag type (the commissioning probe), with the
same code and the same limits.
"""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime
from typing import Any

from app.config import DataType
from app.model import Quality, Value

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_INTEGER = re.compile(r"[-+]?\d+")
_TRUE = ("true", "1", "on")
_FALSE = ("false", "0", "off")
_QUALITY = {"good": Quality.GOOD, "uncertain": Quality.UNCERTAIN, "bad": Quality.BAD}
_SEVERITY = (Quality.GOOD, Quality.UNCERTAIN, Quality.BAD, Quality.BAD)

MAX_DEPTH = 32  # JSON nesting: an envelope needs 1; Python's parser recurses per level
MAX_DIGITS = 64  # digits of an integer: far beyond any counter, far below int()'s limit
MAX_SKEW_S = 300.0  # how far ahead of this clock a sample's time may be
EPOCH_2000 = 946_684_800.0  # 2000-01-01T00:00:00Z: no plant sample is older
_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')
_LONG_DIGITS = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")


class MalformedPayload(ValueError):
    """A payload that cannot become a sample; the message says why."""


def parse(data: bytes, type_: DataType, *, received: float, max_size: int,
          max_skew_s: float = MAX_SKEW_S) -> tuple[Value, float, Quality]:
    """Parse one payload for a tag of `type_`; `received` is the fallback timestamp.

    Raises only MalformedPayload, whatever `data` holds."""
    return _guarded(_parse, data, type_, received, max_size, max_skew_s)


def parse_any(data: bytes, *, received: float, max_size: int,
              max_skew_s: float = MAX_SKEW_S) -> tuple[Value, float, Quality]:
    """Parse a payload of unknown type: a number, true/false, else the text (JSON values
    as they are). The probe prints what the terminal would make of the same bytes."""
    return _guarded(_parse, data, None, received, max_size, max_skew_s)


def _guarded(fn: Any, *args: Any) -> tuple[Value, float, Quality]:
    try:
        return fn(*args)
    except MalformedPayload:
        raise
    except RecursionError:
        raise MalformedPayload("nested too deeply to read") from None
    except Exception as e:  # any parser or conversion failure is a bad payload, no more
        raise MalformedPayload(f"cannot be read ({type(e).__name__}: {_clip(str(e))})") from None


def _parse(data: bytes, type_: DataType | None, received: float, max_size: int,
           max_skew_s: float) -> tuple[Value, float, Quality]:
    if len(data) > max_size:
        raise MalformedPayload(f"payload of {len(data)} bytes exceeds max_payload {max_size}")
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError as e:
        raise MalformedPayload(f"not UTF-8 text ({e.reason} at byte {e.start})") from None
    if text.startswith("{"):
        value, ts, quality = _envelope(text, type_, received)
        return value, _plausible(ts, received, max_skew_s), quality
    if not text and type_ is not DataType.STRING:
        raise MalformedPayload("empty payload")
    if type_ is None:
        return _untyped(text), received, Quality.GOOD
    return _bare(text, type_), received, Quality.GOOD


def _plausible(ts: float, received: float, max_skew_s: float) -> float:
    if ts < EPOCH_2000:
        raise MalformedPayload(f'"ts" {_when(ts)} is before 2000')
    if ts > received + max_skew_s:
        raise MalformedPayload(f'"ts" {_when(ts)} is {ts - received:.3g} s ahead of this '
                               f"terminal's clock (at most {max_skew_s:g} s allowed)")
    return ts


def _when(ts: float) -> str:
    try:
        return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, ValueError, OSError):
        return f"{ts:g}"


def _loads(text: str) -> Any:
    """json.loads behind the limits: nesting depth and integer digits, checked first."""
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth = deepest = 0
        for m in _BRACKETS.finditer(text):
            c = m.group()
            if c in "[{":
                depth += 1
                if depth > deepest:
                    deepest = depth
                    if deepest > MAX_DEPTH:
                        raise MalformedPayload(f"JSON nested deeper than {MAX_DEPTH} levels")
            elif c in "]}":
                depth -= 1
    try:
        return json.loads(text, parse_int=_int)
    except json.JSONDecodeError as e:
        raise MalformedPayload(f"not valid JSON ({e.msg} at char {e.pos})") from None


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise MalformedPayload(f"a number of {len(text.lstrip('-'))} digits (at most "
                               f"{MAX_DIGITS})")
    return int(text)


def _untyped(text: str) -> Value:
    # As a tag of the matching type would read it: true/false, a whole number, a
    # number, else text (a JSON string literal unquoted, as for string tags).
    low = text.lower()
    if low in ("true", "false"):
        return low == "true"
    if _INTEGER.fullmatch(text):
        return _int(text)
    if _NUMBER.fullmatch(text):
        return _number(text)
    return _bare(text, DataType.STRING)


def _envelope(text: str, type_: DataType | None,
              received: float) -> tuple[Value, float, Quality]:
    doc = _loads(text)
    if not isinstance(doc, dict):
        raise MalformedPayload("expected a JSON object")
    if "v" not in doc:
        raise MalformedPayload('JSON object has no "v" (value) key')
    quality = quality_of(doc["q"]) if "q" in doc else Quality.GOOD
    ts = timestamp_of(doc["ts"]) if doc.get("ts") is not None else received
    v = doc["v"]
    if v is None:
        if quality is Quality.GOOD:
            raise MalformedPayload('"v" is null but quality is good')
        return None, ts, quality
    if type_ is None:
        if isinstance(v, float):
            return _number(v), ts, quality
        if not isinstance(v, str | int | bool):
            raise MalformedPayload(f'"v" {_show(v)} is not a value')
        return v, ts, quality
    return coerce(v, type_), ts, quality


def _bare(text: str, type_: DataType) -> Value:
    if type_ is DataType.STRING:
        if text.startswith('"'):
            try:
                v = json.loads(text)
            except json.JSONDecodeError:
                return text
            return v if isinstance(v, str) else text
        return text
    return coerce(text, type_)


def coerce(v: object, type_: DataType) -> Value:
    """Convert a decoded JSON value (or bare text) to the tag's type, or say why not."""
    match type_:
        case DataType.FLOAT:
            return _number(v)
        case DataType.INT:
            # Exact for counters beyond 2**53, which a float would round.
            if isinstance(v, int) and not isinstance(v, bool):
                return v
            if isinstance(v, str) and _INTEGER.fullmatch(v.strip()):
                return _int(v.strip())
            n = _number(v)
            if not n.is_integer():
                raise MalformedPayload(f"{v!r} is not a whole number")
            return int(n)
        case DataType.BOOL:
            if isinstance(v, bool):
                return v
            if isinstance(v, int | float) and v in (0, 1):
                return bool(v)
            if isinstance(v, str) and v.strip().lower() in _TRUE + _FALSE:
                return v.strip().lower() in _TRUE
            raise MalformedPayload(f"{_show(v)} is not true or false")
        case DataType.STRING:
            if isinstance(v, str):
                return v
            if isinstance(v, bool):
                return "true" if v else "false"
            if isinstance(v, int | float):
                return str(v)
            raise MalformedPayload(f"{_show(v)} is not text")
    raise MalformedPayload(f"unknown data type {type_!r}")  # pragma: no cover


def _number(v: object) -> float:
    if isinstance(v, bool):
        raise MalformedPayload(f"{_show(v)} is not a number")
    if isinstance(v, int):
        n = float(v)
    elif isinstance(v, float):
        n = v
    elif isinstance(v, str) and _NUMBER.fullmatch(v.strip()):
        if _LONG_DIGITS.search(v):
            raise MalformedPayload(f"{_show(v)} has more than {MAX_DIGITS} digits")
        n = float(v)
    else:
        raise MalformedPayload(f"{_show(v)} is not a number")
    if not math.isfinite(n):
        raise MalformedPayload(f"{_show(v)} is not a finite number")
    return n


def timestamp_of(ts: object) -> float:
    """Epoch seconds from seconds/ms/us/ns numbers or an ISO-8601 string."""
    if isinstance(ts, bool):
        raise MalformedPayload(f'"ts" {_show(ts)} is not a time')
    if isinstance(ts, int | float):
        t = float(ts)
        if not math.isfinite(t) or t <= 0:
            raise MalformedPayload(f'"ts" {_show(ts)} is not a time')
        # Magnitude tells the unit: 1e11 s is the year 5138, 1e11 ms is 1973.
        for limit, scale in ((1e11, 1.0), (1e14, 1e3), (1e17, 1e6)):
            if t < limit:
                return t / scale
        return t / 1e9
    if isinstance(ts, str):
        try:
            dt = datetime.fromisoformat(ts.strip())
        except ValueError:
            raise MalformedPayload(f'"ts" {ts!r} is not an ISO-8601 time') from None
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        return dt.timestamp()
    raise MalformedPayload(f'"ts" {_show(ts)} is not a time')


def quality_of(q: object) -> Quality:
    """Quality from a name or an OPC UA StatusCode (severity = the top two bits)."""
    if isinstance(q, str):
        try:
            return _QUALITY[q.strip().lower()]
        except KeyError:
            raise MalformedPayload(f'"q" {q!r} is not good, uncertain or bad') from None
    if isinstance(q, int) and not isinstance(q, bool) and 0 <= q <= 0xFFFFFFFF:
        return _SEVERITY[q >> 30]
    raise MalformedPayload(f'"q" {_show(q)} is not a quality name or OPC UA status code')


def _show(v: object) -> str:
    if isinstance(v, int) and not isinstance(v, bool) and v.bit_length() > 200:
        return f"a number of about {int(v.bit_length() * 0.30103)} digits"
    text = json.dumps(v) if isinstance(v, bool | int | float | str | None) else type(v).__name__
    return _clip(text)


def _clip(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
