"""Payloads encoded by Eclipse Tahu's own JavaScript library (npm sparkplug-payload 1.0.3,
see tahu_js_fixture.js), read by LineSide's codec and host: bytes LineSide did not make.
Tahu JS puts UInt32 in long_value, sign-extends negative narrow integers to 32 bits and
repeats the datatype in DATA metrics; all of that must read right."""

from __future__ import annotations

import json
from pathlib import Path

from app.model import Quality
from app.sparkplug import codec
from app.sparkplug.codec import SpDataType as T
from app.sparkplug.host import HostCore

BYTES = {k: bytes.fromhex(v) for k, v in json.loads(
    (Path(__file__).parent / "tahu_js_payloads.json").read_text()).items()}
TS = 1_796_000_000_000


def test_a_tahu_nbirth_decodes_to_every_value_and_type():
    p = codec.decode(BYTES["nbirth"])
    assert (p.timestamp, p.seq) == (TS, 0)
    got = {m.name: (m.value, m.datatype, m.alias) for m in p.metrics}
    assert got == {
        "bdSeq": (3, T.INT64, None), "Node Control/Rebirth": (False, T.BOOLEAN, None),
        "i8": (-8, T.INT8, 1), "i16": (-1600, T.INT16, 2), "i32": (-100000, T.INT32, 3),
        "i64": (-5, T.INT64, 4), "u8": (250, T.UINT8, 5), "u16": (65000, T.UINT16, 6),
        "u32": (4_000_000_000, T.UINT32, 7), "u64": (9007199254740991, T.UINT64, 8),
        "f": (1.5, T.FLOAT, 9), "d": (-0.125, T.DOUBLE, 10), "b": (True, T.BOOLEAN, 11),
        "s": ("Grüße", T.STRING, 12), "dt": (TS, T.DATETIME, 13),
        "txt": ("a\nb", T.TEXT, 14), "nul": (None, T.INT32, 15)}
    by = {m.name: m for m in p.metrics}
    assert by["nul"].is_null and by["i8"].timestamp == TS + 1
    assert by["f"].properties == {"engUnit": "degC", "engLow": 0.0, "engHigh": 250.0}


def test_a_tahu_birth_and_data_through_the_host_rules():
    core = HostCore(all_metrics=True)
    core.handle("spBv1.0/G/NBIRTH/E", BYTES["nbirth"])
    core.handle("spBv1.0/G/NDATA/E", BYTES["ndata"])
    current, historical = core.take()
    last = {s.tag.removeprefix("G/E/"): (s.value, s.quality) for s in current}
    assert last["i8"] == (-128, Quality.GOOD) and last["i64"] == (-9007199254740991,
                                                                  Quality.GOOD)
    assert last["s"] == ("next", Quality.GOOD) and last["f"] == (1.5, Quality.GOOD)
    assert last["nul"] == (None, Quality.BAD)
    assert [(s.tag, s.value, s.ts) for s in historical] == [("G/E/f", 2.25,
                                                            (TS - 60000) / 1000)]
    assert core.find("G/E/f").unit == "degC" and not core.errors
    assert core.nodes[("G", "E")].bd_seq == 3
