"""The one conversion of a value to a tag's type, for everything that writes or reads.

`to_tag_type("21.5", FLOAT) == 21.5`; `to_tag_type("on", BOOL) is True`;
`to_tag_type("banana", BOOL)` raises `BadValue` ("'banana' is not true or false"):
an unknown value is refused with a message, never guessed. The rules are those of the
MQTT payload decoder (`app.sources.payload.coerce`), so a value written, a value read
from the broker and a value read from a PLC are converted alike.
"""

from __future__ import annotations

from app.config import DataType
from app.model import Value
from app.sources.payload import MalformedPayload, coerce


class BadValue(ValueError):
    """A value that is not of (and cannot be converted to) a tag's type."""


def to_tag_type(value: object, type_: DataType) -> Value:
    try:
        return coerce(value, type_)
    except MalformedPayload as e:
        raise BadValue(str(e)) from None
