"""What only a shift supervisor may do at the till, each checked here and audited: the
print queue and reprints; the operations the office refused (parked), and sending one
again after review. (Gifts, returns, adjustments and cards: terminal.services.member_ops.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from common.clock import Clock
from terminal.receipts.spool import Spooler
from terminal.services.errors import ServiceError
from terminal.services.messages import PARK_REASON_OTHER, PARK_REASONS
from terminal.services.staff import Role, StaffMember
from terminal.store import ledger, print_queue, sync_apply
from terminal.store.database import OUTBOX_WRITTEN, Database
from terminal.store.print_queue import QueuedJob


def print_jobs(db: Database, who: StaffMember, limit: int = 50) -> list[QueuedJob]:
    """The newest print jobs, waiting ones included, for the supervisor's list."""
    who.require(Role.SUPERVISOR, "the print queue")
    with db.read() as conn:
        return print_queue.list_jobs(conn, limit=limit)


def reprint(db: Database, spooler: Spooler, who: StaffMember, job_id: int, clock: Clock) -> int:
    """Queue a copy of print job ``job_id`` and its audit line, in one transaction;
    returns the new job's id."""
    who.require(Role.SUPERVISOR, "a reprint")
    with db.write() as conn:
        try:
            new_job = spooler.enqueue_reprint(conn, job_id)
        except KeyError:
            raise ServiceError("unknown_print_job") from None
        ledger.audit(
            conn,
            clock.now().isoformat(),
            "reprint",
            staff_id=who.id,
            target=str(job_id),
            details={"new_job": new_job},
        )
    spooler.wake()
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


def parked_operations(db: Database, who: StaffMember, limit: int = 100) -> list[ParkedOperation]:
    """The parked operations, oldest first, each with the office's reason in words."""
    who.require(Role.SUPERVISOR, "the operations for review")
    with db.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, seq, kind, created_at, member_id, result FROM operations "
            "WHERE status = 'parked' ORDER BY seq LIMIT ?",
            (limit,),
        ).all()
    found = []
    for op_id, seq, kind, created_at, member_id, result in rows:
        code, detail = _reason(result)
        reason = PARK_REASONS.get(code, PARK_REASON_OTHER)
        if code.startswith("http_"):
            reason = PARK_REASONS["http"]
        found.append(
            ParkedOperation(
                str(op_id),
                int(seq),
                str(kind),
                str(created_at),
                None if member_id is None else int(member_id),
                code,
                reason,
                detail,
            )
        )
    return found


def send_again(db: Database, who: StaffMember, op_id: str, clock: Clock) -> None:
    """Put a parked operation back in the queue (after review), with its audit line."""
    who.require(Role.SUPERVISOR, "sending an operation again")
    with db.write() as conn:
        if not sync_apply.unpark(conn, op_id):
            raise ServiceError("unknown_parked")
        ledger.audit(conn, clock.now().isoformat(), "send_again", staff_id=who.id, target=op_id)
        conn.info[OUTBOX_WRITTEN] = True  # the sync worker wakes after the commit
