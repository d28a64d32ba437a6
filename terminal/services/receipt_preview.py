"""The receipt a checkout will print, drawn before it is recorded (F2 on the checkout).

What a purchase receipt says of the member is decided here once: how to greet them, and
the card's last digits, never the whole number.
"""

from __future__ import annotations

from datetime import datetime

from terminal.loyalty import Quote
from terminal.receipts.model import ReceiptData, from_quote
from terminal.services.identify import MemberView

CARD_TAIL_DIGITS = 4
#: A receipt not recorded yet has no operation id and no sequence number.
UNRECORDED_ID = "-"
UNRECORDED_SEQ = 0


def card_tail(number: str | None) -> str | None:
    """What a receipt shows of a card number: its last four digits."""
    return None if number is None else number[-CARD_TAIL_DIGITS:]


def preview_receipt(
    quote: Quote, view: MemberView, *, created_at: datetime, language: str
) -> ReceiptData:
    """The receipt of ``quote`` for the member of ``view``, as the checkout would print it."""
    return from_quote(
        quote,
        operation_id=UNRECORDED_ID,
        seq=UNRECORDED_SEQ,
        created_at=created_at,
        language=language,
        member_name=None if view.member is None else view.member.address_as,
        card_tail=card_tail(view.card_number),
    )
