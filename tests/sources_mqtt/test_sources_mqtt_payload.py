"""Payload forms that vendors' gateways send, and the reasons bad ones are refused."""

from __future__ import annotations

import pytest

from app.config import DataType
from app.model import Quality
from app.sources.payload import MalformedPayload, parse

F, INT, B, S = DataType.FLOAT, DataType.INT, DataType.BOOL, DataType.STRING
NOW = 1_750_000_000.0


def p(data: bytes | str, type_: DataType = F, max_size: int = 1024):
    raw = data.encode() if isinstance(data, str) else data
    return parse(raw, type_, received=NOW, max_size=max_size)


@pytest.mark.parametrize(("data", "type_", "expected"), [
    ("21.5", F, (21.5, NOW, Quality.GOOD)),
    (" -4 \n", INT, (-4, NOW, Quality.GOOD)),
    ("1e3", F, (1000.0, NOW, Quality.GOOD)),
    ("TRUE", B, (True, NOW, Quality.GOOD)),
    ("0", B, (False, NOW, Quality.GOOD)),
    ("Sedan A7", S, ("Sedan A7", NOW, Quality.GOOD)),
    ('"quoted"', S, ("quoted", NOW, Quality.GOOD)),
    ("", S, ("", NOW, Quality.GOOD)),
    ('{"v": 3.0}', INT, (3, NOW, Quality.GOOD)),
    ('{"v": 9007199254740993}', INT, (9007199254740993, NOW, Quality.GOOD)),
    ("9007199254740993", INT, (9007199254740993, NOW, Quality.GOOD)),
    ('{"v": "12.5"}', F, (12.5, NOW, Quality.GOOD)),
    ('{"v": 1}', B, (True, NOW, Quality.GOOD)),
    ('{"v": 42}', S, ("42", NOW, Quality.GOOD)),
    ('{"v": 1, "ts": 1700000000}', F, (1.0, 1700000000.0, Quality.GOOD)),
    ('{"v": 1, "ts": 1700000000500}', F, (1.0, 1700000000.5, Quality.GOOD)),
    ('{"v": 1, "ts": 1700000000250000}', F, (1.0, 1700000000.25, Quality.GOOD)),
    ('{"v": 1, "ts": 1700000000000000000}', F, (1.0, 1700000000.0, Quality.GOOD)),
    ('{"v": 1, "ts": "2023-11-14T22:13:20Z"}', F, (1.0, 1700000000.0, Quality.GOOD)),
    ('{"v": 1, "ts": "2023-11-14T23:13:20+01:00"}', F, (1.0, 1700000000.0, Quality.GOOD)),
    ('{"v": 1, "ts": "2023-11-14T22:13:20"}', F, (1.0, 1700000000.0, Quality.GOOD)),
    ('{"v": 1, "q": "Bad"}', F, (1.0, NOW, Quality.BAD)),
    ('{"v": 1, "q": 1073741824}', F, (1.0, NOW, Quality.UNCERTAIN)),  # 0x40000000
    ('{"v": 1, "q": 2150891520}', F, (1.0, NOW, Quality.BAD)),  # 0x80350000
    ('{"v": 1, "q": 0, "unit": "degC"}', F, (1.0, NOW, Quality.GOOD)),
    ('{"v": null, "q": "bad"}', F, (None, NOW, Quality.BAD)),
])
def test_accepted_forms(data, type_, expected):
    assert p(data, type_) == expected


@pytest.mark.parametrize(("data", "type_", "reason"), [
    (b"\xc3\x28", F, "not UTF-8"),
    ("x" * 2000, S, "exceeds max_payload 1024"),
    ("", F, "empty payload"),
    ("warm", F, "not a number"),
    ("nan", F, "not a number"),
    ('{"v": NaN}', F, "not a finite number"),
    ("[1, 2]", F, "not a number"),
    ('{"v": 1', F, "not valid JSON"),
    ('{"ts": 1}', F, 'no "v"'),
    ('{"v": true}', F, "not a number"),
    ('{"v": 2.5}', INT, "not a whole number"),
    ('{"v": "maybe"}', B, "not true or false"),
    ('{"v": [1]}', S, "not text"),
    ('{"v": 1, "q": "great"}', F, "not good, uncertain or bad"),
    ('{"v": 1, "q": -1}', F, "OPC UA status code"),
    ('{"v": 1, "ts": "noon"}', F, "not an ISO-8601 time"),
    ('{"v": 1, "ts": -5}', F, "not a time"),
    ('{"v": null}', F, "null but quality is good"),
])
def test_refused_forms_say_why(data, type_, reason):
    with pytest.raises(MalformedPayload, match=reason.replace("(", r"\(")):
        p(data, type_)
