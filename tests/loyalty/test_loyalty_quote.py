"""Quotes: a realistic purchase line by line, the purchase facts a return reads, and the
explanation lines' data. (Discounts, cards, spending and earning points: the
test_loyalty_*.py beside this one.)"""

from __future__ import annotations

from datetime import date

import pytest
from loyalty_builders import TODAY, m, member, personal
from quote_helpers import TIER, D, one_tier, texts

from terminal.loyalty import ExplanationLine, PurchaseFacts, ReturnError, quote, standard_program

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
