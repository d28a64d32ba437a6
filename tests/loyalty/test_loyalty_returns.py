"""Returns: pro rata, cumulative-exact, and a full return undoes the purchase exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from loyalty_builders import TODAY, m, member, personal, plain_program

from terminal.loyalty import (
    Money,
    Program,
    PurchaseFacts,
    ReturnError,
    Tier,
    quote,
    quote_return,
    standard_program,
)

D = Decimal

# 1000.00 goods, 7% discount, 200 points spent, 730.00 paid, 102 points earned
FACTS = PurchaseFacts(
    amount=m("1000"),
    discount=m("70"),
    points_spent=D(200),
    paid=m("730"),
    points_earned=D(102),
    spend_added=m("930"),
)


def test_partial_return() -> None:
    r = quote_return(standard_program(), FACTS, Money.zero(), m("300"))
    assert r.returning == m("300")
    assert r.refund_money == m("219")
    assert r.points_restored == 60
    assert r.points_revoked == 31  # 30.6 rounds half up
    assert r.points_delta == 29
    assert r.spend_removed == m("279")
    assert [line.text for line in r.lines] == [
        "Refund for 300.00 of goods: 219.00",
        "Points paid back to the member: +60",
        "Points earned on these goods taken back: -31",
        "Spend reduced by 279.00",
    ]


@pytest.mark.parametrize(
    "parts",
    [
        ["1000"],
        ["300", "700"],
        ["333.33", "333.33", "333.34"],
        ["0.01", "999.98", "0.01"],
        ["0.01"] * 3 + ["999.97"],
        ["100"] * 10,
    ],
)
def test_partial_returns_sum_to_the_full_return(parts: list[str]) -> None:
    program = standard_program()
    full = quote_return(program, FACTS, Money.zero(), FACTS.amount)
    returned = Money.zero()
    refund, restored, revoked, spend = Money.zero(), D(0), D(0), Money.zero()
    for part in parts:
        r = quote_return(program, FACTS, returned, m(part))
        returned = returned + m(part)
        refund += r.refund_money
        restored += r.points_restored
        revoked += r.points_revoked
        spend += r.spend_removed
        assert r.refund_money >= Money.zero() and r.points_restored >= 0
    assert returned == FACTS.amount
    assert (refund, restored, revoked, spend) == (
        full.refund_money,
        full.points_restored,
        full.points_revoked,
        full.spend_removed,
    )
    assert (refund, restored, revoked, spend) == (m("730"), D(200), D(102), m("930"))


def test_fractional_points_quantum() -> None:
    program = plain_program(points_quantum=D("0.01"))
    facts = PurchaseFacts(m("100"), m("0"), D("10.01"), m("89.99"), D("4.49"), m("100"))
    first = quote_return(program, facts, Money.zero(), m("33.33"))
    assert first.points_restored == D("3.34")  # 3.336333 -> 3.34
    assert first.points_revoked == D("1.50")  # 1.496517 -> 1.50
    rest = quote_return(program, facts, m("33.33"), m("66.67"))
    assert first.points_restored + rest.points_restored == D("10.01")
    assert first.points_revoked + rest.points_revoked == D("4.49")


@pytest.mark.parametrize(
    ("already", "returning", "code"),
    [
        ("0", "0", "return_not_positive"),
        ("0", "-1", "return_not_positive"),
        ("0", "1000.01", "return_exceeds_purchase"),
        ("900", "100.01", "return_exceeds_purchase"),
        ("1000", "0.01", "return_exceeds_purchase"),
        ("-1", "10", "return_already_negative"),
    ],
)
def test_return_errors(already: str, returning: str, code: str) -> None:
    with pytest.raises(ReturnError) as info:
        quote_return(standard_program(), FACTS, m(already), m(returning))
    assert info.value.code == code
    assert str(info.value)


def test_exceeding_message_says_what_is_left() -> None:
    with pytest.raises(ReturnError) as info:
        quote_return(standard_program(), FACTS, m("900"), m("200"))
    assert "only 100.00 of the purchase of 1000.00 is left" in str(info.value)


def test_purchase_then_full_return_restores_the_member() -> None:
    program = Program(
        "p",
        1,
        (Tier("a", "A", m("0"), D(3), D(5)), Tier("b", "B", m("500"), D(5), D(7))),
        spend_max_share_pct=D(30),
        earn_min_purchase=m("10"),
    )
    before = member("450", balance="80")
    q = quote(program, personal(), before, m("777.77"), TODAY, D(80))
    assert q.tier_after.code == "b"
    returned = Money.zero()
    balance, spend = q.balance_after, q.spend_after
    for part in ("100", "0.77", "677"):
        r = quote_return(program, q.facts(), returned, m(part))
        returned += m(part)
        balance += r.points_delta
        spend -= r.spend_removed
    assert balance == before.points_balance and spend == before.lifetime_spend
