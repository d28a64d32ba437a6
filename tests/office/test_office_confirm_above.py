"""A program's ``confirm_above`` between the office and a till, over real HTTP, on SQLite
and on PostgreSQL: published with the program and read back (null: never); the till asks
for a supervisor's confirmation above it, and the office applies such a purchase like any
other (the confirmation is the till's own)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from officekit import Terminal, terminal_ops
from opkit import CASHIER_ID, SUPERVISOR_ID, member_with_card
from sqlalchemy import select

from common.clock import FixedClock
from office import admin, programs
from office.db import OfficeDB
from office.models import operations as office_operations
from sync.protocol import OpStatus
from terminal.loyalty import Money
from terminal.services.checkout import checkout
from terminal.services.errors import ServiceError
from terminal.services.identify import CardKey
from terminal.services.staff import Role, StaffMember
from terminal.services.till import Till

pytestmark = pytest.mark.integration


def test_a_programs_confirm_above_is_published_read_back_and_left_to_the_till(
    terminal_any: Terminal, office_db_any: OfficeDB
) -> None:
    """The office publishes ``confirm_above`` with the program and reads it as the till
    does; the till refuses a purchase above it until a supervisor confirms, and the office
    applies that purchase like any other (the confirmation is the till's)."""
    with office_db_any.read() as conn:
        current = programs.current(conn)
    assert current is not None and current.confirm_above == Money.of(1_000_000)
    body = {**current.to_dict(), "version": current.version + 1, "confirm_above": "500.00"}
    admin.set_program(office_db_any, body)
    with office_db_any.read() as conn:
        published = programs.current(conn)
    assert published is not None and published.confirm_above == Money.of(500)
    with terminal_any.client() as client:
        assert client.snapshot("meta").body["program"]["body"]["confirm_above"] == "500.00"
    terminal_any.sync()
    till = Till(terminal_any.db, FixedClock(datetime(2026, 11, 22, 12, 0, tzinfo=UTC)))
    assert till.program.version == current.version + 1
    assert till.program.confirm_above == Money.of(500)  # the till reads it from the feed
    _, card, _ = member_with_card(office_db_any)
    cashier = StaffMember(CASHIER_ID, "Касир", Role.CASHIER)
    supervisor = StaffMember(SUPERVISOR_ID, "Старший", Role.SUPERVISOR)
    large = Money.of(2_500)
    with pytest.raises(ServiceError) as refused:
        checkout(till.unit(cashier), CardKey(card_id=card), large)
    assert refused.value.code == "purchase_needs_supervisor"
    done = checkout(till.unit(cashier), CardKey(card_id=card), large, confirmed_by=supervisor)
    terminal_any.sync()
    assert terminal_ops(terminal_any.db)[done.operation_id][0] == "acked"
    with office_db_any.read() as conn:
        status = conn.execute(
            select(office_operations.c.status).where(office_operations.c.op_id == done.operation_id)
        ).scalar_one()
    assert status == OpStatus.APPLIED.value
    never = {**body, "version": current.version + 2, "confirm_above": None}
    admin.set_program(office_db_any, never)
    with office_db_any.read() as conn:
        published = programs.current(conn)
    assert published is not None and published.confirm_above is None
    terminal_any.sync()
    till.refresh_program()
    assert till.program.confirm_above is None
