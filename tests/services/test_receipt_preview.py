"""The receipt shown before a checkout (F2) is the receipt the checkout records, but for
the operation's id, sequence number and time (terminal.services.receipt_preview)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from builders import card_key

from common.clock import FixedClock
from drivers.printer.config import PrinterConfig
from terminal.loyalty import Money
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.spool import Spooler
from terminal.services.checkout import checkout, preview
from terminal.services.identify import identify
from terminal.services.receipt_preview import UNRECORDED_ID, card_tail, preview_receipt
from terminal.services.till import Till
from terminal.store.database import Database


def test_a_receipt_shows_the_last_four_digits_of_the_card() -> None:
    assert card_tail("2000000000017") == "0017"
    assert card_tail("12") == "12"
    assert card_tail(None) is None


def test_the_preview_is_the_receipt_the_checkout_records(
    demo_db: Database, clock: FixedClock
) -> None:
    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())  # not started
    till = Till(demo_db, clock, receipts=spooler)
    key = card_key(demo_db, with_number=True, balance_at_least=Decimal("0.01"))
    view = identify(till.unit(), key)
    amount = Money.parse("1000")
    most = preview(till.unit(), view, amount).max_spend_points
    quote = preview(till.unit(), view, amount, most)
    assert quote.points_spent > 0  # a receipt with points paid: every line of it
    language = spooler.receipt.language
    shown = preview_receipt(quote, view, created_at=clock.now(), language=language)
    assert shown.operation_id == UNRECORDED_ID and shown.seq == 0
    assert view.member is not None and shown.member_name == view.member.address_as
    assert view.card_number is not None and shown.card_tail == view.card_number[-4:]
    recorded = checkout(till.unit(), key, quote.amount, quote.points_spent).receipt
    assert recorded is not None
    assert (
        dataclasses.replace(
            shown,
            operation_id=recorded.operation_id,
            seq=recorded.seq,
            created_at=recorded.created_at,
        )
        == recorded
    )
