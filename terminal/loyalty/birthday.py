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


def birthday_gift_year(program: Program, member: MemberState, today: date) -> int | None:
    """The year of the birthday being celebrated today, if the program gives a gift for it.

    This is the year to record when the gift is handed out: a window that crosses New
    Year (birthday 1 January, gift on 30 December) then counts as that birthday's gift,
    and the member does not get a second one on 1 January.
    """
    rule = program.birthday
    if rule is None or not rule.gift or member.birthday is None:
        return None
    day = birthday_occurrence(member.birthday, today, rule.days_before, rule.days_after)
    return None if day is None else day.year


def birthday_gift_available(program: Program, member: MemberState, today: date) -> bool:
    """True when the program gives a birthday gift, today is in the member's window, and
    no gift was handed out for this birthday (one per member per calendar year: the
    year of the birthday celebrated, see :func:`birthday_gift_year`)."""
    year = birthday_gift_year(program, member, today)
    return year is not None and member.last_birthday_gift_year != year
