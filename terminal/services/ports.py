"""What the use cases need from the cache and from the printer: the ports they are
written against. ``terminal.store.unit_of_work`` implements them on the SQLite cache,
``terminal.services.cache_unit`` on the print spooler; the fast service tests implement
them in memory (tests/services/service_fakes.py).

A use case reads in ``with unit.read() as tx:`` and writes in ``with unit.write() as
tx: ...; tx.commit()``: a write block that ends without the commit (or with an
exception) leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any, Protocol

from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.store.gift_queries import GiftRecord
from terminal.store.operation_queries import ParkedRecord, ShiftLine, SpendingAgainst
from terminal.store.print_queue import QueuedJob
from terminal.store.records import (
    CardRecord,
    MemberRecord,
    NewOperation,
    OperationRecord,
    PendingTotals,
)
from terminal.store.shift_queries import OpenShift
from terminal.store.staff_queries import StaffRecord

# --- reading ---------------------------------------------------------------------------


class Cards(Protocol):
    def by_id(self, card_id: int) -> CardRecord | None: ...
    def by_uid(self, uid: str) -> CardRecord | None: ...
    def by_number(self, number: str) -> CardRecord | None: ...
    def of_member(self, member_id: int) -> list[CardRecord]: ...


class Members(Protocol):
    def by_id(self, member_id: int) -> MemberRecord | None: ...
    def by_phone(self, phone: str) -> list[MemberRecord]: ...
    def by_name_prefix(self, prefix: str, limit: int = 20) -> list[MemberRecord]: ...
    def count(self) -> int: ...


class Operations(Protocol):
    def get(self, op_id: str) -> OperationRecord | None: ...
    def returned_minor(self, purchase_id: str, *, pending_only: bool = False) -> int: ...
    def pending_totals(self, member_id: int) -> PendingTotals: ...
    def recent(
        self, member_id: int | None, card_id: int | None, limit: int
    ) -> list[OperationRecord]: ...
    def till_spending(self) -> int: ...
    def adjusted_since(self, staff_id: int, since: str) -> int: ...
    def purchase_ids_between(self, low: str, high: str) -> list[str]: ...
    def member_spending(self, member_id: int) -> SpendingAgainst: ...
    def between(self, since: str, until: str) -> list[ShiftLine]: ...
    def parked(self, limit: int) -> list[ParkedRecord]: ...


class Programs(Protocol):
    def active_body(self) -> dict[str, object] | None: ...


class Staff(Protocol):
    def on_till(
        self, *, supervisors_only: bool = False, terminal_id: str | None = None
    ) -> list[tuple[int, str]]: ...
    def by_id(self, staff_id: int) -> StaffRecord | None: ...
    def locked_out(self, now: str) -> list[tuple[int, str, str]]: ...
    def by_card(self, card_uid: str) -> StaffRecord | None: ...


class Shifts(Protocol):
    def open_now(self) -> OpenShift | None: ...


class Gifts(Protocol):
    def catalogue(self) -> list[GiftRecord]: ...
    def by_code(self, code: str) -> GiftRecord | None: ...
    def pending_birthday_year(self, member_id: int) -> int | None: ...


class SyncFacts(Protocol):
    def terminal_id(self) -> str | None: ...
    def offline_limits(self) -> dict[str, int | bool]: ...
    def last_contact(self) -> datetime | None: ...
    def last_pull(self) -> datetime | None: ...


class PrintJobs(Protocol):
    def newest(self, limit: int) -> list[QueuedJob]: ...


class Reads(Protocol):
    """One transaction, for reading."""

    @property
    def cards(self) -> Cards: ...
    @property
    def members(self) -> Members: ...
    @property
    def operations(self) -> Operations: ...
    @property
    def programs(self) -> Programs: ...
    @property
    def staff(self) -> Staff: ...
    @property
    def shifts(self) -> Shifts: ...
    @property
    def gifts(self) -> Gifts: ...
    @property
    def sync(self) -> SyncFacts: ...
    @property
    def print_jobs(self) -> PrintJobs: ...


# --- writing ---------------------------------------------------------------------------


class Ledger(Protocol):
    def record(self, op: NewOperation) -> int: ...
    def audit(
        self,
        at: str,
        action: str,
        *,
        staff_id: int | None = None,
        target: str | None = None,
        details: dict[str, object] | None = None,
    ) -> None: ...
    def unpark(self, op_id: str) -> bool: ...


class CardUpdates(Protocol):
    def set_state(self, card_id: int, state: str) -> None: ...
    def give_to(self, card_id: int, member_id: int, *, kind: str, state: str) -> None: ...
    def mark_replaced(self, card_id: int, by: int, *, state: str) -> None: ...


class Registrations(Protocol):
    def next_free_ids(self, terminal_id: int) -> tuple[int, int]: ...
    def registered_max(self) -> tuple[int | None, int | None]: ...
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
    ) -> None: ...
    def add_card(
        self,
        card_id: int,
        *,
        uid: str | None,
        number: str | None,
        kind: str,
        state: str,
        member_id: int,
    ) -> None: ...


class StaffUpdates(Protocol):
    def add(self, name: str, role: str, pin_hash: str, card_uid: str | None = None) -> int: ...
    def pin_accepted(self, staff_id: int) -> None: ...
    def pin_refused(self, staff_id: int, failed: int, locked_until: str | None) -> None: ...
    def lift_lock(self, staff_id: int) -> None: ...


class ShiftUpdates(Protocol):
    def open(self, staff_id: int, at: str) -> int: ...
    def close(self, shift_id: int, at: str) -> None: ...


class Writes(Reads, Protocol):
    """One write transaction: nothing is kept unless :meth:`commit` is called."""

    @property
    def ledger(self) -> Ledger: ...
    @property
    def card_updates(self) -> CardUpdates: ...
    @property
    def registrations(self) -> Registrations: ...
    @property
    def staff_updates(self) -> StaffUpdates: ...
    @property
    def shift_updates(self) -> ShiftUpdates: ...
    def commit(self) -> None: ...


class Store(Protocol):
    """The cache: a transaction per use case."""

    def read(self) -> AbstractContextManager[Reads]: ...
    def write(self) -> AbstractContextManager[Writes]: ...


# --- the office ------------------------------------------------------------------------


class SpendDecision(Protocol):
    """The office's answer to a spend: ``granted`` (it holds ``points_centi`` for the
    operation) or refused, with the points ``available_centi`` it would hold; ``reason``
    (refused): ``balance``, ``unknown_member``, ``unknown_card``, ``card_not_usable``."""

    @property
    def granted(self) -> bool: ...
    @property
    def points_centi(self) -> int: ...
    @property
    def available_centi(self) -> int: ...
    @property
    def reason(self) -> str | None: ...


class SpendAuthoriser(Protocol):
    """Asks the office to authorise spending points before the operation is recorded
    (docs/protocol.md, Online spending): a hold for the operation ``op_id`` will have.
    Returns within ``deadline_s``: None when the office did not answer by then (or cannot
    be reached), and the till decides on its offline limits. Implemented over HTTP in
    ``sync.authoriser``; a till without an office has none."""

    def authorise(
        self,
        op_id: str,
        member_id: int,
        card_id: int | None,
        points_centi: int,
        deadline_s: float,
    ) -> SpendDecision | None: ...


class ForeignPurchase(Protocol):
    """A purchase made at another till, as the office answers it (``sync.wire_spend.
    PurchaseAnswer``): whose, what, and what the returns the office applied took back."""

    @property
    def id(self) -> str: ...
    @property
    def terminal_id(self) -> int: ...
    @property
    def seq(self) -> int: ...
    @property
    def created_at(self) -> str: ...
    @property
    def member_id(self) -> int | None: ...
    @property
    def card_id(self) -> int | None: ...
    @property
    def amount_minor(self) -> int: ...
    @property
    def returned_minor(self) -> int: ...
    @property
    def facts(self) -> Mapping[str, Any]: ...


class PurchaseFinder(Protocol):
    """Asks the office for a purchase this till did not make (a return of another till's
    sale, docs/protocol.md, Returns at another till): None when the office holds no such
    purchase; :class:`TimeoutError` when it did not answer within ``deadline_s``.
    Implemented over HTTP in ``sync.authoriser``; a till without an office has none."""

    def find_purchase(self, op_id: str, deadline_s: float) -> ForeignPurchase | None: ...


# --- the printer -----------------------------------------------------------------------


class Receipts(Protocol):
    """The print queue as the use cases see it: a receipt is queued in the operation's
    own write transaction (so neither exists without the other), and the printer is woken
    after the commit."""

    @property
    def language(self) -> str: ...
    def add_receipt(self, tx: Writes, data: ReceiptData) -> None: ...
    def add_shift(self, tx: Writes, report: ShiftReport) -> None: ...
    def add_reprint(self, tx: Writes, job_id: int) -> int: ...
    def wake(self) -> None: ...
