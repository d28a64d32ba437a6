"""Which numbers are ours, which are bank cards (and bank always wins)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.cardnumbers import (
    CardNumberRules,
    NumberClass,
    classify,
    is_payment_pan,
    luhn_valid,
)
from drivers.config import demo_rules

# Test PANs published by the schemes / acquirers (none is a real account).
BANK_PANS = [
    "4111111111111111",  # Visa
    "4012888888881881",
    "5555555555554444",  # Mastercard
    "2223003122003222",  # Mastercard 2-series
    "2200000000000004",  # Mir (Luhn-valid in 2200-2204)
    "378282246310005",  # Amex
    "6200000000000005",  # UnionPay
    "3530111333300000",  # JCB
    "6759649826438453",  # Maestro
    "6011111111111117",  # Discover
    "30569309025904",  # Diners
]


def with_luhn(body: str) -> str:
    for d in "0123456789":
        if luhn_valid(body + d):
            return body + d
    raise AssertionError


@pytest.mark.parametrize("pan", BANK_PANS)
def test_payment_cards_are_bank_cards(pan: str) -> None:
    assert is_payment_pan(pan)
    assert classify(pan, demo_rules()) is NumberClass.BANK


def test_bank_wins_over_the_loyalty_patterns() -> None:
    greedy = CardNumberRules(prefixes=("4",))
    assert classify("4111111111111111", greedy) is NumberClass.BANK
    assert classify("4111111111111112", greedy) is NumberClass.OURS  # not Luhn-valid


def test_demo_numbers_are_ours() -> None:
    rules = demo_rules()
    assert classify("2990000000018", rules) is NumberClass.OURS
    assert classify("2990000000017", rules) is NumberClass.FOREIGN  # bad check digit
    assert classify("29900000000188", rules) is NumberClass.FOREIGN  # too long
    assert classify("1234567890128", rules) is NumberClass.FOREIGN


def test_prefixes_ranges_lengths() -> None:
    rules = CardNumberRules(prefixes=("77",), ranges=(("1000", "1999"),), lengths=(8,))
    assert rules.matches("77000000")
    assert rules.matches("15000000")
    assert not rules.matches("20000000")
    assert not rules.matches("7700000")
    assert not rules.matches("77 00000")
    assert not rules.matches("７７000000")  # fullwidth digits are not digits here
    assert CardNumberRules().matches("1")


@given(st.from_regex(r"(4|5[1-5]|220[0-4])[0-9]{11,14}", fullmatch=True))
def test_any_luhn_valid_scheme_number_is_bank(body: str) -> None:
    pan = with_luhn(body)
    if 12 <= len(pan) <= 19:
        assert classify(pan, CardNumberRules()) is NumberClass.BANK


@given(st.text(max_size=30))
def test_classify_never_raises(text: str) -> None:
    assert classify(text, demo_rules()) in NumberClass
