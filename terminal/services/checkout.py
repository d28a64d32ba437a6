"""Check out a purchase: quote it by the program's rules and record it durably.

The quote is computed again inside the write transaction, on the member's state as it is
at that moment (a sync may have changed it since the cashier's preview), and the
operation and its outbox row are committed together. :func:`checkout` returns only after
that commit is on the disk: nothing is reported done before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from common.clock import Clock, IdFactory
from terminal.loyalty import CardKind, Money, Program, Quote, quote
from terminal.receipts.model import ReceiptData, from_quote
from terminal.receipts.spool import Spooler
from terminal.services import offline
from terminal.services.errors import NotAMemberCard
from terminal.services.identify import CardKey, MemberView, centi_from_points, find_card, view_of
from terminal.store import ledger
from terminal.store.database import Database
from terminal.store.records import NewOperation


@dataclass(frozen=True, slots=True)
class CheckoutResult:
    operation_id: str
    seq: int
    created_at: str
    quote: Quote
    before: MemberView
    receipt: ReceiptData | None = None  # what was queued for the printer


def preview(
    view: MemberView,
    program: Program,
    amount: Money,
    spend_points: Decimal | None,
    clock: Clock,
) -> Quote:
    """The quote the cashier sees before confirming (no database access)."""
    return quote(program, view.terms, view.state, amount, clock.today(), spend_points)


def checkout(
    db: Database,
    program: Program,
    key: CardKey,
    amount: Money,
    spend_points: Decimal | None,
    *,
    clock: Clock,
    ids: IdFactory,
    staff_id: int | None = None,
    receipts: Spooler | None = None,
) -> CheckoutResult:
    """Record a purchase, and its receipt in the print queue in the same transaction.
    Raises the loyalty rules' errors (card not usable, too many points, bad amount)
    before anything is written. Printing happens later, on the printer's thread."""
    now = clock.now()
    with db.write() as conn:
        view = view_of(conn, program, find_card(conn, key), clock.today())
        if view.card_kind is CardKind.PERSONAL and view.member is None:
            raise NotAMemberCard("a purchase")
        q = quote(program, view.terms, view.state, amount, clock.today(), spend_points)
        # Offline, spending is allowed only within the office's limits (SYNC.md).
        member_id = None if view.member is None else view.member.id
        offline.check_spend(conn, member_id, centi_from_points(q.points_spent), now)
        facts = q.facts()
        op = NewOperation(
            id=ids(),
            kind="purchase",
            created_at=now.isoformat(),
            card_id=view.card_id,
            member_id=None if view.member is None else view.member.id,
            staff_id=staff_id,
            amount_minor=q.amount.minor,
            discount_minor=q.discount.minor,
            paid_minor=q.paid.minor,
            points_spent_centi=centi_from_points(q.points_spent),
            points_earned_centi=centi_from_points(q.points_earned),
            points_delta_centi=centi_from_points(q.points_earned - q.points_spent),
            spend_delta_minor=facts.spend_added.minor if view.member is not None else 0,
            purchases_delta=1 if view.member is not None else 0,
            facts=json.dumps(
                {"program": program.code, "version": program.version, **facts.to_dict()},
                sort_keys=True,
            ),
        )
        seq = ledger.record(conn, op)
        receipt = None
        if receipts is not None:
            member = view.member
            receipt = from_quote(
                q,
                operation_id=op.id,
                seq=seq,
                created_at=now,
                language=receipts.receipt.language,
                member_name=None if member is None else member.address_as,
                card_tail=None if view.card_number is None else view.card_number[-4:],
            )
            receipts.enqueue_receipt(conn, receipt)
    if receipts is not None:
        receipts.wake()
    return CheckoutResult(op.id, seq, op.created_at, q, view, receipt)
