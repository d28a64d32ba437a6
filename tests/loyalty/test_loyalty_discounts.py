"""Quotes: the discount sources, best-of and stacked, the program's cap, rounding, and the
progressive steps."""

from __future__ import annotations

import pytest
from loyalty_builders import TODAY, m, member, personal, tiered_program
from quote_helpers import (
    CARD,
    PROG,
    PROGRESSIVE_3,
    TIER,
    D,
    assert_balanced,
    codes,
    one_tier,
    texts,
)

from terminal.loyalty import CombineMode, DiscountSource, Progressive, Rounding, quote

# --- discounts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("card_pct", "tier_pct", "purchases", "source", "pct", "discount"),
    [
        ("0", "0", 0, None, "0", "0.00"),
        ("10", "0", 0, CARD, "10", "100.00"),
        ("0", "5", 0, TIER, "5", "50.00"),
        ("0", "0", 30, PROG, "3", "30.00"),
        ("10", "5", 30, CARD, "10", "100.00"),
        ("2", "5", 30, TIER, "5", "50.00"),
        ("2", "1", 30, PROG, "3", "30.00"),
        # ties: card before tier before progressive
        ("5", "5", 0, CARD, "5", "50.00"),
        ("0", "3", 30, TIER, "3", "30.00"),
        ("3", "0", 30, CARD, "3", "30.00"),
    ],
)
def test_best_of(
    card_pct: str,
    tier_pct: str,
    purchases: int,
    source: DiscountSource | None,
    pct: str,
    discount: str,
) -> None:
    program = one_tier(tier_pct, progressive=PROGRESSIVE_3)
    q = quote(program, personal(card_pct), member(purchases=purchases), m("1000"), TODAY)
    assert q.discount_source is source
    assert q.discount_pct == D(pct)
    assert q.discount == m(discount)
    assert_balanced(q)


def test_best_of_explains_the_winner_and_the_losers() -> None:
    program = tiered_program(progressive=PROGRESSIVE_3)
    q = quote(program, personal("10"), member("1500", purchases=30), m("1000"), TODAY)
    assert texts(q)[:3] == [
        "Card discount 10%: -100.00",
        "Card discount 10% is better than tier 5%",
        "Card discount 10% is better than progressive 3%",
    ]


@pytest.mark.parametrize(
    ("order", "discount", "lines"),
    [
        # 1000 -10% -> 900 -5% -> 855 -3% -> 829.35
        (
            (CARD, TIER, PROG),
            "170.65",
            [
                "Card discount 10%: -100.00",
                "Base tier discount 5%: -45.00",
                "Progressive discount 3% after 30 purchases: -25.65",
            ],
        ),
        (
            (PROG, TIER, CARD),
            "170.65",
            [
                "Progressive discount 3% after 30 purchases: -30.00",
                "Base tier discount 5%: -48.50",
                "Card discount 10%: -92.15",
            ],
        ),
    ],
)
def test_stacked(order: tuple[DiscountSource, ...], discount: str, lines: list[str]) -> None:
    program = one_tier(
        "5", combine=CombineMode.STACKED, stack_order=order, progressive=PROGRESSIVE_3
    )
    q = quote(program, personal("10"), member(purchases=30), m("1000"), TODAY)
    assert q.discount == m(discount)
    assert q.discount_pct == D("17.065")  # 100 - 90% * 95% * 97%
    assert q.discount_source is None
    assert texts(q)[:3] == lines
    assert q.lines[3].code == "discount_stacked"
    assert_balanced(q)


def test_stacked_rounds_each_step() -> None:
    program = one_tier("5", combine=CombineMode.STACKED, discount_rounding=Rounding.HALF_UP)
    # 0.99: card 50% -> 0.495 -> 0.50; rest 0.49, tier 5% -> 0.0245 -> 0.02
    q = quote(program, personal("50"), member(), m("0.99"), TODAY)
    assert q.discount == m("0.52")


def test_stacked_with_a_single_source_names_it() -> None:
    program = one_tier("5", combine=CombineMode.STACKED)
    q = quote(program, personal(), member(), m("1000"), TODAY)
    assert q.discount_source is TIER and q.discount == m("50") and q.discount_pct == 5
    assert "discount_stacked" not in codes(q)


@pytest.mark.parametrize(
    ("combine", "card_pct", "tier_pct", "amount", "discount", "reduced_by"),
    [
        (CombineMode.BEST_OF, "20", "5", "1000", "150.00", "50.00"),
        (CombineMode.STACKED, "10", "7", "1000", "150.00", "13.00"),  # 163 -> 150
        (CombineMode.BEST_OF, "15", "0", "0.99", "0.14", "0.01"),  # 0.1485 rounds up to 0.15
        (CombineMode.BEST_OF, "100", "0", "1000", "150.00", "850.00"),
    ],
)
def test_discount_cap(
    combine: CombineMode,
    card_pct: str,
    tier_pct: str,
    amount: str,
    discount: str,
    reduced_by: str,
) -> None:
    program = one_tier(tier_pct, combine=combine, max_discount_pct=D(15))
    q = quote(program, personal(card_pct), member(), m(amount), TODAY)
    assert q.discount == m(discount)
    assert q.discount_pct == 15
    capped = [line for line in q.lines if line.code == "discount_capped"]
    assert len(capped) == 1 and capped[0].amount == m(reduced_by)
    assert capped[0].text == f"Capped by the program maximum 15%: discount reduced by {reduced_by}"
    assert_balanced(q)


def test_below_the_cap_no_cap_line() -> None:
    q = quote(one_tier("7", max_discount_pct=D(15)), personal(), member(), m("1000"), TODAY)
    assert "discount_capped" not in codes(q)


@pytest.mark.parametrize(
    ("discount_rounding", "discount"),
    [
        (Rounding.HALF_UP, "3.50"),  # 3% of 116.50 = 3.495
        (Rounding.HALF_EVEN, "3.50"),
        (Rounding.DOWN, "3.49"),
        (Rounding.UP, "3.50"),
    ],
)
def test_discount_rounding(discount_rounding: Rounding, discount: str) -> None:
    program = one_tier("3", discount_rounding=discount_rounding)
    assert quote(program, personal(), member(), m("116.50"), TODAY).discount == m(discount)


# --- progressive -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("purchases", "pct", "capped"),
    [
        (0, "0", False),
        (9, "0", False),
        (10, "1", False),
        (19, "1", False),
        (20, "2", False),
        (45, "4", False),
        (50, "5", True),
        (60, "5", True),
        (1000, "5", True),
        (-3, "0", False),
    ],
)
def test_progressive_steps_and_cap(purchases: int, pct: str, capped: bool) -> None:
    program = one_tier(progressive=Progressive(D(1), 10, D(5)))
    q = quote(program, personal(), member(purchases=purchases), m("200"), TODAY)
    assert q.discount_pct == D(pct)
    assert q.discount == m("200").percent(D(pct), Rounding.HALF_UP)
    assert ("progressive_capped" in codes(q)) is capped
    if capped:
        assert "Progressive discount has reached its maximum 5%" in texts(q)


def test_progressive_with_half_percent_steps() -> None:
    program = one_tier(progressive=Progressive(D("0.5"), 3, D("2.5")))
    q = quote(program, personal(), member(purchases=7), m("1000"), TODAY)
    assert q.discount_pct == 1 and q.discount == m("10")
