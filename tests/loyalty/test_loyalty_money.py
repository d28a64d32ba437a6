"""Money: parsing what cashiers type, exact arithmetic, every rounding policy."""

from __future__ import annotations

from decimal import Decimal

import pytest

from terminal.loyalty import AmountError, Money, Rounding

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.5", "1234.50"),
        ("1234,5", "1234.50"),
        ("1 234,50", "1234.50"),
        ("1\u00a0234,50", "1234.50"),
        ("1\u202f234.50", "1234.50"),
        ("12 345 678", "12345678.00"),
        ("1234", "1234.00"),
        ("0", "0.00"),
        ("0,01", "0.01"),
        ("  99.90  ", "99.90"),
        ("007", "7.00"),
        ("1000000000", "1000000000.00"),
    ],
)
def test_parse_accepts(text: str, expected: str) -> None:
    assert str(Money.parse(text)) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "amount_empty"),
        ("   ", "amount_empty"),
        ("abc", "amount_malformed"),
        ("12a", "amount_malformed"),
        ("1.234", "amount_too_precise"),
        ("1,005", "amount_too_precise"),
        ("-5", "amount_negative"),
        ("-0.01", "amount_negative"),
        ("+5", "amount_malformed"),
        ("NaN", "amount_malformed"),
        ("Infinity", "amount_malformed"),
        ("-Infinity", "amount_negative"),
        ("1e3", "amount_malformed"),
        ("1000000000.01", "amount_too_large"),
        ("99999999999", "amount_too_large"),
        ("1,234.50", "amount_malformed"),
        ("1.2.3", "amount_malformed"),
        ("12 34", "amount_malformed"),
        ("1234.", "amount_malformed"),
        (".5", "amount_malformed"),
        ("\u0661\u0662", "amount_malformed"),  # Arabic-Indic digits
    ],
)
def test_parse_refuses(text: str, code: str) -> None:
    with pytest.raises(AmountError) as info:
        Money.parse(text)
    assert info.value.code == code
    assert str(info.value)


@pytest.mark.parametrize(
    ("value", "rounding", "expected"),
    [
        ("1.005", Rounding.HALF_UP, "1.01"),
        ("1.005", Rounding.HALF_EVEN, "1.00"),
        ("1.015", Rounding.HALF_EVEN, "1.02"),
        ("1.009", Rounding.DOWN, "1.00"),
        ("1.001", Rounding.UP, "1.01"),
        ("-1.005", Rounding.HALF_UP, "-1.01"),
        ("-1.009", Rounding.DOWN, "-1.00"),
        ("-0.001", Rounding.HALF_UP, "0.00"),
        ("2", Rounding.UP, "2.00"),
    ],
)
def test_of_rounds_by_policy(value: str, rounding: Rounding, expected: str) -> None:
    assert str(Money.of(D(value), rounding)) == expected
    assert str(Money.of(value, rounding)) == expected


def test_constructor_normalises_half_up() -> None:
    assert Money(D("1.005")) == Money(D("1.01"))
    assert Money(D("1.005")).amount.as_tuple().exponent == -2
    assert Money(D(5)) == Money.of(5) == Money.of("5.00")


@pytest.mark.parametrize("bad", [1.5, "1.5", None, True, D("NaN"), D("Infinity")])
def test_constructor_refuses_inexact(bad: object) -> None:
    with pytest.raises(AmountError):
        Money(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["abc", "", "1,5", 1.5, D("sNaN")])
def test_of_refuses(bad: object) -> None:
    with pytest.raises(AmountError):
        Money.of(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("minor", "text"), [(0, "0.00"), (1, "0.01"), (123456, "1234.56"), (-250, "-2.50")]
)
def test_minor_units_round_trip(minor: int, text: str) -> None:
    money = Money.from_minor(minor)
    assert str(money) == text
    assert money.minor == minor


def test_arithmetic_and_order() -> None:
    a, b = Money.of("10.10"), Money.of("0.95")
    assert a + b == Money.of("11.05")
    assert a - b == Money.of("9.15")
    assert b - a == Money.of("-9.15")
    assert -b == Money.of("-0.95")
    assert b < a and a >= b and max(a, b) is a
    assert Money.zero().is_zero() and not Money.zero().is_positive()
    assert sorted([a, b, Money.zero()]) == [Money.zero(), b, a]


def test_adding_other_types_is_refused() -> None:
    with pytest.raises(TypeError):
        _ = Money.of(1) + D(1)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("amount", "pct", "rounding", "expected"),
    [
        ("1000", "7", Rounding.HALF_UP, "70.00"),
        ("99.99", "3", Rounding.HALF_UP, "3.00"),  # 2.9997
        ("99.99", "3", Rounding.DOWN, "2.99"),
        ("0.50", "1", Rounding.HALF_UP, "0.01"),  # 0.005
        ("0.50", "1", Rounding.HALF_EVEN, "0.00"),
        ("0.50", "1", Rounding.DOWN, "0.00"),
        ("0.01", "1", Rounding.UP, "0.01"),
        ("123.45", "12.5", Rounding.HALF_UP, "15.43"),  # 15.43125
        ("123.45", "0", Rounding.UP, "0.00"),
        ("123.45", "100", Rounding.DOWN, "123.45"),
    ],
)
def test_percent(amount: str, pct: str, rounding: Rounding, expected: str) -> None:
    assert Money.of(amount).percent(D(pct), rounding) == Money.of(expected)


def test_str_and_no_negative_zero() -> None:
    assert str(Money.of("1234.5")) == "1234.50"
    assert str(Money.of("-0.004")) == "0.00"
    assert str(Money.of("0.30") - Money.of("0.30")) == "0.00"


def test_money_is_hashable_and_frozen() -> None:
    assert len({Money.of("1"), Money.of("1.00"), Money.of("2")}) == 2
    with pytest.raises(AttributeError):
        Money.of(1).amount = D(2)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("rounding", "mode"),
    [
        (Rounding.HALF_UP, "ROUND_HALF_UP"),
        (Rounding.HALF_EVEN, "ROUND_HALF_EVEN"),
        (Rounding.DOWN, "ROUND_DOWN"),
        (Rounding.UP, "ROUND_UP"),
    ],
)
def test_rounding_maps_to_decimal_modes(rounding: Rounding, mode: str) -> None:
    assert rounding.mode == mode
    assert Rounding(rounding.value) is rounding
