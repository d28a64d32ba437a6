"""Birthday windows (29 February, New Year) and the once-a-year gift; tiers up and down."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from loyalty_builders import m, member, plain_program, tiered_program

from terminal.loyalty import (
    BirthdayRule,
    SpendBasis,
    birthday_gift_available,
    birthday_gift_year,
    birthday_in,
    birthday_occurrence,
    in_birthday_window,
    member_spend,
    standard_program,
    tier_for,
    tier_progress,
)

D = Decimal


@pytest.mark.parametrize(
    ("birthday", "today", "before", "after", "expected"),
    [
        (date(1990, 5, 10), date(2026, 5, 10), 0, 0, True),
        (date(1990, 5, 10), date(2026, 5, 9), 0, 0, False),
        (date(1990, 5, 10), date(2026, 5, 7), 3, 3, True),
        (date(1990, 5, 10), date(2026, 5, 6), 3, 3, False),
        (date(1990, 5, 10), date(2026, 5, 13), 3, 3, True),
        (date(1990, 5, 10), date(2026, 5, 14), 3, 3, False),
        (date(1990, 5, 10), date(2026, 5, 12), 3, 0, False),
        # New Year, both ways
        (date(1990, 1, 1), date(2025, 12, 30), 3, 0, True),
        (date(1990, 1, 1), date(2025, 12, 28), 3, 0, False),
        (date(1990, 12, 31), date(2026, 1, 2), 0, 3, True),
        (date(1990, 12, 31), date(2026, 1, 4), 0, 3, False),
        (date(1990, 1, 2), date(2025, 12, 31), 2, 2, True),
        # 29 February: itself in leap years, 28 February in the others
        (date(2000, 2, 29), date(2028, 2, 29), 0, 0, True),
        (date(2000, 2, 29), date(2028, 2, 28), 0, 0, False),
        (date(2000, 2, 29), date(2027, 2, 28), 0, 0, True),
        (date(2000, 2, 29), date(2027, 3, 1), 0, 0, False),
        (date(2000, 2, 29), date(2027, 3, 1), 0, 1, True),
        (date(2000, 2, 29), date(2028, 3, 3), 0, 3, True),
        (date(2000, 2, 29), date(2027, 3, 3), 0, 3, True),
        (date(2000, 2, 29), date(2027, 3, 4), 0, 3, False),
        (date(2000, 2, 29), date(2027, 2, 25), 3, 0, True),
        # 28 February in a leap year is not 29 February's day
        (date(2001, 2, 28), date(2028, 2, 29), 0, 0, False),
        (None, date(2026, 5, 10), 3, 3, False),
    ],
)
def test_birthday_window(
    birthday: date | None, today: date, before: int, after: int, expected: bool
) -> None:
    assert in_birthday_window(birthday, today, before, after) is expected


def test_birthday_occurrence_is_the_one_celebrated() -> None:
    assert birthday_occurrence(date(1990, 1, 1), date(2025, 12, 30), 3, 0) == date(2026, 1, 1)
    assert birthday_occurrence(date(1990, 12, 31), date(2026, 1, 2), 0, 3) == date(2025, 12, 31)
    assert birthday_in(date(2000, 2, 29), 2027) == date(2027, 2, 28)
    assert birthday_in(date(2000, 2, 29), 2028) == date(2028, 2, 29)


def test_birthday_window_at_the_ends_of_the_calendar() -> None:
    assert in_birthday_window(date(1, 1, 1), date(1, 1, 2), 0, 3)
    assert in_birthday_window(date(9000, 12, 31), date(9999, 12, 30), 3, 0)


RULE = BirthdayRule(days_before=3, days_after=3, earn_multiplier=D(2), gift=True)


@pytest.mark.parametrize(
    ("rule", "today", "gift_year", "expected"),
    [
        (RULE, date(2026, 5, 10), None, True),
        (RULE, date(2026, 5, 10), 2025, True),
        (RULE, date(2026, 5, 10), 2026, False),  # once a year
        (RULE, date(2026, 5, 20), None, False),  # out of the window
        (BirthdayRule(3, 3, D(2), gift=False), date(2026, 5, 10), None, False),
        (None, date(2026, 5, 10), None, False),
    ],
)
def test_gift_once_a_year(
    rule: BirthdayRule | None, today: date, gift_year: int | None, expected: bool
) -> None:
    program = plain_program(birthday=rule)
    someone = member(birthday=date(1980, 5, 10), gift_year=gift_year)
    assert birthday_gift_available(program, someone, today) is expected


def test_no_gift_without_a_birthday_on_file() -> None:
    assert not birthday_gift_available(standard_program(), member(), date(2026, 5, 10))


@pytest.mark.parametrize(
    ("spend", "tier"),
    [
        ("0", "bronze"),
        ("-10", "bronze"),
        ("999.99", "bronze"),
        ("1000", "silver"),
        ("4999.99", "silver"),
        ("5000", "gold"),
        ("9999999", "gold"),
    ],
)
def test_tier_for(spend: str, tier: str) -> None:
    assert tier_for(tiered_program(), m(spend)).code == tier


@pytest.mark.parametrize(
    ("basis", "lifetime", "window", "tier"),
    [
        (SpendBasis.LIFETIME, "6000", "500", "gold"),
        (SpendBasis.WINDOW, "6000", "500", "bronze"),  # down: the window spend fell
        (SpendBasis.WINDOW, "6000", "1500", "silver"),
        (SpendBasis.WINDOW, "500", "5000", "gold"),
    ],
)
def test_tier_by_spend_basis(basis: SpendBasis, lifetime: str, window: str, tier: str) -> None:
    program = tiered_program(spend_basis=basis)
    someone = member(lifetime, window=window)
    assert tier_for(program, member_spend(program, someone)).code == tier


@pytest.mark.parametrize(
    ("spend", "current", "nxt", "remaining", "fraction"),
    [
        ("0", "bronze", "silver", "1000.00", "0"),
        ("250", "bronze", "silver", "750.00", "0.25"),
        ("1000", "silver", "gold", "4000.00", "0"),
        ("2000", "silver", "gold", "3000.00", "0.25"),
        ("4999.99", "silver", "gold", "0.01", "0.9999"),
        ("-5", "bronze", "silver", "1000.00", "0"),
        ("5000", "gold", None, "0.00", "1"),
        ("80000", "gold", None, "0.00", "1"),
    ],
)
def test_tier_progress(
    spend: str, current: str, nxt: str | None, remaining: str, fraction: str
) -> None:
    progress = tier_progress(tiered_program(), m(spend))
    assert progress.current.code == current
    assert (None if progress.next is None else progress.next.code) == nxt
    assert str(progress.remaining) == remaining
    assert progress.fraction == D(fraction)
    assert 0 <= progress.fraction <= 1


def test_gift_window_across_new_year_gives_one_gift_for_one_birthday() -> None:
    program = replace(standard_program(), birthday=RULE)
    new_year_baby = member(birthday=date(1990, 1, 1))
    on_30_december = date(2025, 12, 30)
    assert birthday_gift_year(program, new_year_baby, on_30_december) == 2026
    given = replace(new_year_baby, last_birthday_gift_year=2026)
    assert not birthday_gift_available(program, given, date(2026, 1, 1))
    assert birthday_gift_available(program, given, date(2026, 12, 30))  # next birthday
