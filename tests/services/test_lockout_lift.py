"""A supervisor lifts a cashier's PIN lock-out at the till, audited; a cashier cannot,
nor can a supervisor lift their own or another supervisor's; a till that follows an
office makes no staff of its own."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from common.clock import FixedClock
from terminal.services.staff import (
    LockedOut,
    NotAllowed,
    PinRejected,
    Role,
    StaffMember,
    add_staff,
    lift_lock_out,
    locked_out,
    log_in,
)
from terminal.services.till import Till
from terminal.store import sync_state
from terminal.store.database import Database
from terminal.store.staff_queries import OfficeOwnsStaff


def _lock(db: Database, clock: FixedClock, staff_id: int) -> None:
    for _ in range(4):
        with pytest.raises(PinRejected):
            log_in(Till(db, clock).unit(), staff_id, "0000")
    with pytest.raises(LockedOut):
        log_in(Till(db, clock).unit(), staff_id, "0000")


def test_a_supervisor_lifts_a_cashiers_lock_out_and_it_is_audited(
    db: Database, clock: FixedClock
) -> None:
    with db.write() as conn:
        anna = add_staff(conn, "Анна", Role.CASHIER, "4821")
        chief = add_staff(conn, "Шеф", Role.SUPERVISOR, "987654")
        other = add_staff(conn, "Другой Шеф", Role.SUPERVISOR, "555555")
    _lock(db, clock, anna)
    _lock(db, clock, other)
    till = Till(db, clock)
    supervisor = StaffMember(chief, "Шеф", Role.SUPERVISOR)
    assert [name for _, name, _ in locked_out(till.unit(supervisor))] == ["Анна", "Другой Шеф"]

    with pytest.raises(NotAllowed):  # a cashier cannot
        lift_lock_out(till.unit(StaffMember(anna, "Анна", Role.CASHIER)), anna)
    with pytest.raises(NotAllowed):  # nor a supervisor another supervisor's
        lift_lock_out(till.unit(supervisor), other)

    lift_lock_out(till.unit(supervisor), anna)
    assert log_in(till.unit(), anna, "4821").name == "Анна"  # at once, not in a minute
    with pytest.raises(LockedOut):
        log_in(till.unit(), other, "555555")
    with db.read() as conn:
        rows = conn.execute(
            text("SELECT staff_id, target, details FROM audit_log WHERE action = 'lockout_lifted'")
        ).all()
    assert [(r[0], r[1]) for r in rows] == [(chief, str(anna))]
    assert json.loads(rows[0][2])["failed_pins"] == 5


def test_a_till_that_follows_an_office_adds_no_staff_itself(db: Database) -> None:
    with db.write() as conn:
        sync_state.set_state(conn, sync_state.OFFICE_TERMINAL, "3")
    with db.write() as conn, pytest.raises(OfficeOwnsStaff):
        add_staff(conn, "Самозванец", Role.SUPERVISOR, "123456")
