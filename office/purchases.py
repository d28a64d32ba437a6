"""A purchase for a return at another till (``GET /v1/purchases/{id}``, docs/protocol.md,
Returns at another till).

A customer may bring a purchase back to any till of the chain. The till that did not sell
it has no record of it, so it asks the office, which answers with what a return is
worked out from: the member and card, the amount, the purchase's facts (the discount,
points and rules it was made with) and what the returns applied so far have taken back.
Only a purchase the office has applied is answered (404 for one it does not hold, holds
back or rejected). The return the till then records names the purchase in ``reverses``
and is checked like any other: the returns of one purchase, from whichever tills,
together never exceed it (``reversal_exceeds``).

The answer names ids only, never a member's personal data; the id is the receipt's code
(a UUID printed as its QR), so a till asks only for a receipt a customer shows.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import bindparam, select

from office.db import OfficeDB
from office.models import operations
from sync.wire_spend import PurchaseAnswer

#: The operation ids a till makes are UUIDs; the office accepts ids of 1 to 36 characters.
MAX_ID = 36

_APPLIED = (
    select(operations.c.terminal_id, operations.c.seq, operations.c.body)
    .where(
        operations.c.op_id == bindparam("oid"),
        operations.c.status == "applied",
        operations.c.kind == "purchase",
    )
    .limit(1)
)
_RETURNS = select(operations.c.body).where(
    operations.c.reverses == bindparam("oid"),
    operations.c.status == "applied",
    operations.c.kind == "return",
)


def find(db: OfficeDB, op_id: str) -> PurchaseAnswer | None:
    """The applied purchase ``op_id`` with what has been returned of it (None: none)."""
    if not 0 < len(op_id) <= MAX_ID or "\x00" in op_id:
        return None
    with db.read() as conn:
        row = conn.execute(_APPLIED, {"oid": op_id}).first()
        if row is None:
            return None
        returned = sum(
            _whole(json.loads(r.body), "amount_minor")
            for r in conn.execute(_RETURNS, {"oid": op_id})
        )
    body: dict[str, Any] = json.loads(row.body)
    facts = body.get("facts")
    return PurchaseAnswer(
        id=op_id,
        terminal_id=int(row.terminal_id),
        seq=int(row.seq),
        created_at=str(body.get("created_at", "")),
        member_id=body.get("member_id"),
        card_id=body.get("card_id"),
        amount_minor=_whole(body, "amount_minor"),
        returned_minor=returned,
        facts=facts if isinstance(facts, dict) else {},
    )


def _whole(body: dict[str, Any], name: str) -> int:
    value = body.get(name, 0)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
