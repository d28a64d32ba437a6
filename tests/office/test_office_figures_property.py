"""The office's re-check of a purchase over generated programs, members, cards and
amounts: what the till's quote gives is accepted (no false rejection), and any figure
moved beyond the tolerance is rejected."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from opkit import purchase_of

from office import checks_purchase, entities
from office.db import OfficeDB
from terminal.loyalty import (
    CardKind,
    CardState,
    CardTerms,
    MemberState,
    Money,
    Progressive,
    Rounding,
    quote,
    standard_program,
)

D = Decimal
_versions = itertools.count(1000)
PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

pcts = st.integers(min_value=0, max_value=3000).map(lambda n: D(n) / 100)
programs = st.builds(
    lambda base, discount, share, quantum, rounding, earn_rounding, progressive: (
        dataclasses.replace(
            base,
            max_discount_pct=discount,
            spend_max_share_pct=share,
            points_quantum=quantum,
            discount_rounding=rounding,
            earn_rounding=earn_rounding,
            progressive=progressive,
        )
    ),
    st.just(standard_program()),
    pcts,
    pcts,
    st.sampled_from([D(1), D("0.01"), D("0.5"), D(10)]),
    st.sampled_from(list(Rounding)),
    st.sampled_from(list(Rounding)),
    st.sampled_from([None, Progressive(D(1), 10, D(5)), Progressive(D(3), 1, D(20))]),
)
members = st.builds(
    MemberState,
    lifetime_spend=st.integers(0, 10**9).map(Money.from_minor),
    window_spend=st.integers(0, 10**9).map(Money.from_minor),
    purchases=st.integers(0, 500),
    points_balance=st.integers(-1000, 10**7).map(lambda n: D(n) / 100),
    birthday=st.sampled_from([None, date(1990, 11, 21), date(2000, 2, 29)]),
    last_birthday_gift_year=st.sampled_from([None, 2025]),
)
cards = st.builds(
    CardTerms,
    kind=st.sampled_from(list(CardKind)),
    state=st.just(CardState.ACTIVE),
    fixed_discount_pct=st.sampled_from([D(0), D(5), D("12.5")]),
)
FIGURES = (
    "amount_minor",
    "discount_minor",
    "paid_minor",
    "points_spent_centi",
    "points_earned_centi",
    "spend_delta_minor",
)


def _case(draw: st.DrawFn) -> tuple[Any, CardTerms, MemberState, int, int]:
    program = draw(programs)
    card = draw(cards)
    state = draw(members) if card.kind is CardKind.PERSONAL else MemberState.new()
    amount = draw(st.integers(1, 10**9))
    q = quote(program, card, state, Money.from_minor(amount), date(2026, 11, 22))
    steps = int(q.max_spend_points / program.points_quantum)
    spend = draw(st.integers(0, steps)) * program.points_quantum
    return program, card, state, amount, round(spend * 100)


cases = st.composite(_case)()


def _check(db: OfficeDB, case: tuple[Any, CardTerms, MemberState, int, int], change: Any) -> Any:
    program, card, state, amount, spend = case
    program = dataclasses.replace(program, version=next(_versions))
    personal = card.kind is CardKind.PERSONAL
    member_id = 1 if personal else None
    body = purchase_of(program, card, state, amount, spend, member_id, 1)
    change(body)
    member = None
    if personal:
        member = {
            "lifetime_spend_minor": state.lifetime_spend.minor,
            "window_spend_minor": state.window_spend.minor,
            "purchases": state.purchases,
            "balance_centi": round(state.points_balance * 100),
            "birthday": None if state.birthday is None else state.birthday.isoformat(),
            "last_gift_year": state.last_birthday_gift_year,
        }
    row = SimpleNamespace(
        kind=card.kind.value,
        state="active",
        fixed_discount_bp=round(card.fixed_discount_pct * 100),
        member_id=member_id,
    )
    with db.write() as conn:
        entities.set_program(conn, db.now(), program.code, program.version, program.to_dict())
        return checks_purchase.check(conn, body, member, row)


@PROPERTY
@given(cases)
def test_what_the_tills_quote_gives_the_office_accepts(
    office_db: OfficeDB, case: tuple[Any, CardTerms, MemberState, int, int]
) -> None:
    assert _check(office_db, case, lambda body: None) is None


@PROPERTY
@given(
    cases,
    st.sampled_from(FIGURES),
    st.integers(2, 10**6) | st.integers(-(10**6), -2),
)
def test_a_figure_moved_beyond_the_tolerance_is_rejected(
    office_db: OfficeDB, case: tuple[Any, CardTerms, MemberState, int, int], name: str, by: int
) -> None:
    def change(body: dict[str, Any]) -> None:
        body[name] += by

    assert _check(office_db, case, change) is not None
