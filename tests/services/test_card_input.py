"""What typed text is a card number, and which unknown cards a supervisor may register
with: the rules the cashier's window asks (terminal.services.card_input)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from paymentkit import SAMPLES, ids

from common.cardnumbers import CardNumberRules
from drivers.config import demo_rules
from terminal.services.card_input import (
    TYPED_NUMBER_MIN,
    club_card,
    may_register,
    typed_card,
    typed_payment_card,
)
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey, card_key_from_text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("123456789012", "123456789012"),  # the shortest typed number
        ("2000000000017", "2000000000017"),
        ("  2000000000017\n", "2000000000017"),  # a scanner's Enter, stray spaces
        ("2000 0000 0001 7", "2000000000017"),  # typed in groups, as printed
    ],
)
def test_a_whole_card_number_is_a_card(text: str, number: str) -> None:
    key = typed_card(text)
    assert key is not None and key.number == number


@pytest.mark.parametrize(
    "text",
    [
        "12345678901",  # eleven digits: a phone number
        "  12345678901  ",  # the ends do not count
        "+79161234567",
        "Иванов",
        "04C0FFEE112233",  # a UID has no number: the search looks for it
        "",
        "   ",
    ],
)
def test_anything_else_is_searched_for(text: str) -> None:
    assert typed_card(text) is None


def test_digits_that_are_also_a_uid_keep_both() -> None:
    """Fourteen digits are valid hex too: the key tries the UID and the number."""
    assert typed_card("12345678901234") == CardKey(uid="12345678901234", number="12345678901234")


@given(st.text(alphabet="0123456789 +:-abcdefABCDEF", max_size=40))
def test_a_typed_card_is_the_card_the_text_reads_as(text: str) -> None:
    key = typed_card(text)
    if key is not None:
        assert key == card_key_from_text(text) and key.number is not None
        assert len(text.strip()) >= TYPED_NUMBER_MIN


@pytest.mark.parametrize(
    ("key", "allowed"),
    [
        (CardKey(uid="04C0FFEE112233"), True),
        (CardKey(number="2000000000017"), True),
        (CardKey(uid="04C0FFEE112233", card_id=7), True),
        (CardKey(card_id=7), False),  # no UID, no number: nothing to put on a new card
    ],
)
def test_an_unknown_card_may_be_registered_with_its_uid_or_number(
    key: CardKey, allowed: bool
) -> None:
    assert may_register(key) is allowed


@pytest.mark.parametrize(("scheme", "pan"), SAMPLES, ids=ids(SAMPLES))
def test_a_payment_card_is_no_club_card_whatever_the_patterns(scheme: str, pan: str) -> None:
    for rules in (CardNumberRules(), demo_rules(), CardNumberRules(prefixes=(pan[:2],))):
        for key in (CardKey(number=pan), CardKey(uid=pan[:14], number=pan[:14] + pan[14:])):
            with pytest.raises(ServiceError) as refused:
                club_card(key, rules)
            assert refused.value.code == "bank_card_refused"


def test_a_number_the_patterns_do_not_take_is_not_a_club_card() -> None:
    rules = demo_rules()
    assert club_card(CardKey(number="2990000000018"), rules) == CardKey(number="2990000000018")
    with pytest.raises(ServiceError, match="not a club card"):
        club_card(CardKey(number="2990000000017"), rules)
    # digits that are a UID too: the UID is kept, the number dropped
    both = CardKey(uid="12345678901234", number="12345678901234")
    assert club_card(both, rules) == CardKey(uid="12345678901234")
    assert club_card(CardKey(uid="04C0FFEE"), rules) == CardKey(uid="04C0FFEE")
    assert club_card(CardKey(card_id=7), rules) == CardKey(card_id=7)


@pytest.mark.parametrize(("scheme", "pan"), SAMPLES, ids=ids(SAMPLES))
def test_a_payment_card_typed_in_groups_is_one(scheme: str, pan: str) -> None:
    groups = [pan[i : i + 4] for i in range(0, len(pan), 4)]
    for sep in (" ", "-", ".", ""):
        assert typed_payment_card(f" {sep.join(groups)} ")


@pytest.mark.parametrize(
    "text", ["2990000000018", "8 916 123-45-67", "+7 916 123 45 67", "Иванов", "", "4111-1111"]
)
def test_other_texts_are_no_payment_card(text: str) -> None:
    assert not typed_payment_card(text)
