"""Fast: the roles are checked by the services themselves, before anything is read or
written, and a refused or failed use case leaves the store as it was (a fake unit of
work: no SQLite). Beside them, the same rules on real cache files (test_member_ops.py,
test_staff.py, test_parked.py)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from service_fakes import CASHIER, CHIEF, FakeReceipts, FakeStore, snapshot, tables, unit

from terminal.loyalty import Money
from terminal.services import member_ops, registration, return_lookup, shifts, supervisor
from terminal.services.checkout import checkout
from terminal.services.errors import NoProgram, ServiceError
from terminal.services.identify import CardKey
from terminal.services.roles import NotAllowed, Role, StaffMember
from terminal.services.shifts import Shift
from terminal.services.unit import Unit

CARD = CardKey(card_id=1)
# Another cashier's shift: only a supervisor closes it (a cashier closes their own).
OTHERS = Shift(1, StaffMember(9, "Інша Касирка", Role.CASHIER), "2026-11-22T08:00:00+00:00")

SUPERVISOR_ONLY: dict[str, Callable[[Unit], Any]] = {
    "a return": lambda u: member_ops.return_purchase(u, "op-1"),
    "a return lookup": lambda u: return_lookup.find_purchase(u, "op-1"),
    "a gift": lambda u: member_ops.give_gift(u, CARD, "MUG"),
    "an adjustment": lambda u: member_ops.adjust_points(u, CARD, Decimal(10), "goodwill"),
    "feedback": lambda u: member_ops.record_feedback(u, CARD, "long queue"),
    "blocking": lambda u: member_ops.block_card(u, CARD, "stolen"),
    "activating": lambda u: member_ops.activate_bearer_card(u, CardKey(card_id=2)),
    "replacing": lambda u: member_ops.replace_card(u, CARD, CardKey(card_id=2)),
    "registering": lambda u: registration.register_member(
        u, CardKey(number="7000222200001"), "Іваненко Петро", "", "", None, True, False
    ),
    "the print queue": lambda u: supervisor.print_jobs(u),
    "a reprint": lambda u: supervisor.reprint(u, 1),
    "the parked operations": lambda u: supervisor.parked_operations(u),
    "sending again": lambda u: supervisor.send_again(u, "op-1"),
    "closing another's shift": lambda u: shifts.close_shift(u, OTHERS, "till-1"),
    "another's shift report": lambda u: shifts.shift_report(u, OTHERS, "till-1"),
}


@pytest.mark.parametrize("action", sorted(SUPERVISOR_ONLY))
def test_a_cashier_is_refused_and_nothing_changes(action: str) -> None:
    store = FakeStore(tables())
    before = snapshot(store)
    with pytest.raises(NotAllowed) as refused:
        SUPERVISOR_ONLY[action](unit(store, CASHIER, receipts=FakeReceipts()))
    assert refused.value.code == "not_allowed" and refused.value.params["role"] == "cashier"
    assert store.tables == before and store.commits == 0


@pytest.mark.parametrize("action", sorted(SUPERVISOR_ONLY))
def test_nobody_on_duty_is_refused_too(action: str) -> None:
    store = FakeStore(tables())
    with pytest.raises(ServiceError) as refused:
        SUPERVISOR_ONLY[action](unit(store, None, receipts=FakeReceipts()))
    assert refused.value.code == "unknown_staff" and store.commits == 0


def test_a_failure_after_a_write_leaves_nothing() -> None:
    """Activating writes the card's new state first, then needs the rules (there are
    none): the write transaction ends without its commit, and nothing of it is kept."""
    store = FakeStore(tables())
    store.tables.program = None
    before = snapshot(store)
    with pytest.raises(NoProgram):
        member_ops.activate_bearer_card(unit(store), CardKey(card_id=4))
    assert store.tables == before and store.commits == 0


def test_a_write_is_kept_only_when_committed() -> None:
    store = FakeStore(tables())
    with store.write() as tx:
        tx.ledger.audit("2026-11-22T10:30:00+00:00", "login", staff_id=1)
    assert store.tables.audit == []
    with store.write() as tx:
        tx.ledger.audit("2026-11-22T10:30:00+00:00", "login", staff_id=1)
        tx.commit()
    assert store.tables.audit == [("login", 1, None)]


def test_a_supervisor_may_and_it_is_recorded_with_their_id() -> None:
    store = FakeStore(tables())
    receipts = FakeReceipts()
    recorded = member_ops.adjust_points(
        unit(store, CHIEF, receipts=receipts), CARD, Decimal("-12.5"), "duplicate bonus"
    )
    assert store.commits == 1 and receipts.woken == 1
    [row] = store.tables.operations
    assert (row.op.kind, row.op.staff_id, row.op.points_delta_centi) == ("adjustment", 2, -1250)
    assert store.tables.audit == [("adjustment", 2, "card:1")]
    assert recorded.seq == 1 and recorded.points_delta == Decimal("-12.5")
    [printed] = store.tables.printed
    assert getattr(printed, "cashier", None) == CHIEF.name


@pytest.mark.parametrize(
    ("delta", "reason", "code"),
    [
        (Decimal(10), "   ", "reason_missing"),
        (Decimal(0), "goodwill", "bad_points"),
        (Decimal("0.001"), "goodwill", "bad_points"),
        (Decimal("NaN"), "goodwill", "bad_points"),
    ],
)
def test_adjustments_need_a_reason_and_a_number_of_points(
    delta: Decimal, reason: str, code: str
) -> None:
    store = FakeStore(tables())
    with pytest.raises(ServiceError) as refused:
        member_ops.adjust_points(unit(store), CARD, delta, reason)
    assert refused.value.code == code and store.commits == 0


def test_a_checkout_records_the_cashier_on_duty() -> None:
    store = FakeStore(tables())
    result = checkout(unit(store, CASHIER), CARD, Money.parse("100"))
    [row] = store.tables.operations
    assert row.op.staff_id == CASHIER.id and row.op.id == result.operation_id
    checkout(unit(store, None), CARD, Money.parse("100"))
    assert store.tables.operations[-1].op.staff_id is None
