"""A purchase above the program's ``confirm_above`` goes through only with a supervisor's
confirmation (on a real cache file; the confirmation audited in the purchase's own
transaction, a refusal leaving nothing written)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from builders import card_key
from sqlalchemy import text

from common.clock import FixedClock
from terminal.loyalty import Money, standard_program
from terminal.services.checkout import checkout, needs_supervisor
from terminal.services.errors import ServiceError
from terminal.services.staff import Role, StaffMember, staff_on_till
from terminal.services.till import Till
from terminal.store.database import Database

PROGRAM = standard_program()


def test_above_the_programs_amount_a_supervisor_confirms() -> None:
    assert PROGRAM.confirm_above == Money.of(1_000_000)  # the default
    assert not needs_supervisor(PROGRAM, Money.of(1_000_000))  # at it: not above
    assert needs_supervisor(PROGRAM, Money.parse("1000000.01"))
    never = replace(PROGRAM, confirm_above=None)
    assert not needs_supervisor(never, PROGRAM.max_purchase)
    assert not needs_supervisor(None, Money.of(10**9))  # no program yet: the rules refuse


def _audit(db: Database) -> list[tuple[object, ...]]:
    with db.read() as conn:
        rows = conn.execute(
            text("SELECT action, staff_id, target, details FROM audit_log ORDER BY id")
        ).all()
    return [tuple(r) for r in rows]


def _operations(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute(text("SELECT count(*) FROM operations")).scalar_one())


def _outbox(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute(text("SELECT count(*) FROM outbox")).scalar_one())


def _staff(till: Till) -> tuple[StaffMember, StaffMember]:
    ((sup_id, sup_name),) = staff_on_till(till.unit(), supervisors_only=True)
    ((cashier_id, cashier_name),) = [p for p in staff_on_till(till.unit()) if p[0] != sup_id]
    return (
        StaffMember(cashier_id, cashier_name, Role.CASHIER),
        StaffMember(sup_id, sup_name, Role.SUPERVISOR),
    )


def test_a_large_purchase_is_refused_without_a_supervisor_and_audited_with_one(
    demo_db: Database, clock: FixedClock
) -> None:
    till = Till(demo_db, clock)
    key = card_key(demo_db)
    cashier, supervisor = _staff(till)
    large = Money.of(1_500_000)
    audit_before = _audit(demo_db)
    for by in (None, cashier):  # nobody, or a cashier (their own PIN is not enough)
        with pytest.raises(ServiceError) as info:
            checkout(till.unit(cashier), key, large, confirmed_by=by)
        assert info.value.code == "purchase_needs_supervisor"
        assert "above 1000000.00" in str(info.value)
    assert _operations(demo_db) == 0 and _outbox(demo_db) == 0
    assert _audit(demo_db) == audit_before

    result = checkout(till.unit(cashier), key, large, confirmed_by=supervisor)
    assert result.quote.amount == large
    assert _operations(demo_db) == 1 and _outbox(demo_db) == 1  # sent like any other
    action, staff_id, target, details = _audit(demo_db)[-1]
    assert (action, staff_id, target) == ("purchase_confirmed", supervisor.id, result.operation_id)
    assert isinstance(details, str)
    assert json.loads(details) == {
        "amount": "1500000.00",
        "confirm_above": "1000000.00",
        "cashier": cashier.id,
    }
    with demo_db.read() as conn:
        recorded_by = conn.execute(
            text("SELECT staff_id FROM operations WHERE id = :id"), {"id": result.operation_id}
        ).scalar_one()
    assert recorded_by == cashier.id  # the purchase stays the cashier's


def test_at_or_below_the_amount_nobody_is_asked_and_nothing_is_audited(
    demo_db: Database, clock: FixedClock
) -> None:
    till = Till(demo_db, clock)
    key = card_key(demo_db)
    cashier, supervisor = _staff(till)
    audited = len(_audit(demo_db))
    checkout(till.unit(cashier), key, Money.of(1_000_000))
    checkout(till.unit(cashier), key, Money.of(500), confirmed_by=supervisor)  # not needed
    assert _operations(demo_db) == 2 and len(_audit(demo_db)) == audited


def test_a_store_admin_confirms_and_a_program_without_the_amount_never_asks(
    demo_db: Database, clock: FixedClock
) -> None:
    till = Till(demo_db, clock)
    key = card_key(demo_db)
    cashier, supervisor = _staff(till)
    admin = replace(supervisor, role=Role.STORE_ADMIN)  # the demo till has no store admin
    checkout(till.unit(cashier), key, Money.of(2_000_000), confirmed_by=admin)
    assert _audit(demo_db)[-1][:2] == ("purchase_confirmed", admin.id)
    unit = till.unit(cashier)
    never = replace(unit, program=replace(unit.rules, confirm_above=None))
    audited = len(_audit(demo_db))
    checkout(never, key, Money.of(3_000_000))
    lower = replace(unit, program=replace(unit.rules, confirm_above=Money.of(100)))
    with pytest.raises(ServiceError, match=r"above 100\.00"):
        checkout(lower, key, Money.parse("100.01"))
    assert _operations(demo_db) == 2 and len(_audit(demo_db)) == audited
