"""Fast: the gift rules and the shift's life on a fake unit of work (the same on real
cache files: test_member_ops.py, test_staff.py, test_supervisor_atomic.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from fake_tables import NOW, Tables
from service_fakes import CASHIER, CHIEF, PIN, FakeReceipts, FakeStore, tables, unit

from common.clock import FixedClock
from terminal.loyalty import Money
from terminal.receipts.model import ReceiptData, ShiftReport
from terminal.services import gifts, member_ops
from terminal.services.checkout import checkout
from terminal.services.errors import NotAMemberCard, ServiceError
from terminal.services.identify import CardKey, identify
from terminal.services.roles import NotAllowed, Role, StaffMember
from terminal.services.shifts import ShiftStillOpen, close_shift, open_shift, shift_report
from terminal.services.staff import LockedOut, PinRejected, log_in, log_in_by_card

MEMBER = CardKey(card_id=1)


def birthday_today(t: Tables, last_gift_year: int | None = None) -> Tables:
    born = date(1980, NOW.month, NOW.day)
    t.members[1] = replace(t.members[1], birthday=born, last_gift_year=last_gift_year)
    return t


# --- gifts -----------------------------------------------------------------------------


def test_the_birthday_gift_once_per_birthday() -> None:
    store = FakeStore(birthday_today(tables()))
    receipts = FakeReceipts()
    assert identify(unit(store), MEMBER).gift_available
    member_ops.give_gift(unit(store, receipts=receipts), MEMBER, "BDAY")
    [row] = store.tables.operations
    assert row.op.points_delta_centi == 0 and '"birthday_year": 2026' in row.op.facts
    assert not identify(unit(store), MEMBER).gift_available  # the pending gift counts
    with pytest.raises(ServiceError) as again:
        member_ops.give_gift(unit(store), MEMBER, "BDAY")
    assert again.value.code == "birthday_gift_given"  # why: already given, not "none due"
    assert again.value.params == {"year": "2026"}
    [printed] = store.tables.printed
    assert isinstance(printed, ReceiptData) and printed.birthday and receipts.woken == 1


def test_no_birthday_gift_outside_the_window_or_twice_a_year() -> None:
    store = FakeStore(birthday_today(tables(), last_gift_year=2026))
    with pytest.raises(ServiceError) as given:
        member_ops.give_gift(unit(store), MEMBER, "BDAY")
    assert given.value.code == "birthday_gift_given"
    later = FixedClock(NOW + timedelta(days=30))
    store = FakeStore(birthday_today(tables()))
    with pytest.raises(ServiceError) as outside:
        member_ops.give_gift(unit(store, clock=later), MEMBER, "BDAY")
    assert outside.value.code == "no_birthday_gift"


def test_a_reward_costs_its_points_and_needs_them() -> None:
    store = FakeStore(tables())
    recorded = member_ops.give_gift(unit(store), MEMBER, "MUG")
    assert recorded.points_delta == Decimal(-500)
    assert identify(unit(store), MEMBER).balance == Decimal(500)
    member_ops.give_gift(unit(store), MEMBER, "MUG")
    with pytest.raises(ServiceError) as short:
        member_ops.give_gift(unit(store), MEMBER, "MUG")
    assert short.value.code == "points_short" and len(store.tables.operations) == 2


@pytest.mark.parametrize("code", ["OLD", "NONE"])
def test_a_gift_not_in_the_catalogue_is_refused(code: str) -> None:
    store = FakeStore(tables())
    with pytest.raises(ServiceError) as unknown:
        member_ops.give_gift(unit(store), MEMBER, code)
    assert unknown.value.code == "unknown_gift" and repr(code) in str(unknown.value)
    assert [g.code for g in gifts.gift_catalogue(unit(store))] == ["BDAY", "MUG"]


def test_gifts_need_a_usable_personal_card() -> None:
    store = FakeStore(tables())
    with pytest.raises(NotAMemberCard):
        member_ops.give_gift(unit(store), CardKey(card_id=2), "MUG")  # a bearer card
    with pytest.raises(ServiceError) as blocked:
        member_ops.give_gift(unit(store), CardKey(card_id=3), "MUG")
    assert blocked.value.code == "card_not_usable" and store.commits == 0


# --- shifts ----------------------------------------------------------------------------


def test_one_open_shift_per_till() -> None:
    store = FakeStore(tables())
    other = StaffMember(3, "Богдан", Role.CASHIER)
    store.tables.staff[3] = replace(store.tables.staff[1], id=3, name=other.name)
    first = open_shift(unit(store, CASHIER))
    assert open_shift(unit(store, CASHIER)) == first  # the same shift, not a second one
    with pytest.raises(ShiftStillOpen) as refused:
        open_shift(unit(store, other))
    assert refused.value.owner == CASHIER.name
    assert list(store.tables.shifts) == [first.id]
    assert [a[0] for a in store.tables.audit] == ["shift_opened"]


def test_a_supervisor_takes_over_with_the_report_queued() -> None:
    store = FakeStore(tables())
    receipts = FakeReceipts()
    first = open_shift(unit(store, CASHIER))
    mine = open_shift(unit(store, CHIEF, receipts=receipts), "till-7")
    assert mine.id != first.id and mine.staff == CHIEF
    assert store.tables.shifts[first.id][2] is not None  # closed
    [report] = store.tables.printed
    assert isinstance(report, ShiftReport) and report.cashier == CASHIER.name
    assert report.till == "till-7" and receipts.woken == 1
    assert [a[0] for a in store.tables.audit] == ["shift_opened", "shift_closed", "shift_opened"]


def test_closing_the_shift_reports_its_operations() -> None:
    store = FakeStore(tables())
    shift = open_shift(unit(store, CASHIER))
    for amount in ("100", "250.50"):
        checkout(unit(store, CASHIER), MEMBER, Money.parse(amount))
    other = StaffMember(9, "Інша Касирка", Role.CASHIER)
    with pytest.raises(NotAllowed):  # another cashier's shift: a supervisor closes it
        close_shift(unit(store, other), shift, "till-7")
    for points in (40, 25, -15):  # the supervisor's adjustments count too
        member_ops.adjust_points(unit(store, CHIEF), MEMBER, Decimal(points), "goodwill")
    report = close_shift(unit(store, CHIEF), shift, "till-7")
    assert (report.purchases, report.sales, report.unsent) == (2, Money.parse("350.50"), 5)
    assert report.cashier == CASHIER.name and store.tables.shifts[shift.id][2] is not None
    assert (report.adjustments, report.points_added, report.points_removed) == (
        3,
        Decimal(65),
        Decimal(15),
    )


# --- logging in --------------------------------------------------------------------------


def test_wrong_pins_are_counted_then_lock_out() -> None:
    store = FakeStore(tables())
    for left in (4, 3, 2, 1):
        with pytest.raises(PinRejected) as wrong:
            log_in(unit(store, None), CASHIER.id, "0000")
        assert wrong.value.attempts_left == left
    with pytest.raises(LockedOut):
        log_in(unit(store, None), CASHIER.id, "0000")
    with pytest.raises(LockedOut):  # the right PIN does not help while locked
        log_in(unit(store, None), CASHIER.id, PIN)
    assert store.tables.staff[CASHIER.id].failed_pins == 5
    assert [a[0] for a in store.tables.audit] == ["login_failed"] * 5
    assert log_in(unit(store, None), CHIEF.id, PIN) == CHIEF


def test_a_staff_card_logs_in_unless_its_owner_is_locked_out() -> None:
    store = FakeStore(tables())
    store.tables.staff_cards["04AABBCCDDEEFF"] = CHIEF.id
    assert log_in_by_card(unit(store, None), "04aabbccddeeff") == CHIEF
    assert log_in_by_card(unit(store, None), "0400000000") is None
    until = (NOW + timedelta(minutes=1)).isoformat()
    store.tables.staff[CHIEF.id] = replace(store.tables.staff[CHIEF.id], locked_until=until)
    with pytest.raises(LockedOut):
        log_in_by_card(unit(store, None), "04AABBCCDDEEFF")
    assert [a[0] for a in store.tables.audit] == ["login_card", "login_card_locked"]


def test_a_cashier_sees_their_shift_and_closes_it_themselves() -> None:
    store = FakeStore(tables())
    shift = open_shift(unit(store, CASHIER))
    checkout(unit(store, CASHIER), MEMBER, Money.parse("120.00"))
    seen = shift_report(unit(store, CASHIER), shift, "till-7")
    assert (seen.purchases, seen.sales) == (1, Money.parse("120.00"))
    assert store.tables.shifts[shift.id][2] is None  # looking closes nothing
    report = close_shift(unit(store, CASHIER), shift, "till-7")
    assert report.purchases == 1 and store.tables.shifts[shift.id][2] is not None
