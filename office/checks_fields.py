"""Every field of a pushed operation checked before anything is looked up or stored
(docs/protocol.md, What the office checks): types, integer ranges, lengths, NUL
characters and the shape of ``facts`` (its depth, size, and the same rules inside it).

What the database cannot store (a NUL in PostgreSQL's text, an integer of 2^63 or more
in SQLite's) would fail the whole batch, again at every retry: such an operation is
rejected alone as ``bad_operation`` instead, on every backend alike.
"""

from __future__ import annotations

import json
from typing import Any

from sync.protocol import VERSION

#: Money in minor units or points in hundredths: far beyond any real one, well inside
#: a 64-bit column once added to a balance.
MAX_AMOUNT = 10**15
#: Any integer inside ``facts`` (ids, years, counts): a signed 64-bit column holds it.
MAX_FACT_INT = 2**63 - 1
#: How deep ``facts`` may nest, how long one text in it, how large all of it.
MAX_FACTS_DEPTH = 6
MAX_FACT_TEXT = 2000
MAX_FACT_KEY = 64
MAX_FACTS_BYTES = 16_384

_REQUIRED = {"id": str, "seq": int, "kind": str, "created_at": str}
INTS = (
    "amount_minor",
    "discount_minor",
    "paid_minor",
    "points_spent_centi",
    "points_earned_centi",
    "points_delta_centi",
    "spend_delta_minor",
    "purchases_delta",
)
_IDS = ("card_id", "member_id", "staff_id")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def facts_problem(value: Any, at: str = "facts", depth: int = 0) -> str | None:
    """What in ``value`` (a part of ``facts``) cannot be kept (None: nothing)."""
    if depth > MAX_FACTS_DEPTH:
        return f"{at} nests deeper than {MAX_FACTS_DEPTH} levels"
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        if not -MAX_FACT_INT <= value <= MAX_FACT_INT:
            return f"{at} is an integer out of range"
        return None
    if isinstance(value, float):
        return f"{at} is a fraction: numbers on the wire are integers or decimal text"
    if isinstance(value, str):
        if "\x00" in value:
            return f"{at} holds a NUL character"
        if len(value) > MAX_FACT_TEXT:
            return f"{at} is longer than {MAX_FACT_TEXT} characters"
        return None
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = facts_problem(item, f"{at}[{i}]", depth + 1)
            if found is not None:
                return found
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            if "\x00" in key or len(key) > MAX_FACT_KEY:
                return f"{at} has a key that is too long or holds a NUL character"
            found = facts_problem(item, f"{at}.{key}", depth + 1)
            if found is not None:
                return found
        return None
    return f"{at} is not JSON"


def problem(op: Any) -> str | None:
    """Why ``op`` cannot be an operation (None: it is well formed)."""
    if not isinstance(op, dict):
        return "an operation must be a JSON object"
    if op.get("v") != VERSION:
        return f"unsupported operation version {str(op.get('v'))[:20]!r}"
    for name, kind in _REQUIRED.items():
        if not isinstance(op.get(name), kind) or isinstance(op.get(name), bool):
            return f"{name} is missing or not a {kind.__name__}"
    for name in INTS:
        value = op.get(name, 0)
        if not _is_int(value):
            return f"{name} is not an integer"
        if not -MAX_AMOUNT <= value <= MAX_AMOUNT:
            return f"{name} is out of range"
    for name in _IDS:
        value = op.get(name)
        if value is not None and not _is_int(value):
            return f"{name} is not an integer"
        if value is not None and not 0 < value < 2**63:
            return f"{name} is out of range"
    if not 0 < op["seq"] < 2**63:
        return "seq is out of range"
    if not 0 < len(op["id"]) <= 36:
        return "id must be 1 to 36 characters"
    if len(op["kind"]) > 16:
        return "kind is too long"
    if len(op["created_at"]) > 40:
        return "created_at is too long"
    reverses = op.get("reverses")
    if reverses is not None and (not isinstance(reverses, str) or not 0 < len(reverses) <= 36):
        return "reverses must be an operation id (1 to 36 characters)"
    if any("\x00" in v for v in (op["id"], op["kind"], op["created_at"], reverses or "")):
        return "a text field holds a NUL character"
    facts = op.get("facts", {})
    if facts is not None and not isinstance(facts, dict):
        return "facts must be an object"
    found = facts_problem(facts)
    if found is not None:
        return found
    try:
        size = len(json.dumps(facts, ensure_ascii=False).encode())
        json.dumps(op, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return "the operation holds text that is not valid Unicode"
    if size > MAX_FACTS_BYTES:
        return f"facts are larger than {MAX_FACTS_BYTES} bytes"
    return None
