"""A receipt's short code: ten characters a person can read off the paper and type, for
a return when the QR code cannot be scanned (docs/printing.md).

The code is the first 50 bits of the purchase's operation id (a random UUID) in
Crockford's base 32 (no I, L, O or U; typed I/L read as 1, O as 0; case and dashes do
not matter). Fifty random bits: among the tens of thousands of purchases a till keeps,
two with one code are a chance of about one in a billion; the till looks a code up among
its own purchases and says so if two ever match. Pure: no I/O.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
_BITS = 5 * LENGTH  # 50
_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def short_code(op_id: str) -> str | None:
    """The short code of an operation id (None: not a UUID, so no code)."""
    digits = op_id.replace("-", "").lower()
    if len(digits) != 32 or any(ch not in "0123456789abcdef" for ch in digits):
        return None
    value = int(digits[:13], 16) >> (13 * 4 - _BITS)
    return "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(LENGTH)))


def normalise(text: str) -> str | None:
    """A typed short code as printed (None: not one)."""
    code = text.strip().upper().replace("-", "").replace(" ", "").translate(_ALIASES)
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def id_range(code: str) -> tuple[str, str]:
    """The operation ids (as UUID text) whose short code may be ``code``: ``low <= id <
    high``; the caller checks each with :func:`short_code`."""
    value = 0
    for ch in code:
        value = value * 32 + ALPHABET.index(ch)
    spare = 13 * 4 - _BITS  # the bits of the 13th hex digit the code does not hold
    low = format(value << spare, "013x")
    high = format((value << spare) | ((1 << spare) - 1), "013x")
    return _uuid_prefix(low), _uuid_prefix(high) + "~"  # "~" sorts after hex and "-"


def _uuid_prefix(hex13: str) -> str:
    return f"{hex13[:8]}-{hex13[8:12]}-{hex13[12:]}"
