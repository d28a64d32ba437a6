"""Quotes: every discount source, best-of and stacked, the cap, bearer cards, card states,
progressive steps, the points caps, earning, birthday, tiers, and the explanation lines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from loyalty_builders import TODAY, bearer, m, member, personal, plain_program, tiered_program

from terminal.loyalty import (
    AmountError,
    BirthdayRule,
    CardKind,
    CardNotUsable,
    CardState,
    CardTerms,
    CombineMode,
    DiscountSource,
    ExplanationLine,
    LoyaltyError,
    Money,
    PointsError,
    Program,
    Progressive,
    PurchaseFacts,
    Quote,
    ReturnError,
    Rounding,
    TermsError,
    Tier,
    quote,
    standard_program,
)

D = Decimal
CARD, TIER, PROG = DiscountSource.CARD, DiscountSource.TIER, DiscountSource.PROGRESSIVE


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


# --- discounts ---------------------------------------------------------------------------

PROGRESSIVE_3 = Progressive(D(1), 10, D(5))  # 30 purchases -> 3%


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


# --- bearer cards and card states ---------------------------------------------------------


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


# --- spending points ---------------------------------------------------------------------


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


# --- earning points ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "earned", "below"),
    [("99.99", "0", True), ("100", "5", False), ("100.01", "5", False), ("1", "0", True)],
)
def test_earn_minimum(amount: str, earned: str, below: bool) -> None:
    program = one_tier(earn="5", earn_min_purchase=m("100"))
    q = quote(program, personal(), member(), m(amount), TODAY)
    assert q.points_earned == D(earned)
    assert ("No points below 100.00" in texts(q)) is below


def test_earn_minimum_applies_after_the_discount() -> None:
    program = one_tier("10", "5", earn_min_purchase=m("100"))
    q = quote(program, personal(), member(), m("110"), TODAY)  # 99.00 after discount
    assert q.points_earned == 0 and "earn_below_minimum" in codes(q)


@pytest.mark.parametrize(
    ("quantum", "rounding", "earned"),
    [
        ("1", Rounding.DOWN, "9"),  # 3% of 333.33 = 9.9999
        ("1", Rounding.HALF_UP, "10"),
        ("1", Rounding.UP, "10"),
        ("0.01", Rounding.DOWN, "9.99"),
        ("0.01", Rounding.HALF_UP, "10.00"),
        ("0.1", Rounding.DOWN, "9.9"),
        ("5", Rounding.DOWN, "5"),
        ("5", Rounding.HALF_EVEN, "10"),
    ],
)
def test_earn_quantum_and_rounding(quantum: str, rounding: Rounding, earned: str) -> None:
    program = one_tier(earn="3", points_quantum=D(quantum), earn_rounding=rounding)
    q = quote(program, personal(), member(), m("333.33"), TODAY)
    assert str(q.points_earned) == earned


def test_earn_uses_the_tier_before_the_purchase() -> None:
    q = quote(tiered_program(), personal(), member("900"), m("200"), TODAY)
    assert q.tier_before.code == "bronze" and q.tier_after.code == "silver"
    assert q.points_earned == 1  # 1% (Bronze) of 194.00, rounded down
    assert "Points earned: 1% of 194.00 (Bronze): +1" in texts(q)


BIRTHDAY = BirthdayRule(days_before=3, days_after=3, earn_multiplier=D(2), gift=True)


@pytest.mark.parametrize(
    ("today", "in_window", "earned", "gift"),
    [
        (date(2026, 6, 15), True, "20", True),
        (date(2026, 6, 12), True, "20", True),
        (date(2026, 6, 18), True, "20", True),
        (date(2026, 6, 19), False, "10", False),
        (date(2026, 6, 11), False, "10", False),
    ],
)
def test_birthday_multiplies_points_and_offers_the_gift(
    today: date, in_window: bool, earned: str, gift: bool
) -> None:
    program = one_tier(earn="1", birthday=BIRTHDAY)
    q = quote(program, personal(), member(birthday=date(1985, 6, 15)), m("1000"), today)
    assert q.birthday is in_window and q.points_earned == D(earned)
    assert q.gift_available is gift
    assert ("Birthday: points x2" in texts(q)) is in_window
    assert ("Birthday gift available" in texts(q)) is gift


def test_birthday_gift_already_given_this_year() -> None:
    program = one_tier(earn="1", birthday=BIRTHDAY)
    someone = member(birthday=date(1985, 6, 15), gift_year=2026)
    q = quote(program, personal(), someone, m("1000"), TODAY)
    assert q.birthday and not q.gift_available and q.points_earned == 20


# --- a realistic purchase, line by line ----------------------------------------------------


def test_standard_program_gold_member_on_her_birthday() -> None:
    someone = member("120000", purchases=25, balance="500", birthday=date(1990, 6, 14))
    q = quote(standard_program(), personal(), someone, m("1000"), TODAY, D(200))
    assert texts(q) == [
        "Gold tier discount 7%: -70.00",
        "Tier discount 7% is better than progressive 2%",
        "Points pay at most 30% of the receipt: up to 279",
        "Paid with 200 points: -200.00",
        "Birthday: points x2",
        "Points earned: 7% of 730.00 (Gold): +102",
        "Birthday gift available",
    ]
    assert (q.discount, q.paid, q.points_earned, q.balance_after) == (
        m("70"),
        m("730"),
        D(102),
        D(402),
    )
    assert q.discount_source is TIER and q.spend_after == m("120930")
    assert all(line.code.isidentifier() and line.code.islower() for line in q.lines)


# --- purchase facts ----------------------------------------------------------------------


def test_facts_round_trip() -> None:
    q = quote(standard_program(), personal(), member(balance="50"), m("1234.56"), TODAY, D(50))
    facts = q.facts()
    assert facts == PurchaseFacts(
        q.amount, q.discount, D(50), q.paid, q.points_earned, q.payable_before_points
    )
    data = facts.to_dict()
    assert all(isinstance(v, str) for v in data.values())
    assert PurchaseFacts.from_dict({**data, "program": "standard", "version": 1}) == facts


@pytest.mark.parametrize(
    ("key", "value"), [("paid", None), ("amount", "x"), ("points_spent", "-1"), ("paid", 5)]
)
def test_facts_from_dict_refuses(key: str, value: object) -> None:
    data: dict[str, object] = {
        **quote(one_tier(), personal(), member(), m("1"), TODAY).facts().to_dict(),
        key: value,
    }
    with pytest.raises(ReturnError) as info:
        PurchaseFacts.from_dict(data)
    assert info.value.code == "facts_invalid"


def test_explanation_line_data() -> None:
    line = ExplanationLine.of("discount_tier", m("70"), pct="7", tier="Gold")
    assert line.params == (("pct", "7"), ("tier", "Gold"))
    assert line.param("tier") == "Gold" and line.text == "Gold tier discount 7%: -70.00"
    with pytest.raises(KeyError):
        line.param("nope")
    assert ExplanationLine.of("something_new", x="1").text == "something_new x=1"
