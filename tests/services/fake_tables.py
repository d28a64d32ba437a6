"""The fake store's tables: the store's own records in dicts and lists, and builders of
rows (tests/services/service_fakes.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from terminal.loyalty import CardKind, CardState
from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.store.gift_queries import GiftRecord
from terminal.store.print_queue import QueuedJob
from terminal.store.records import CardRecord, MemberRecord, NewOperation
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
