"""The cache as the use cases see it: read and write transactions, each offering the
store's repositories (cards, members, operations, staff, shifts, gifts, ...).

A write transaction commits only when asked (:meth:`SqlWrites.commit`); a block that ends
without it, or with an exception, rolls back and leaves nothing::

    store = SqlStore(db)
    with store.write() as tx:
        seq = tx.ledger.record(op)      # operation + outbox row
        tx.commit()                     # durable once this returns (synchronous=FULL)

After the commit the transaction is over: using it again raises. The services type their
transactions with the ports of ``terminal.services.ports``; these classes satisfy them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from terminal.store import ledger, push_outcomes
from terminal.store.card_updates import CardUpdates
from terminal.store.database import OUTBOX_WRITTEN, Database
from terminal.store.gift_queries import GiftRows
from terminal.store.lookups import CardLookups, MemberLookups, PrintJobLookups, ProgramLookups
from terminal.store.operation_queries import OperationRows
from terminal.store.records import NewOperation
from terminal.store.registration_rows import RegistrationRows
from terminal.store.shift_queries import ShiftRows, ShiftUpdates
from terminal.store.staff_queries import StaffRows, StaffUpdates
from terminal.store.sync_facts import SyncFacts


class TransactionOver(RuntimeError):
    """A transaction was used after its commit (or after its block ended)."""


class LedgerWrites:
    """Recording this terminal's operations and the audit log."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def record(self, op: NewOperation) -> int:
        """The operation and its outbox row; returns its sequence number."""
        return ledger.record(self._conn, op)

    def audit(
        self,
        at: str,
        action: str,
        *,
        staff_id: int | None = None,
        target: str | None = None,
        details: dict[str, object] | None = None,
    ) -> None:
        ledger.audit(self._conn, at, action, staff_id=staff_id, target=target, details=details)

    def unpark(self, op_id: str) -> bool:
        """A parked operation back in the outbox (False: no such parked operation); the
        sync worker is woken after the commit."""
        if not push_outcomes.unpark(self._conn, op_id):
            return False
        self._conn.info[OUTBOX_WRITTEN] = True
        return True


class SqlReads:
    """One transaction on the cache, for reading."""

    __slots__ = ("_conn", "_over")

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._over = False

    def _open(self) -> Connection:
        if self._over:
            raise TransactionOver("this transaction has ended; start another one")
        return self._conn

    def end(self) -> None:
        """No more statements in this transaction (its block has ended)."""
        self._over = True

    @property
    def cards(self) -> CardLookups:
        return CardLookups(self._open())

    @property
    def members(self) -> MemberLookups:
        return MemberLookups(self._open())

    @property
    def operations(self) -> OperationRows:
        return OperationRows(self._open())

    @property
    def programs(self) -> ProgramLookups:
        return ProgramLookups(self._open())

    @property
    def staff(self) -> StaffRows:
        return StaffRows(self._open())

    @property
    def shifts(self) -> ShiftRows:
        return ShiftRows(self._open())

    @property
    def gifts(self) -> GiftRows:
        return GiftRows(self._open())

    @property
    def sync(self) -> SyncFacts:
        return SyncFacts(self._open())

    @property
    def print_jobs(self) -> PrintJobLookups:
        return PrintJobLookups(self._open())


class SqlWrites(SqlReads):
    """One write transaction on the cache (``BEGIN IMMEDIATE``): commits only when asked."""

    __slots__ = ("committed",)

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self.committed = False

    @property
    def connection(self) -> Connection:
        """The transaction's connection, for writers that take one (the print spooler)."""
        return self._open()

    @property
    def ledger(self) -> LedgerWrites:
        return LedgerWrites(self._open())

    @property
    def card_updates(self) -> CardUpdates:
        return CardUpdates(self._open())

    @property
    def registrations(self) -> RegistrationRows:
        return RegistrationRows(self._open())

    @property
    def staff_updates(self) -> StaffUpdates:
        return StaffUpdates(self._open())

    @property
    def shift_updates(self) -> ShiftUpdates:
        return ShiftUpdates(self._open())

    def commit(self) -> None:
        """Commit now: on the disk when this returns. The transaction is then over."""
        self._open().commit()
        self.committed = True
        self._over = True


class SqlStore:
    """Transactions on one cache file (:class:`Database`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @contextmanager
    def read(self) -> Iterator[SqlReads]:
        """A read transaction (a consistent snapshot)."""
        with self.db.read() as conn:
            tx = SqlReads(conn)
            try:
                yield tx
            finally:
                tx.end()

    @contextmanager
    def write(self) -> Iterator[SqlWrites]:
        """A write transaction: committed by :meth:`SqlWrites.commit`, rolled back if the
        block ends without it or with an exception."""
        with self.db.write() as conn:
            tx = SqlWrites(conn)
            try:
                yield tx
            finally:
                tx.end()
            if not tx.committed:
                conn.info.pop(OUTBOX_WRITTEN, None)  # nothing was sent to the outbox
                conn.rollback()


def connection_of(tx: object) -> Connection:
    """The connection of a write transaction of this store (TypeError for another kind:
    a fake store's transaction has none)."""
    if not isinstance(tx, SqlWrites):
        raise TypeError(f"{type(tx).__name__} is not a write transaction on the cache")
    return tx.connection
