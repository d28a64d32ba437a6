"""What the cache returns: plain frozen values, in the store's exact integer units.

The fields of a record that a lookup returns are columns of its table, by name and in
the order selected (terminal.store.queries builds its SELECTs from them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class CardRecord:
    id: int
    uid: str | None
    number: str | None
    kind: str
    state: str
    member_id: int | None
    fixed_discount_bp: int
    expires: date | None
    replaced_by: int | None


@dataclass(frozen=True, slots=True)
class MemberRecord:
    id: int
    full_name: str
    address_as: str
    birthday: date | None
    phone: str | None
    segment: str | None
    personal_manager: str | None
    priority_service: bool
    balance_centi: int
    lifetime_spend_minor: int
    window_spend_minor: int
    purchases: int
    last_gift_year: int | None
    office_seq: int
    synced_at: str | None


@dataclass(frozen=True, slots=True)
class PendingTotals:
    """The sum of this terminal's operations on a member that the office has not acked."""

    operations: int = 0
    points_delta_centi: int = 0
    spend_delta_minor: int = 0
    purchases_delta: int = 0


@dataclass(frozen=True, slots=True)
class NewOperation:
    """An operation to record; ``seq`` is assigned by the ledger."""

    id: str
    kind: str
    created_at: str
    card_id: int | None
    member_id: int | None
    staff_id: int | None = None
    amount_minor: int = 0
    discount_minor: int = 0
    paid_minor: int = 0
    points_spent_centi: int = 0
    points_earned_centi: int = 0
    points_delta_centi: int = 0
    spend_delta_minor: int = 0
    purchases_delta: int = 0
    facts: str = "{}"
    reverses: str | None = None


@dataclass(frozen=True, slots=True)
class OperationRecord:
    id: str
    seq: int
    kind: str
    created_at: str
    card_id: int | None
    member_id: int | None
    amount_minor: int
    paid_minor: int
    points_delta_centi: int
    facts: str
    reverses: str | None
    status: str
