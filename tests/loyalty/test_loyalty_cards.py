"""Quotes: bearer cards, cards that are not active, and the checks on the terms and the
amount."""

from __future__ import annotations

import pytest
from loyalty_builders import TODAY, bearer, m, member, personal, tiered_program
from quote_helpers import CARD, PROGRESSIVE_3, D, assert_balanced

from terminal.loyalty import (
    AmountError,
    BirthdayRule,
    CardKind,
    CardNotUsable,
    CardState,
    CardTerms,
    LoyaltyError,
    Money,
    PointsError,
    TermsError,
    quote,
)


def test_bearer_card_gets_only_its_own_discount() -> None:
    program = tiered_program(progressive=PROGRESSIVE_3, birthday=BirthdayRule(3, 3, D(2), True))
    q = quote(program, bearer("4"), member("9000", purchases=50, balance="500"), m("1000"), TODAY)
    assert q.discount == m("40") and q.discount_source is CARD
    assert q.max_spend_points == 0 and q.points_spent == 0 and q.points_earned == 0
    assert q.spend_added == Money.zero() and q.tier_after == q.tier_before
    assert q.balance_after == q.balance_before
    assert not q.birthday and not q.gift_available
    assert q.lines[0].text == "Bearer card: card discount only, no points"
    assert_balanced(q)


def test_bearer_card_without_a_discount() -> None:
    q = quote(tiered_program(), bearer(), member(), m("1000"), TODAY)
    assert q.discount == Money.zero() and q.discount_source is None and q.paid == m("1000")


def test_bearer_card_cannot_pay_with_points() -> None:
    with pytest.raises(PointsError) as info:
        quote(tiered_program(), bearer(), member(balance="100"), m("1000"), TODAY, D(10))
    assert info.value.code == "points_not_allowed"
    assert quote(tiered_program(), bearer(), member(), m("1000"), TODAY, D(0)).points_spent == 0


@pytest.mark.parametrize(
    ("state", "code"),
    [
        (CardState.NOT_ACTIVATED, "card_not_activated"),
        (CardState.BLOCKED, "card_blocked"),
        (CardState.LOST, "card_lost"),
        (CardState.EXPIRED, "card_expired"),
        (CardState.REPLACED, "card_replaced"),
    ],
)
@pytest.mark.parametrize("kind", list(CardKind))
def test_cards_not_active_are_refused(state: CardState, code: str, kind: CardKind) -> None:
    with pytest.raises(CardNotUsable) as info:
        quote(tiered_program(), CardTerms(kind, state), member(), m("100"), TODAY)
    assert info.value.code == code and info.value.state is state
    assert isinstance(info.value, LoyaltyError) and str(info.value)


@pytest.mark.parametrize("pct", ["-1", "100.01", "NaN"])
def test_card_terms_are_checked(pct: str) -> None:
    with pytest.raises(TermsError):
        CardTerms(CardKind.PERSONAL, CardState.ACTIVE, D(pct))


@pytest.mark.parametrize("amount", ["0", "-0.01", "-100"])
def test_amount_must_be_positive(amount: str) -> None:
    with pytest.raises(AmountError) as info:
        quote(tiered_program(), personal(), member(), m(amount), TODAY)
    assert info.value.code == "amount_not_positive"
