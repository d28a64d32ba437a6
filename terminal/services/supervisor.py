"""What only a shift supervisor may do at the till, each checked here and audited.

(So far: the print queue and reprints; gifts, reversals, adjustments and card management
come with the rest of supervisor mode.)
"""

from __future__ import annotations

from terminal.receipts.spool import Spooler
from terminal.services.clock import Clock
from terminal.services.errors import ServiceError
from terminal.services.staff import Role, StaffMember
from terminal.store import ledger, print_queue
from terminal.store.database import Database
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
