"""Cards as the cashier's window meets them: a number typed into the search box, or a
card read that the club does not know, and what a card number must be to be one of the
club's (the same rules as the readers': drivers' CardNumberRules, ``[readers.numbers]``).

Pure rules over :class:`~terminal.services.identify.CardKey` (no Qt, no SQL): the window
asks them, and they are tested on their own.
"""

from __future__ import annotations

import re

from common.cardnumbers import is_payment_pan
from terminal.services.identify import CardKey, card_key_from_text, club_card

__all__ = ["TYPED_NUMBER_MIN", "club_card", "may_register", "typed_card", "typed_payment_card"]

_SEPARATORS = re.compile(r"[\s\-.]")

#: A typed text this long (spaces at the ends aside) that reads as a card number is one;
#: shorter digits are a phone number or part of one, and are searched for.
TYPED_NUMBER_MIN = 12


def typed_card(text: str) -> CardKey | None:
    """The card ``text`` names when the cashier typed (or a scanner sent) a whole card
    number; None: search the members for ``text`` instead (a phone, a surname, a UID)."""
    key = card_key_from_text(text)
    if key is None or key.number is None or len(text.strip()) < TYPED_NUMBER_MIN:
        return None
    return key


def may_register(key: CardKey) -> bool:
    """Whether a supervisor may register a new member with ``key``, a card the club does
    not know: only a card presented with its UID or its number, not by a cache id."""
    return bool(key.uid or key.number)


def typed_payment_card(text: str) -> bool:
    """Whether ``text`` is a payment card's number as people type or print it (in groups,
    with spaces, dashes or dots): refused, and not searched for."""
    digits = _SEPARATORS.sub("", text)
    return digits.isascii() and digits.isdigit() and is_payment_pan(digits)
