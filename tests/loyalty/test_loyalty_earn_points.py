"""Quotes: earning points, the minimum, the quantum and rounding, the tier before the
purchase, and the birthday."""

from __future__ import annotations

from datetime import date

import pytest
from loyalty_builders import TODAY, m, member, personal, tiered_program
from quote_helpers import D, codes, one_tier, texts

from terminal.loyalty import BirthdayRule, Rounding, quote


@pytest.mark.parametrize(
    ("amount", "earned", "below"),
    [("99.99", "0", True), ("100", "5", False), ("100.01", "5", False), ("1", "0", True)],
)
def test_earn_minimum(amount: str, earned: str, below: bool) -> None:
    program = one_tier(earn="5", earn_min_purchase=m("100"))
    q = quote(program, personal(), member(), m(amount), TODAY)
    assert q.points_earned == D(earned)
    assert ("No points below 100.00" in texts(q)) is below


def test_earn_minimum_applies_after_the_discount() -> None:
    program = one_tier("10", "5", earn_min_purchase=m("100"))
    q = quote(program, personal(), member(), m("110"), TODAY)  # 99.00 after discount
    assert q.points_earned == 0 and "earn_below_minimum" in codes(q)


@pytest.mark.parametrize(
    ("quantum", "rounding", "earned"),
    [
        ("1", Rounding.DOWN, "9"),  # 3% of 333.33 = 9.9999
        ("1", Rounding.HALF_UP, "10"),
        ("1", Rounding.UP, "10"),
        ("0.01", Rounding.DOWN, "9.99"),
        ("0.01", Rounding.HALF_UP, "10.00"),
        ("0.1", Rounding.DOWN, "9.9"),
        ("5", Rounding.DOWN, "5"),
        ("5", Rounding.HALF_EVEN, "10"),
    ],
)
def test_earn_quantum_and_rounding(quantum: str, rounding: Rounding, earned: str) -> None:
    program = one_tier(earn="3", points_quantum=D(quantum), earn_rounding=rounding)
    q = quote(program, personal(), member(), m("333.33"), TODAY)
    assert str(q.points_earned) == earned


def test_earn_uses_the_tier_before_the_purchase() -> None:
    q = quote(tiered_program(), personal(), member("900"), m("200"), TODAY)
    assert q.tier_before.code == "bronze" and q.tier_after.code == "silver"
    assert q.points_earned == 1  # 1% (Bronze) of 194.00, rounded down
    assert "Points earned: 1% of 194.00 (Bronze): +1" in texts(q)


BIRTHDAY = BirthdayRule(days_before=3, days_after=3, earn_multiplier=D(2), gift=True)


@pytest.mark.parametrize(
    ("today", "in_window", "earned", "gift"),
    [
        (date(2026, 6, 15), True, "20", True),
        (date(2026, 6, 12), True, "20", True),
        (date(2026, 6, 18), True, "20", True),
        (date(2026, 6, 19), False, "10", False),
        (date(2026, 6, 11), False, "10", False),
    ],
)
def test_birthday_multiplies_points_and_offers_the_gift(
    today: date, in_window: bool, earned: str, gift: bool
) -> None:
    program = one_tier(earn="1", birthday=BIRTHDAY)
    q = quote(program, personal(), member(birthday=date(1985, 6, 15)), m("1000"), today)
    assert q.birthday is in_window and q.points_earned == D(earned)
    assert q.gift_available is gift
    assert ("Birthday: points x2" in texts(q)) is in_window
    assert ("Birthday gift available" in texts(q)) is gift


def test_birthday_gift_already_given_this_year() -> None:
    program = one_tier(earn="1", birthday=BIRTHDAY)
    someone = member(birthday=date(1985, 6, 15), gift_year=2026)
    q = quote(program, personal(), someone, m("1000"), TODAY)
    assert q.birthday and not q.gift_available and q.points_earned == 20
