"""The payment schemes' table (common.payment_schemes): every scheme of our markets, each
range refused, the Luhn rule as documented, and docs/payment-cards.md equal to the code."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from paymentkit import EVERY_RANGE, SAMPLES, ids

from common.cardnumbers import (
    PAYMENT_IIN_RANGES,
    CardNumberRules,
    NumberClass,
    classify,
    is_payment_pan,
    luhn_valid,
    payment_scheme,
)
from common.payment_schemes import (
    NO_NATIONAL_SCHEME,
    PAYMENT_SCHEMES,
    SOURCES,
    PaymentScheme,
    markdown,
)

DOC = Path(__file__).parents[2] / "docs" / "payment-cards.md"
BEGIN, END = "<!-- the table: common/payment_schemes.py, markdown() -->", "<!-- end -->"
#: The markets we sell to (issue 13): each has its national scheme in the table, or a row
#: that says it has none.
MARKETS = {
    "Russia": ["Mir"],
    "Ukraine": ["PROSTIR", "UkrCard"],
    "Belarus": ["BELKART"],
    "Uzbekistan": ["UzCard", "Humo"],
    "Armenia": ["ArCa"],
    "Kyrgyzstan": ["Elcard"],
    "Tajikistan": ["Korti Milli"],
    "Moldova (Transnistria)": ["NPS Pridnestrovie"],
}
INTERNATIONAL = """Visa, Mastercard, Maestro, American Express, Diners Club International,
Discover, JCB, UnionPay, RuPay, Troy""".replace("\n", " ").split(", ")


def test_every_market_has_its_schemes_or_says_it_has_none() -> None:
    by_country = {s.name: s.country for s in PAYMENT_SCHEMES}
    for country, schemes in MARKETS.items():
        assert [by_country[name] for name in schemes] == [country] * len(schemes)
    none = {c for c, _, _ in NO_NATIONAL_SCHEME}
    assert none == {"Kazakhstan", "Azerbaijan", "Georgia", "Moldova"}
    assert set(INTERNATIONAL) <= set(by_country)


def test_every_row_cites_known_sources_and_has_sound_ranges() -> None:
    for s in PAYMENT_SCHEMES:
        assert s.sources and set(s.sources) <= set(SOURCES), s.name
        assert s.lengths and all(12 <= n <= 19 for n in s.lengths), s.name
        for low, high in s.ranges:
            assert low.isdigit() and high.isdigit() and len(low) == len(high) and low <= high
            assert (low, high) in PAYMENT_IIN_RANGES
    for _, _, keys in NO_NATIONAL_SCHEME:
        assert set(keys) <= set(SOURCES)


@pytest.mark.parametrize(("scheme", "pan"), SAMPLES, ids=ids(SAMPLES))
def test_every_scheme_is_a_bank_card(scheme: str, pan: str) -> None:
    assert is_payment_pan(pan)
    # bank wins over any pattern of the program, even one that takes every number
    assert classify(pan, CardNumberRules()) is NumberClass.BANK
    assert classify(pan, CardNumberRules(prefixes=(pan[:4],))) is NumberClass.BANK


@pytest.mark.parametrize(("scheme", "span", "pan"), EVERY_RANGE)
def test_both_ends_of_every_range_are_bank_cards(scheme: str, span: str, pan: str) -> None:
    assert is_payment_pan(pan), (scheme, span)


@pytest.mark.parametrize(
    "pan",
    [
        "9112314159265356",  # BELKART: taken for a club card before this table
        "9804000000000000",  # PROSTIR
        "9417000000000001",  # Elcard
        "9051000000000002",  # ArCa
        "9762000000000003",  # Korti Milli
        "8600123412341234",  # UzCard, without a Luhn digit
        "9860123412341234",  # Humo, without a Luhn digit
        "6200000000000001",  # UnionPay, without a Luhn digit
        "6054740000000003",  # NPS Pridnestrovie (Luhn-valid)
    ],
)
def test_national_schemes_once_taken_for_club_cards(pan: str) -> None:
    assert classify(pan, CardNumberRules(prefixes=(pan[:2],))) is NumberClass.BANK


def test_luhn_decides_only_for_schemes_whose_cards_all_carry_it() -> None:
    visa_bad = "4111111111111112"  # Visa's cards always carry one: a wrong digit is not Visa
    assert payment_scheme("4111111111111111") is not None and payment_scheme(visa_bad) is None
    for name, pan in SAMPLES:
        scheme = payment_scheme(pan)
        assert scheme is not None
        if not next(s for s in PAYMENT_SCHEMES if s.name == name).luhn:
            assert not luhn_valid(pan)  # refused on prefix and length alone


def test_numbers_outside_every_range_or_length_are_not_bank_cards() -> None:
    assert not is_payment_pan("2990000000018")  # the demo club's
    assert not is_payment_pan("70001234000012")
    assert not is_payment_pan("91120000000")  # 11 digits: no card number
    assert not is_payment_pan("91123141592653560000")  # 20 digits
    assert not is_payment_pan("9112 3141 5926 5356")  # the readers strip nothing


@given(st.sampled_from(PAYMENT_SCHEMES), st.data())
def test_any_number_of_a_scheme_is_refused(scheme: PaymentScheme, data: st.DataObject) -> None:
    low, high = data.draw(st.sampled_from(scheme.ranges))
    head = str(data.draw(st.integers(int(low), int(high)))).zfill(len(low))
    length = data.draw(st.sampled_from(scheme.lengths))
    body = head + data.draw(st.text("0123456789", min_size=length, max_size=length))
    body = body[: length - 1]
    pan = next(body + d for d in "0123456789" if luhn_valid(body + d))
    assert is_payment_pan(pan)
    if not scheme.luhn:
        assert all(is_payment_pan(body + d) for d in "0123456789")


def test_the_guide_has_the_table_of_the_code() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert BEGIN in text and END in text, f"{DOC} lost its markers"
    table = text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n") + "\n"
    assert table == markdown(), (
        "docs/payment-cards.md is not the table of common/payment_schemes.py: paste "
        "`python -c 'from common.payment_schemes import markdown; print(markdown())'`"
    )
