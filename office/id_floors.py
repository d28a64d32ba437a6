"""Ids are never reused (docs/protocol.md, Id floors).

:func:`floors`: what the office holds from a terminal's id block (its highest member id
and card id there) and the terminal's highest operation ``seq``. Sent at enrolment and by
every ``/hello``; the till allocates above them, so a cache restored from a backup never
gives a new person the ids of an earlier one, nor an operation a seq again.

:func:`check`: an operation that names the registration of its member (``registration``:
the till adds it while the member is its own, not yet the office's) is rejected as
``registration_rejected`` when that registration was rejected (or never arrived): its
member or card id is then someone else's at the office, and nothing may be applied to
them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from office.db import OfficeDB
from office.models import cards, members, operations
from sync.protocol import OpResult, OpStatus, block_of
from sync.wire_spend import REGISTRATION_FIELD, IdFloors

_TOP_SEQ = select(func.max(operations.c.seq)).where(operations.c.terminal_id == bindparam("tid"))
_REGISTRATION = select(operations.c.status, operations.c.kind).where(
    operations.c.terminal_id == bindparam("tid"), operations.c.op_id == bindparam("oid")
)


def floors_in(conn: Connection, terminal_id: int) -> IdFloors:
    low, high = block_of(terminal_id)
    top_member = conn.execute(
        select(func.max(members.c.id)).where(members.c.id >= low, members.c.id <= high)
    ).scalar()
    top_card = conn.execute(
        select(func.max(cards.c.id)).where(cards.c.id >= low, cards.c.id <= high)
    ).scalar()
    top_seq = conn.execute(_TOP_SEQ, {"tid": terminal_id}).scalar()
    return IdFloors(
        None if top_member is None else int(top_member),
        None if top_card is None else int(top_card),
        None if top_seq is None else int(top_seq),
    )


def floors(db: OfficeDB, terminal_id: int) -> dict[str, Any]:
    """The terminal's id floors as ``/enrol`` and ``/hello`` send them."""
    with db.read() as conn:
        return floors_in(conn, terminal_id).to_dict()


def check(conn: Connection, terminal_id: int, op: dict[str, Any]) -> OpResult | None:
    """The rejection of an operation on a member whose registration by this terminal was
    rejected (None: nothing against it)."""
    named = op.get(REGISTRATION_FIELD)
    if named is None:
        return None
    if not isinstance(named, str) or not 0 < len(named) <= 36:
        return OpResult(op["id"], OpStatus.REJECTED, "bad_operation", "registration: an id")
    row = conn.execute(_REGISTRATION, {"tid": terminal_id, "oid": named}).first()
    if row is not None and row.kind == "member_register" and row.status == "applied":
        return None
    return OpResult(
        op["id"],
        OpStatus.REJECTED,
        "registration_rejected",
        "the registration of this member was rejected: the ids are someone else's",
    )
