"""Points arithmetic: points are plain Decimals in whole multiples of a program's quantum."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from terminal.loyalty.errors import PointsError
from terminal.loyalty.money import Rounding

ONE = Decimal(1)


def _exponent(quantum: Decimal) -> int:
    exp = quantum.normalize().as_tuple().exponent
    assert isinstance(exp, int)  # finite by the program's validation
    return min(0, exp)


def quantize_points(value: Decimal, quantum: Decimal, rounding: Rounding) -> Decimal:
    """``value`` rounded to a whole multiple of ``quantum`` by ``rounding``; written with
    the quantum's decimal places (quantum 1 -> "12", quantum 0.01 -> "12.30")."""
    if not value.is_finite():
        raise PointsError("points_not_finite", f"{value} is not a number of points")
    try:
        steps = (value / quantum).quantize(ONE, rounding=rounding.mode)
        result = (steps * quantum).quantize(ONE.scaleb(_exponent(quantum)))
    except InvalidOperation:
        raise PointsError("points_too_large", f"{value} is too many points") from None
    return result.copy_abs() if result.is_zero() else result  # no "-0"


def is_multiple(value: Decimal, quantum: Decimal) -> bool:
    """True when ``value`` is a whole multiple of ``quantum``."""
    try:
        return value.is_finite() and (value % quantum).is_zero()
    except InvalidOperation:
        return False


def format_points(value: Decimal) -> str:
    """Points as people read them: "300", "12.5", "0.25" (no exponent, no trailing zeros)."""
    text = f"{value.normalize():f}"
    return "0" if text in ("-0", "0") else text


def format_pct(value: Decimal) -> str:
    """A percentage without its trailing zeros: 7, 7.5, 12.25."""
    return format_points(value)
