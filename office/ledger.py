"""Applying a terminal's pushed operations: each exactly once, whatever is retried.

The office keeps a unique (terminal, operation id) with a hash of the body. The same id
with the same body answers ``duplicate`` and the original result; with another body, a
``conflict`` rejection (never an overwrite). A reversal whose target has not arrived is
``held`` and applied when the target comes. An offline spending that overdraws is
applied all the same (the goods have left the shop): the negative balance is recorded and
the member flagged.

Before it applies, every operation is checked (docs/sync-rules.md, What the office
checks): its fields (office.checks_fields), its id across the chain (the same id from
another terminal: ``op_id_taken``), its member and card, and then by kind: a purchase's
figures re-derived (office.checks_purchase), a return bounded by its purchase, gifts,
adjustments and feedback (office.checks_kinds), the card's lifecycle
(office.checks_cards). A rejection writes nothing but the operation's own row.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from office import (
    checks_cards,
    checks_fields,
    checks_kinds,
    checks_purchase,
    entities,
    holds,
    id_floors,
    programs,
    registration,
    roles,
)
from office.db import OfficeDB, emit
from office.models import members, operations
from sync.protocol import MEMBER_FIELDS, OPERATION_KINDS, Entity, OpResult, OpStatus

log = logging.getLogger(__name__)


def body_hash(op: dict[str, Any]) -> str:
    canonical = json.dumps(op, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


_invalid = checks_fields.problem


# Statements built once (building one costs more than running it on SQLite).
_STORED = select(operations.c.body_hash, operations.c.status, operations.c.result).where(
    operations.c.terminal_id == bindparam("tid"), operations.c.op_id == bindparam("oid")
)
#: An operation id anywhere in the chain; one applied or held before one rejected.
_STORED_ANYWHERE = (
    select(operations.c.status, operations.c.body, operations.c.terminal_id)
    .where(operations.c.op_id == bindparam("oid"))
    .order_by((operations.c.status == "rejected").asc())
    .limit(1)
)
_KNOWN = select(operations.c.op_id, operations.c.terminal_id).where(
    operations.c.op_id.in_(bindparam("oids", expanding=True)),
)
_ANY_HELD = select(operations.c.op_id).where(operations.c.status == "held").limit(1)
_MEMBER_UPDATE = update(members).where(members.c.id == bindparam("mid"))


class _Batch:
    """What one pushed batch already knows, to spare a query per operation: the ids of
    the batch the office had stored before it, by terminal (or stored during it),
    whether any reversal is held (else no applied operation can release one), and the
    office's limits."""

    def __init__(self, conn: Connection, terminal_id: int, ops: Sequence[Any]) -> None:
        #: Why each operation cannot be one (None: well formed), in the batch's order.
        self.problems = [_invalid(o) for o in ops]
        valid = [o for o, p in zip(ops, self.problems, strict=True) if p is None]
        ids = sorted({o["id"] for o in valid})  # the rest are rejected before anything
        # is looked up
        self.terminal_id = terminal_id
        self.stored: set[str] = set()  # by this terminal
        self.elsewhere: set[str] = set()  # by another terminal
        for i in range(0, len(ids), 500):
            for op_id, tid in conn.execute(_KNOWN, {"oids": ids[i : i + 500]}):
                (self.stored if tid == terminal_id else self.elsewhere).add(str(op_id))
        self.held = conn.execute(_ANY_HELD).first() is not None
        self.open_holds = holds.open_among(conn, terminal_id, valid)


def push(db: OfficeDB, terminal_id: int, ops: Sequence[Any]) -> list[OpResult]:
    """Apply a batch in one transaction; one answer per operation, in order."""
    with db.write() as conn:
        at = db.now()
        batch = _Batch(conn, terminal_id, ops)
        with programs.kept(conn):  # each version the batch names is read once
            return [
                _one(conn, at, terminal_id, op, problem, batch)
                for op, problem in zip(ops, batch.problems, strict=True)
            ]


def _stored(conn: Connection, terminal_id: int, op_id: str) -> Any:
    return conn.execute(_STORED, {"tid": terminal_id, "oid": op_id}).first()


def _storable(op: dict[str, Any], result: OpResult) -> dict[str, Any]:
    """The body as the office keeps it: a registration refused for a payment card's
    number keeps no number (issue 13: never stored); its hash still tells a retry."""
    if result.code != "payment_card":
        return op
    facts = dict(op.get("facts") or {})
    card = dict(facts.get("card") or {})
    card["number"] = None
    card["number_withheld"] = "payment card"
    return {**op, "facts": {**facts, "card": card}}


def _reject(op: dict[str, Any], code: str, message: str) -> OpResult:
    return OpResult(str(op["id"]), OpStatus.REJECTED, code, message)


def _one(
    conn: Connection, at: str, terminal_id: int, op: Any, problem: str | None, batch: _Batch
) -> OpResult:
    op_id = str(op.get("id", "")) if isinstance(op, dict) else ""
    if problem is not None:
        return OpResult(op_id, OpStatus.REJECTED, "bad_operation", problem)
    digest = body_hash(op)
    stored = _stored(conn, terminal_id, op_id) if op_id in batch.stored else None
    if stored is not None:
        if stored.body_hash != digest:
            return _reject(
                op, "conflict", "an operation with this id and another content was received before"
            )
        if stored.status == "held":
            return _try_held(conn, at, terminal_id, op_id)
        original = OpResult.from_dict(json.loads(stored.result))
        if original.status is OpStatus.REJECTED:
            return original
        return OpResult.from_dict({**original.to_dict(), "status": OpStatus.DUPLICATE.value})
    if op_id in batch.elsewhere:
        # Ids are unique across the chain: another till's operation is never applied
        # again (nor stored under this till, so the id keeps naming that one).
        return _reject(op, "op_id_taken", "another terminal sent an operation with this id")
    result = _decide(conn, at, terminal_id, op, batch.open_holds)
    if result.status is OpStatus.REJECTED and holds.hold_id(op) in batch.open_holds:
        # A spend that will never apply frees its hold now, not when the hold expires:
        # the member's balance is not kept from the next spend meanwhile.
        holds.settle(conn, at, terminal_id, op)
    conn.execute(
        insert(operations),
        [
            {
                "terminal_id": terminal_id,
                "op_id": op_id,
                "seq": op["seq"],
                "kind": op["kind"],
                "body_hash": digest,
                "body": json.dumps(_storable(op, result), sort_keys=True, ensure_ascii=False),
                "reverses": op.get("reverses"),
                "status": _STATUS_WORD[result.status],
                "result": json.dumps(result.to_dict(), sort_keys=True),
                "received_at": at,
                "applied_at": at if result.status is OpStatus.APPLIED else None,
            }
        ],
    )
    batch.stored.add(op_id)
    batch.held = batch.held or result.status is OpStatus.HELD
    if result.status in _DECIDED and batch.held and op["kind"] == "purchase":
        _release_held(conn, at, op_id)  # only a purchase is a reversal's target; a
        # rejected one rejects its held reversals (target_rejected)
    return result


_DECIDED = (OpStatus.APPLIED, OpStatus.REJECTED)
_STATUS_WORD = {
    OpStatus.APPLIED: "applied",
    OpStatus.HELD: "held",
    OpStatus.REJECTED: "rejected",
    OpStatus.DUPLICATE: "applied",
}
_NEEDS_MEMBER = frozenset({"gift", "adjustment", "feedback", "card_replace"})


def _decide(
    conn: Connection, at: str, terminal_id: int, op: dict[str, Any], open_holds: set[str]
) -> OpResult:
    """Apply a new operation, hold it, or reject it (nothing written for a rejection
    but the operations row the caller adds). ``open_holds``: the batch's open holds."""
    kind = op["kind"]
    if kind not in OPERATION_KINDS:
        return _reject(op, "unknown_kind", f"kind {kind!r}")
    if (refused := roles.check(conn, terminal_id, op)) is not None:  # who did it
        return refused
    if (refused := id_floors.check(conn, terminal_id, op)) is not None:  # ids never reused
        return refused
    if kind == "member_register":  # its member and card are new: not looked up
        return registration.apply(conn, at, terminal_id, op)
    target_id = op.get("reverses")
    target: dict[str, Any] | None = None
    if target_id is not None and kind != "return":
        return _reject(op, "bad_operation", "only a return reverses an operation")
    if kind == "return":
        if target_id is None:
            return _reject(op, "bad_operation", "a return names the purchase it reverses")
        # Whichever till made the purchase (a return at any till of the chain).
        found = conn.execute(_STORED_ANYWHERE, {"oid": str(target_id)}).first()
        if found is None or found.status == "held":
            return OpResult(op["id"], OpStatus.HELD, "target_missing")
        if found.status == "rejected":
            return _reject(op, "target_rejected", "the reversed operation was rejected")
        target = json.loads(found.body)
    member_id = op.get("member_id")
    row = None if member_id is None else entities.member_row(conn, member_id)
    if member_id is not None and row is None:
        return _reject(op, "unknown_member", f"member {member_id}")
    if row is None and kind in _NEEDS_MEMBER:
        return _reject(op, "bad_operation", f"a {kind} names its member")
    card_id = op.get("card_id")
    card = None if card_id is None else checks_cards.card_row(conn, card_id)
    if card_id is not None and card is None:
        return _reject(op, "unknown_card", f"card {card_id}")
    if card is not None and row is not None and not row["deleted"]:
        if card.member_id != member_id and kind != "card_activate":
            return _reject(op, "card_not_members", "the card is not this member's")
    if row is not None and row["deleted"] and kind not in checks_cards.KINDS:
        return _apply(conn, at, op, row)  # a past fact, kept: nothing of it moves
    problem = _check(conn, at, op, row, card, target)
    if problem is not None:
        return _reject(op, *problem)
    spent = holds.spent_centi(op)
    if spent > 0 and card is not None and card.state != "active":
        # A card blocked (lost, stolen) or replaced at the office spends nothing, whatever
        # a till that has not heard of it yet says; earning on a sale stays a fact.
        return _reject(op, "card_state", f"points spent on a card the office holds {card.state}")
    # What the office did not hold was spent on the till's offline limits: never more
    # than one operation may spend offline (the till refuses beyond it, so only a
    # forged or broken till sends more; docs/sync-rules.md).
    if spent > 0:  # (a query or two only for an operation that spends)
        held = holds.held_centi(conn, terminal_id, op) if holds.hold_id(op) in open_holds else 0
        unheld = spent - held
        cap = entities.get_limits(conn).per_operation_centi
        if unheld > cap:
            return _reject(
                op,
                "over_offline_limit",
                f"{unheld} hundredths spent without a hold; offline cap {cap}",
            )
    if holds.hold_id(op) in open_holds:  # online spending: its hold is spent
        holds.settle(conn, at, terminal_id, op)
    return _apply(conn, at, op, row)


def _check(
    conn: Connection,
    at: str,
    op: dict[str, Any],
    row: dict[str, Any] | None,
    card: Any,
    target: dict[str, Any] | None,
) -> tuple[str, str] | None:
    """The kind's own checks (office/checks_*.py): figures, caps, the card's lifecycle."""
    kind = op["kind"]
    if kind == "purchase":
        return checks_purchase.check(conn, op, row, card)
    if kind == "return":
        assert target is not None
        return checks_kinds.check_return(conn, op, target)
    if kind == "gift":
        assert row is not None
        return checks_kinds.check_gift(conn, op, row, at)
    if kind == "adjustment":
        return checks_kinds.check_adjustment(conn, at, op, entities.get_limits(conn))
    if kind == "feedback":
        return checks_kinds.check_feedback(conn, op)
    if kind in checks_cards.KINDS:
        return checks_kinds.check_nothing_moves(op) or checks_cards.check(conn, op, card)
    return None


def _apply(
    conn: Connection, at: str, op: dict[str, Any], row: dict[str, Any] | None = None
) -> OpResult:
    checks_cards.apply(conn, at, op)  # cards only: the member's row read before stays current
    if op["kind"] == "adjustment":
        checks_kinds.count_adjustment(conn, at, op)
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
    if op["kind"] == "return":
        checks_kinds.count_return(conn, member_id, seq, op)
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


def _try_held(conn: Connection, at: str, terminal_id: int, op_id: str) -> OpResult:
    row = conn.execute(
        select(operations.c.body).where(
            operations.c.terminal_id == terminal_id, operations.c.op_id == op_id
        )
    ).one()
    op = json.loads(row.body)
    result = _decide(conn, at, terminal_id, op, set())  # a held return spends nothing
    if result.status is not OpStatus.HELD:
        _store_outcome(conn, at, terminal_id, op_id, result)
        if result.status is OpStatus.APPLIED and op["kind"] == "purchase":
            _release_held(conn, at, op_id)
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


def _release_held(conn: Connection, at: str, target: str) -> None:
    """Apply the reversals that were waiting for ``target``, whichever till sent them."""
    held = conn.execute(
        select(operations.c.terminal_id, operations.c.op_id)
        .where(operations.c.reverses == target, operations.c.status == "held")
        .order_by(operations.c.received_at, operations.c.seq)
    ).all()
    for terminal_id, op_id in held:
        _try_held(conn, at, int(terminal_id), str(op_id))
