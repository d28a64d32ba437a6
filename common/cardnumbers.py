"""Which numbers are ours, and which are payment cards (refused, never kept).

Pure functions. A payment card always wins: a number that looks like a bank card is
refused even if it also matches the program's patterns.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from common.config import about, texts
from common.errors import ConfigError
from common.payment_schemes import PAYMENT_SCHEMES, PaymentScheme

_DIGITS = re.compile(r"[0-9]+")

# Issuer identification number ranges of the payment schemes (common.payment_schemes, one
# row a scheme with its sources), as (low, high) prefixes of equal length, inclusive.
PAYMENT_IIN_RANGES: tuple[tuple[str, str], ...] = tuple(
    r for scheme in PAYMENT_SCHEMES for r in scheme.ranges
)
PAN_LENGTHS = range(12, 20)  # ISO/IEC 7812 card numbers as cards carry them


def luhn_valid(digits: str) -> bool:
    if not digits or not _DIGITS.fullmatch(digits):
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _in_ranges(digits: str, ranges: tuple[tuple[str, str], ...]) -> bool:
    for low, high in ranges:
        head = digits[: len(low)]
        if len(head) == len(low) and low <= head <= high:
            return True
    return False


def payment_scheme(digits: str) -> PaymentScheme | None:
    """The first payment scheme ``digits`` belongs to, None if none.

    A number of 12-19 ASCII digits whose leading digits are in a scheme's ranges belongs
    to it when its last digit is a Luhn check digit, or, for a scheme whose cards may
    carry none (``luhn`` False: UnionPay, UzCard, Humo, BELKART, PROSTIR, Elcard, ...),
    when its length is one of the scheme's: on prefix and length alone."""
    if len(digits) not in PAN_LENGTHS or not _DIGITS.fullmatch(digits):
        return None
    checks = luhn_valid(digits)
    for scheme in PAYMENT_SCHEMES:
        if _in_ranges(digits, scheme.ranges) and (
            checks or (not scheme.luhn and len(digits) in scheme.lengths)
        ):
            return scheme
    return None


def is_payment_pan(digits: str) -> bool:
    """A payment card's number (:func:`payment_scheme`): refuse it, keep nothing."""
    return payment_scheme(digits) is not None


def _ranges(raw: object) -> tuple[tuple[str, str], ...]:
    """Ranges as the configuration writes them: ``["7000-7099"]``."""
    found = []
    for item in texts(raw):
        low, sep, high = item.partition("-")
        if not sep:
            raise ConfigError(f"{item!r} is not 'low-high'")
        found.append((low.strip(), high.strip()))
    return tuple(found)


def _show_ranges(ranges: tuple[tuple[str, str], ...]) -> list[str]:
    return [f"{low}-{high}" for low, high in ranges]


@dataclass(frozen=True, slots=True)
class CardNumberRules:
    """The program's card numbers: ASCII digits of one of ``lengths`` (empty: any length),
    beginning with one of ``prefixes`` or within one of ``ranges`` (equal-length prefix
    bounds, inclusive); with neither given, any number of the right length matches.
    ``luhn`` demands a valid Luhn check digit. The ``[readers.numbers]`` table of the
    configuration (drivers.config): a rule that cannot work raises ConfigError."""

    prefixes: tuple[str, ...] = field(
        default=(), metadata=about("numbers beginning with one of these")
    )
    ranges: tuple[tuple[str, str], ...] = field(
        default=(),
        metadata=about(
            'or within one of these ranges of leading digits, e.g. "7000-7099" '
            "(both ends the same length, inclusive)",
            read=_ranges,
            show=_show_ranges,
        ),
    )
    lengths: tuple[int, ...] = field(default=(), metadata=about("allowed lengths; [] for any"))
    luhn: bool = field(default=False, metadata=about("the last digit is a Luhn check digit"))

    def __post_init__(self) -> None:
        for p in self.prefixes:
            if not _DIGITS.fullmatch(p):
                raise ConfigError(f"prefix {p!r} is not made of digits")
        for low, high in self.ranges:
            if not (_DIGITS.fullmatch(low) and _DIGITS.fullmatch(high)):
                raise ConfigError(f"range {low!r}-{high!r} is not made of digits")
            if len(low) != len(high) or low > high:
                raise ConfigError(
                    f"range {low!r}-{high!r}: bounds must have the same length, low <= high"
                )
        for n in self.lengths:
            if not 1 <= n <= 64:
                raise ConfigError(f"length {n} is not within 1..64")

    def matches(self, number: str) -> bool:
        if not _DIGITS.fullmatch(number):
            return False
        if self.lengths and len(number) not in self.lengths:
            return False
        if self.luhn and not luhn_valid(number):
            return False
        if not self.prefixes and not self.ranges:
            return True
        return number.startswith(self.prefixes) or _in_ranges(number, self.ranges)


class NumberClass(enum.Enum):
    OURS = "ours"
    BANK = "bank"  # a payment card: refuse, keep nothing
    FOREIGN = "foreign"  # neither: not a card of this program


def classify(number: str, rules: CardNumberRules) -> NumberClass:
    """Bank first (a payment card is never ours), then the program's patterns."""
    digits = number.strip()
    if is_payment_pan(digits):
        return NumberClass.BANK
    return NumberClass.OURS if rules.matches(digits) else NumberClass.FOREIGN
