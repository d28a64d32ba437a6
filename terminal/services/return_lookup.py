"""A purchase found by its receipt code, before anything is returned: what it was, what is
already returned, what may still be. Reads only: scanning a receipt records nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass

from terminal.loyalty import Money, PurchaseFacts
from terminal.services.errors import ServiceError
from terminal.services.staff import Role, StaffMember
from terminal.store import ledger, queries
from terminal.store.database import Database


@dataclass(frozen=True, slots=True)
class PurchaseToReturn:
    operation_id: str
    seq: int
    created_at: str
    amount: Money  # the goods bought
    returned: Money  # already returned against it
    returnable: Money  # what a return may still take back


class UnknownPurchase(ServiceError):
    def __init__(self) -> None:
        super().__init__("unknown_operation")


def find_purchase(db: Database, who: StaffMember, receipt_code: str) -> PurchaseToReturn:
    """The purchase a receipt's code (its QR) names, for the supervisor to confirm."""
    who.require(Role.SUPERVISOR, "a return")
    code = receipt_code.strip()
    with db.read() as conn:
        purchase = queries.operation(conn, code)
        if purchase is None or purchase.kind != "purchase":
            raise UnknownPurchase()
        facts = PurchaseFacts.from_dict(json.loads(purchase.facts))
        returned = Money.from_minor(ledger.returned_minor(conn, code))
    return PurchaseToReturn(
        operation_id=purchase.id,
        seq=purchase.seq,
        created_at=purchase.created_at,
        amount=facts.amount,
        returned=returned,
        returnable=facts.amount - returned,
    )
