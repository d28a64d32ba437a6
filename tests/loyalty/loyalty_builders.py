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


@st.composite
def programs(draw: st.DrawFn) -> Program:
    n = draw(st.integers(min_value=1, max_value=4))
    steps = draw(
        st.lists(st.integers(min_value=1, max_value=10**8), min_size=n - 1, max_size=n - 1)
    )
    thresholds = [0]
    for step in steps:
        thresholds.append(thresholds[-1] + step)
    tiers = tuple(
        Tier(f"t{i}", f"Tier {i}", Money.from_minor(t), draw(small_pcts), draw(small_pcts))
        for i, t in enumerate(thresholds)
    )
    quantum = draw(quanta)
    # a point is worth a whole number of cents per quantum (the program requires it)
    point_value = draw(st.sampled_from([D("1"), D("0.5"), D("2"), D("0.01"), D("10")]))
    if not ((point_value * quantum) % D("0.01")).is_zero():
        point_value = D(1)
    progressive = draw(
        st.none()
        | st.builds(
            Progressive,
            step_pct=decimals(0, 5, 1),
            every_n=st.integers(min_value=1, max_value=20),
            cap_pct=small_pcts,
        )
    )
    birthday = draw(
        st.none()
        | st.builds(
            BirthdayRule,
            days_before=st.integers(min_value=0, max_value=7),
            days_after=st.integers(min_value=0, max_value=7),
            earn_multiplier=decimals(1, 5, 1),
            gift=st.booleans(),
        )
    )
    return Program(
        code=draw(st.sampled_from(["std", "gold club", "Клуб"])),
        version=draw(st.integers(min_value=1, max_value=10**6)),
        tiers=tiers,
        spend_basis=draw(st.sampled_from(list(SpendBasis))),
        window_days=draw(st.integers(min_value=1, max_value=3660)),
        progressive=progressive,
        combine=draw(st.sampled_from(list(CombineMode))),
        stack_order=tuple(draw(st.permutations(list(DiscountSource)))),
        max_discount_pct=draw(pcts),
        earn_min_purchase=Money.from_minor(draw(st.integers(min_value=0, max_value=100_000))),
        spend_max_share_pct=draw(pcts),
        point_value=point_value,
        points_quantum=quantum,
        discount_rounding=draw(roundings),
        earn_rounding=draw(roundings),
        birthday=birthday,
        feedback_points=draw(decimals(0, 1000, 2)),
    )


@st.composite
def members(draw: st.DrawFn, min_balance: int = 0) -> MemberState:
    spend = Money.from_minor(draw(st.integers(min_value=0, max_value=10**11)))
    window = Money.from_minor(draw(st.integers(min_value=0, max_value=10**11)))
    return MemberState(
        lifetime_spend=spend,
        window_spend=window,
        purchases=draw(st.integers(min_value=0, max_value=1000)),
        points_balance=draw(decimals(min_balance, 10**6, 2)),
        birthday=draw(st.none() | st.dates(min_value=date(1930, 1, 1), max_value=TODAY)),
        last_birthday_gift_year=draw(st.none() | st.integers(min_value=2020, max_value=2026)),
    )


cards = st.builds(
    CardTerms,
    kind=st.sampled_from(list(CardKind)),
    state=st.just(CardState.ACTIVE),
    fixed_discount_pct=st.sampled_from([D(0), D(0), D(5), D(10), D("12.5"), D(60)]),
)
