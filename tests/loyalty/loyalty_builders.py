"""Builders and Hypothesis strategies shared by the loyalty rules' tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from terminal.loyalty import (
    BirthdayRule,
    CardKind,
    CardState,
    CardTerms,
    CombineMode,
    DiscountSource,
    MemberState,
    Money,
    Program,
    Progressive,
    Rounding,
    SpendBasis,
    Tier,
)

D = Decimal
TODAY = date(2026, 6, 15)


def m(text: str) -> Money:
    return Money.of(text)


def plain_program(**changes: Any) -> Program:
    """One tier, no discount, nothing else: each test switches on only what it checks."""
    base = Program(
        code="test",
        version=1,
        tiers=(Tier("base", "Base", Money.zero(), D(0), D(0)),),
        max_discount_pct=D(100),
        spend_max_share_pct=D(100),
    )
    return replace(base, **changes)


def tiered_program(**changes: Any) -> Program:
    """Bronze 0 (3%/1%), Silver 1000 (5%/2%), Gold 5000 (7%/5%)."""
    base = plain_program(
        tiers=(
            Tier("bronze", "Bronze", m("0"), D(3), D(1)),
            Tier("silver", "Silver", m("1000"), D(5), D(2)),
            Tier("gold", "Gold", m("5000"), D(7), D(5)),
        )
    )
    return replace(base, **changes)


def personal(pct: str = "0", state: CardState = CardState.ACTIVE) -> CardTerms:
    return CardTerms(CardKind.PERSONAL, state, D(pct))


def bearer(pct: str = "0") -> CardTerms:
    return CardTerms(CardKind.BEARER, CardState.ACTIVE, D(pct))


def member(
    spend: str = "0",
    *,
    window: str | None = None,
    purchases: int = 0,
    balance: str = "0",
    birthday: date | None = None,
    gift_year: int | None = None,
) -> MemberState:
    return MemberState(
        lifetime_spend=m(spend),
        window_spend=m(spend if window is None else window),
        purchases=purchases,
        points_balance=D(balance),
        birthday=birthday,
        last_birthday_gift_year=gift_year,
    )


# --- Hypothesis strategies ----------------------------------------------------------------


def decimals(low: int, high: int, places: int) -> st.SearchStrategy[Decimal]:
    """Decimals in low..high with ``places`` decimal places (faster than st.decimals)."""
    scale = 10**places
    return st.integers(low * scale, high * scale).map(lambda i: D(i).scaleb(-places))


pcts = decimals(0, 100, 2)
small_pcts = decimals(0, 30, 1)
quanta = st.sampled_from([D("1"), D("0.01"), D("0.1"), D("0.05"), D("5")])
roundings = st.sampled_from(list(Rounding))
moneys = st.integers(min_value=1, max_value=10**11).map(Money.from_minor)


PROGRESSIVES = [
    None,
    Progressive(D(1), 10, D(5)),
    Progressive(D("0.5"), 1, D("7.5")),
    Progressive(D(3), 2, D(100)),
]
BIRTHDAYS = [
    None,
    BirthdayRule(3, 3, D(2), True),
    BirthdayRule(0, 0, D("1.5"), False),
    BirthdayRule(7, 1, D(1), True),
]
MEMBER_BIRTHDAYS = [None, date(1990, 6, 15), date(1985, 6, 13), date(2000, 2, 29), date(1970, 1, 1)]


# Strategies are built once, here: building them inside a composite on every draw costs
# more than the rules under test.
tier_counts = st.integers(min_value=1, max_value=4)
tier_steps = st.integers(min_value=1, max_value=10**8)
point_values = st.sampled_from([D("1"), D("0.5"), D("2"), D("0.01"), D("10")])
any_progressive = st.none() | st.builds(
    Progressive,
    step_pct=decimals(0, 5, 1),
    every_n=st.integers(min_value=1, max_value=20),
    cap_pct=small_pcts,
)
any_birthday = st.none() | st.builds(
    BirthdayRule,
    days_before=st.integers(min_value=0, max_value=7),
    days_after=st.integers(min_value=0, max_value=7),
    earn_multiplier=decimals(1, 5, 1),
    gift=st.booleans(),
)
some_progressive = st.sampled_from(PROGRESSIVES)
some_birthday = st.sampled_from(BIRTHDAYS)
codes = st.sampled_from(["std", "gold club", "Клуб"])
versions = st.integers(min_value=1, max_value=10**6)
bases = st.sampled_from(list(SpendBasis))
window_days = st.integers(min_value=1, max_value=3660)
combines = st.sampled_from(list(CombineMode))
orders = st.permutations(list(DiscountSource)).map(tuple)
minimums = st.integers(min_value=0, max_value=100_000).map(Money.from_minor)
feedbacks = decimals(0, 1000, 2)
confirm_aboves = st.none() | moneys  # None: a supervisor is never asked


@st.composite
def programs(draw: st.DrawFn, full: bool = True) -> Program:
    """Valid programs. ``full=False`` varies only what changes a quote (fewer draws, so
    the quote properties stay fast); ``full=True`` varies every field."""
    n = draw(tier_counts)
    thresholds = [0]
    for _ in range(n - 1):
        thresholds.append(thresholds[-1] + draw(tier_steps))
    tiers = tuple(
        Tier(f"t{i}", f"Tier {i}", Money.from_minor(t), draw(small_pcts), draw(small_pcts))
        for i, t in enumerate(thresholds)
    )
    quantum = draw(quanta)
    # a point is worth a whole number of cents per quantum (the program requires it)
    point_value = draw(point_values)
    if not ((point_value * quantum) % D("0.01")).is_zero():
        point_value = D(1)
    return Program(
        code=draw(codes) if full else "p",
        version=draw(versions) if full else 1,
        tiers=tiers,
        spend_basis=draw(bases),
        window_days=draw(window_days) if full else 365,
        progressive=draw(any_progressive if full else some_progressive),
        combine=draw(combines),
        stack_order=draw(orders),
        max_discount_pct=draw(pcts),
        earn_min_purchase=draw(minimums),
        spend_max_share_pct=draw(pcts),
        point_value=point_value,
        points_quantum=quantum,
        discount_rounding=draw(roundings),
        earn_rounding=draw(roundings),
        birthday=draw(any_birthday if full else some_birthday),
        feedback_points=draw(feedbacks) if full else D(0),
        max_purchase=Money.from_minor(10**11),  # every amount of ``moneys`` is allowed
        confirm_above=draw(confirm_aboves) if full else None,
    )


spends = st.integers(min_value=0, max_value=10**11).map(Money.from_minor)
purchase_counts = st.integers(min_value=0, max_value=1000)
member_birthdays = st.sampled_from(MEMBER_BIRTHDAYS)
gift_years = st.sampled_from([None, 2025, 2026])
balances = {0: decimals(0, 10**6, 2), -1000: decimals(-1000, 10**6, 2)}


@st.composite
def members(draw: st.DrawFn, min_balance: int = 0) -> MemberState:
    return MemberState(
        lifetime_spend=draw(spends),
        window_spend=draw(spends),
        purchases=draw(purchase_counts),
        points_balance=draw(balances[min_balance]),
        birthday=draw(member_birthdays),
        last_birthday_gift_year=draw(gift_years),
    )


cards = st.builds(
    CardTerms,
    kind=st.sampled_from(list(CardKind)),
    state=st.just(CardState.ACTIVE),
    fixed_discount_pct=st.sampled_from([D(0), D(0), D(5), D(10), D("12.5"), D(60)]),
)
