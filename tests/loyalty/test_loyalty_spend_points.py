"""Quotes: paying with points, the share of the receipt, the balance, the point value
and the quantum."""

from __future__ import annotations

import pytest
from loyalty_builders import TODAY, m, member, personal, tiered_program
from quote_helpers import D, assert_balanced, one_tier, texts

from terminal.loyalty import Money, PointsError, Rounding, quote

SHARE_30 = "Points pay at most 30% of the receipt: up to 300"


@pytest.mark.parametrize(
    ("balance", "share", "maximum", "code", "text"),
    [
        ("500", "30", "300", "points_share_cap", SHARE_30),
        ("120", "30", "120", "points_balance_cap", "Points balance 120: up to 120"),
        ("300", "30", "300", "points_share_cap", SHARE_30),
        ("120.75", "30", "120", "points_balance_cap", "Points balance 120.75: up to 120"),
        ("0", "30", "0", "points_balance_cap", "Points balance 0: up to 0"),
        (
            "-40",
            "30",
            "0",
            "points_negative_balance",
            "Points balance is negative (-40): no points can be spent",
        ),
        ("500", "0", "0", "points_share_cap", "Points pay at most 0% of the receipt: up to 0"),
        (
            "5000",
            "100",
            "1000",
            "points_share_cap",
            "Points pay at most 100% of the receipt: up to 1000",
        ),
    ],
)
def test_max_spend_points(balance: str, share: str, maximum: str, code: str, text: str) -> None:
    program = one_tier(spend_max_share_pct=D(share))
    q = quote(program, personal(), member(balance=balance), m("1000"), TODAY)
    assert q.max_spend_points == D(maximum)
    line = next(line for line in q.lines if line.code == code)
    assert line.text == text


def test_share_is_of_the_receipt_after_discount() -> None:
    program = one_tier("10", spend_max_share_pct=D(30))
    q = quote(program, personal(), member(balance="1000"), m("1000"), TODAY)
    assert q.payable_before_points == m("900") and q.max_spend_points == 270


@pytest.mark.parametrize(
    ("point_value", "quantum", "amount", "maximum"),
    [
        ("1", "1", "999.99", "299"),  # 299.997 money -> 299 points
        ("0.5", "1", "1000", "600"),  # 300.00 / 0.50
        ("2", "1", "1000", "150"),
        ("1", "0.01", "999.99", "299.99"),
        ("0.10", "0.1", "100", "300.0"),
        ("1", "5", "1000", "300"),
        ("1", "5", "990", "295"),
    ],
)
def test_max_spend_by_point_value_and_quantum(
    point_value: str, quantum: str, amount: str, maximum: str
) -> None:
    program = one_tier(
        spend_max_share_pct=D(30), point_value=D(point_value), points_quantum=D(quantum)
    )
    q = quote(program, personal(), member(balance="100000"), m(amount), TODAY)
    assert q.max_spend_points == D(maximum)
    assert str(q.max_spend_points) == maximum
    spent = quote(program, personal(), member(balance="100000"), m(amount), TODAY, D(maximum))
    assert spent.points_money == Money.of(D(maximum) * D(point_value))
    assert spent.points_money <= m(amount).percent(D(30), Rounding.DOWN)
    assert_balanced(spent)


@pytest.mark.parametrize(
    ("spend", "quantum", "code"),
    [
        ("301", "1", "points_over_limit"),
        ("-1", "1", "points_negative"),
        ("10.5", "1", "points_not_multiple"),
        ("10.005", "0.01", "points_not_multiple"),
        ("300.01", "0.01", "points_over_limit"),
        ("NaN", "1", "points_malformed"),
    ],
)
def test_points_errors(spend: str, quantum: str, code: str) -> None:
    program = one_tier(spend_max_share_pct=D(30), points_quantum=D(quantum))
    with pytest.raises(PointsError) as info:
        quote(program, personal(), member(balance="500"), m("1000"), TODAY, D(spend))
    assert info.value.code == code


def test_negative_balance_spends_nothing() -> None:
    program = one_tier()
    q = quote(program, personal(), member(balance="-40"), m("1000"), TODAY, D(0))
    assert q.max_spend_points == 0 and q.balance_after == -40
    with pytest.raises(PointsError):
        quote(program, personal(), member(balance="-40"), m("1000"), TODAY, D(1))


def test_paying_with_points() -> None:
    program = one_tier("10", "5", spend_max_share_pct=D(30))
    q = quote(program, personal(), member(balance="500"), m("1000"), TODAY, D(200))
    assert q.points_spent == 200 and q.points_money == m("200")
    assert q.paid == m("700") and q.points_earned == 35  # 5% of the money paid
    assert q.balance_after == 335
    assert "Paid with 200 points: -200.00" in texts(q)
    assert_balanced(q)


def test_points_as_a_means_of_payment_still_count_as_spend() -> None:
    program = tiered_program(spend_max_share_pct=D(30))
    q = quote(program, personal(), member("700", balance="500"), m("400"), TODAY, D(100))
    # 400 - 3% = 388.00 goods value after discount, whatever paid for it
    assert q.spend_added == m("388") and q.spend_after == m("1088")
    assert q.tier_before.code == "bronze" and q.tier_after.code == "silver"
    assert "This purchase moves the member up to Silver" in texts(q)
