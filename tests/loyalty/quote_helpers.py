"""What the tests of quotes share: short names and the one-tier program, the lines' texts
and codes, and the sums a quote must balance."""

from __future__ import annotations

from decimal import Decimal

from loyalty_builders import plain_program

from terminal.loyalty import DiscountSource, Money, Program, Progressive, Quote, Tier

D = Decimal
CARD, TIER, PROG = DiscountSource.CARD, DiscountSource.TIER, DiscountSource.PROGRESSIVE
PROGRESSIVE_3 = Progressive(D(1), 10, D(5))  # 30 purchases -> 3%


def one_tier(discount: str = "0", earn: str = "0", **changes: object) -> Program:
    tiers = (Tier("base", "Base", Money.zero(), D(discount), D(earn)),)
    return plain_program(tiers=tiers, **changes)


def texts(q: Quote) -> list[str]:
    return [line.text for line in q.lines]


def codes(q: Quote) -> list[str]:
    return [line.code for line in q.lines]


def assert_balanced(q: Quote) -> None:
    assert q.discount + q.points_money + q.paid == q.amount
    assert q.payable_before_points == q.amount - q.discount
    assert q.balance_after == q.balance_before - q.points_spent + q.points_earned
