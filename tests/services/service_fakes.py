"""An in-memory store and print queue: the ports of terminal.services.ports, written by
hand for the fast service tests (no SQLite, no mock patching).

The fake keeps plain tables (dicts and lists of the store's own records). A write
transaction works on a copy of them and puts the copy in place only on ``commit()``, so a
use case that raises, or forgets to commit, leaves the store exactly as it was: what the
real unit of work (terminal.store.unit_of_work) promises.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from common.clock import FixedClock
from terminal.loyalty import CardKind, CardState, Program, standard_program
from terminal.loyalty.id_blocks import block_of
from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.services.ports import Receipts, Store, Writes
from terminal.services.roles import Role, StaffMember
from terminal.services.staff import hash_pin
from terminal.services.unit import Unit
from terminal.store.gift_queries import GiftRecord
from terminal.store.normalize import name_key
from terminal.store.operation_queries import ParkedRecord, ShiftLine, SpendingAgainst
from terminal.store.print_queue import JobStatus, QueuedJob
from terminal.store.records import (
    CardRecord,
    MemberRecord,
    NewOperation,
    OperationRecord,
    PendingTotals,
)
from terminal.store.shift_queries import OpenShift
from terminal.store.staff_queries import StaffRecord

NOW = datetime(2026, 11, 22, 10, 30, tzinfo=UTC)


@dataclass(slots=True)
class Row:
    """An operation as the fake keeps it: what was recorded, its seq and its status."""

    op: NewOperation
    seq: int
    status: str = "pending"
    result: str | None = None


@dataclass(slots=True)
class Tables:
    cards: dict[int, CardRecord] = field(default_factory=dict)
    members: dict[int, MemberRecord] = field(default_factory=dict)
    operations: list[Row] = field(default_factory=list)
    audit: list[tuple[str, int | None, str | None]] = field(default_factory=list)
    staff: dict[int, StaffRecord] = field(default_factory=dict)
    staff_cards: dict[str, int] = field(default_factory=dict)
    shifts: dict[int, tuple[int, str, str | None]] = field(default_factory=dict)
    gifts: dict[str, GiftRecord] = field(default_factory=dict)
    program: dict[str, object] | None = None
    terminal_id: str | None = None
    limits: dict[str, int | bool] = field(default_factory=dict)
    last_contact: datetime | None = None
    last_pull: datetime | None = None
    printed: list[ReceiptData | ShiftReport | int] = field(default_factory=list)
    jobs: list[QueuedJob] = field(default_factory=list)


# --- the repositories ------------------------------------------------------------------


class _Cards:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def by_id(self, card_id: int) -> CardRecord | None:
        return self.t.cards.get(card_id)

    def by_uid(self, uid: str) -> CardRecord | None:
        return next((c for c in self.t.cards.values() if c.uid == uid.upper()), None)

    def by_number(self, number: str) -> CardRecord | None:
        return next((c for c in self.t.cards.values() if c.number == number), None)

    def of_member(self, member_id: int) -> list[CardRecord]:
        return [c for c in self.t.cards.values() if c.member_id == member_id]


class _Members:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def by_id(self, member_id: int) -> MemberRecord | None:
        return self.t.members.get(member_id)

    def by_phone(self, phone: str) -> list[MemberRecord]:
        return sorted((m for m in self.t.members.values() if m.phone == phone), key=lambda m: m.id)

    def by_name_prefix(self, prefix: str, limit: int = 20) -> list[MemberRecord]:
        key = name_key(prefix)
        found = [
            m for m in self.t.members.values() if key and name_key(m.full_name).startswith(key)
        ]
        return sorted(found, key=lambda m: (name_key(m.full_name), m.id))[:limit]

    def count(self) -> int:
        return len(self.t.members)


def _spent(op: NewOperation) -> int:
    return max(0, -op.points_delta_centi if op.kind == "gift" else op.points_spent_centi)


class _Operations:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def _pending(self, member_id: int | None = None) -> list[NewOperation]:
        return [
            r.op
            for r in self.t.operations
            if r.status == "pending" and (member_id is None or r.op.member_id == member_id)
        ]

    def get(self, op_id: str) -> OperationRecord | None:
        for r in self.t.operations:
            if r.op.id == op_id:
                o = r.op
                return OperationRecord(
                    o.id,
                    r.seq,
                    o.kind,
                    o.created_at,
                    o.card_id,
                    o.member_id,
                    o.amount_minor,
                    o.paid_minor,
                    o.points_delta_centi,
                    o.facts,
                    o.reverses,
                    r.status,
                )
        return None

    def returned_minor(self, purchase_id: str) -> int:
        return sum(
            r.op.amount_minor
            for r in self.t.operations
            if r.op.reverses == purchase_id and r.op.kind == "return"
        )

    def pending_totals(self, member_id: int) -> PendingTotals:
        ops = self._pending(member_id)
        return PendingTotals(
            len(ops),
            sum(o.points_delta_centi for o in ops),
            sum(o.spend_delta_minor for o in ops),
            sum(o.purchases_delta for o in ops),
        )

    def till_spending(self) -> int:
        return sum(_spent(o) for o in self._pending())

    def member_spending(self, member_id: int) -> SpendingAgainst:
        ops = self._pending(member_id)
        taken = sum(
            -o.points_spent_centi if o.kind == "purchase" else min(o.points_delta_centi, 0)
            for o in ops
        )
        return SpendingAgainst(sum(_spent(o) for o in ops), taken)

    def between(self, since: str, until: str) -> list[ShiftLine]:
        return [
            ShiftLine(
                r.op.kind,
                r.op.amount_minor,
                r.op.discount_minor,
                r.op.paid_minor,
                r.op.points_earned_centi,
                r.op.points_spent_centi,
                r.status,
            )
            for r in self.t.operations
            if since <= r.op.created_at <= until
        ]

    def parked(self, limit: int) -> list[ParkedRecord]:
        rows = [r for r in self.t.operations if r.status == "parked"][:limit]
        return [
            ParkedRecord(r.op.id, r.seq, r.op.kind, r.op.created_at, r.op.member_id, r.result)
            for r in rows
        ]


class _Programs:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def active_body(self) -> dict[str, object] | None:
        return self.t.program


class _Staff:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def on_till(self, *, supervisors_only: bool = False) -> list[tuple[int, str]]:
        people = [
            s
            for s in self.t.staff.values()
            if s.active and not (supervisors_only and s.role == Role.CASHIER.value)
        ]
        return [(s.id, s.name) for s in sorted(people, key=lambda s: s.name)]

    def by_id(self, staff_id: int) -> StaffRecord | None:
        return self.t.staff.get(staff_id)

    def by_card(self, card_uid: str) -> StaffRecord | None:
        person = self.t.staff.get(self.t.staff_cards.get(card_uid.upper(), -1))
        return person if person is not None and person.active else None


class _Shifts:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def open_now(self) -> OpenShift | None:
        for shift_id, (staff_id, opened_at, closed_at) in self.t.shifts.items():
            if closed_at is None:
                person = self.t.staff[staff_id]
                return OpenShift(shift_id, opened_at, staff_id, person.name, person.role)
        return None


class _Gifts:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def catalogue(self) -> list[GiftRecord]:
        return [g for g in self.t.gifts.values() if g.active]

    def by_code(self, code: str) -> GiftRecord | None:
        return self.t.gifts.get(code)

    def pending_birthday_year(self, member_id: int) -> int | None:
        years = [
            int(json.loads(o.facts)["birthday_year"])
            for o in _Operations(self.t)._pending(member_id)
            if o.kind == "gift" and "birthday_year" in json.loads(o.facts)
        ]
        return max(years) if years else None


class _Sync:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def terminal_id(self) -> str | None:
        return self.t.terminal_id

    def offline_limits(self) -> dict[str, int | bool]:
        return dict(self.t.limits)

    def last_contact(self) -> datetime | None:
        return self.t.last_contact

    def last_pull(self) -> datetime | None:
        return self.t.last_pull


class _PrintJobs:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def newest(self, limit: int) -> list[QueuedJob]:
        return list(reversed(self.t.jobs))[:limit]


class _Ledger:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def record(self, op: NewOperation) -> int:
        seq = max((r.seq for r in self.t.operations), default=0) + 1
        self.t.operations.append(Row(op, seq))
        return seq

    def audit(
        self,
        at: str,
        action: str,
        *,
        staff_id: int | None = None,
        target: str | None = None,
        details: dict[str, object] | None = None,
    ) -> None:
        self.t.audit.append((action, staff_id, target))

    def unpark(self, op_id: str) -> bool:
        for r in self.t.operations:
            if r.op.id == op_id and r.status == "parked":
                r.status = "pending"
                return True
        return False


class _CardUpdates:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def set_state(self, card_id: int, state: str) -> None:
        self.t.cards[card_id] = replace(self.t.cards[card_id], state=state)

    def give_to(self, card_id: int, member_id: int, *, kind: str, state: str) -> None:
        card = self.t.cards[card_id]
        self.t.cards[card_id] = replace(card, member_id=member_id, kind=kind, state=state)

    def mark_replaced(self, card_id: int, by: int, *, state: str) -> None:
        self.t.cards[card_id] = replace(self.t.cards[card_id], state=state, replaced_by=by)


class _Registrations:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def next_free_ids(self, terminal_id: int) -> tuple[int, int]:
        low, high = block_of(terminal_id)
        members = [i for i in self.t.members if low <= i <= high]
        cards = [i for i in self.t.cards if low <= i <= high]
        return (max(members) + 1 if members else low, max(cards) + 1 if cards else low)

    def registered_max(self) -> tuple[int | None, int | None]:
        facts = [
            json.loads(r.op.facts) for r in self.t.operations if r.op.kind == "member_register"
        ]
        members = [int(f["member"]["id"]) for f in facts]
        cards = [int(f["card"]["id"]) for f in facts]
        return (max(members, default=None), max(cards, default=None))

    def add_member(
        self,
        member_id: int,
        *,
        full_name: str,
        address_as: str,
        birthday: date | None,
        phone: str | None,
        consent_personal_data: bool,
        consent_marketing: bool,
    ) -> None:
        self.t.members[member_id] = member(member_id, full_name, address_as, birthday, phone, 0)

    def add_card(
        self,
        card_id: int,
        *,
        uid: str | None,
        number: str | None,
        kind: str,
        state: str,
        member_id: int,
    ) -> None:
        self.t.cards[card_id] = CardRecord(
            card_id, uid, number, kind, state, member_id, 0, None, None
        )


class _StaffUpdates:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def add(self, name: str, role: str, pin_hash: str, card_uid: str | None = None) -> int:
        staff_id = max(self.t.staff, default=0) + 1
        self.t.staff[staff_id] = StaffRecord(staff_id, name, role, pin_hash, 0, None, True)
        if card_uid is not None:
            self.t.staff_cards[card_uid.upper()] = staff_id
        return staff_id

    def pin_accepted(self, staff_id: int) -> None:
        self.pin_refused(staff_id, 0, None)

    def pin_refused(self, staff_id: int, failed: int, locked_until: str | None) -> None:
        person = self.t.staff[staff_id]
        self.t.staff[staff_id] = replace(person, failed_pins=failed, locked_until=locked_until)


class _ShiftUpdates:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def open(self, staff_id: int, at: str) -> int:
        shift_id = max(self.t.shifts, default=0) + 1
        self.t.shifts[shift_id] = (staff_id, at, None)
        return shift_id

    def close(self, shift_id: int, at: str) -> None:
        staff_id, opened_at, closed_at = self.t.shifts[shift_id]
        if closed_at is None:
            self.t.shifts[shift_id] = (staff_id, opened_at, at)


# --- transactions and the store ---------------------------------------------------------


class FakeReads:
    def __init__(self, t: Tables) -> None:
        self.tables = t
        self.cards = _Cards(t)
        self.members = _Members(t)
        self.operations = _Operations(t)
        self.programs = _Programs(t)
        self.staff = _Staff(t)
        self.shifts = _Shifts(t)
        self.gifts = _Gifts(t)
        self.sync = _Sync(t)
        self.print_jobs = _PrintJobs(t)


class FakeWrites(FakeReads):
    def __init__(self, store: FakeStore) -> None:
        super().__init__(copy.deepcopy(store.tables))
        self._store = store
        self.committed = False
        self.ledger = _Ledger(self.tables)
        self.card_updates = _CardUpdates(self.tables)
        self.registrations = _Registrations(self.tables)
        self.staff_updates = _StaffUpdates(self.tables)
        self.shift_updates = _ShiftUpdates(self.tables)

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


def member(
    member_id: int,
    full_name: str = "Петрова Анна Ивановна",
    address_as: str = "Анна Ивановна",
    birthday: date | None = date(1980, 3, 14),
    phone: str | None = "79161234567",
    balance_centi: int = 100_000,
    *,
    last_gift_year: int | None = None,
) -> MemberRecord:
    return MemberRecord(
        member_id,
        full_name,
        address_as,
        birthday,
        phone,
        None,
        None,
        False,
        balance_centi,
        0,
        0,
        0,
        last_gift_year,
        0,
        None,
    )


def card(
    card_id: int,
    member_id: int | None = None,
    *,
    kind: CardKind = CardKind.PERSONAL,
    state: CardState = CardState.ACTIVE,
) -> CardRecord:
    return CardRecord(
        card_id, None, f"29900000{card_id:05d}", kind.value, state.value, member_id, 0, None, None
    )


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
