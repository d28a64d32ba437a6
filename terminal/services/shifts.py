"""The till's shift: opened at log-in, closed by its owner or a supervisor with its
report printed.

One shift is open on a till at a time: a cashier cannot log in over another person's
open shift (a supervisor can, and closes it with its report). A cashier closes their own
shift at the end of the day, after looking at its totals (:func:`shift_report`); only a
supervisor closes another person's. Closing a shift, queueing its report and its audit
line are one transaction: never closed without its report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from terminal.loyalty import Money
from terminal.receipts.model import ShiftReport
from terminal.services.errors import ServiceError
from terminal.services.ports import Reads, Writes
from terminal.services.roles import Role, StaffMember
from terminal.services.unit import Unit


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


def open_shift(unit: Unit, till_name: str = "till-1") -> Shift:
    """The till's open shift, opening one for the person on duty if none is open.

    If another person's shift is still open, a cashier is refused (:class:`ShiftStillOpen`
    names whose); a supervisor closes it as :func:`close_shift` does, its report queued
    and audited in the same transaction, and then opens their own.
    """
    who = unit.require(Role.CASHIER, "opening a shift")
    opened_at = unit.clock.now()
    now = opened_at.isoformat()
    with unit.write() as tx:
        row = tx.shifts.open_now()
        if row is not None and row.staff_id == who.id:
            return Shift(row.id, who, row.opened_at)
        if row is not None:
            if who.role is Role.CASHIER:
                raise ShiftStillOpen(row.staff_name, datetime.fromisoformat(row.opened_at))
            owner = StaffMember(row.staff_id, row.staff_name, Role(row.staff_role))
            report = _report(tx, Shift(row.id, owner, row.opened_at), opened_at, till_name)
            _close(tx, row.id, who, opened_at)
            if unit.receipts is not None:
                unit.receipts.add_shift(tx, report)
        opened = tx.shift_updates.open(who.id, now)
        tx.ledger.audit(now, "shift_opened", staff_id=who.id, target=str(opened))
        tx.commit()
    if row is not None:
        unit.wake_printer()
    return Shift(opened, who, now)


def shift_report(unit: Unit, shift: Shift, till_name: str) -> ShiftReport:
    """The shift's report so far (nothing is closed or printed): what its owner, or a
    supervisor, looks at before closing it."""
    _owner_or_supervisor(unit, shift, "the shift report")
    with unit.read() as tx:
        return _report(tx, shift, unit.clock.now(), till_name)


def close_shift(unit: Unit, shift: Shift, till_name: str) -> ShiftReport:
    """Close the shift (its owner, or a supervisor, does) and return its report: the
    operations recorded on this till since it opened. With a print queue the report is
    queued for the printer in the same transaction as the closing and its audit line."""
    who = _owner_or_supervisor(unit, shift, "closing the shift")
    closed = unit.clock.now()
    with unit.write() as tx:
        report = _report(tx, shift, closed, till_name)
        _close(tx, shift.id, who, closed)
        if unit.receipts is not None:
            unit.receipts.add_shift(tx, report)
        tx.commit()
    unit.wake_printer()
    return report


def _owner_or_supervisor(unit: Unit, shift: Shift, action: str) -> StaffMember:
    """The person on duty if the shift is theirs, or if they are a supervisor."""
    who = unit.require(Role.CASHIER, action)
    if who.id != shift.staff.id:
        who.require(Role.SUPERVISOR, action)  # another person's shift
    return who


def _close(tx: Writes, shift_id: int, who: StaffMember, closed: datetime) -> None:
    now = closed.isoformat()
    tx.shift_updates.close(shift_id, now)
    tx.ledger.audit(now, "shift_closed", staff_id=who.id, target=str(shift_id))


def _report(tx: Reads, shift: Shift, closed: datetime, till_name: str) -> ShiftReport:
    rows = tx.operations.between(shift.opened_at, closed.isoformat())
    purchases = [r for r in rows if r.kind == "purchase"]
    returns = [r for r in rows if r.kind == "return"]
    adjustments = [r.points_delta_centi for r in rows if r.kind == "adjustment"]
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
        adjustments=len(adjustments),
        points_added=Decimal(sum(d for d in adjustments if d > 0)) / 100,
        points_removed=Decimal(-sum(d for d in adjustments if d < 0)) / 100,
    )
