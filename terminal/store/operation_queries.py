"""This terminal's operations as the use cases read them: one by its id, what is pending
against a member or the till (the offline limits, the balance shown), what a shift
recorded, what the office refused (parked).

Statuses: ``pending`` (not acknowledged by the office yet: the only copy), ``acked``,
``parked`` (refused, waiting for a supervisor's review).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from terminal.store import ledger, queries
from terminal.store.records import OperationRecord, PendingTotals
from terminal.store.schema import operations

# What a pending operation spends: points given for goods, or a gift's points.
_SPENT = (
    "coalesce(sum(max(0, CASE WHEN kind = 'gift' THEN -points_delta_centi "
    "ELSE points_spent_centi END)), 0)"
)
_TILL_SPENT = f"SELECT {_SPENT} FROM operations WHERE status = 'pending'"
# A purchase counts the points it spends (not its net delta: what it earns is not the
# office's yet); anything else counts only what it takes away.
_MEMBER_PENDING = (
    f"SELECT {_SPENT}, coalesce(sum(CASE WHEN kind = 'purchase' "
    "THEN -points_spent_centi ELSE min(points_delta_centi, 0) END), 0) "
    "FROM operations WHERE status = 'pending' AND member_id = ?"
)
# One member of staff's adjustments since a moment (their day), either way; what the
# office rejected (parked) moved nothing.
_ADJUSTED = (
    "SELECT coalesce(sum(abs(points_delta_centi)), 0) FROM operations "
    "WHERE kind = 'adjustment' AND staff_id = ? AND created_at >= ? AND status != 'parked'"
)
_PARKED = (
    "SELECT id, seq, kind, created_at, member_id, result FROM operations "
    "WHERE status = 'parked' ORDER BY seq LIMIT ?"
)


@dataclass(frozen=True, slots=True)
class SpendingAgainst:
    """A member's pending operations as the offline limits count them."""

    spent_centi: int  # points spent (for goods or gifts)
    taken_centi: int  # what they take from the known balance (zero or negative)


@dataclass(frozen=True, slots=True)
class ShiftLine:
    """An operation as a shift's report counts it."""

    kind: str
    amount_minor: int
    discount_minor: int
    paid_minor: int
    points_earned_centi: int
    points_spent_centi: int
    status: str
    points_delta_centi: int = 0


@dataclass(frozen=True, slots=True)
class ParkedRecord:
    id: str
    seq: int
    kind: str
    created_at: str
    member_id: int | None
    result: str | None  # the office's answer, JSON as it sent it


class OperationRows:
    """Reading operations inside a transaction."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, op_id: str) -> OperationRecord | None:
        return queries.operation(self._conn, op_id)

    def returned_minor(self, purchase_id: str, *, pending_only: bool = False) -> int:
        """Goods value already returned against a purchase, in minor units (``pending_only``:
        by the returns not yet sent to the office, or not yet answered)."""
        return ledger.returned_minor(self._conn, purchase_id, pending_only=pending_only)

    def pending_totals(self, member_id: int) -> PendingTotals:
        return queries.pending_totals(self._conn, member_id)

    def recent(
        self, member_id: int | None, card_id: int | None, limit: int
    ) -> list[OperationRecord]:
        """The newest operations on a member (or a card without one), newest first."""
        return queries.recent_operations(self._conn, member_id, card_id, limit)

    def purchase_ids_between(self, low: str, high: str) -> list[str]:
        """This till's purchases with ``low <= id < high`` (a receipt's short code)."""
        rows = self._conn.exec_driver_sql(
            "SELECT id FROM operations WHERE id >= ? AND id < ? AND kind = 'purchase' LIMIT 20",
            (low, high),
        )
        return [str(r[0]) for r in rows]

    def adjusted_since(self, staff_id: int, since: str) -> int:
        """Points (hundredths, either way) ``staff_id`` adjusted on this till since
        ``since`` (an ISO time, compared as the till writes ``created_at``)."""
        return int(self._conn.exec_driver_sql(_ADJUSTED, (staff_id, since)).scalar_one())

    def till_spending(self) -> int:
        """Points (in hundredths) spent by all this till's pending operations."""
        return int(self._conn.exec_driver_sql(_TILL_SPENT).scalar_one())

    def member_spending(self, member_id: int) -> SpendingAgainst:
        row = self._conn.exec_driver_sql(_MEMBER_PENDING, (member_id,)).one()
        return SpendingAgainst(int(row[0]), int(row[1]))

    def between(self, since: str, until: str) -> list[ShiftLine]:
        """The operations created from ``since`` to ``until`` (ISO 8601), both included."""
        rows = self._conn.execute(
            select(
                operations.c.kind,
                operations.c.amount_minor,
                operations.c.discount_minor,
                operations.c.paid_minor,
                operations.c.points_earned_centi,
                operations.c.points_spent_centi,
                operations.c.status,
                operations.c.points_delta_centi,
            ).where(operations.c.created_at >= since, operations.c.created_at <= until)
        )
        return [ShiftLine(*row) for row in rows]

    def parked(self, limit: int) -> list[ParkedRecord]:
        """The operations the office refused, oldest first."""
        return [
            ParkedRecord(
                str(op_id),
                int(seq),
                str(kind),
                str(created_at),
                None if member_id is None else int(member_id),
                None if result is None else str(result),
            )
            for op_id, seq, kind, created_at, member_id, result in self._conn.exec_driver_sql(
                _PARKED, (limit,)
            )
        ]
