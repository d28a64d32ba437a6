"""The durable print queue: receipts wait here until the printer has them.

A receipt is added with :func:`enqueue` in the same transaction as its operation, so an
operation never exists without its receipt. The printer thread takes the oldest waiting
job with :func:`claim_next` (it becomes ``printing``, with the identity of the process
printing it), and marks it ``printed`` or back to ``waiting`` with the error
(:func:`mark_failed`). A job left ``printing`` by a crash goes back to ``waiting`` at
start (:func:`requeue_interrupted`); one that a process still alive is printing never
does (it would print twice). A supervisor sees the list
(:func:`list_jobs`), prints a copy (:func:`reprint`) or cancels a stuck job (:func:`cancel`).

Every function takes a Connection of a transaction the caller holds
(``Database.write()`` / ``read()``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import Connection, func, insert, select, update

from terminal.store.schema import print_jobs


class JobStatus(enum.Enum):
    WAITING = "waiting"
    PRINTING = "printing"
    PRINTED = "printed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class QueuedJob:
    id: int
    op_id: str | None
    kind: str
    title: str
    data: bytes
    status: JobStatus
    attempts: int
    last_error: str | None
    created_at: str
    printed_at: str | None
    copy_of: int | None


def _job(row: object) -> QueuedJob:
    m = row._mapping  # type: ignore[attr-defined]
    return QueuedJob(
        id=m["id"],
        op_id=m["op_id"],
        kind=m["kind"],
        title=m["title"],
        data=bytes(m["data"]),
        status=JobStatus(m["status"]),
        attempts=m["attempts"],
        last_error=m["last_error"],
        created_at=m["created_at"],
        printed_at=m["printed_at"],
        copy_of=m["copy_of"],
    )


def enqueue(
    conn: Connection,
    data: bytes,
    *,
    kind: str,
    created_at: str,
    title: str = "",
    op_id: str | None = None,
    copy_of: int | None = None,
) -> int:
    """Add a job (waiting); returns its id. Call in the operation's own transaction."""
    result = conn.execute(
        insert(print_jobs).values(
            op_id=op_id,
            kind=kind,
            title=title,
            data=data,
            created_at=created_at,
            copy_of=copy_of,
            status=JobStatus.WAITING.value,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def claim_next(conn: Connection, printer: str | None = None) -> QueuedJob | None:
    """The oldest waiting job, now ``printing`` by ``printer`` (a process identity,
    common/processes.py) with its attempts counted; None if none."""
    row = conn.execute(
        select(print_jobs)
        .where(print_jobs.c.status == JobStatus.WAITING.value)
        .order_by(print_jobs.c.id)
        .limit(1)
    ).first()
    if row is None:
        return None
    conn.execute(
        update(print_jobs)
        .where(print_jobs.c.id == row.id)
        .values(
            status=JobStatus.PRINTING.value,
            attempts=print_jobs.c.attempts + 1,
            printer=printer,
        )
    )
    job = _job(row)
    return replace(job, status=JobStatus.PRINTING, attempts=job.attempts + 1)


def mark_printed(conn: Connection, job_id: int, at: str) -> None:
    conn.execute(
        update(print_jobs)
        .where(print_jobs.c.id == job_id)
        .values(status=JobStatus.PRINTED.value, printed_at=at, last_error=None, printer=None)
    )


def mark_failed(conn: Connection, job_id: int, error: str) -> None:
    """Back to waiting, with what went wrong (a job is never dropped by a failure)."""
    conn.execute(
        update(print_jobs)
        .where(print_jobs.c.id == job_id, print_jobs.c.status == JobStatus.PRINTING.value)
        .values(status=JobStatus.WAITING.value, last_error=error[:500], printer=None)
    )


def requeue_interrupted(conn: Connection, alive: Callable[[str], bool]) -> int:
    """Jobs left ``printing`` by a crash wait again (printed twice rather than never):
    those whose printer is unknown or not ``alive`` (``alive(printer)`` is False). A job
    a live process prints is left to it."""
    rows = conn.execute(
        select(print_jobs.c.id, print_jobs.c.printer).where(
            print_jobs.c.status == JobStatus.PRINTING.value
        )
    ).all()
    dead = [r.id for r in rows if r.printer is None or not alive(r.printer)]
    if not dead:
        return 0
    result = conn.execute(
        update(print_jobs)
        .where(print_jobs.c.id.in_(dead), print_jobs.c.status == JobStatus.PRINTING.value)
        .values(status=JobStatus.WAITING.value, printer=None)
    )
    return int(result.rowcount)


def count_waiting(conn: Connection) -> int:
    return int(
        conn.execute(
            select(func.count())
            .select_from(print_jobs)
            .where(print_jobs.c.status.in_([JobStatus.WAITING.value, JobStatus.PRINTING.value]))
        ).scalar_one()
    )


def list_jobs(
    conn: Connection, status: JobStatus | None = None, limit: int = 50
) -> list[QueuedJob]:
    """The newest jobs first (for the supervisor's list)."""
    query = select(print_jobs).order_by(print_jobs.c.id.desc()).limit(limit)
    if status is not None:
        query = query.where(print_jobs.c.status == status.value)
    return [_job(r) for r in conn.execute(query)]


def get(conn: Connection, job_id: int) -> QueuedJob | None:
    row = conn.execute(select(print_jobs).where(print_jobs.c.id == job_id)).first()
    return None if row is None else _job(row)


def jobs_of_operation(conn: Connection, op_id: str) -> list[QueuedJob]:
    rows = conn.execute(
        select(print_jobs).where(print_jobs.c.op_id == op_id).order_by(print_jobs.c.id)
    )
    return [_job(r) for r in rows]


def reprint(conn: Connection, job_id: int, created_at: str, data: bytes | None = None) -> int:
    """A copy of job ``job_id`` (its bytes, or ``data``: the layout marked as a copy)."""
    original = get(conn, job_id)
    if original is None:
        raise KeyError(job_id)
    return enqueue(
        conn,
        original.data if data is None else data,
        kind=original.kind,
        created_at=created_at,
        title=original.title,
        op_id=original.op_id,
        copy_of=job_id,
    )


def cancel(conn: Connection, job_id: int) -> bool:
    """A supervisor gives up on a waiting job (the operation itself stays)."""
    result = conn.execute(
        update(print_jobs)
        .where(print_jobs.c.id == job_id, print_jobs.c.status == JobStatus.WAITING.value)
        .values(status=JobStatus.CANCELLED.value)
    )
    return bool(result.rowcount)
