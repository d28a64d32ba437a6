"""A purchase found by its receipt code, before anything is returned: what it was, what is
already returned, what may still be. Reads only: scanning a receipt records nothing.

A purchase of this till is in its cache; one of another till of the chain is not, and the
office is asked for it (``unit.purchases``: docs/protocol.md, Returns at another till).
Online, the office is asked about this till's own purchases too: another till may have
taken some of one back. What the office says was returned counts with this till's own
returns of it that the office has not answered yet. Offline, a purchase of this till is
returned on what its cache knows (the office bounds the returns of one purchase anyway,
``reversal_exceeds``); another till's cannot be returned until the office answers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from terminal.loyalty import Money, PurchaseFacts, ReturnError, receipt_codes
from terminal.services.errors import ServiceError
from terminal.services.ports import ForeignPurchase, Operations
from terminal.services.roles import Role
from terminal.services.unit import Unit

#: How long a supervisor waits for the office to find a purchase (the return's screen
#: shows the wait); a purchase of this till is then shown on its cache's figures.
LOOKUP_DEADLINE_S = 3.0


@dataclass(frozen=True, slots=True)
class ElsewhereSale:
    """Another till's purchase as the office gave it: what a return of it is worked out
    from, since this till's cache does not hold it."""

    terminal_id: int
    card_id: int | None
    facts: PurchaseFacts


@dataclass(frozen=True, slots=True)
class PurchaseToReturn:
    operation_id: str
    seq: int
    created_at: str
    amount: Money  # the goods bought
    returned: Money  # already returned against it
    returnable: Money  # what a return may still take back
    #: What the returns the office has applied took back (None: the office was not asked).
    returned_at_office: Money | None = None
    #: Made at another till; None for this till's own purchase, which its cache holds.
    elsewhere: ElsewhereSale | None = None


class UnknownPurchase(ServiceError):
    def __init__(self) -> None:
        super().__init__("unknown_operation")


def find_purchase(unit: Unit, receipt_code: str) -> PurchaseToReturn:
    """The purchase a receipt's code (its QR) names, for the supervisor on duty to confirm."""
    unit.require(Role.SUPERVISOR, "a return")
    code = receipt_code.strip()
    if not code:
        raise UnknownPurchase()
    with unit.read() as tx:
        short = receipt_codes.normalise(code)
        if short is not None:  # the ten characters under the QR, typed
            code = _by_short_code(tx.operations, short)
        own = tx.operations.get(code)
        if own is not None and own.kind != "purchase":
            raise UnknownPurchase()
    if own is None:
        return _elsewhere(unit, code)
    facts = PurchaseFacts.from_dict(json.loads(own.facts))
    at_office = None
    found = _ask_office(unit, code, required=False)
    if found is not None:
        at_office = Money.from_minor(found.returned_minor)
    with unit.read() as tx:
        returned = already_returned(tx.operations, code, at_office)
    return PurchaseToReturn(
        operation_id=own.id,
        seq=own.seq,
        created_at=own.created_at,
        amount=facts.amount,
        returned=returned,
        returnable=facts.amount - returned,
        returned_at_office=at_office,
    )


def _by_short_code(ops: Operations, short: str) -> str:
    """The id of this till's purchase printed with ``short`` (another till's purchase is
    found at the office by its full id only: its QR)."""
    found = [
        op_id
        for op_id in ops.purchase_ids_between(*receipt_codes.id_range(short))
        if receipt_codes.short_code(op_id) == short
    ]
    if len(found) > 1:
        raise ServiceError("receipt_code_ambiguous")
    if not found:
        raise UnknownPurchase()
    return found[0]


def already_returned(ops: Operations, purchase_id: str, at_office: Money | None) -> Money:
    """What the returns of a purchase took back: this till's own, or (the office's figure
    known) the office's plus this till's that the office has not answered yet, whichever
    is more."""
    here = Money.from_minor(ops.returned_minor(purchase_id))
    if at_office is None:
        return here
    pending = Money.from_minor(ops.returned_minor(purchase_id, pending_only=True))
    return max(here, at_office + pending, key=lambda m: m.amount)


def _elsewhere(unit: Unit, code: str) -> PurchaseToReturn:
    found = _ask_office(unit, code, required=True)
    if found is None:
        raise UnknownPurchase()
    try:
        facts = PurchaseFacts.from_dict(dict(found.facts))
    except ReturnError:
        raise UnknownPurchase() from None  # not a purchase this till can work a return of
    at_office = Money.from_minor(found.returned_minor)
    with unit.read() as tx:
        returned = already_returned(tx.operations, code, at_office)
    return PurchaseToReturn(
        operation_id=found.id,
        seq=found.seq,
        created_at=found.created_at,
        amount=facts.amount,
        returned=returned,
        returnable=facts.amount - returned,
        returned_at_office=at_office,
        elsewhere=ElsewhereSale(found.terminal_id, found.card_id, facts),
    )


def _ask_office(unit: Unit, code: str, *, required: bool) -> ForeignPurchase | None:
    """The office's answer; an office that cannot be asked is None, or (``required``:
    the cache does not have the purchase) :class:`ServiceError` ``purchase_lookup_offline``."""
    if unit.purchases is None:
        if required:
            raise UnknownPurchase()  # no office: this till's sales are all there is
        return None
    try:
        return unit.purchases.find_purchase(code, LOOKUP_DEADLINE_S)
    except TimeoutError:
        if required:
            raise ServiceError("purchase_lookup_offline") from None
        return None
