"""Properties of the rules over generated programs, cards, members and amounts."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from loyalty_builders import TODAY, cards, members, moneys, programs

from terminal.loyalty import (
    CardKind,
    CardTerms,
    MemberState,
    Money,
    PointsError,
    Program,
    Rounding,
    is_multiple,
    quote,
    quote_return,
)

D = Decimal
PROPERTY = settings(max_examples=200, deadline=None)


@st.composite
def purchases(
    draw: st.DrawFn, min_balance: int = 0
) -> tuple[Program, CardTerms, MemberState, Money, Decimal]:
    """A program, a card, a member, an amount, and points to spend within the limit."""
    program = draw(programs(full=False))
    card = draw(cards)
    someone = draw(members(min_balance))
    amount = draw(moneys)
    allowed = quote(program, card, someone, amount, TODAY).max_spend_points
    steps = int(allowed / program.points_quantum)
    spend = draw(st.integers(min_value=0, max_value=steps)) * program.points_quantum
    return program, card, someone, amount, spend


@PROPERTY
@given(purchases())
def test_nothing_negative_no_cap_exceeded_and_the_money_adds_up(
    case: tuple[Program, CardTerms, MemberState, Money, Decimal],
) -> None:
    program, card, someone, amount, spend = case
    q = quote(program, card, someone, amount, TODAY, spend)
    zero = Money.zero()
    # nothing negative
    assert q.discount >= zero and q.paid >= zero and q.payable_before_points >= zero
    assert q.points_earned >= 0 and q.max_spend_points >= 0 and q.points_spent >= 0
    assert q.balance_after >= 0
    # no cap exceeded
    assert q.discount <= amount.percent(program.max_discount_pct, Rounding.DOWN)
    assert q.discount_pct <= program.max_discount_pct
    share = q.payable_before_points.percent(program.spend_max_share_pct, Rounding.DOWN)
    assert q.points_money <= share
    assert q.points_spent <= q.max_spend_points <= max(someone.points_balance, D(0))
    assert is_multiple(q.points_spent, program.points_quantum)
    assert is_multiple(q.points_earned, program.points_quantum)
    assert is_multiple(q.max_spend_points, program.points_quantum)
    # exact money
    assert q.paid + q.points_money + q.discount == amount
    assert q.points_money == Money.of(q.points_spent * program.point_value)
    assert q.balance_after == q.balance_before - q.points_spent + q.points_earned
    assert q.spend_after - q.spend_added == (
        someone.window_spend if program.spend_basis.value == "window" else someone.lifetime_spend
    )
    if card.kind is CardKind.BEARER:
        assert q.points_earned == 0 and q.max_spend_points == 0 and q.spend_added == zero
    assert all(line.text for line in q.lines)


@PROPERTY
@given(purchases(min_balance=-1000))
def test_negative_balance_never_spends(
    case: tuple[Program, CardTerms, MemberState, Money, Decimal],
) -> None:
    program, card, someone, amount, _ = case
    q = quote(program, card, someone, amount, TODAY)
    if someone.points_balance <= 0:
        assert q.max_spend_points == 0
    assert q.max_spend_points >= 0


@PROPERTY
@given(purchases(), st.integers(min_value=1, max_value=10**6))
def test_more_than_allowed_is_refused(
    case: tuple[Program, CardTerms, MemberState, Money, Decimal], extra: int
) -> None:
    program, card, someone, amount, _ = case
    allowed = quote(program, card, someone, amount, TODAY).max_spend_points
    try:
        quote(program, card, someone, amount, TODAY, allowed + extra * program.points_quantum)
    except PointsError as exc:
        assert exc.code in ("points_over_limit", "points_not_allowed")
    else:
        raise AssertionError("spending more than the maximum was accepted")


@st.composite
def splits(draw: st.DrawFn, amount: Money) -> list[Money]:
    """``amount`` cut into 1..6 positive parts (in cents) that add up to it."""
    cents = amount.minor
    n = draw(st.integers(min_value=1, max_value=min(6, cents)))
    if n == 1:
        return [amount]
    cuts = sorted(draw(st.sets(st.integers(1, cents - 1), min_size=n - 1, max_size=n - 1)))
    bounds = [0, *cuts, cents]
    return [Money.from_minor(b - a) for a, b in itertools.pairwise(bounds)]


@PROPERTY
@given(purchases(), st.data())
def test_purchase_then_full_return_restores_balance_and_spend(
    case: tuple[Program, CardTerms, MemberState, Money, Decimal], data: st.DataObject
) -> None:
    program, card, someone, amount, spend = case
    q = quote(program, card, someone, amount, TODAY, spend)
    facts = q.facts()
    balance, spend_total, refund = q.balance_after, q.spend_after, Money.zero()
    returned = Money.zero()
    for part in data.draw(splits(amount)):
        r = quote_return(program, facts, returned, part)
        assert r.refund_money >= Money.zero()
        assert r.points_restored >= 0 and r.points_revoked >= 0
        assert r.spend_removed >= Money.zero()
        returned += part
        balance += r.points_delta
        spend_total -= r.spend_removed
        refund += r.refund_money
    assert returned == amount
    assert balance == q.balance_before
    assert spend_total == q.spend_after - q.spend_added
    assert refund == q.paid


@PROPERTY
@given(programs())
def test_program_round_trips_through_a_dict(program: Program) -> None:
    data = program.to_dict()
    back = Program.from_dict(data)
    assert back == program
    assert back.to_dict() == data


@PROPERTY
@given(st.integers(min_value=0, max_value=10**11))
def test_money_text_round_trip(minor: int) -> None:
    money = Money.from_minor(minor)
    if money.amount <= 10**9:
        assert Money.parse(str(money)) == money
        assert Money.parse(str(money).replace(".", ",")) == money
    assert Money.from_minor(money.minor) == money


def test_a_purchase_above_the_programs_maximum_is_refused() -> None:
    from terminal.loyalty import AmountError, CardState, standard_program

    program = standard_program()
    card = CardTerms(CardKind.PERSONAL, CardState.ACTIVE)
    top = program.max_purchase
    assert quote(program, card, MemberState.new(), top, TODAY).amount == top
    try:
        quote(program, card, MemberState.new(), top + Money.from_minor(1), TODAY)
    except AmountError as exc:
        assert exc.code == "amount_over_maximum"
    else:
        raise AssertionError("a purchase above the maximum was quoted")
