"""An in-memory store and print queue: the ports of terminal.services.ports, written by
hand for the fast service tests (no SQLite, no mock patching).

The fake keeps plain tables (dicts and lists of the store's own records). A write
transaction works on a copy of them and puts the copy in place only on ``commit()``, so a
use case that raises, or forgets to commit, leaves the store exactly as it was: what the
real unit of work (terminal.store.unit_of_work) promises.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fake_repositories import (
    CardsFake,
    CardUpdatesFake,
    GiftsFake,
    LedgerFake,
    MembersFake,
    OperationsFake,
    PrintJobsFake,
    ProgramsFake,
    RegistrationsFake,
    ShiftsFake,
    ShiftUpdatesFake,
    StaffFake,
    StaffUpdatesFake,
    SyncFake,
)
from fake_tables import NOW, Tables, card, member

from common.clock import FixedClock
from terminal.loyalty import CardKind, CardState, Program, standard_program
from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.services.ports import Receipts, Store, Writes
from terminal.services.roles import Role, StaffMember
from terminal.services.staff import hash_pin
from terminal.services.unit import Unit
from terminal.store.gift_queries import GiftRecord
from terminal.store.print_queue import JobStatus, QueuedJob
from terminal.store.staff_queries import StaffRecord

# --- transactions and the store ---------------------------------------------------------


class FakeReads:
    def __init__(self, t: Tables) -> None:
        self.tables = t
        self.cards = CardsFake(t)
        self.members = MembersFake(t)
        self.operations = OperationsFake(t)
        self.programs = ProgramsFake(t)
        self.staff = StaffFake(t)
        self.shifts = ShiftsFake(t)
        self.gifts = GiftsFake(t)
        self.sync = SyncFake(t)
        self.print_jobs = PrintJobsFake(t)


class FakeWrites(FakeReads):
    def __init__(self, store: FakeStore) -> None:
        super().__init__(copy.deepcopy(store.tables))
        self._store = store
        self.committed = False
        self.ledger = LedgerFake(self.tables)
        self.card_updates = CardUpdatesFake(self.tables)
        self.registrations = RegistrationsFake(self.tables)
        self.staff_updates = StaffUpdatesFake(self.tables)
        self.shift_updates = ShiftUpdatesFake(self.tables)

    def commit(self) -> None:
        assert not self.committed, "committed twice"
        self._store.tables = self.tables
        self._store.commits += 1
        self.committed = True


class FakeStore:
    def __init__(self, tables: Tables | None = None) -> None:
        self.tables = tables or Tables()
        self.commits = 0

    @contextmanager
    def read(self) -> Iterator[FakeReads]:
        yield FakeReads(self.tables)

    @contextmanager
    def write(self) -> Iterator[FakeWrites]:
        yield FakeWrites(self)


class FakeReceipts:
    """The print queue: what was queued (in the transaction's tables) and the wake-ups."""

    language = "ru"

    def __init__(self) -> None:
        self.woken = 0

    def add_receipt(self, tx: Writes, data: ReceiptData) -> None:
        assert isinstance(tx, FakeWrites)
        tx.tables.printed.append(data)

    def add_shift(self, tx: Writes, report: ShiftReport) -> None:
        assert isinstance(tx, FakeWrites)
        tx.tables.printed.append(report)

    def add_reprint(self, tx: Writes, job_id: int) -> int:
        assert isinstance(tx, FakeWrites)
        if not any(j.id == job_id for j in tx.tables.jobs):
            raise KeyError(job_id)
        tx.tables.printed.append(job_id)
        return max(j.id for j in tx.tables.jobs) + 1

    def wake(self) -> None:
        self.woken += 1


# --- builders ---------------------------------------------------------------------------

CASHIER = StaffMember(1, "Анна Кассирова", Role.CASHIER)
CHIEF = StaffMember(2, "Пётр Старший", Role.SUPERVISOR)
PIN = "1234"  # both of theirs
_PIN_HASH = hash_pin(PIN)  # scrypt is slow on purpose: once per test session


def job(job_id: int) -> QueuedJob:
    return QueuedJob(
        job_id,
        None,
        "purchase",
        f"purchase #{job_id}",
        b"",
        JobStatus.PRINTED,
        1,
        None,
        "",
        None,
        None,
    )


def tables(program: Program | None = None) -> Tables:
    """A small cache: two staff, a member with 1000 points and an active card (1), an
    active bearer card (2), a blocked card (3) of the same member, a new bearer card (4),
    and three gifts (a birthday gift, a reward of 500 points, a reward withdrawn)."""
    t = Tables(program=(program or standard_program()).to_dict())
    for person in (CASHIER, CHIEF):
        t.staff[person.id] = StaffRecord(
            person.id, person.name, person.role.value, _PIN_HASH, 0, None, True
        )
    t.members[1] = member(1)
    t.cards[1] = card(1, 1)
    t.cards[2] = card(2, kind=CardKind.BEARER)
    t.cards[3] = card(3, 1, state=CardState.BLOCKED)
    t.cards[4] = card(4, kind=CardKind.BEARER, state=CardState.NOT_ACTIVATED)
    for code, name, kind, cost in (
        ("BDAY", "Подарок ко дню рождения", "birthday", 0),
        ("MUG", "Фирменная кружка", "reward", 50_000),
        ("OLD", "Снятый с витрины", "reward", 100),
    ):
        t.gifts[code] = GiftRecord(code, name, kind, cost, code != "OLD")
    return t


def unit(
    store: FakeStore,
    who: StaffMember | None = CHIEF,
    *,
    clock: FixedClock | None = None,
    receipts: FakeReceipts | None = None,
) -> Unit:
    """A unit of work on the fake store, with ``who`` on duty and the store's program."""
    body = store.tables.program
    counter = iter(range(1, 10**6))
    return Unit(
        store,
        clock or FixedClock(NOW),
        lambda: f"op-{next(counter):06d}",
        who,
        receipts,
        None if body is None else Program.from_dict(dict(body)),
    )


def _conforms(store: FakeStore, receipts: FakeReceipts) -> tuple[Store, Receipts]:
    """Where mypy checks that the fakes are what the services take (the ports)."""
    return store, receipts


def snapshot(store: FakeStore) -> Any:
    """Everything the store holds, to compare before and after a refused use case."""
    return copy.deepcopy(store.tables)
