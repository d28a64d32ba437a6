"""Points as a cashier types them (terminal.services.points_input): plain digits with an
optional decimal separator, read back as they were pre-filled; at checkout an empty
points field spends none."""

from __future__ import annotations

from decimal import Decimal

import pytest

from terminal.services.points_input import BadPoints, parse_points, parse_spend, points_input_text


@pytest.mark.parametrize(
    ("typed", "signed", "points"),
    [
        ("150", False, Decimal(150)),
        ("12.5", False, Decimal("12.5")),
        ("12,50", False, Decimal("12.50")),
        (" 7 ", False, Decimal(7)),
        ("-20", True, Decimal(-20)),
        ("+20", True, Decimal(20)),
    ],
)
def test_points_typed(typed: str, signed: bool, points: Decimal) -> None:
    assert parse_points(typed, signed=signed) == points


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "1E+1000000000",
        "1e3",
        "NaN",
        "inf",
        "1,234",
        "1 000",
        "1.234",
        "-5",
        "0x10",
        "1234567890",
        "١٢٣",
    ],
)
def test_points_typed_wrong(typed: str) -> None:
    with pytest.raises(BadPoints):
        parse_points(typed)
    for value in (Decimal(1234), Decimal("1234.00"), Decimal("12.5"), Decimal(0)):
        assert parse_points(points_input_text(value)) == value
        assert parse_points(points_input_text(value, ",")) == value


@pytest.mark.parametrize("typed", ["", " ", "\t"])
def test_an_empty_points_field_spends_nothing(typed: str) -> None:
    assert parse_spend(typed) == Decimal(0)


@pytest.mark.parametrize(
    ("typed", "points"), [("0", Decimal(0)), ("150", Decimal(150)), (" 12,5 ", Decimal("12.5"))]
)
def test_points_typed_to_spend(typed: str, points: Decimal) -> None:
    assert parse_spend(typed) == points


@pytest.mark.parametrize("typed", ["-5", "+5", "1e3", "abc", "1 000"])
def test_points_to_spend_are_plain_unsigned_numbers(typed: str) -> None:
    with pytest.raises(BadPoints):
        parse_spend(typed)
