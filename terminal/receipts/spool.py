"""Receipts to paper without blocking the till: render, queue durably, print on a thread.

The app makes one :class:`Spooler` at start-up and :meth:`~Spooler.start` s it::

    spooler = Spooler(db, printer_cfg, receipt_cfg, on_status=bridge.printer_status.emit)
    spooler.start()
    with db.write() as conn:                      # the operation's own transaction
        ...                                       # operation + outbox rows
        spooler.enqueue_receipt(conn, data)       # the receipt, in the same commit
    spooler.wake()                                # after the commit: print it now
    ...
    spooler.stop()

``on_status`` is called on the printer thread with a
:class:`~drivers.printer.transport.StatusReport`; the UI re-emits it as a queued signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import Connection

from drivers.printer.config import PrinterConfig
from drivers.printer.encoder import encode
from drivers.printer.transport import StatusReport
from drivers.printer.worker import PrinterWorker, PrintJob
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.layouts import layout_receipt, layout_shift
from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.receipts.preview import preview_png
from terminal.store import print_queue
from terminal.store.database import Database

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class StoreJobQueue:
    """The printer thread's queue on the cache file (each call its own transaction)."""

    def __init__(self, db: Database, clock: Clock = _utc_now) -> None:
        self.db = db
        self.clock = clock

    def claim_next(self) -> PrintJob | None:
        with self.db.write() as conn:
            job = print_queue.claim_next(conn)
        return None if job is None else PrintJob(job.id, job.data, job.title)

    def mark_printed(self, job_id: int) -> None:
        with self.db.write() as conn:
            print_queue.mark_printed(conn, job_id, self.clock().isoformat())

    def mark_failed(self, job_id: int, error: str) -> None:
        with self.db.write() as conn:
            print_queue.mark_failed(conn, job_id, error)

    def waiting(self) -> int:
        with self.db.read() as conn:
            return print_queue.count_waiting(conn)


class Spooler:
    def __init__(
        self,
        db: Database,
        printer: PrinterConfig,
        receipt: ReceiptConfig,
        on_status: Callable[[StatusReport], None] = lambda _r: None,
        *,
        clock: Clock = _utc_now,
        worker: PrinterWorker | None = None,
    ) -> None:
        self.db = db
        self.printer = printer
        self.receipt = receipt
        self.clock = clock
        self.queue = StoreJobQueue(db, clock)
        self._on_status = on_status
        self.worker = worker or PrinterWorker(printer, self.queue, on_status)

    # --- rendering (pure; the preview is drawn from the same bytes) --------------------
    def render_receipt(self, data: ReceiptData) -> bytes:
        doc = layout_receipt(
            data, self.receipt, self.printer.width_mm, drawer_kick=self.printer.drawer_kick
        )
        return encode(doc, self.printer.profile)

    def render_shift(self, report: ShiftReport) -> bytes:
        return encode(
            layout_shift(report, self.receipt, self.printer.width_mm), self.printer.profile
        )

    def preview(self, data: bytes) -> bytes:
        """PNG of ``data`` as this printer prints it (``QImage.fromData`` in the UI)."""
        return preview_png(data, profile=self.printer.profile, width_mm=self.printer.width_mm)

    # --- queueing ----------------------------------------------------------------------
    def enqueue_receipt(self, conn: Connection, data: ReceiptData) -> int:
        """Add ``data``'s receipt in the caller's transaction; call :meth:`wake` after it."""
        return print_queue.enqueue(
            conn,
            self.render_receipt(data),
            kind=data.kind.value,
            created_at=self.clock().isoformat(),
            title=f"{data.kind.value} #{data.seq}",
            op_id=data.operation_id,
        )

    def print_receipt(self, data: ReceiptData) -> int:
        with self.db.write() as conn:
            job = self.enqueue_receipt(conn, data)
        self.wake()
        return job

    def enqueue_shift(self, conn: Connection, report: ShiftReport) -> int:
        """Add the shift report in the caller's transaction; call :meth:`wake` after it."""
        return print_queue.enqueue(
            conn,
            self.render_shift(report),
            kind="shift",
            created_at=self.clock().isoformat(),
            title=f"shift {report.till}",
        )

    def print_shift(self, report: ShiftReport) -> int:
        with self.db.write() as conn:
            job = self.enqueue_shift(conn, report)
        self.wake()
        return job

    def enqueue_reprint(
        self, conn: Connection, job_id: int, data: ReceiptData | None = None
    ) -> int:
        """A supervisor's copy of a job, in the caller's transaction (``data`` given: the
        receipt is marked COPY); call :meth:`wake` after it. KeyError: no such job."""
        body = None if data is None else self.render_receipt(replace(data, copy=True))
        job = print_queue.reprint(conn, job_id, self.clock().isoformat(), body)
        log.info("reprint of print job %d queued as %d", job_id, job)
        return job

    def reprint(self, job_id: int, data: ReceiptData | None = None) -> int:
        with self.db.write() as conn:
            job = self.enqueue_reprint(conn, job_id, data)
        self.wake()
        return job

    # --- the printer thread ---------------------------------------------------------
    def start(self) -> None:
        with self.db.write() as conn:
            again = print_queue.requeue_interrupted(conn)
        if again:
            log.warning("%d receipt(s) interrupted by a restart will print again", again)
        self.worker.start()

    def wake(self) -> None:
        self.worker.wake()

    def is_alive(self) -> bool:
        return self.worker.is_alive()

    def restart(self) -> None:
        """A new printer thread in place of one that died (the queue is in the cache:
        nothing is lost; a job it was printing prints again)."""
        self.worker.stop(timeout=0)
        self.worker = PrinterWorker(self.printer, self.queue, self._on_status)
        self.start()

    def stop(self) -> None:
        self.worker.stop()

    @property
    def status(self) -> StatusReport | None:
        return self.worker.status
