"""What only a shift supervisor may do at the till, each checked here and audited: the
print queue and reprints; the operations the office refused (parked), and sending one
again after review. (Gifts, returns, adjustments and cards: terminal.services.member_ops.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from terminal.services.errors import ServiceError
from terminal.services.messages import PARK_REASON_OTHER, PARK_REASONS
from terminal.services.roles import Role
from terminal.services.unit import Unit
from terminal.store.print_queue import QueuedJob


def print_jobs(unit: Unit, limit: int = 50) -> list[QueuedJob]:
    """The newest print jobs, waiting ones included, for the supervisor's list."""
    unit.require(Role.SUPERVISOR, "the print queue")
    with unit.read() as tx:
        return tx.print_jobs.newest(limit)


def reprint(unit: Unit, job_id: int) -> int:
    """Queue a copy of print job ``job_id`` and its audit line, in one transaction;
    returns the new job's id. (A till that prints nothing has nothing to reprint.)"""
    who = unit.require(Role.SUPERVISOR, "a reprint")
    receipts = unit.receipts
    if receipts is None:
        raise ServiceError("unknown_print_job")
    with unit.write() as tx:
        try:
            new_job = receipts.add_reprint(tx, job_id)
        except KeyError:
            raise ServiceError("unknown_print_job") from None
        tx.ledger.audit(
            unit.clock.now().isoformat(),
            "reprint",
            staff_id=who.id,
            target=str(job_id),
            details={"new_job": new_job},
        )
        tx.commit()
    receipts.wake()
    return new_job


def reprint_last(unit: Unit, since: str) -> int:
    """A copy of the newest receipt printed (or queued) on this till since ``since`` (the
    shift's opening): what a customer asks for at the counter, so the person on duty may
    do it, a cashier too; audited like any reprint. Returns the new job's id."""
    who = unit.require(Role.CASHIER, "a reprint")
    receipts = unit.receipts
    if receipts is None:
        raise ServiceError("no_receipt_to_reprint")
    with unit.read() as tx:
        jobs = tx.print_jobs.newest(50)
    start = datetime.fromisoformat(since)
    last = next(  # an operation's receipt (not a shift report, not a copy) of this shift
        (
            j
            for j in jobs
            if j.op_id is not None
            and j.copy_of is None
            and datetime.fromisoformat(j.created_at) >= start
        ),
        None,
    )
    if last is None:
        raise ServiceError("no_receipt_to_reprint")
    with unit.write() as tx:
        new_job = receipts.add_reprint(tx, last.id)
        tx.ledger.audit(
            unit.clock.now().isoformat(),
            "reprint",
            staff_id=who.id,
            target=str(last.id),
            details={"new_job": new_job, "last": True},
        )
        tx.commit()
    receipts.wake()
    return new_job


@dataclass(frozen=True, slots=True)
class ParkedOperation:
    """An operation the office refused, waiting for review; ``reason`` is the English
    text of why (translated by the app), ``code`` the office's own word."""

    id: str
    seq: int
    kind: str
    created_at: str
    member_id: int | None
    code: str
    reason: str
    detail: str | None  # the office's message, as it sent it


def _reason(result: str | None) -> tuple[str, str | None]:
    try:
        answer = json.loads(result or "{}")
    except ValueError:
        answer = {}
    code = str(answer.get("code") or "unknown") if isinstance(answer, dict) else "unknown"
    detail = answer.get("message") if isinstance(answer, dict) else None
    return code, None if detail is None else str(detail)


def parked_operations(unit: Unit, limit: int = 100) -> list[ParkedOperation]:
    """The parked operations, oldest first, each with the office's reason in words."""
    unit.require(Role.SUPERVISOR, "the operations for review")
    with unit.read() as tx:
        rows = tx.operations.parked(limit)
    found = []
    for row in rows:
        code, detail = _reason(row.result)
        reason = PARK_REASONS.get(code, PARK_REASON_OTHER)
        if code.startswith("http_"):
            reason = PARK_REASONS["http"]
        found.append(
            ParkedOperation(
                row.id, row.seq, row.kind, row.created_at, row.member_id, code, reason, detail
            )
        )
    return found


def send_again(unit: Unit, op_id: str) -> None:
    """Put a parked operation back in the queue (after review), with its audit line; the
    sync worker wakes after the commit."""
    who = unit.require(Role.SUPERVISOR, "sending an operation again")
    with unit.write() as tx:
        if not tx.ledger.unpark(op_id):
            raise ServiceError("unknown_parked")
        tx.ledger.audit(unit.clock.now().isoformat(), "send_again", staff_id=who.id, target=op_id)
        tx.commit()
