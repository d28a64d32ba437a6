"""The till's shift: opened at log-in, closed by a supervisor with its report printed.

One shift is open on a till at a time: a cashier cannot log in over another person's
open shift (a supervisor can, and closes it with its report). Closing a shift, queueing
its report and its audit line are one transaction: never closed without its report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection, insert, select, update

from common.clock import Clock
from terminal.loyalty import Money
from terminal.receipts.model import ShiftReport
from terminal.receipts.spool import Spooler
from terminal.services.errors import ServiceError
from terminal.services.staff import Role, StaffMember, new_id
from terminal.store import ledger
from terminal.store.database import Database
from terminal.store.schema import operations, shifts, staff


@dataclass(frozen=True, slots=True)
class Shift:
    id: int
    staff: StaffMember
    opened_at: str


class ShiftStillOpen(ServiceError):
    """Another person's shift is open on this till: a cashier may not take it over."""

    def __init__(self, owner: str, opened_at: datetime) -> None:
        super().__init__("shift_still_open", owner=owner, opened=f"{opened_at:%d.%m %H:%M}")
        self.owner = owner
        self.opened_at = opened_at


def open_shift(
    db: Database,
    who: StaffMember,
    clock: Clock,
    till_name: str = "till-1",
    receipts: Spooler | None = None,
) -> Shift:
    """The till's open shift, opening one for ``who`` if none is open.

    If another person's shift is still open, a cashier is refused (:class:`ShiftStillOpen`
    names whose); a supervisor closes it as :func:`close_shift` does, its report queued
    and audited in the same transaction, and then opens their own.
    """
    opened_at = clock.now()
    now = opened_at.isoformat()
    with db.write() as conn:
        row = conn.execute(
            select(shifts.c.id, shifts.c.opened_at, shifts.c.staff_id, staff.c.name, staff.c.role)
            .join(staff, staff.c.id == shifts.c.staff_id)
            .where(shifts.c.closed_at.is_(None))
        ).first()
        if row is not None and row.staff_id == who.id:
            return Shift(row.id, who, row.opened_at)
        if row is not None:
            if who.role is Role.CASHIER:
                raise ShiftStillOpen(row.name, datetime.fromisoformat(row.opened_at))
            owner = StaffMember(row.staff_id, row.name, Role(row.role))
            report = _report(conn, Shift(row.id, owner, row.opened_at), opened_at, till_name)
            _close(conn, row.id, who, opened_at)
            if receipts is not None:
                receipts.enqueue_shift(conn, report)
        shift_id = conn.execute(insert(shifts).values(staff_id=who.id, opened_at=now))
        opened = new_id(shift_id.inserted_primary_key)
        ledger.audit(conn, now, "shift_opened", staff_id=who.id, target=str(opened))
    if row is not None and receipts is not None:
        receipts.wake()
    return Shift(opened, who, now)


def close_shift(
    db: Database,
    shift: Shift,
    who: StaffMember,
    clock: Clock,
    till_name: str,
    receipts: Spooler | None = None,
) -> ShiftReport:
    """Close the shift (a supervisor's action) and return its report: the operations
    recorded on this till since it opened. With ``receipts`` the report is queued for the
    printer in the same transaction as the closing and its audit line."""
    who.require(Role.SUPERVISOR, "closing the shift")
    closed = clock.now()
    with db.write() as conn:
        report = _report(conn, shift, closed, till_name)
        _close(conn, shift.id, who, closed)
        if receipts is not None:
            receipts.enqueue_shift(conn, report)
    if receipts is not None:
        receipts.wake()
    return report


def _close(conn: Connection, shift_id: int, who: StaffMember, closed: datetime) -> None:
    now = closed.isoformat()
    conn.execute(
        update(shifts)
        .where(shifts.c.id == shift_id, shifts.c.closed_at.is_(None))
        .values(closed_at=now)
    )
    ledger.audit(conn, now, "shift_closed", staff_id=who.id, target=str(shift_id))


def _report(conn: Connection, shift: Shift, closed: datetime, till_name: str) -> ShiftReport:
    rows = conn.execute(
        select(
            operations.c.kind,
            operations.c.amount_minor,
            operations.c.discount_minor,
            operations.c.paid_minor,
            operations.c.points_earned_centi,
            operations.c.points_spent_centi,
            operations.c.status,
        ).where(
            operations.c.created_at >= shift.opened_at,
            operations.c.created_at <= closed.isoformat(),
        )
    ).all()
    purchases = [r for r in rows if r.kind == "purchase"]
    returns = [r for r in rows if r.kind == "return"]
    return ShiftReport(
        till=till_name,
        cashier=shift.staff.name,
        opened_at=datetime.fromisoformat(shift.opened_at),
        closed_at=closed,
        operations=len(rows),
        purchases=len(purchases),
        returns=len(returns),
        gifts=sum(1 for r in rows if r.kind == "gift"),
        sales=Money.from_minor(sum(r.amount_minor for r in purchases)),
        discounts=Money.from_minor(sum(r.discount_minor for r in purchases)),
        paid=Money.from_minor(sum(r.paid_minor for r in purchases)),
        returned=Money.from_minor(-sum(r.paid_minor for r in returns)),
        points_earned=Decimal(sum(r.points_earned_centi for r in purchases)) / 100,
        points_spent=Decimal(sum(r.points_spent_centi for r in purchases)) / 100,
        unsent=sum(1 for r in rows if r.status == "pending"),
    )
