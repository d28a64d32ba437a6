"""The gate's JSON depth scan (office.guard.too_deep) against the depth of the parsed
document, for any JSON (Hypothesis: strings full of brackets, quotes and backslashes,
ASCII-escaped or not), and its cost on the worst bodies a push may carry."""

from __future__ import annotations

import json
import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from office.guard import too_deep
from office.limits import MAX_JSON_DEPTH

TRICKY = st.text(alphabet='[]{}"\\, :ab\u0429', max_size=12)
DOCUMENTS = st.recursive(
    st.none() | st.booleans() | st.integers() | TRICKY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TRICKY, inner, max_size=3),
    max_leaves=40,
)


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


@settings(max_examples=500, deadline=None)
@given(DOCUMENTS, st.booleans(), st.integers(min_value=1, max_value=8))
def test_the_scan_finds_the_depth_of_any_json(value: Any, ascii_only: bool, limit: int) -> None:
    body = json.dumps(value, ensure_ascii=ascii_only).encode()
    assert too_deep(body, limit) == (depth(value) > limit)


def test_the_deep_bodies_of_the_attacks_are_found_and_cheap() -> None:
    size = 4 * 2**20
    for body, deep in [
        (b"[" * 3000 + b"]" * 3000, True),
        (b"[" * (size // 2) + b"]" * (size // 2), True),
        (b"[{" * (size // 4) + b"}]" * (size // 4), True),
        (b"[]" * (size // 2), False),
        (b'"\\"' * (size // 3), False),
        (b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH, False),
    ]:
        started = time.perf_counter()
        assert too_deep(body) == deep
        assert time.perf_counter() - started < 2.0
