"""Money: an exact Decimal amount in the currency's major unit, always to 0.01.

Every rounding goes through a named :class:`Rounding` policy; nothing here ever touches a
binary floating-point number.
"""

from __future__ import annotations

import decimal
import enum
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from terminal.loyalty.errors import AmountError

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
#: The largest amount :meth:`Money.parse` accepts (a typing slip beyond this is refused).
PARSE_LIMIT = Decimal(10) ** 9


class Rounding(enum.Enum):
    """A named rounding policy. The value is what programs store."""

    HALF_UP = "half_up"
    HALF_EVEN = "half_even"
    DOWN = "down"
    UP = "up"

    @property
    def mode(self) -> str:
        """The :mod:`decimal` rounding mode."""
        return _MODES[self._value_]  # keyed by the value: a str hash, not an enum's


_MODES: dict[str, str] = {
    Rounding.HALF_UP.value: decimal.ROUND_HALF_UP,
    Rounding.HALF_EVEN.value: decimal.ROUND_HALF_EVEN,
    Rounding.DOWN.value: decimal.ROUND_DOWN,
    Rounding.UP.value: decimal.ROUND_UP,
}

# Spaces people and locales put between thousands: space, no-break, narrow no-break, thin.
_GROUP_SPACES = " \u00a0\u202f\u2009"
_AMOUNT = re.compile(
    r"(?P<int>\d{1,3}(?:[" + _GROUP_SPACES + r"]\d{3})+|\d+)(?:[.,](?P<frac>\d+))?",
    re.ASCII,
)


def _quantize(value: Decimal, rounding: Rounding) -> Decimal:
    if not value.is_finite():
        raise AmountError("amount_not_finite", f"{value} is not an amount of money")
    try:
        q = value.quantize(CENT, rounding=rounding.mode)
    except InvalidOperation:
        raise AmountError("amount_too_large", f"{value} is too large an amount") from None
    return CENT * 0 if q.is_zero() else q  # no "-0.00"


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount of money, exact to 0.01. ``Money(Decimal("1.005"))`` rounds half up;
    use :meth:`of` to choose the rounding. May be negative (a difference); amounts
    typed by people come through :meth:`parse`, which refuses negatives."""

    amount: Decimal

    def __post_init__(self) -> None:
        value: object = self.amount
        if isinstance(value, bool) or not isinstance(value, Decimal | int):
            raise AmountError(
                "amount_malformed",
                f"{value!r} is not an exact amount (use Decimal, int or str)",
            )
        object.__setattr__(self, "amount", _quantize(Decimal(value), Rounding.HALF_UP))

    @classmethod
    def of(cls, value: Decimal | int | str, rounding: Rounding = Rounding.HALF_UP) -> Money:
        """Money from a Decimal, an int or a plain decimal string ("12.345"), rounded."""
        if isinstance(value, str):
            try:
                value = Decimal(value.strip())
            except InvalidOperation:
                raise AmountError(
                    "amount_malformed", f"{value!r} is not an amount of money"
                ) from None
        if isinstance(value, bool) or not isinstance(value, Decimal | int):
            raise AmountError(
                "amount_malformed",
                f"{value!r} is not an exact amount (use Decimal, int or str)",
            )
        return cls._exact(_quantize(Decimal(value), rounding))

    @classmethod
    def _exact(cls, amount: Decimal) -> Money:
        """Money from an amount already exact to 0.01 (no second rounding)."""
        money = object.__new__(cls)
        object.__setattr__(money, "amount", amount)
        return money

    @classmethod
    def zero(cls) -> Money:
        return cls(Decimal(0))

    @classmethod
    def from_minor(cls, minor: int) -> Money:
        """Money from minor units (kopecks, cents)."""
        if isinstance(minor, bool) or not isinstance(minor, int):
            raise AmountError("amount_malformed", f"{minor!r} is not a whole number of minor units")
        return cls(Decimal(minor).scaleb(-2))

    @classmethod
    def parse(cls, text: str) -> Money:
        """An amount as a cashier types it: "1234.5", "1234,50", "1 234,50", "1234".

        Refused (:class:`AmountError`): empty text, letters, signs, more than two decimals,
        two decimal separators, and amounts above 1 000 000 000.
        """
        t = text.strip()
        if not t:
            raise AmountError("amount_empty", "enter an amount")
        if t.startswith("-"):
            raise AmountError("amount_negative", f"{t!r}: an amount cannot be negative")
        m = _AMOUNT.fullmatch(t)
        if m is None:
            raise AmountError(
                "amount_malformed",
                f"{t!r} is not an amount: use digits and one decimal separator, "
                "for example 1234.50",
            )
        frac = m.group("frac")
        if frac is not None and len(frac) > 2:
            raise AmountError("amount_too_precise", f"{t!r} has more than two decimal places")
        digits = "".join(ch for ch in m.group("int") if ch.isdigit())
        value = Decimal(f"{digits}.{frac or '0'}")
        if value > PARSE_LIMIT:
            raise AmountError("amount_too_large", f"{t!r} is too large an amount")
        return cls(value)

    @property
    def minor(self) -> int:
        """The amount in minor units (kopecks, cents)."""
        return int(self.amount.scaleb(2))

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money._exact(_quantize(self.amount + other.amount, Rounding.HALF_UP))

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money._exact(_quantize(self.amount - other.amount, Rounding.HALF_UP))

    def __neg__(self) -> Money:
        return Money._exact(_quantize(-self.amount, Rounding.HALF_UP))

    def __str__(self) -> str:
        return f"{self.amount:f}"

    def is_zero(self) -> bool:
        return self.amount.is_zero()

    def is_positive(self) -> bool:
        return self.amount > 0

    def percent(self, pct: Decimal, rounding: Rounding) -> Money:
        """``pct`` percent of this amount, rounded to 0.01 by ``rounding``."""
        return Money.of(self.amount * pct / HUNDRED, rounding)

    def share(self, numerator: Money, denominator: Money, rounding: Rounding) -> Money:
        """This amount times ``numerator / denominator`` (a pro-rata share), rounded."""
        if not denominator.is_positive():
            raise AmountError("amount_not_positive", f"cannot share by {denominator}")
        return Money.of(self.amount * numerator.amount / denominator.amount, rounding)
