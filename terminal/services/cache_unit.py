"""The print spooler as the use cases' print queue (:class:`SpoolerReceipts`); with the
SQLite cache's :class:`~terminal.store.unit_of_work.SqlStore`, what the app's facade
(``terminal.services.till``) builds its units of work on."""

from __future__ import annotations

from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.receipts.spool import Spooler
from terminal.services.ports import Writes
from terminal.store.unit_of_work import connection_of


class SpoolerReceipts:
    """The print spooler as the use cases' :class:`~terminal.services.ports.Receipts`:
    a receipt is rendered and queued in the cache transaction it is given."""

    __slots__ = ("spooler",)

    def __init__(self, spooler: Spooler) -> None:
        self.spooler = spooler

    @property
    def language(self) -> str:
        return self.spooler.receipt.language

    def add_receipt(self, tx: Writes, data: ReceiptData) -> None:
        self.spooler.enqueue_receipt(connection_of(tx), data)

    def add_shift(self, tx: Writes, report: ShiftReport) -> None:
        self.spooler.enqueue_shift(connection_of(tx), report)

    def add_reprint(self, tx: Writes, job_id: int) -> int:
        return self.spooler.enqueue_reprint(connection_of(tx), job_id)

    def wake(self) -> None:
        self.spooler.wake()
