"""Applying a terminal's pushed operations: each exactly once, whatever is retried.

The office keeps a unique (terminal, operation id) with a hash of the body. The same id
with the same body answers ``duplicate`` and the original result; with another body, a
``conflict`` rejection (never an overwrite). A reversal whose target has not arrived is
``held`` and applied when the target comes. An offline spending that overdraws is
applied all the same (the goods have left the shop): the negative balance is recorded and
the member flagged.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from office import entities, holds, id_floors, registration, roles
from office.db import OfficeDB, emit
from office.models import cards, members, operations
from sync.protocol import MEMBER_FIELDS, OPERATION_KINDS, VERSION, Entity, OpResult, OpStatus

log = logging.getLogger(__name__)

_REQUIRED = {"id": str, "seq": int, "kind": str, "created_at": str}
_INTS = (
    "amount_minor",
    "discount_minor",
    "paid_minor",
    "points_spent_centi",
    "points_earned_centi",
    "points_delta_centi",
    "spend_delta_minor",
    "purchases_delta",
)


_MAX_AMOUNT = 10**15  # minor units or hundredths of a point: far beyond any real one


def body_hash(op: dict[str, Any]) -> str:
    canonical = json.dumps(op, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _invalid(op: Any) -> str | None:
    if not isinstance(op, dict):
        return "an operation must be a JSON object"
    if op.get("v") != VERSION:
        return f"unsupported operation version {op.get('v')!r}"
    for name, kind in _REQUIRED.items():
        if not isinstance(op.get(name), kind) or isinstance(op.get(name), bool):
            return f"{name} is missing or not a {kind.__name__}"
    for name in _INTS:
        value = op.get(name, 0)
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{name} is not an integer"
        if not -_MAX_AMOUNT <= value <= _MAX_AMOUNT:
            return f"{name} is out of range"
    for name in ("card_id", "member_id"):
        value = op.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            return f"{name} is not an integer"
        if value is not None and not 0 < value < 2**63:
            return f"{name} is out of range"
    if not 0 < op["seq"] < 2**63:
        return "seq is out of range"
    if not 0 < len(op["id"]) <= 36:
        return "id must be 1 to 36 characters"
    if len(op["kind"]) > 16:
        return "kind is too long"
    reverses = op.get("reverses")
    if reverses is not None and (not isinstance(reverses, str) or not 0 < len(reverses) <= 36):
        return "reverses must be an operation id (1 to 36 characters)"
    # What the database cannot store would fail the whole batch, again at every retry.
    if any("\x00" in v for v in (op["id"], op["kind"], op["created_at"], reverses or "")):
        return "a text field holds a NUL character"
    try:
        json.dumps(op, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return "the operation holds text that is not valid Unicode"
    return None


# Statements built once (building one costs more than running it on SQLite).
_STORED = select(operations.c.body_hash, operations.c.status, operations.c.result).where(
    operations.c.terminal_id == bindparam("tid"), operations.c.op_id == bindparam("oid")
)
_STORED_ANYWHERE = select(operations.c.body_hash, operations.c.status, operations.c.result).where(
    operations.c.op_id == bindparam("oid")
)
_KNOWN = select(operations.c.op_id).where(
    operations.c.terminal_id == bindparam("tid"),
    operations.c.op_id.in_(bindparam("oids", expanding=True)),
)
_ANY_HELD = (
    select(operations.c.op_id)
    .where(operations.c.terminal_id == bindparam("tid"), operations.c.status == "held")
    .limit(1)
)
_CARD_EXISTS = select(cards.c.id).where(cards.c.id == bindparam("cid"))
_MEMBER_UPDATE = update(members).where(members.c.id == bindparam("mid"))


class _Batch:
    """What one pushed batch already knows, to spare a query per operation: the ids of
    the batch the office had stored before it (or stored during it), and whether any
    reversal of this terminal is held (else no applied operation can release one)."""

    def __init__(self, conn: Connection, terminal_id: int, ops: Sequence[Any]) -> None:
        ids = sorted(
            {o["id"] for o in ops if isinstance(o, dict) and _invalid(o) is None}
        )  # the rest are rejected before anything is looked up
        self.stored: set[str] = set()
        for i in range(0, len(ids), 500):
            rows = conn.execute(_KNOWN, {"tid": terminal_id, "oids": ids[i : i + 500]})
            self.stored.update(str(r[0]) for r in rows)
        self.held = conn.execute(_ANY_HELD, {"tid": terminal_id}).first() is not None


def push(db: OfficeDB, terminal_id: int, ops: Sequence[Any]) -> list[OpResult]:
    """Apply a batch in one transaction; one answer per operation, in order."""
    with db.write() as conn:
        at = db.now()
        batch = _Batch(conn, terminal_id, ops)
        return [_one(conn, at, terminal_id, op, batch) for op in ops]


def _stored(conn: Connection, terminal_id: int, op_id: str) -> Any:
    return conn.execute(_STORED, {"tid": terminal_id, "oid": op_id}).first()


def _one(
    conn: Connection, at: str, terminal_id: int, op: Any, batch: _Batch | None = None
) -> OpResult:
    problem = _invalid(op)
    op_id = str(op.get("id", "")) if isinstance(op, dict) else ""
    if problem is not None:
        return OpResult(op_id, OpStatus.REJECTED, "bad_operation", problem)
    digest = body_hash(op)
    known = batch is None or op_id in batch.stored
    stored = _stored(conn, terminal_id, op_id) if known else None
    if stored is not None:
        if stored.body_hash != digest:
            return OpResult(
                op_id,
                OpStatus.REJECTED,
                "conflict",
                "an operation with this id and another content was received before",
            )
        if stored.status == "held":
            return _try_held(conn, at, terminal_id, op_id)
        original = OpResult.from_dict(json.loads(stored.result))
        if original.status is OpStatus.REJECTED:
            return original
        return OpResult.from_dict({**original.to_dict(), "status": OpStatus.DUPLICATE.value})
    result = _decide(conn, at, terminal_id, op)
    conn.execute(
        insert(operations),
        [
            {
                "terminal_id": terminal_id,
                "op_id": op_id,
                "seq": op["seq"],
                "kind": op["kind"],
                "body_hash": digest,
                "body": json.dumps(op, sort_keys=True, ensure_ascii=False),
                "reverses": op.get("reverses"),
                "status": _STATUS_WORD[result.status],
                "result": json.dumps(result.to_dict(), sort_keys=True),
                "received_at": at,
                "applied_at": at if result.status is OpStatus.APPLIED else None,
            }
        ],
    )
    if batch is not None:
        batch.stored.add(op_id)
        batch.held = batch.held or result.status is OpStatus.HELD
    if result.status is OpStatus.APPLIED and (batch is None or batch.held):
        _release_held(conn, at, terminal_id, op_id)
    return result


_STATUS_WORD = {
    OpStatus.APPLIED: "applied",
    OpStatus.HELD: "held",
    OpStatus.REJECTED: "rejected",
    OpStatus.DUPLICATE: "applied",
}


def _decide(conn: Connection, at: str, terminal_id: int, op: dict[str, Any]) -> OpResult:
    """Apply a new operation, hold it, or reject it (nothing written for a rejection
    but the operations row the caller adds)."""
    if op["kind"] not in OPERATION_KINDS:
        return OpResult(op["id"], OpStatus.REJECTED, "unknown_kind", f"kind {op['kind']!r}")
    if (refused := roles.check(conn, terminal_id, op)) is not None:
        return refused
    if op["kind"] == "member_register":  # its member and card are new: not looked up
        return registration.apply(conn, at, terminal_id, op)
    target = op.get("reverses")
    if target is not None:
        # Operation ids are UUIDs: a till enrolled again as a new terminal still reverses
        # the purchases it made as the old one.
        found = (
            _stored(conn, terminal_id, str(target))
            or conn.execute(_STORED_ANYWHERE, {"oid": str(target)}).first()
        )
        if found is None or found.status == "held":
            return OpResult(op["id"], OpStatus.HELD, "target_missing")
        if found.status == "rejected":
            return OpResult(
                op["id"],
                OpStatus.REJECTED,
                "target_rejected",
                "the reversed operation was rejected",
            )
    member_id = op.get("member_id")
    row = None if member_id is None else entities.member_row(conn, member_id)
    if member_id is not None and row is None:
        return OpResult(op["id"], OpStatus.REJECTED, "unknown_member", f"member {member_id}")
    card_id = op.get("card_id")
    if card_id is not None:
        exists = conn.execute(_CARD_EXISTS, {"cid": card_id}).first()
        if exists is None:
            return OpResult(op["id"], OpStatus.REJECTED, "unknown_card", f"card {card_id}")
    if op["kind"] == "card_replace":  # the new card must exist: every till links to it
        facts = op.get("facts")
        new = facts.get("new_card") if isinstance(facts, dict) else None
        if not isinstance(new, int) or conn.execute(_CARD_EXISTS, {"cid": new}).first() is None:
            return OpResult(op["id"], OpStatus.REJECTED, "unknown_card", f"new card {new}")
    if (refused := id_floors.check(conn, terminal_id, op)) is not None:  # ids never reused
        return refused
    holds.settle(conn, at, terminal_id, op)  # online spending: its hold is spent
    return _apply(conn, at, op, row)


def _apply(
    conn: Connection, at: str, op: dict[str, Any], row: dict[str, Any] | None = None
) -> OpResult:
    _apply_card(conn, at, op)  # cards only: the member's row read before stays current
    member_id = op.get("member_id")
    if member_id is None:
        return OpResult(op["id"], OpStatus.APPLIED)
    if row is None:
        row = entities.member_row(conn, member_id)
    assert row is not None
    if row["deleted"]:  # a past fact about a member since deleted: kept, nothing to move
        return OpResult(op["id"], OpStatus.APPLIED, "member_deleted", member_id=member_id)
    spend = int(op.get("spend_delta_minor", 0))
    values: dict[str, Any] = {
        "balance_centi": row["balance_centi"] + int(op.get("points_delta_centi", 0)),
        "lifetime_spend_minor": row["lifetime_spend_minor"] + spend,
        "window_spend_minor": row["window_spend_minor"] + spend,
        "purchases": row["purchases"] + int(op.get("purchases_delta", 0)),
    }
    facts = op.get("facts")
    if op["kind"] == "gift" and isinstance(facts, dict):
        year = facts.get("birthday_year")
        if isinstance(year, int) and (row["last_gift_year"] or 0) < year:
            values["last_gift_year"] = year
    overdrawn = values["balance_centi"] < 0
    if overdrawn:
        values["overdrawn"] = True
        log.warning("member %s overdrawn by an offline operation %s", member_id, op["id"])
    # The member's new state published and written at once (entities.publish_member's
    # work without reading the row back).
    after = {**row, **values}
    seq = emit(
        conn, at, Entity.MEMBER, member_id, entities.member_wire(after[n] for n in MEMBER_FIELDS)
    )
    conn.execute(_MEMBER_UPDATE, {"mid": member_id, **values, "seq": seq})
    return OpResult(
        op["id"],
        OpStatus.APPLIED,
        member_id=member_id,
        member_seq=seq,
        balance_centi=values["balance_centi"],
        lifetime_spend_minor=values["lifetime_spend_minor"],
        window_spend_minor=values["window_spend_minor"],
        purchases=values["purchases"],
        last_gift_year=values.get("last_gift_year", row["last_gift_year"]),
        overdrawn=overdrawn,
    )


def _apply_card(conn: Connection, at: str, op: dict[str, Any]) -> None:
    card_id = op.get("card_id")
    kind = op["kind"]
    if card_id is None or kind not in ("card_block", "card_activate", "card_replace"):
        return
    if kind == "card_block":
        conn.execute(update(cards).where(cards.c.id == card_id).values(state="blocked"))
    elif kind == "card_activate":
        conn.execute(update(cards).where(cards.c.id == card_id).values(state="active"))
    else:
        facts = op.get("facts")
        new = facts.get("new_card") if isinstance(facts, dict) else None
        if not isinstance(new, int):
            return
        conn.execute(
            update(cards)
            .where(cards.c.id == new)
            .values(state="active", member_id=op.get("member_id"), kind="personal")
        )
        conn.execute(
            update(cards).where(cards.c.id == card_id).values(state="replaced", replaced_by=new)
        )
        entities.publish_card(conn, at, new)
    entities.publish_card(conn, at, card_id)


def _try_held(conn: Connection, at: str, terminal_id: int, op_id: str) -> OpResult:
    row = conn.execute(
        select(operations.c.body).where(
            operations.c.terminal_id == terminal_id, operations.c.op_id == op_id
        )
    ).one()
    op = json.loads(row.body)
    result = _decide(conn, at, terminal_id, op)
    if result.status is not OpStatus.HELD:
        _store_outcome(conn, at, terminal_id, op_id, result)
        if result.status is OpStatus.APPLIED:
            _release_held(conn, at, terminal_id, op_id)
    return result


def _store_outcome(
    conn: Connection, at: str, terminal_id: int, op_id: str, result: OpResult
) -> None:
    conn.execute(
        update(operations)
        .where(operations.c.terminal_id == terminal_id, operations.c.op_id == op_id)
        .values(
            status=_STATUS_WORD[result.status],
            result=json.dumps(result.to_dict(), sort_keys=True),
            applied_at=at if result.status is OpStatus.APPLIED else None,
        )
    )


def _release_held(conn: Connection, at: str, terminal_id: int, target: str) -> None:
    """Apply the reversals that were waiting for ``target``."""
    held = conn.execute(
        select(operations.c.op_id).where(
            operations.c.terminal_id == terminal_id,
            operations.c.reverses == target,
            operations.c.status == "held",
        )
    ).all()
    for (op_id,) in held:
        _try_held(conn, at, terminal_id, op_id)
