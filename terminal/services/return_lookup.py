"""A purchase found by its receipt code, before anything is returned: what it was, what is
already returned, what may still be. Reads only: scanning a receipt records nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass

from terminal.loyalty import Money, PurchaseFacts
from terminal.services.errors import ServiceError
from terminal.services.roles import Role
from terminal.services.unit import Unit


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


def find_purchase(unit: Unit, receipt_code: str) -> PurchaseToReturn:
    """The purchase a receipt's code (its QR) names, for the supervisor on duty to confirm."""
    unit.require(Role.SUPERVISOR, "a return")
    code = receipt_code.strip()
    with unit.read() as tx:
        purchase = tx.operations.get(code)
        if purchase is None or purchase.kind != "purchase":
            raise UnknownPurchase()
        facts = PurchaseFacts.from_dict(json.loads(purchase.facts))
        returned = Money.from_minor(tx.operations.returned_minor(code))
    return PurchaseToReturn(
        operation_id=purchase.id,
        seq=purchase.seq,
        created_at=purchase.created_at,
        amount=facts.amount,
        returned=returned,
        returnable=facts.amount - returned,
    )
