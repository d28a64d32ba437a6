"""Points as a person types them: plain digits with an optional decimal separator.

No exponents (``1E+1000000000``), no group separators, no ``NaN`` or ``Infinity``: what
Decimal() would accept is far more than a number of points on a till. At most nine
digits before the separator (999,999,999 points: more than any balance) and two after.
"""

from __future__ import annotations

import re
from decimal import Decimal

from terminal.services.errors import ServiceError

_POINTS = re.compile(r"(?P<sign>[+-]?)(?P<int>[0-9]{1,9})(?:[.,](?P<frac>[0-9]{1,2}))?")


class BadPoints(ServiceError):
    """What was typed is not a number of points."""

    def __init__(self, text: str) -> None:
        super().__init__("points_malformed", text=repr(text[:40]))
        self.text = text


def parse_points(text: str, *, signed: bool = False) -> Decimal:
    """``text`` as points (at most two decimals); a sign only if ``signed``.

    Raises :class:`BadPoints` for anything else."""
    t = text.strip()
    m = _POINTS.fullmatch(t)
    if m is None or (m.group("sign") and not signed):
        raise BadPoints(text)
    frac = m.group("frac")
    value = Decimal(m.group("int") if frac is None else f"{m.group('int')}.{frac}")
    return -value if m.group("sign") == "-" else value


def parse_spend(text: str) -> Decimal:
    """The points a cashier typed to spend at checkout: an empty field means none (zero);
    anything else as :func:`parse_points` reads it (no sign). Raises :class:`BadPoints`."""
    if not text.strip():
        return Decimal(0)
    return parse_points(text)


def points_input_text(value: Decimal, decimal_point: str = ".") -> str:
    """``value`` as :func:`parse_points` reads it back: digits, no grouping."""
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):f}"
    return f"{value.quantize(Decimal('0.01')):f}".replace(".", decimal_point)
