"""Receipts to paper without blocking the till: render, queue durably, print on a thread.

:class:`Spooler` is the small facade the services and the UI use; it wires three parts:
a renderer (:mod:`~terminal.receipts.render`: receipts -> ESC/POS bytes and the preview),
the durable queue (:mod:`~terminal.receipts.queue`) and the printer thread
(:mod:`~terminal.receipts.printer_thread`). The app makes one Spooler at start-up and
:meth:`~Spooler.start` s it::

    spooler = Spooler(db, printer_cfg, receipt_cfg, on_status=bridge.printer_status.emit)
    spooler.start()
    with db.write() as conn:                      # the operation's own transaction
        ...                                       # operation + outbox rows
        spooler.enqueue_receipt(conn, data)       # the receipt, in the same commit
    spooler.wake()                                # after the commit: print it now
    png = spooler.preview(spooler.render_receipt(data))  # the queued bytes, not re-rendered
    ...
    spooler.stop()

``on_status`` is called on the printer thread with a
:class:`~drivers.printer.transport.StatusReport`; the UI re-emits it as a queued signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from common.clock import Clock, SystemClock
from drivers.printer.config import PrinterConfig
from drivers.printer.transport import StatusReport
from drivers.printer.worker import PrinterWorker
from terminal.receipts.config import ReceiptConfig
from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.receipts.printer_thread import PrinterThread
from terminal.receipts.queue import PrintQueue
from terminal.receipts.render import EscPosRenderer, RecentReceipts, Renderer
from terminal.store.connection import Connection
from terminal.store.database import Database

log = logging.getLogger(__name__)


class Spooler:
    def __init__(
        self,
        db: Database,
        printer: PrinterConfig,
        receipt: ReceiptConfig,
        on_status: Callable[[StatusReport], None] = lambda _r: None,
        *,
        clock: Clock | None = None,
        worker: PrinterWorker | None = None,
        renderer: Renderer | None = None,
    ) -> None:
        self.db = db
        self.printer = printer
        self.receipt = receipt
        self.clock: Clock = SystemClock() if clock is None else clock
        self.renderer = RecentReceipts(renderer or EscPosRenderer(printer, receipt))
        self.queue = PrintQueue(db, self.clock)
        self.thread = PrinterThread(printer, self.queue, on_status, worker=worker)

    # --- rendering (pure; the preview is drawn from the same bytes) --------------------
    def render_receipt(self, data: ReceiptData) -> bytes:
        """The bytes of ``data``'s receipt: those queued for it if :meth:`enqueue_receipt`
        had this very ``data`` lately (a receipt is rendered once per operation)."""
        return self.renderer.render_receipt(data)

    def render_shift(self, report: ShiftReport) -> bytes:
        return self.renderer.render_shift(report)

    def preview(self, data: bytes) -> bytes:
        """PNG of ``data`` as this printer prints it (``QImage.fromData`` in the UI)."""
        return self.renderer.preview(data)

    # --- queueing ----------------------------------------------------------------------
    def enqueue_receipt(self, conn: Connection, data: ReceiptData) -> int:
        """Add ``data``'s receipt in the caller's transaction; call :meth:`wake` after it."""
        return self.queue.enqueue(
            conn,
            self.render_receipt(data),
            kind=data.kind.value,
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
        return self.queue.enqueue(
            conn, self.render_shift(report), kind="shift", title=f"shift {report.till}"
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
        job = self.queue.reprint(conn, job_id, body)
        log.info("reprint of print job %d queued as %d", job_id, job)
        return job

    def reprint(self, job_id: int, data: ReceiptData | None = None) -> int:
        with self.db.write() as conn:
            job = self.enqueue_reprint(conn, job_id, data)
        self.wake()
        return job

    # --- the printer thread ---------------------------------------------------------
    @property
    def worker(self) -> PrinterWorker:
        """The printer thread's worker of the moment (a restart replaces it)."""
        return self.thread.worker

    def start(self) -> None:
        self.thread.start()

    def wake(self) -> None:
        self.thread.wake()

    def is_alive(self) -> bool:
        return self.thread.is_alive()

    def restart(self) -> None:
        """A new printer thread in place of one that died (the queue is in the cache:
        nothing is lost; a job it was printing prints again)."""
        self.thread.restart()

    def stop(self) -> None:
        self.thread.stop()

    @property
    def status(self) -> StatusReport | None:
        return self.thread.status
