"""The fake store's repositories: the read and write ports of terminal.services.ports
over the in-memory tables of fake_tables.py."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

from fake_tables import Row, Tables, member

from terminal.loyalty.id_blocks import block_of
from terminal.services.roles import Role
from terminal.store.gift_queries import GiftRecord
from terminal.store.normalize import name_key
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


class CardsFake:
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


class MembersFake:
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


def _record(r: Row) -> OperationRecord:
    o = r.op
    return OperationRecord(
        *(o.id, r.seq, o.kind, o.created_at, o.card_id, o.member_id, o.amount_minor),
        *(o.paid_minor, o.points_delta_centi, o.facts, o.reverses, r.status),
    )


class OperationsFake:
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
                return _record(r)
        return None

    def recent(
        self, member_id: int | None, card_id: int | None, limit: int
    ) -> list[OperationRecord]:
        rows = [
            r
            for r in self.t.operations
            if (r.op.member_id == member_id if member_id is not None else r.op.card_id == card_id)
        ]
        return [_record(r) for r in sorted(rows, key=lambda r: -r.seq)[:limit]]

    def returned_minor(self, purchase_id: str, *, pending_only: bool = False) -> int:
        return sum(
            r.op.amount_minor
            for r in self.t.operations
            if r.op.reverses == purchase_id
            and r.op.kind == "return"
            and (not pending_only or r.status == "pending")
        )

    def purchase_ids_between(self, low: str, high: str) -> list[str]:
        return sorted(
            r.op.id for r in self.t.operations if low <= r.op.id < high and r.op.kind == "purchase"
        )

    def adjusted_since(self, staff_id: int, since: str) -> int:
        return sum(
            abs(r.op.points_delta_centi)
            for r in self.t.operations
            if r.op.kind == "adjustment"
            and r.op.staff_id == staff_id
            and r.op.created_at >= since
            and r.status != "parked"
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
                r.op.points_delta_centi,
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


class ProgramsFake:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def active_body(self) -> dict[str, object] | None:
        return self.t.program


class StaffFake:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def on_till(
        self, *, supervisors_only: bool = False, terminal_id: str | None = None
    ) -> list[tuple[int, str]]:
        people = [
            s
            for s in self.t.staff.values()
            if s.active
            and not (supervisors_only and s.role == Role.CASHIER.value)
            and s.works_at(terminal_id)
        ]
        return [(s.id, s.name) for s in sorted(people, key=lambda s: s.name)]

    def by_id(self, staff_id: int) -> StaffRecord | None:
        return self.t.staff.get(staff_id)

    def by_card(self, card_uid: str) -> StaffRecord | None:
        person = self.t.staff.get(self.t.staff_cards.get(card_uid.upper(), -1))
        return person if person is not None and person.active else None

    def locked_out(self, now: str) -> list[tuple[int, str, str]]:
        people = [
            s
            for s in self.t.staff.values()
            if s.active and s.locked_until is not None and s.locked_until > now
        ]
        return [(s.id, s.name, str(s.locked_until)) for s in sorted(people, key=lambda s: s.name)]


class ShiftsFake:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def open_now(self) -> OpenShift | None:
        for shift_id, (staff_id, opened_at, closed_at) in self.t.shifts.items():
            if closed_at is None:
                person = self.t.staff[staff_id]
                return OpenShift(shift_id, opened_at, staff_id, person.name, person.role)
        return None


class GiftsFake:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def catalogue(self) -> list[GiftRecord]:
        return [g for g in self.t.gifts.values() if g.active]

    def by_code(self, code: str) -> GiftRecord | None:
        return self.t.gifts.get(code)

    def pending_birthday_year(self, member_id: int) -> int | None:
        years = [
            int(json.loads(o.facts)["birthday_year"])
            for o in OperationsFake(self.t)._pending(member_id)
            if o.kind == "gift" and "birthday_year" in json.loads(o.facts)
        ]
        return max(years) if years else None


class SyncFake:
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


class PrintJobsFake:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def newest(self, limit: int) -> list[QueuedJob]:
        return list(reversed(self.t.jobs))[:limit]


class LedgerFake:
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


class CardUpdatesFake:
    def __init__(self, t: Tables) -> None:
        self.t = t

    def set_state(self, card_id: int, state: str) -> None:
        self.t.cards[card_id] = replace(self.t.cards[card_id], state=state)

    def give_to(self, card_id: int, member_id: int, *, kind: str, state: str) -> None:
        card = self.t.cards[card_id]
        self.t.cards[card_id] = replace(card, member_id=member_id, kind=kind, state=state)

    def mark_replaced(self, card_id: int, by: int, *, state: str) -> None:
        self.t.cards[card_id] = replace(self.t.cards[card_id], state=state, replaced_by=by)


class RegistrationsFake:
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


class StaffUpdatesFake:
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

    def lift_lock(self, staff_id: int) -> None:
        self.pin_refused(staff_id, 0, None)


class ShiftUpdatesFake:
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
