"""Units of work over the real things: the SQLite cache (:class:`SqlStore`) and the
print spooler (:class:`SpoolerReceipts`). The app's facade (``terminal.services.till``)
builds its units here; so do the older, database-taking forms of a few services, kept
until their callers pass a unit."""

from __future__ import annotations

from typing import TypeAlias

from common.clock import Clock, IdFactory, SystemClock, uuid_ids
from terminal.loyalty import Program
from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.receipts.spool import Spooler
from terminal.services.ports import Writes
from terminal.services.roles import StaffMember
from terminal.services.unit import Unit
from terminal.store.database import Database
from terminal.store.unit_of_work import SqlStore, connection_of

#: The cache file, as the older forms of the services took it (``open_shift(db, ...)``).
CacheFile: TypeAlias = Database


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


def unit_over(
    db: Database,
    clock: Clock | None = None,
    ids: IdFactory = uuid_ids,
    *,
    who: StaffMember | None = None,
    receipts: Spooler | None = None,
    program: Program | None = None,
) -> Unit:
    """A unit of work on the cache file ``db`` (and the spooler ``receipts``)."""
    return Unit(
        SqlStore(db),
        clock or SystemClock(),
        ids,
        who,
        None if receipts is None else SpoolerReceipts(receipts),
        program,
    )
