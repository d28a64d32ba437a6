"""Check out a purchase: quote it by the program's rules and record it durably.

The quote is computed again inside the write transaction, on the member's state as it is
at that moment (a sync may have changed it since the cashier's preview), and the
operation and its outbox row are committed together. :func:`checkout` returns only after
that commit is on the disk: nothing is reported done before.

A purchase above the program's ``confirm_above`` needs a supervisor's confirmation
(:func:`needs_supervisor`): :func:`checkout` refuses it without one
(``purchase_needs_supervisor``), and with one records who confirmed it in the audit log
(``purchase_confirmed``), in the purchase's own transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from terminal.loyalty import CardKind, Money, Program, Quote, quote
from terminal.receipts.model import ReceiptData, from_quote
from terminal.services import offline, spend_auth
from terminal.services.errors import NotAMemberCard, ServiceError
from terminal.services.identify import CardKey, MemberView, centi_from_points, find_card, view_of
from terminal.services.ports import Writes
from terminal.services.receipt_preview import card_tail
from terminal.services.roles import Role, StaffMember
from terminal.services.unit import Unit
from terminal.store.records import NewOperation


@dataclass(frozen=True, slots=True)
class CheckoutResult:
    operation_id: str
    seq: int
    created_at: str
    quote: Quote
    before: MemberView
    receipt: ReceiptData | None = None  # what was queued for the printer


def seen_facts(view: MemberView, member_seq: int | None = None) -> dict[str, object]:
    """The card and member state a quote was made on, as the office reads it back;
    ``member_seq``: the feed position of the office's state the till had of the member."""
    state, terms = view.state, view.terms
    return {
        "member_seq": member_seq,
        "lifetime_spend_minor": state.lifetime_spend.minor,
        "window_spend_minor": state.window_spend.minor,
        "purchases": state.purchases,
        "balance_centi": centi_from_points(state.points_balance),
        "birthday": None if state.birthday is None else state.birthday.isoformat(),
        "last_gift_year": state.last_birthday_gift_year,
        "card_kind": terms.kind.value,
        "card_state": terms.state.value,
        "fixed_discount_bp": centi_from_points(terms.fixed_discount_pct),
    }


def _office_seq(tx: Writes, member_id: int | None) -> int | None:
    member = None if member_id is None else tx.members.by_id(member_id)
    return None if member is None else member.office_seq


def needs_supervisor(program: Program | None, amount: Money) -> bool:
    """Whether a purchase of ``amount`` needs a supervisor's confirmation: it is above the
    program's ``confirm_above`` (never when that is None, or with no program)."""
    limit = None if program is None else program.confirm_above
    return limit is not None and amount > limit


def _check_confirmed(program: Program, amount: Money, by: StaffMember | None) -> None:
    if not needs_supervisor(program, amount):
        return
    if by is None or by.role not in (Role.SUPERVISOR, Role.STORE_ADMIN):
        raise ServiceError("purchase_needs_supervisor", limit=program.confirm_above)


def preview(
    unit: Unit, view: MemberView, amount: Money, spend_points: Decimal | None = None
) -> Quote:
    """The quote the cashier sees before confirming (no database access)."""
    return quote(unit.rules, view.terms, view.state, amount, unit.clock.today(), spend_points)


def checkout(
    unit: Unit,
    key: CardKey,
    amount: Money,
    spend_points: Decimal | None = None,
    *,
    confirmed_by: StaffMember | None = None,
) -> CheckoutResult:
    """Record a purchase by the person on duty (if any), and its receipt in the print
    queue in the same transaction. Raises the loyalty rules' errors (card not usable, too
    many points, bad amount) before anything is written. A purchase above the program's
    ``confirm_above`` needs ``confirmed_by``, a supervisor (or store admin) whose PIN the
    till has just checked (``purchase_needs_supervisor`` otherwise, nothing written); it
    is audited as ``purchase_confirmed`` by them. Printing happens later, on the
    printer's thread."""
    program, clock, receipts = unit.rules, unit.clock, unit.receipts
    _check_confirmed(program, amount, confirmed_by)
    now = clock.now()
    auth = _authorised(unit, key, amount, spend_points)
    with unit.write() as tx:
        view = view_of(tx, program, find_card(tx, key), clock.today())
        if view.card_kind is CardKind.PERSONAL and view.member is None:
            raise NotAMemberCard("a purchase")
        q = quote(program, view.terms, view.state, amount, clock.today(), spend_points)
        # Offline, spending is allowed only within the office's limits (docs/sync-rules.md).
        member_id = None if view.member is None else view.member.id
        spent = centi_from_points(q.points_spent)
        offline.check_spend(tx, member_id, spent, now, held_centi=auth.held_centi)
        facts = q.facts()
        op = NewOperation(
            id=auth.op_id,
            kind="purchase",
            created_at=now.isoformat(),
            card_id=view.card_id,
            member_id=None if view.member is None else view.member.id,
            staff_id=unit.staff_id,
            amount_minor=q.amount.minor,
            discount_minor=q.discount.minor,
            paid_minor=q.paid.minor,
            points_spent_centi=centi_from_points(q.points_spent),
            points_earned_centi=centi_from_points(q.points_earned),
            points_delta_centi=centi_from_points(q.points_earned - q.points_spent),
            spend_delta_minor=facts.spend_added.minor if view.member is not None else 0,
            purchases_delta=1 if view.member is not None else 0,
            facts=json.dumps(
                {
                    "program": program.code,
                    "version": program.version,
                    **facts.to_dict(),
                    # What the rules were given, so the office can work the figures out
                    # again (office/checks_purchase.py): the day and the state seen.
                    "day": clock.today().isoformat(),
                    "seen": seen_facts(view, _office_seq(tx, member_id)),
                },
                sort_keys=True,
            ),
        )
        seq = tx.ledger.record(op)
        if confirmed_by is not None and needs_supervisor(program, amount):
            tx.ledger.audit(
                now.isoformat(),
                "purchase_confirmed",
                staff_id=confirmed_by.id,
                target=op.id,
                details={
                    "amount": str(q.amount),
                    "confirm_above": str(program.confirm_above),
                    "cashier": unit.staff_id,
                },
            )
        receipt = None
        if receipts is not None:
            member = view.member
            receipt = from_quote(
                q,
                operation_id=op.id,
                seq=seq,
                created_at=now,
                language=receipts.language,
                member_name=None if member is None else member.address_as,
                card_tail=card_tail(view.card_number),
            )
            receipts.add_receipt(tx, receipt)
        tx.commit()
    unit.wake_printer()
    return CheckoutResult(op.id, seq, op.created_at, q, view, receipt)


def _authorised(
    unit: Unit, key: CardKey, amount: Money, spend_points: Decimal | None
) -> spend_auth.Authorisation:
    """Online, the office holds the points the quote spends before anything is written
    (terminal.services.spend_auth); the write transaction quotes again and checks that
    the hold covers it."""
    if not spend_points or unit.authoriser is None:
        return spend_auth.Authorisation(unit.ids())
    with unit.read() as tx:
        view = view_of(tx, unit.rules, find_card(tx, key), unit.clock.today())
    if view.member is None:
        return spend_auth.Authorisation(unit.ids())
    q = quote(unit.rules, view.terms, view.state, amount, unit.clock.today(), spend_points)
    return spend_auth.authorise(
        unit, view.member.id, view.card_id, centi_from_points(q.points_spent)
    )
