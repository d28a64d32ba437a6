"""The printer thread over the durable queue: start, wake, stop, restart, status.

All I/O with the printer runs on the one thread of a
:class:`~drivers.printer.worker.PrinterWorker`; this class owns it and replaces it when
it dies (the queue is in the cache: nothing is lost, a job it was printing prints again).

``on_status`` is called on the printer thread with a
:class:`~drivers.printer.transport.StatusReport`; the UI re-emits it as a queued signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from drivers.printer.config import PrinterConfig
from drivers.printer.transport import StatusReport
from drivers.printer.worker import PrinterWorker
from terminal.receipts.queue import PrintQueue

log = logging.getLogger(__name__)


class PrinterThread:
    def __init__(
        self,
        printer: PrinterConfig,
        queue: PrintQueue,
        on_status: Callable[[StatusReport], None] = lambda _r: None,
        *,
        worker: PrinterWorker | None = None,
    ) -> None:
        self.printer = printer
        self.queue = queue
        self._on_status = on_status
        self.worker = worker or PrinterWorker(printer, queue, on_status)

    def start(self) -> None:
        """Jobs a crash interrupted wait again, then the thread starts printing."""
        again = self.queue.requeue_interrupted()
        if again:
            log.warning("%d receipt(s) interrupted by a restart will print again", again)
        self.worker.start()

    def wake(self) -> None:
        """A job was added: print it now rather than after the pause."""
        self.worker.wake()

    def is_alive(self) -> bool:
        return self.worker.is_alive()

    def restart(self) -> None:
        """A new printer thread in place of one that died."""
        self.worker.stop(timeout=0)
        self.worker = PrinterWorker(self.printer, self.queue, self._on_status)
        self.start()

    def stop(self) -> None:
        self.worker.stop()

    @property
    def status(self) -> StatusReport | None:
        return self.worker.status
