"""Numbers, money and dates in the locale's format, from Decimals, without floats."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QLocale


def decimal_text(value: Decimal, places: int, locale: QLocale | None = None) -> str:
    """``value`` with ``places`` decimals, the locale's group and decimal separators."""
    loc = locale or QLocale()
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    text = sign + loc.toString(int(whole))
    return text + loc.decimalPoint() + frac if places else text


def money_text(value: Decimal, locale: QLocale | None = None) -> str:
    return decimal_text(value, 2, locale)


def points_text(value: Decimal, locale: QLocale | None = None) -> str:
    places = 0 if value == value.to_integral_value() else 2
    return decimal_text(value, places, locale)
