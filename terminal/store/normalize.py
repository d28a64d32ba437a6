"""Keys the cache searches by: phone numbers and name prefixes, normalised the same way
when a member is stored and when a cashier types."""

from __future__ import annotations

import re

_NON_DIGITS = re.compile(r"\D")
_SPACES = re.compile(r"\s+")

#: Countries the terminal serves and the national forms their people type.
_NATIONAL = (
    # (national trunk prefix, national length with trunk, country code)
    ("8", 11, "7"),  # Russia / Kazakhstan: 8 916 123-45-67
    ("0", 10, "380"),  # Ukraine: 050 123 45 67
)


def normalize_phone(text: str) -> str | None:
    """Digits with the country code ("79161234567"), or None if it cannot be a phone.

    Accepts what people type: "+7 (916) 123-45-67", "8 916 1234567", "+380 50 123 4567",
    "050 123 45 67", "9161234567" (a Russian mobile without prefix).
    """
    stripped = text.strip()
    if not stripped or re.search(r"[^\d\s()+\-.]", stripped):
        return None
    digits = _NON_DIGITS.sub("", stripped)
    if stripped.startswith("+"):
        return digits if 10 <= len(digits) <= 15 else None
    for trunk, length, country in _NATIONAL:
        if len(digits) == length and digits.startswith(trunk):
            return country + digits[len(trunk) :]
    if len(digits) == 10 and digits.startswith("9"):
        return "7" + digits
    if len(digits) == 11 and digits.startswith("7"):
        return digits
    if len(digits) == 12 and digits.startswith("380"):
        return digits
    return None


def name_key(text: str) -> str:
    """Case- and space-insensitive key for name prefix search ("Петров  анна" -> "петров анна").

    Ё is folded to Е, as Russians often type one for the other.
    """
    return _SPACES.sub(" ", text.strip().casefold().replace("ё", "е"))


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else "\U0010ffff"
