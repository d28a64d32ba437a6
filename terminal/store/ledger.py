"""Recording this terminal's operations: the ledger row and its outbox row, together.

Call these inside ``Database.write()``: the operation and its outbox row then commit in
one transaction, and the commit is durable when the ``with`` block has returned.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy import Connection, bindparam, func, insert, select

from terminal.store.database import OUTBOX_WRITTEN
from terminal.store.records import NewOperation
from terminal.store.schema import audit_log, operations, outbox

PROTOCOL_VERSION = 1

_NEXT_SEQ = select(func.coalesce(func.max(operations.c.seq), 0) + 1)
_RETURNED = select(func.coalesce(func.sum(operations.c.amount_minor), 0)).where(
    operations.c.reverses == bindparam("key"), operations.c.kind == "return"
)


def record(conn: Connection, op: NewOperation) -> int:
    """Insert the operation and its outbox row; returns the operation's sequence number."""
    seq = int(conn.execute(_NEXT_SEQ).scalar_one())
    row = asdict(op)
    conn.execute(insert(operations), [{**row, "seq": seq, "status": "pending"}])
    payload = {"v": PROTOCOL_VERSION, "seq": seq, **row, "facts": json.loads(op.facts)}
    conn.execute(
        insert(outbox),
        [{"op_id": op.id, "seq": seq, "payload": json.dumps(payload, sort_keys=True)}],
    )
    conn.info[OUTBOX_WRITTEN] = True  # Database.write() tells its listeners after commit
    return seq


def returned_minor(conn: Connection, purchase_id: str) -> int:
    """Goods value already returned against a purchase, in minor units."""
    return int(conn.execute(_RETURNED, {"key": purchase_id}).scalar_one())


def audit(
    conn: Connection,
    at: str,
    action: str,
    *,
    staff_id: int | None = None,
    target: str | None = None,
    details: dict[str, object] | None = None,
) -> None:
    conn.execute(
        insert(audit_log),
        [
            {
                "at": at,
                "staff_id": staff_id,
                "action": action,
                "target": target,
                "details": json.dumps(details or {}, sort_keys=True),
            }
        ],
    )
