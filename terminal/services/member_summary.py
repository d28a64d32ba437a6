"""What supervisor mode shows before it acts: whose card it is (the member, the balance,
the last operations this till recorded on them), how much an adjustment may still move,
and what a return would give back. Reads only: nothing here records anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from terminal.loyalty import Money, PurchaseFacts, ReturnQuote, quote_return
from terminal.services import offline
from terminal.services.identify import CardKey, MemberView, club_card, find_card, view_of
from terminal.services.ports import Reads
from terminal.services.return_lookup import PurchaseToReturn, UnknownPurchase, already_returned
from terminal.services.roles import Role
from terminal.services.unit import Unit

#: How many of the member's last operations supervisor mode shows.
LAST_OPERATIONS = 3


@dataclass(frozen=True, slots=True)
class LastOperation:
    """One of the member's operations at this till, as supervisor mode lists it."""

    kind: str  # the operation's kind: purchase, return, gift, adjustment, card_block, ...
    created_at: str  # ISO, the till's wall time as recorded
    amount: Money | None  # the goods' value (a purchase, a return), else None
    points_delta: Decimal  # what it moved on the balance (0: nothing)


@dataclass(frozen=True, slots=True)
class CardSummary:
    """Whose card supervisor mode acts on."""

    view: MemberView
    last: tuple[LastOperation, ...]


@dataclass(frozen=True, slots=True)
class AdjustmentRoom:
    """The office's caps on a points adjustment (either way) for the supervisor on duty."""

    per_operation: Decimal  # at most this in one adjustment
    left_today: Decimal  # what this supervisor may still adjust today on this till


@dataclass(frozen=True, slots=True)
class ReturnBasis:
    """What a return of a purchase is worked out from."""

    purchase_id: str
    facts: PurchaseFacts
    card_id: int | None
    already: Money  # returned before


def card_summary(unit: Unit, key: CardKey, limit: int = LAST_OPERATIONS) -> CardSummary:
    """The card's member and balance, and their ``limit`` newest operations at this till
    (a card without a member: the card's). A payment card's number is never looked up."""
    key = club_card(key, unit.numbers)
    with unit.read() as tx:
        view = view_of(tx, unit.rules, find_card(tx, key), unit.clock.today())
        member_id = None if view.member is None else view.member.id
        rows = tx.operations.recent(member_id, view.card_id, limit)
    last = tuple(
        LastOperation(
            kind=op.kind,
            created_at=op.created_at,
            amount=Money.from_minor(abs(op.amount_minor)) if op.amount_minor else None,
            points_delta=Decimal(op.points_delta_centi) / 100,
        )
        for op in rows
    )
    return CardSummary(view, last)


def adjustment_room(unit: Unit) -> AdjustmentRoom:
    """How many points the supervisor on duty may adjust by now (the office's caps,
    :func:`offline.check_adjustment` enforces them)."""
    with unit.read() as tx:
        cap, left = offline.adjustment_caps(tx, unit.staff_id, unit.clock.now())
    return AdjustmentRoom(Decimal(cap) / 100, Decimal(left) / 100)


def return_basis(tx: Reads, purchase: str | PurchaseToReturn) -> ReturnBasis:
    """The purchase's facts (this till's from its cache, another till's as the office gave
    them), its card and what was returned of it before."""
    found = None if isinstance(purchase, str) else purchase
    elsewhere = None if found is None else found.elsewhere
    purchase_id = purchase if isinstance(purchase, str) else purchase.operation_id
    if elsewhere is None:
        own = tx.operations.get(purchase_id)
        if own is None or own.kind != "purchase":
            raise UnknownPurchase()
        facts = PurchaseFacts.from_dict(json.loads(own.facts))
        card_id = own.card_id
    else:
        facts, card_id = elsewhere.facts, elsewhere.card_id
    at_office = None if found is None else found.returned_at_office
    already = already_returned(tx.operations, purchase_id, at_office)
    return ReturnBasis(purchase_id, facts, card_id, already)


def preview_return(
    unit: Unit, purchase: PurchaseToReturn, returning: Money | None = None
) -> ReturnQuote:
    """What :func:`member_ops.return_purchase` would give back now (``returning`` None:
    all not yet returned); the rules refuse an impossible return here already."""
    unit.require(Role.SUPERVISOR, "a return")
    with unit.read() as tx:
        basis = return_basis(tx, purchase)
    amount = returning if returning is not None else basis.facts.amount - basis.already
    return quote_return(unit.rules, basis.facts, basis.already, amount)
