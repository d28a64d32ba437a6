"""Birthday windows: is today close enough to the member's birthday, and is a gift due."""

from __future__ import annotations

import calendar
from datetime import MAXYEAR, MINYEAR, date

from terminal.loyalty.member import MemberState
from terminal.loyalty.program import Program


def birthday_in(birthday: date, year: int) -> date:
    """The member's birthday as celebrated in ``year``: 29 February is 28 February in a
    year that is not a leap year."""
    if birthday.month == 2 and birthday.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return birthday.replace(year=year)


def birthday_occurrence(
    birthday: date | None, today: date, days_before: int, days_after: int
) -> date | None:
    """The birthday (in last, this or next year) whose window holds ``today``, or None.

    The window runs from ``days_before`` days before the birthday to ``days_after`` days
    after it, both ends included, and may cross New Year either way.
    """
    if birthday is None:
        return None
    for year in (today.year, today.year - 1, today.year + 1):
        if not MINYEAR <= year <= MAXYEAR:
            continue
        day = birthday_in(birthday, year)
        offset = today.toordinal() - day.toordinal()
        if -days_before <= offset <= days_after:
            return day
    return None


def in_birthday_window(
    birthday: date | None, today: date, days_before: int, days_after: int
) -> bool:
    """True when ``today`` is within the window around the birthday (see
    :func:`birthday_occurrence`)."""
    return birthday_occurrence(birthday, today, days_before, days_after) is not None


def birthday_window_today(program: Program, member: MemberState, today: date) -> bool:
    """True when the program has a birthday rule and today is in the member's window."""
    rule = program.birthday
    if rule is None:
        return False
    return in_birthday_window(member.birthday, today, rule.days_before, rule.days_after)


def birthday_gift_available(program: Program, member: MemberState, today: date) -> bool:
    """True when the program gives a birthday gift, today is in the member's window, and
    no gift was handed out this calendar year (``today.year``)."""
    rule = program.birthday
    return (
        rule is not None
        and rule.gift
        and birthday_window_today(program, member, today)
        and member.last_birthday_gift_year != today.year
    )
