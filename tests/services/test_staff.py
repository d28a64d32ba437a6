"""PINs hashed with argon2id; five wrong PINs lock a person out for a growing time, across
restarts; roles checked in the service; shifts and the audit log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from builders import card_key
from sqlalchemy import text

from common.clock import FixedClock
from terminal.services.roles import StaffMember
from terminal.services.shifts import open_shift
from terminal.services.staff import (
    BadPin,
    LockedOut,
    NotAllowed,
    PinRejected,
    Role,
    add_staff,
    hash_pin,
    lock_for,
    log_in,
    pin_matches,
)
from terminal.services.till import Till
from terminal.services.unit import Unit
from terminal.store.database import Database


def on(db: Database, clock: FixedClock, who: StaffMember | None = None) -> Unit:
    """A unit of work on the cache file, with ``who`` on duty."""
    return Till(db, clock).unit(who)


def test_pins_are_stored_hashed() -> None:
    stored = hash_pin("4821")
    assert "4821" not in stored and stored.startswith("$argon2id$")
    assert pin_matches("4821", stored) and not pin_matches("4822", stored)
    assert hash_pin("4821") != stored  # salted
    assert not pin_matches("4821", "md5$abc")
    for bad in ("12", "abcd", "1234567890123", ""):
        with pytest.raises(BadPin):
            hash_pin(bad)


@pytest.mark.parametrize(
    ("failed", "lock"),
    [
        (4, None),
        (5, timedelta(minutes=1)),
        (6, timedelta(minutes=2)),
        (8, timedelta(minutes=8)),
        (15, timedelta(hours=17, minutes=4)),
        (16, timedelta(days=1)),
        (40, timedelta(days=1)),
        (46, timedelta(days=1)),
        (47, timedelta(days=1)),
        (10**6, timedelta(days=1)),
    ],
)
def test_lock_grows(failed: int, lock: timedelta | None) -> None:
    assert lock_for(failed) == lock


def test_five_wrong_pins_lock_out_across_restarts(db: Database, clock: FixedClock) -> None:
    with db.write() as conn:
        anna = add_staff(conn, "Анна", Role.CASHIER, "4821")
    for left in (4, 3, 2, 1):
        with pytest.raises(PinRejected) as wrong:
            log_in(on(db, clock), anna, "0000")
        assert wrong.value.attempts_left == left
    with pytest.raises(LockedOut):
        log_in(on(db, clock), anna, "0000")
    path = db.path
    db.close()
    with Database.open(path) as restarted:
        with pytest.raises(LockedOut):  # the right PIN does not help while locked
            log_in(on(restarted, clock), anna, "4821")
        clock.advance(timedelta(minutes=1, seconds=1))
        with pytest.raises(LockedOut) as longer:  # one more wrong PIN: two minutes
            log_in(on(restarted, clock), anna, "1111")
        assert longer.value.until == clock.now() + timedelta(minutes=2)
        clock.advance(timedelta(minutes=2, seconds=1))
        assert log_in(on(restarted, clock), anna, "4821").name == "Анна"
        with restarted.read() as conn:
            failed = conn.execute(text("SELECT failed_pins FROM staff")).scalar()
            actions = [r[0] for r in conn.execute(text("SELECT action FROM audit_log"))]
        assert failed == 0
        assert actions.count("login_failed") == 6 and actions[-1] == "login"


def test_a_long_run_of_wrong_pins_stays_locked_for_a_day(db: Database, clock: FixedClock) -> None:
    """Past ~46 wrong PINs the doubling used to overflow, and the attempt was rolled back."""
    with db.write() as conn:
        anna = add_staff(conn, "Анна", Role.CASHIER, "4821")
        conn.execute(text("UPDATE staff SET failed_pins = 60 WHERE id = :id"), {"id": anna})
    with pytest.raises(LockedOut) as locked:
        log_in(on(db, clock), anna, "0000")
    assert locked.value.until == clock.now() + timedelta(days=1)
    with db.read() as conn:
        assert conn.execute(text("SELECT failed_pins FROM staff")).scalar() == 61


def test_roles_are_enforced_by_the_service(db: Database, clock: FixedClock) -> None:
    with db.write() as conn:
        cashier = add_staff(conn, "Олена", Role.CASHIER, "1234")
        chief = add_staff(conn, "Пётр", Role.SUPERVISOR, "987654")
    with pytest.raises(NotAllowed):
        log_in(on(db, clock), cashier, "1234").require(Role.SUPERVISOR, "a reversal")
    log_in(on(db, clock), chief, "987654").require(Role.SUPERVISOR, "a reversal")


def test_one_open_shift_per_till(db: Database, clock: FixedClock) -> None:
    from terminal.services.shifts import ShiftStillOpen

    with db.write() as conn:
        a = add_staff(conn, "Анна", Role.CASHIER, "1234")
        b = add_staff(conn, "Богдан", Role.CASHIER, "5678")
    anna, bohdan = log_in(on(db, clock), a, "1234"), log_in(on(db, clock), b, "5678")
    first = open_shift(on(db, clock, anna))
    assert open_shift(on(db, clock, anna)).id == first.id
    with pytest.raises(ShiftStillOpen) as refused:  # not closed behind Anna's back
        open_shift(on(db, clock, bohdan))
    assert refused.value.owner == "Анна" and "Анна" in str(refused.value)
    with db.read() as conn:
        open_ = conn.execute(text("SELECT id FROM shifts WHERE closed_at IS NULL")).all()
    assert [r[0] for r in open_] == [first.id]


def test_a_supervisor_takes_over_with_the_report_printed(
    demo_db: Database, clock: FixedClock
) -> None:
    from drivers.printer.config import PrinterConfig
    from terminal.receipts.config import ReceiptConfig
    from terminal.receipts.spool import Spooler

    spooler = Spooler(demo_db, PrinterConfig.default(), ReceiptConfig.default())
    with demo_db.write() as conn:
        a = add_staff(conn, "Анна", Role.CASHIER, "1234")
        s = add_staff(conn, "Шеф", Role.SUPERVISOR, "567890")
    first = open_shift(on(demo_db, clock, log_in(on(demo_db, clock), a, "1234")))
    chief = log_in(on(demo_db, clock), s, "567890")
    mine = open_shift(Till(demo_db, clock, receipts=spooler).unit(chief), "till-7")
    assert mine.id != first.id and mine.staff == chief
    with demo_db.read() as conn:
        closed = conn.execute(
            text("SELECT closed_at FROM shifts WHERE id = :id"), {"id": first.id}
        ).scalar()
        jobs = conn.execute(text("SELECT kind, title FROM print_jobs")).all()
        audit = conn.execute(
            text("SELECT staff_id, target FROM audit_log WHERE action='shift_closed'")
        ).all()
    assert closed is not None
    assert [tuple(j) for j in jobs] == [("shift", "shift till-7")]
    assert [tuple(r) for r in audit] == [(s, str(first.id))]


def test_staff_card_logs_in(db: Database, clock: FixedClock) -> None:
    from terminal.services.staff import log_in_by_card

    with db.write() as conn:
        add_staff(conn, "Олена", Role.SUPERVISOR, "123456", card_uid="04aabbccddeeff")
    who = log_in_by_card(on(db, clock), "04AABBCCDDEEFF")
    assert who is not None and who.role is Role.SUPERVISOR
    assert log_in_by_card(on(db, clock), "0400000000") is None


def test_staff_card_is_refused_while_its_owner_is_locked_out(
    db: Database, clock: FixedClock
) -> None:
    from terminal.services.staff import log_in_by_card

    with db.write() as conn:
        olena = add_staff(conn, "Олена", Role.SUPERVISOR, "123456", card_uid="04aabbccddeeff")
    for _ in range(4):
        with pytest.raises(PinRejected):
            log_in(on(db, clock), olena, "0000")
    with pytest.raises(LockedOut):
        log_in(on(db, clock), olena, "0000")
    with pytest.raises(LockedOut) as locked:
        log_in_by_card(on(db, clock), "04AABBCCDDEEFF")
    assert locked.value.until == clock.now() + timedelta(minutes=1)
    clock.advance(timedelta(minutes=1, seconds=1))
    who = log_in_by_card(on(db, clock), "04AABBCCDDEEFF")
    assert who is not None and who.id == olena
    with db.read() as conn:
        actions = [r[0] for r in conn.execute(text("SELECT action FROM audit_log ORDER BY id"))]
    assert actions[-2:] == ["login_card_locked", "login_card"]


def test_closing_the_shift_reports_its_operations(demo_db: Database, clock: FixedClock) -> None:
    from terminal.loyalty import Money
    from terminal.services.checkout import checkout
    from terminal.services.shifts import close_shift

    with demo_db.write() as conn:
        a = add_staff(conn, "Каса", Role.CASHIER, "1234")
        b = add_staff(conn, "Каса 2", Role.CASHIER, "4321")
        s = add_staff(conn, "Шеф", Role.SUPERVISOR, "567890")
    cashier, chief = log_in(on(demo_db, clock), a, "1234"), log_in(on(demo_db, clock), s, "567890")
    other = log_in(on(demo_db, clock), b, "4321")
    shift = open_shift(on(demo_db, clock, cashier))
    till = Till(demo_db, clock)
    card = card_key(demo_db)
    for amount in ("100", "250.50"):
        checkout(till.unit(), card, Money.parse(amount))
    with pytest.raises(NotAllowed):  # another cashier's shift: a supervisor closes it
        close_shift(till.unit(other), shift, "till-7")
    report = close_shift(till.unit(chief), shift, "till-7")
    assert (report.purchases, report.sales, report.unsent) == (2, Money.parse("350.50"), 2)
    assert report.cashier == "Каса" and report.till == "till-7"
