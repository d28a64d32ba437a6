"""The durable print queue on the cache, as the spooler and the printer thread use it.

Receipts are added in the caller's transaction (:meth:`PrintQueue.enqueue`,
:meth:`PrintQueue.reprint`), so an operation never exists without its receipt. The
printer thread's calls (:meth:`~PrintQueue.claim_next`, :meth:`~PrintQueue.mark_printed`,
:meth:`~PrintQueue.mark_failed`, :meth:`~PrintQueue.waiting`) each run in a transaction
of their own: this class is the :class:`drivers.printer.worker.JobQueue` port over
:mod:`terminal.store.print_queue`, where the SQL is.
"""

from __future__ import annotations

from common import processes
from common.clock import Clock, SystemClock
from drivers.printer.worker import PrintJob
from terminal.store import print_queue
from terminal.store.connection import Connection
from terminal.store.database import Database


class PrintQueue:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock: Clock = SystemClock() if clock is None else clock  # the jobs' times
        #: This process, as the jobs it prints name it (common/processes.py).
        self.printer = processes.identity()

    # --- in the caller's transaction ------------------------------------------------
    def enqueue(
        self, conn: Connection, data: bytes, *, kind: str, title: str, op_id: str | None = None
    ) -> int:
        """Add a job (waiting) in the caller's transaction; returns its id."""
        return print_queue.enqueue(
            conn, data, kind=kind, created_at=self.clock.now().isoformat(), title=title, op_id=op_id
        )

    def reprint(self, conn: Connection, job_id: int, data: bytes | None = None) -> int:
        """A copy of job ``job_id`` (its bytes, or ``data``); KeyError: no such job."""
        return print_queue.reprint(conn, job_id, self.clock.now().isoformat(), data)

    # --- each its own transaction (the printer thread's side) ------------------------
    def requeue_interrupted(self) -> int:
        """Jobs left ``printing`` by a crash (or by this process's printer thread that
        died) wait again; never one that another live process is printing. How many."""
        me = self.printer

        def alive(printer: str) -> bool:
            return printer != me and processes.is_alive(printer)

        with self.db.write() as conn:
            return print_queue.requeue_interrupted(conn, alive)

    def claim_next(self) -> PrintJob | None:
        with self.db.write() as conn:
            job = print_queue.claim_next(conn, self.printer)
        return None if job is None else PrintJob(job.id, job.data, job.title)

    def mark_printed(self, job_id: int) -> None:
        with self.db.write() as conn:
            print_queue.mark_printed(conn, job_id, self.clock.now().isoformat())

    def mark_failed(self, job_id: int, error: str) -> None:
        with self.db.write() as conn:
            print_queue.mark_failed(conn, job_id, error)

    def waiting(self) -> int:
        with self.db.read() as conn:
            return print_queue.count_waiting(conn)
