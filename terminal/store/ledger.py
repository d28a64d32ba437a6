"""Recording this terminal's operations: the ledger row and its outbox row, together.

Call these inside ``Database.write()``: the operation and its outbox row then commit in
one transaction, and the commit is durable when the ``with`` block has returned.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy import Connection, bindparam, func, insert, select, text

from terminal.loyalty.id_blocks import is_local
from terminal.store.database import OUTBOX_WRITTEN
from terminal.store.records import NewOperation
from terminal.store.schema import audit_log, operations, outbox
from terminal.store.sync_state import FLOOR_SEQ

PROTOCOL_VERSION = 1
REGISTER_KIND = "member_register"
#: An operation's field naming its member's registration (sync.wire_spend names it too).
REGISTRATION_FIELD = "registration"

# Above the cache's own and above the highest the office holds from this till (its seq
# floor: a cache restored from a backup has forgotten the operations after it).
_NEXT_SEQ = text(
    "SELECT max(coalesce((SELECT max(seq) FROM operations), 0), "
    "coalesce((SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = :floor), 0)) + 1"
).bindparams(floor=FLOOR_SEQ)
# The registration of a member the till registered itself, while the member is still the
# till's own (not acknowledged, never sent by the office): its operations name it.
_OWN_REGISTRATION = text(
    "SELECT o.id FROM operations o JOIN members m ON m.id = :mid "
    "WHERE o.kind = 'member_register' AND json_extract(o.facts, '$.member.id') = :mid "
    "AND o.status != 'acked' AND m.office_seq = 0 ORDER BY o.seq DESC LIMIT 1"
)
_RETURNED = select(func.coalesce(func.sum(operations.c.amount_minor), 0)).where(
    operations.c.reverses == bindparam("key"), operations.c.kind == "return"
)
_RETURNED_PENDING = _RETURNED.where(operations.c.status == "pending")


def record(conn: Connection, op: NewOperation) -> int:
    """Insert the operation and its outbox row; returns the operation's sequence number."""
    seq = int(conn.execute(_NEXT_SEQ).scalar_one())
    row = asdict(op)
    conn.execute(insert(operations), [{**row, "seq": seq, "status": "pending"}])
    payload = {"v": PROTOCOL_VERSION, "seq": seq, **row, "facts": json.loads(op.facts)}
    if op.kind != REGISTER_KIND and op.member_id is not None and is_local(op.member_id):
        registration = conn.execute(_OWN_REGISTRATION, {"mid": op.member_id}).scalar()
        if registration is not None:  # the office refuses it if that registration was
            payload[REGISTRATION_FIELD] = str(registration)
    conn.execute(
        insert(outbox),
        [{"op_id": op.id, "seq": seq, "payload": json.dumps(payload, sort_keys=True)}],
    )
    conn.info[OUTBOX_WRITTEN] = True  # Database.write() tells its listeners after commit
    return seq


def returned_minor(conn: Connection, purchase_id: str, *, pending_only: bool = False) -> int:
    """Goods value already returned against a purchase, in minor units (``pending_only``:
    by the returns the office has not answered yet)."""
    query = _RETURNED_PENDING if pending_only else _RETURNED
    return int(conn.execute(query, {"key": purchase_id}).scalar_one())


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
