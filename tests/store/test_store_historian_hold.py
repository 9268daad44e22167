"""Historian: what a trend needs to hold values that arrive by exception: which buckets
hold a BAD sample, and the last sample before a window."""

from __future__ import annotations

import numpy as np

from app.model import Quality, Sample
from app.store import Store

TAG = "line1/press/force"


def test_bad_buckets_and_last_before(store: Store) -> None:
    store.historian.append([Sample(TAG, 990.0, 7.0), Sample(TAG, 1012.0, None, Quality.BAD),
                            Sample(TAG, 1013.0, 8.0), Sample(TAG, 1099.0, None, Quality.BAD),
                            Sample("other", 995.0, None, Quality.BAD)])
    store.flush()
    bad = store.historian.bad_buckets([TAG, "no/such/tag"], 1000.0, 1100.0, 10)
    assert list(np.flatnonzero(bad[TAG])) == [1, 9]
    assert not bad["no/such/tag"].any()

    before = store.historian.last_before([TAG, "other", "no/such/tag"], 1000.0)
    assert before[TAG].value == 7.0 and before[TAG].ts == 990.0
    assert before["other"].quality is Quality.BAD  # a window that starts in a gap
    assert "no/such/tag" not in before
